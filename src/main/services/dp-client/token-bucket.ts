/**
 * Client-side mirror of Digital Post's per-identity token bucket (§12.1; view clients: 20 tokens, 10/s), so normal
 * use never earns a 429. Callers are served strictly in arrival order. The server's X-RateLimit-* headers correct
 * our picture: its remaining count can only lower ours (requests in flight were already counted here).
 */
export interface TokenBucketOptions {
  capacity?: number;
  /** Tokens per second. */
  replenishRate?: number;
  /**
   * Fraction of the advertised rate we actually use. Requests that leave us one refill apart can reach the server
   * closer together than that (network jitter), so a little slack keeps us under its limit.
   */
  safety?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimitHeaders {
  remaining?: number;
  burstCapacity?: number;
  replenishRate?: number;
}

/** What the API client needs from a limiter (TokenBucket, or one that follows the current environment). */
export interface RateLimiter {
  acquire(cost?: number): Promise<void>;
  update(headers: RateLimitHeaders): void;
  /** Returns how long everyone now waits, in ms. */
  penalize(ms?: number): number;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TokenBucket implements RateLimiter {
  private capacity: number;
  private rate: number;
  private readonly safety: number;
  private tokens: number;
  private last: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Tail of the FIFO: each acquire waits for the one before it. */
  private tail: Promise<void> = Promise.resolve();
  /** Set after a 429: nobody gets a token before this moment. */
  private blockedUntil = 0;

  constructor(options: TokenBucketOptions = {}) {
    this.capacity = options.capacity ?? 20;
    this.rate = options.replenishRate ?? 10;
    this.safety = options.safety ?? 0.9;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.tokens = this.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate * this.safety);
  }

  /** Resolves when the caller may send one request; callers are served in the order they asked. */
  acquire(cost = 1): Promise<void> {
    const turn = this.tail.then(async () => {
      for (;;) {
        const block = this.blockedUntil - this.now();
        if (block > 0) {
          await this.sleep(block);
          continue;
        }
        this.refill();
        if (this.tokens >= cost) {
          this.tokens -= cost;
          return;
        }
        const waitMs = Math.ceil(((cost - this.tokens) / (this.rate * this.safety)) * 1000);
        await this.sleep(Math.max(1, waitMs));
      }
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  /** Adopts the server's view from a response's X-RateLimit-* headers. */
  update(h: RateLimitHeaders): void {
    this.refill();
    if (h.burstCapacity !== undefined && h.burstCapacity > 0) {
      this.capacity = h.burstCapacity;
      this.tokens = Math.min(this.tokens, this.capacity);
    }
    if (h.replenishRate !== undefined && h.replenishRate > 0) this.rate = h.replenishRate;
    if (h.remaining !== undefined && h.remaining >= 0) this.tokens = Math.min(this.tokens, h.remaining);
  }

  /** After a 429: empty the bucket and hold everyone back for `ms` (Retry-After, or one refill). */
  penalize(ms?: number): number {
    this.refill();
    this.tokens = 0;
    const wait = ms ?? Math.ceil(1000 / this.rate);
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + wait);
    return wait;
  }

  /** For tests and diagnostics. */
  snapshot(): { tokens: number; capacity: number; replenishRate: number } {
    this.refill();
    return { tokens: this.tokens, capacity: this.capacity, replenishRate: this.rate };
  }
}

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export const readRateLimitHeaders = (headers: Headers): RateLimitHeaders => ({
  remaining: num(headers.get('x-ratelimit-remaining')),
  burstCapacity: num(headers.get('x-ratelimit-burst-capacity')),
  replenishRate: num(headers.get('x-ratelimit-replenish-rate')),
});

/** Retry-After as delta-seconds or an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (value: string | null, now: number = Date.now()): number | undefined => {
  if (!value) return undefined;
  const secs = Number(value);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
};

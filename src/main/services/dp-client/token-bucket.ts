/**
 * Client-side mirror of Digital Post's per-identity token bucket (§12.1; view clients: 20 tokens, 10/s), so normal
 * use never earns a 429. Callers are served strictly in arrival order.
 *
 * The server's clock runs when it *processes* a request, not when we sent it: a server that is busy processes a
 * queue of our requests close together, and refill we counted while they waited never happened there. So the
 * estimate is anchored on answers: after each response we know the server had `X-RateLimit-Remaining` tokens at
 * some moment before we read it, minus whatever of ours is still in flight, and only refill from then on counts.
 * Until the first answer (a cold start) nothing is refilled at all.
 */
export interface TokenBucketOptions {
  capacity?: number;
  /** Tokens per second. */
  replenishRate?: number;
  /** Fraction of the advertised rate we count on (clock drift, rounding of the remaining count). */
  safety?: number;
  /** Tokens we never spend: a cushion for the server's rounding and other clients of the same identity. */
  reserve?: number;
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
  /** Waits for a token; every acquire must be followed by exactly one complete(). */
  acquire(cost?: number): Promise<void>;
  /** The request is over: its response's X-RateLimit-* headers, or undefined when there was no response. */
  complete(headers?: RateLimitHeaders): void;
  /** After a 429: returns how long everyone now waits, in ms. */
  penalize(ms?: number): number;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TokenBucket implements RateLimiter {
  private capacity: number;
  private rate: number;
  private readonly safety: number;
  private readonly reserve: number;
  private tokens: number;
  private last: number;
  /** False until an answer tells us when the server started counting. */
  private refilling = false;
  private inFlight = 0;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Tail of the FIFO: each acquire waits for the one before it. */
  private tail: Promise<void> = Promise.resolve();
  /** Set after a 429: nobody gets a token before this moment. */
  private blockedUntil = 0;

  constructor(options: TokenBucketOptions = {}) {
    this.capacity = options.capacity ?? 20;
    this.rate = options.replenishRate ?? 10;
    // The estimate is re-anchored on every answer (see above), so errors do not accumulate and the margins can be
    // thin: 1% for clock drift and one token for the server's rounding. `npm run bench` measures the result
    // (fetch_files_efficiency, fetch_files_429_count).
    this.safety = options.safety ?? 0.99;
    this.reserve = options.reserve ?? 1;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.tokens = this.capacity;
    this.last = this.now();
  }

  private refill(): void {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    if (this.refilling) this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.rate * this.safety);
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
        // The cushion never takes more than half of what is left after this request, so a tiny bucket still works.
        const needed = cost + Math.min(this.reserve, Math.max(0, this.capacity - cost) / 2);
        if (this.tokens >= needed) {
          this.tokens -= cost;
          this.inFlight += 1;
          return;
        }
        // Without refill (cold start) an answer is what unblocks us; poll for it.
        const waitMs = this.refilling ? Math.ceil(((needed - this.tokens) / (this.rate * this.safety)) * 1000) : 25;
        await this.sleep(Math.max(1, waitMs));
      }
    });
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  complete(h: RateLimitHeaders = {}): void {
    this.refill();
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (h.burstCapacity !== undefined && h.burstCapacity > 0) {
      this.capacity = h.burstCapacity;
      this.tokens = Math.min(this.tokens, this.capacity);
    }
    if (h.replenishRate !== undefined && h.replenishRate > 0) this.rate = h.replenishRate;
    // Our requests still in flight may be processed after this one: count them as spent already.
    if (h.remaining !== undefined && h.remaining >= 0) this.tokens = Math.min(this.tokens, h.remaining - this.inFlight);
    // With or without headers (an answer from something that does not rate limit, or no answer): time counts now.
    this.refilling = true;
  }

  penalize(ms?: number): number {
    this.refill();
    this.tokens = Math.min(this.tokens, 0);
    // A 429 is an answer: the server is counting, so refill from here on is real.
    this.refilling = true;
    const wait = ms ?? Math.ceil(1000 / this.rate);
    this.blockedUntil = Math.max(this.blockedUntil, this.now() + wait);
    return wait;
  }

  /** For tests and diagnostics. */
  snapshot(): { tokens: number; capacity: number; replenishRate: number; inFlight: number } {
    this.refill();
    return { tokens: this.tokens, capacity: this.capacity, replenishRate: this.rate, inFlight: this.inFlight };
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

/**
 * Client-side mirror of Digital Post's per-identity token bucket (§12.1; view clients: 20 tokens, 10/s), so normal
 * use never earns a 429. Callers are served in arrival order within their lane.
 *
 * Two lanes share the one bucket, because the server counts them together: the UI's requests (foreground) and work
 * nobody is looking at yet, like the archive sync (background). A background request takes tokens only while no
 * foreground request is waiting, and leaves `backgroundReserve` tokens in the bucket, so a click during a sync finds
 * its tokens at once instead of queueing behind the sync's backlog; without UI requests the sync runs at the full rate.
 *
 * The server's clock runs when it *processes* a request, not when we sent it: a server that is busy processes a
 * queue of our requests close together, and refill we counted while they waited never happened there. So the
 * estimate is anchored on answers: after each response we know the server had `X-RateLimit-Remaining` tokens at
 * some moment before we read it, minus whatever of ours is still in flight, and only refill from then on counts.
 * Until the first answer (a cold start) nothing is refilled at all.
 *
 * Requests are not all equally dear: each answer says in `X-RateLimit-Requested-Tokens` what it took, and the server
 * decides which kinds are expensive (and may change that). So the cost is learnt per kind of request from its last
 * answer, and the first request of a kind not seen yet goes alone, so a burst of a dear kind cannot overdraw.
 */
export interface TokenBucketOptions {
  capacity?: number;
  /** Tokens per second. */
  replenishRate?: number;
  /** Fraction of the advertised rate we count on (clock drift, rounding of the remaining count). */
  safety?: number;
  /** Tokens we never spend: a cushion for the server's rounding and other clients of the same identity. */
  reserve?: number;
  /** Tokens background requests leave on top of `reserve`: what opening a letter takes (the message and its file). */
  backgroundReserve?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface RateLimitHeaders {
  remaining?: number;
  /** What this request took from the server's bucket. */
  requestedTokens?: number;
  burstCapacity?: number;
  replenishRate?: number;
}

/** What one acquire took from our estimate: handed back to complete() so the answer can correct it. */
export interface Charge {
  /** The kind of request (e.g. method and route), when costs are learnt per kind. */
  readonly kind?: string;
  readonly cost: number;
}

const ONE_TOKEN: Charge = { cost: 1 };

/** Who waits for the answer: the user (foreground), or nobody yet (background, e.g. the archive sync). */
export type RequestPriority = 'foreground' | 'background';

/** What the API client needs from a limiter (TokenBucket, or one that follows the current environment). */
export interface RateLimiter {
  /**
   * Waits until a request of this kind may go, at what the last one of its kind cost (one token when none has been
   * answered yet). Every acquire must be followed by exactly one complete() with the charge it returned.
   * Background requests yield to every foreground one (foreground when not given).
   */
  acquire(kind?: string, priority?: RequestPriority): Promise<Charge>;
  /** The request is over: its response's X-RateLimit-* headers, or undefined when there was no response. */
  complete(headers?: RateLimitHeaders, charge?: Charge): void;
  /** After a 429: returns how long everyone now waits, in ms. */
  penalize(ms?: number): number;
}

const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export class TokenBucket implements RateLimiter {
  private capacity: number;
  private rate: number;
  private readonly safety: number;
  private readonly reserve: number;
  private readonly backgroundReserve: number;
  private tokens: number;
  private last: number;
  /** False until an answer tells us when the server started counting. */
  private refilling = false;
  private inFlight = 0;
  /** Tokens our requests in flight were charged: the server may count them after the answer we are reading. */
  private inFlightTokens = 0;
  /** What the last answered request of each kind took. */
  private readonly costs = new Map<string, number>();
  /** Kinds whose cost is not known yet, with the first one out: the others of its kind wait for its answer. */
  private readonly probes = new Map<string, { done: Promise<void>; resolve: () => void }>();
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Tail of the foreground FIFO: each acquire waits for the one before it. */
  private tail: Promise<unknown> = Promise.resolve();
  /** Tail of the background FIFO. */
  private backgroundTail: Promise<unknown> = Promise.resolve();
  /** Foreground acquires not yet served: while there are any, the background lane takes nothing. */
  private foregroundWaiting = 0;
  /** Resolved when the last waiting foreground acquire has been served. */
  private foregroundIdle: { done: Promise<void>; resolve: () => void } | undefined;
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
    // Three tokens: a letter and its main file (a content download costs two on the sandbox), so opening one during a
    // sync goes at once. It is spent once per sync, not per request, so the sync's long-run rate stays the full one.
    this.backgroundReserve = options.backgroundReserve ?? 3;
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

  /** Resolves when the caller may send one request; callers of a lane are served in the order they asked. */
  acquire(kind?: string, priority: RequestPriority = 'foreground'): Promise<Charge> {
    if (priority === 'background') {
      const turn = this.backgroundTail.then(() => this.take(kind, true));
      this.backgroundTail = turn.catch(() => undefined);
      return turn;
    }
    // Counted at once, before the turn starts, so a background request deciding now already sees this one waiting.
    this.foregroundWaiting += 1;
    const turn = this.tail.then(() => this.take(kind, false)).finally(() => this.foregroundServed());
    this.tail = turn.catch(() => undefined);
    return turn;
  }

  private foregroundServed(): void {
    this.foregroundWaiting -= 1;
    if (this.foregroundWaiting > 0 || !this.foregroundIdle) return;
    const idle = this.foregroundIdle;
    this.foregroundIdle = undefined;
    idle.resolve();
  }

  private untilForegroundIdle(): Promise<void> {
    if (!this.foregroundIdle) {
      let resolve = (): void => undefined;
      const done = new Promise<void>((r) => (resolve = r));
      this.foregroundIdle = { done, resolve };
    }
    return this.foregroundIdle.done;
  }

  private async take(kind: string | undefined, background: boolean): Promise<Charge> {
    for (;;) {
      const block = this.blockedUntil - this.now();
      if (block > 0) {
        await this.sleep(block);
        continue;
      }
      if (background && this.foregroundWaiting > 0) {
        await this.untilForegroundIdle();
        continue;
      }
      const probe = kind !== undefined && !this.costs.has(kind) ? this.probes.get(kind) : undefined;
      if (probe) {
        await probe.done;
        continue;
      }
      this.refill();
      // More than the bucket holds could never be had; the server's answer corrects what we charge.
      const cost = Math.min(this.capacity, kind !== undefined ? (this.costs.get(kind) ?? 1) : 1);
      // The cushion never takes more than half of what is left after this request, so a tiny bucket still works.
      const cushion = cost + Math.min(this.reserve, Math.max(0, this.capacity - cost) / 2);
      // The UI's share is left only as far as the bucket holds it: in a tiny bucket the sync still goes, when full.
      const needed = background
        ? Math.max(cushion, Math.min(this.capacity, cushion + this.backgroundReserve))
        : cushion;
      if (this.tokens >= needed) {
        this.tokens -= cost;
        this.inFlight += 1;
        this.inFlightTokens += cost;
        if (kind !== undefined && !this.costs.has(kind)) {
          let resolve = (): void => undefined;
          const done = new Promise<void>((r) => (resolve = r));
          this.probes.set(kind, { done, resolve });
        }
        return kind !== undefined ? { kind, cost } : { cost };
      }
      // Without refill (cold start) an answer is what unblocks us; poll for it.
      const waitMs = this.refilling ? Math.ceil(((needed - this.tokens) / (this.rate * this.safety)) * 1000) : 25;
      await this.sleep(Math.max(1, waitMs));
    }
  }

  complete(answer?: RateLimitHeaders, charge: Charge = ONE_TOKEN): void {
    const h = answer ?? {};
    this.refill();
    this.inFlight = Math.max(0, this.inFlight - 1);
    this.inFlightTokens = Math.max(0, this.inFlightTokens - charge.cost);
    if (h.requestedTokens !== undefined && h.requestedTokens >= 0) {
      // The server took what it says, not what we guessed.
      this.tokens -= h.requestedTokens - charge.cost;
      if (charge.kind !== undefined) this.costs.set(charge.kind, h.requestedTokens);
    } else if (charge.kind !== undefined && answer !== undefined && !this.costs.has(charge.kind)) {
      // An answer without the header (a server that does not say): the kind need not go one at a time any longer.
      this.costs.set(charge.kind, charge.cost);
    }
    if (charge.kind !== undefined) {
      const probe = this.probes.get(charge.kind);
      this.probes.delete(charge.kind);
      probe?.resolve();
    }
    if (h.burstCapacity !== undefined && h.burstCapacity > 0) {
      this.capacity = h.burstCapacity;
      this.tokens = Math.min(this.tokens, this.capacity);
    }
    if (h.replenishRate !== undefined && h.replenishRate > 0) this.rate = h.replenishRate;
    // Our requests still in flight may be processed after this one: count them as spent already.
    if (h.remaining !== undefined && h.remaining >= 0)
      this.tokens = Math.min(this.tokens, h.remaining - this.inFlightTokens);
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

  /** What a request of this kind is charged now; undefined until one has been answered. */
  costOf(kind: string): number | undefined {
    return this.costs.get(kind);
  }
}

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

export const readRateLimitHeaders = (headers: Headers): RateLimitHeaders => ({
  remaining: num(headers.get('x-ratelimit-remaining')),
  requestedTokens: num(headers.get('x-ratelimit-requested-tokens')),
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

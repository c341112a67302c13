import { describe, expect, it } from 'vitest';
import { parseRetryAfter, readRateLimitHeaders, TokenBucket } from './token-bucket';

/** A manual clock: sleeping advances time, so the bucket's waiting can be checked without real delays. */
const clock = () => {
  let t = 0;
  return { now: () => t, sleep: (ms: number) => ((t += ms), Promise.resolve()), advance: (ms: number) => (t += ms) };
};

describe('TokenBucket', () => {
  it('lets a full burst through at once, then paces at the replenish rate (with the safety margin)', async () => {
    const c = clock();
    const bucket = new TokenBucket({
      capacity: 20,
      replenishRate: 10,
      safety: 1,
      reserve: 0,
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 20; i++) await bucket.acquire();
    expect(c.now()).toBe(0);
    bucket.complete();
    for (let i = 0; i < 10; i++) {
      await bucket.acquire();
      bucket.complete();
    }
    expect(c.now()).toBeGreaterThanOrEqual(1000);
    expect(c.now()).toBeLessThan(1100);
  });

  const lowestServerBucket = async (options: { safety?: number; reserve?: number }): Promise<number> => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, ...options, now: c.now, sleep: c.sleep });
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      await bucket.acquire();
      times.push(c.now());
      bucket.complete();
    }
    // Replay these send times against the server's bucket (same capacity, full rate) and note its low point.
    let tokens = 20;
    let last = 0;
    let lowest = Infinity;
    for (const t of times) {
      tokens = Math.min(20, tokens + ((t - last) / 1000) * 10);
      last = t;
      lowest = Math.min(lowest, tokens);
      tokens -= 1;
    }
    return lowest;
  };

  it('leaves the server bucket a cushion of `reserve` tokens over any run of requests', async () => {
    expect(await lowestServerBucket({ safety: 0.9, reserve: 2 })).toBeGreaterThanOrEqual(3 - 1e-9);
  });

  it('by default keeps one token in hand and otherwise runs at the full advertised rate', async () => {
    const lowest = await lowestServerBucket({});
    expect(lowest).toBeGreaterThanOrEqual(2 - 1e-9);
    // Not a wasteful margin either: the server's bucket is nearly drained at the low point.
    expect(lowest).toBeLessThan(3);
  });

  it('serves waiting callers in FIFO order', async () => {
    const bucket = new TokenBucket({ capacity: 1, replenishRate: 50 });
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => bucket.acquire().then(() => (order.push(i), bucket.complete()))));
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('adopts the server headers: remaining minus our requests in flight, new capacity and rate', async () => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, now: c.now, sleep: c.sleep });
    await bucket.acquire();
    await bucket.acquire();
    bucket.complete({ remaining: 5, burstCapacity: 6, replenishRate: 3 });
    // The other request is still in flight and may be counted after this one.
    expect(bucket.snapshot()).toEqual({ tokens: 4, capacity: 6, replenishRate: 3, inFlight: 1 });
    // A higher remaining never raises ours.
    bucket.complete({ remaining: 6 });
    expect(bucket.snapshot()).toMatchObject({ tokens: 4, inFlight: 0 });
  });

  it('counts no refill until the server has answered once (it may not have started counting yet)', async () => {
    const c = clock();
    const bucket = new TokenBucket({
      capacity: 4,
      replenishRate: 10,
      safety: 0.9,
      reserve: 0,
      now: c.now,
      sleep: c.sleep,
    });
    for (let i = 0; i < 4; i++) await bucket.acquire();
    c.advance(5000);
    expect(bucket.snapshot().tokens).toBe(0);
    bucket.complete({ remaining: 0 });
    // Three of ours are still out there: they may yet be counted, so we owe them.
    expect(bucket.snapshot().tokens).toBe(-3);
    c.advance(500);
    expect(bucket.snapshot().tokens).toBeCloseTo(-3 + 4.5, 5);
  });

  it('falls back to plain pacing when answers carry no rate-limit headers', async () => {
    const c = clock();
    const bucket = new TokenBucket({
      capacity: 2,
      replenishRate: 10,
      safety: 1,
      reserve: 0,
      now: c.now,
      sleep: c.sleep,
    });
    await bucket.acquire();
    await bucket.acquire();
    bucket.complete();
    bucket.complete();
    await bucket.acquire();
    expect(c.now()).toBeGreaterThanOrEqual(100);
    expect(c.now()).toBeLessThan(200);
  });

  it('charges a kind what its last answer said it took, and waits for that many tokens', async () => {
    const c = clock();
    const bucket = new TokenBucket({
      capacity: 20,
      replenishRate: 10,
      safety: 1,
      reserve: 0,
      now: c.now,
      sleep: c.sleep,
    });
    const first = await bucket.acquire('GET content');
    expect(first).toEqual({ kind: 'GET content', cost: 1 });
    // The server took 5, not the 1 we guessed, and has 15 left.
    bucket.complete({ remaining: 15, requestedTokens: 5 }, first);
    expect(bucket.costOf('GET content')).toBe(5);
    expect(bucket.snapshot().tokens).toBe(15);
    for (let i = 0; i < 3; i++) bucket.complete({}, await bucket.acquire('GET content'));
    expect(bucket.snapshot().tokens).toBe(0);
    expect(c.now()).toBe(0);
    // The next one waits for five tokens, half a second at 10/s; a cheap kind is charged one.
    const fourth = await bucket.acquire('GET content');
    expect(fourth.cost).toBe(5);
    expect(c.now()).toBe(500);
    bucket.complete({ requestedTokens: 5 }, fourth);
    bucket.complete({ requestedTokens: 1 }, await bucket.acquire('GET list'));
    expect(bucket.costOf('GET list')).toBe(1);
    expect(c.now()).toBe(600);
  });

  it('gives back what it over-charged when a kind turns cheap, and never charges more than the bucket holds', async () => {
    const c = clock();
    const bucket = new TokenBucket({
      capacity: 4,
      replenishRate: 10,
      safety: 1,
      reserve: 0,
      now: c.now,
      sleep: c.sleep,
    });
    bucket.complete({ requestedTokens: 9 }, await bucket.acquire('GET big'));
    const big = await bucket.acquire('GET big');
    expect(big.cost).toBe(4);
    bucket.complete({ requestedTokens: 1 }, big);
    expect(bucket.costOf('GET big')).toBe(1);
  });

  it('sends the first request of an unknown kind alone, so a burst cannot overdraw before the cost is known', async () => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, now: c.now, sleep: c.sleep });
    const first = await bucket.acquire('GET content');
    let secondStarted = false;
    const second = bucket.acquire('GET content').then((ch) => ((secondStarted = true), ch));
    // Other requests queue behind it in arrival order, whatever their kind.
    await new Promise((r) => setTimeout(r, 5));
    expect(secondStarted).toBe(false);
    bucket.complete({ remaining: 15, requestedTokens: 5 }, first);
    expect((await second).cost).toBe(5);
    // Without any answer (a network error) nothing is learnt, and the next of the kind is the new first.
    const unknown = await bucket.acquire('GET other');
    bucket.complete(undefined, unknown);
    expect(bucket.costOf('GET other')).toBeUndefined();
    // An answer without the header: one token, and no more waiting for each other.
    bucket.complete({}, await bucket.acquire('GET other'));
    expect(bucket.costOf('GET other')).toBe(1);
  });

  it('re-anchors on remaining minus the tokens, not the number, of our requests in flight', async () => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, now: c.now, sleep: c.sleep });
    bucket.complete({ remaining: 19, requestedTokens: 3 }, await bucket.acquire('GET content'));
    const a = await bucket.acquire('GET content');
    await bucket.acquire('GET content');
    bucket.complete({ remaining: 10 }, a);
    // One of ours worth 3 tokens is still out there.
    expect(bucket.snapshot()).toMatchObject({ tokens: 7, inFlight: 1 });
  });

  it('holds everyone back after a 429 for Retry-After', async () => {
    const c = clock();
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, now: c.now, sleep: c.sleep });
    bucket.penalize(2000);
    await bucket.acquire();
    expect(c.now()).toBeGreaterThanOrEqual(2000);
  });
});

describe('rate-limit headers', () => {
  it('reads X-RateLimit-* and Retry-After', () => {
    const h = new Headers({
      'X-RateLimit-Remaining': '7',
      'X-RateLimit-Requested-Tokens': '3',
      'X-RateLimit-Burst-Capacity': '20',
      'X-RateLimit-Replenish-Rate': '10',
    });
    expect(readRateLimitHeaders(h)).toEqual({ remaining: 7, requestedTokens: 3, burstCapacity: 20, replenishRate: 10 });
    expect(readRateLimitHeaders(new Headers())).toEqual({
      remaining: undefined,
      requestedTokens: undefined,
      burstCapacity: undefined,
      replenishRate: undefined,
    });
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

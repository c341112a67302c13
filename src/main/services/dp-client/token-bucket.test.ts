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
      'X-RateLimit-Burst-Capacity': '20',
      'X-RateLimit-Replenish-Rate': '10',
    });
    expect(readRateLimitHeaders(h)).toEqual({ remaining: 7, burstCapacity: 20, replenishRate: 10 });
    expect(readRateLimitHeaders(new Headers())).toEqual({
      remaining: undefined,
      burstCapacity: undefined,
      replenishRate: undefined,
    });
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

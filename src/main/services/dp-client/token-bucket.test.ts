import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseRetryAfter, readRateLimitHeaders, TokenBucket } from './token-bucket';

/** A manual clock: sleeping advances time, so the bucket's waiting can be checked without real delays. */
const clock = () => {
  let t = 0;
  return { now: () => t, sleep: (ms: number) => ((t += ms), Promise.resolve()), advance: (ms: number) => (t += ms) };
};

/** A bucket on the manual clock, so a test reads the time its waits took. */
const clockedBucket = (options: { capacity: number; replenishRate: number; safety?: number; reserve?: number }) => {
  const c = clock();
  return { c, bucket: new TokenBucket({ ...options, now: c.now, sleep: c.sleep }) };
};

describe('TokenBucket', () => {
  it('lets a full burst through at once, then paces at the replenish rate (with the safety margin)', async () => {
    const { c, bucket } = clockedBucket({ capacity: 20, replenishRate: 10, safety: 1, reserve: 0 });
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
    const { c, bucket } = clockedBucket({ capacity: 20, replenishRate: 10, ...options });
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
    const { bucket } = clockedBucket({ capacity: 20, replenishRate: 10 });
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
    const { c, bucket } = clockedBucket({ capacity: 4, replenishRate: 10, safety: 0.9, reserve: 0 });
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
    const { c, bucket } = clockedBucket({ capacity: 2, replenishRate: 10, safety: 1, reserve: 0 });
    await bucket.acquire();
    await bucket.acquire();
    bucket.complete();
    bucket.complete();
    await bucket.acquire();
    expect(c.now()).toBeGreaterThanOrEqual(100);
    expect(c.now()).toBeLessThan(200);
  });

  it('charges a kind what its last answer said it took, and waits for that many tokens', async () => {
    const { c, bucket } = clockedBucket({ capacity: 20, replenishRate: 10, safety: 1, reserve: 0 });
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
    const { bucket } = clockedBucket({ capacity: 4, replenishRate: 10, safety: 1, reserve: 0 });
    bucket.complete({ requestedTokens: 9 }, await bucket.acquire('GET big'));
    const big = await bucket.acquire('GET big');
    expect(big.cost).toBe(4);
    bucket.complete({ requestedTokens: 1 }, big);
    expect(bucket.costOf('GET big')).toBe(1);
  });

  it('sends the first request of an unknown kind alone, so a burst cannot overdraw before the cost is known', async () => {
    const { bucket } = clockedBucket({ capacity: 20, replenishRate: 10 });
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
    const { bucket } = clockedBucket({ capacity: 20, replenishRate: 10 });
    bucket.complete({ remaining: 19, requestedTokens: 3 }, await bucket.acquire('GET content'));
    const a = await bucket.acquire('GET content');
    await bucket.acquire('GET content');
    bucket.complete({ remaining: 10 }, a);
    // One of ours worth 3 tokens is still out there.
    expect(bucket.snapshot()).toMatchObject({ tokens: 7, inFlight: 1 });
  });

  it('holds everyone back after a 429 for Retry-After', async () => {
    const { c, bucket } = clockedBucket({ capacity: 20, replenishRate: 10 });
    bucket.penalize(2000);
    await bucket.acquire();
    expect(c.now()).toBeGreaterThanOrEqual(2000);
  });
});

describe('TokenBucket background lane', () => {
  // Fake timers, so the two lanes wait side by side in virtual time and every wait can be read off exactly.
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const now = (): number => Date.now();

  it('serves a foreground request at once while a sync runs, and the sync still gets the full rate', async () => {
    const bucket = new TokenBucket({ now });
    const content = 'GET mailboxes/{}/messages/{}/documents/{}/files/{}/content';
    // Four background workers download 100 files; the server says each took two tokens and answers after 30 ms.
    let left = 100;
    let lastDone = 0;
    const worker = async (): Promise<void> => {
      while (left > 0) {
        left -= 1;
        const charge = await bucket.acquire(content, 'background');
        await new Promise((r) => setTimeout(r, 30));
        bucket.complete({ requestedTokens: 2 }, charge);
        lastDone = now();
      }
    };
    const sync = Promise.all([worker(), worker(), worker(), worker()]);
    // Meanwhile the user opens a letter every second: the message, then its file.
    const waits: number[] = [];
    const clicks = (async () => {
      for (let i = 1; i <= 8; i += 1) {
        await new Promise((r) => setTimeout(r, 1000));
        for (const kind of ['GET mailboxes/{}/messages/{}', content]) {
          const asked = now();
          const charge = await bucket.acquire(kind);
          waits.push(now() - asked);
          setTimeout(() => bucket.complete({ requestedTokens: kind === content ? 2 : 1 }, charge), 30);
        }
      }
    })();
    await vi.runAllTimersAsync();
    await Promise.all([sync, clicks]);
    expect(waits).toHaveLength(16);
    expect(Math.max(...waits)).toBe(0);
    // 200 background and 24 foreground tokens: the first 20 are the burst, the rest come at 10/s (99% of it counted).
    const ideal = ((200 + 24 - 20) / 10) * 1000;
    expect(lastDone).toBeLessThan(ideal / 0.95);
  });

  it('lets no background request take a token while a foreground one waits, even one that asked later', async () => {
    const bucket = new TokenBucket({
      capacity: 20,
      replenishRate: 10,
      safety: 1,
      reserve: 0,
      backgroundReserve: 0,
      now,
    });
    for (let i = 0; i < 20; i += 1) bucket.complete({}, await bucket.acquire());
    const order: string[] = [];
    const background = bucket.acquire(undefined, 'background').then(() => order.push(`background ${now()}`));
    const foreground = bucket.acquire().then(() => order.push(`foreground ${now()}`));
    await vi.runAllTimersAsync();
    await Promise.all([background, foreground]);
    expect(order).toEqual(['foreground 100', 'background 200']);
  });

  it('drains the bucket down to the UI share and no further, which then goes to the UI without waiting', async () => {
    const bucket = new TokenBucket({ capacity: 20, replenishRate: 10, reserve: 1, backgroundReserve: 3, now });
    let granted = 0;
    for (let i = 0; i < 20; i += 1) void bucket.acquire(undefined, 'background').then(() => (granted += 1));
    await vi.advanceTimersByTimeAsync(0);
    // Each goes while one token is kept for rounding and three for the UI.
    expect(granted).toBe(16);
    expect(bucket.snapshot().tokens).toBe(4);
    for (let i = 0; i < 3; i += 1) await bucket.acquire();
    expect(now()).toBe(0);
    expect(granted).toBe(16);
  });

  it('still lets the background through a bucket smaller than the UI share, when the bucket is full', async () => {
    const bucket = new TokenBucket({ capacity: 2, replenishRate: 10, safety: 1, backgroundReserve: 3, now });
    const times: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const granted = bucket.acquire(undefined, 'background');
      await vi.runAllTimersAsync();
      times.push(now());
      bucket.complete({}, await granted);
    }
    // Full at first; after that each waits until the one token it took is back.
    expect(times[0]).toBe(0);
    expect(times[2]! - times[1]!).toBe(100);
  });

  it('holds the background back while a foreground request waits for the first answer of its kind', async () => {
    const bucket = new TokenBucket({ now });
    const first = await bucket.acquire('GET new');
    const order: string[] = [];
    const second = bucket.acquire('GET new').then((c) => (order.push('foreground'), c));
    const background = bucket.acquire('GET other', 'background').then((c) => (order.push('background'), c));
    await vi.advanceTimersByTimeAsync(500);
    expect(order).toEqual([]);
    // Tokens were there all along: only the waiting foreground request held the background one.
    expect(bucket.snapshot().tokens).toBeGreaterThan(10);
    bucket.complete({ requestedTokens: 1 }, first);
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all([second, background]);
    expect(order.sort()).toEqual(['background', 'foreground']);
  });

  it('keeps the background lane out after a 429 as well', async () => {
    const bucket = new TokenBucket({ now });
    bucket.penalize(2000);
    const granted = bucket.acquire(undefined, 'background').then(() => now());
    await vi.runAllTimersAsync();
    expect(await granted).toBeGreaterThanOrEqual(2000);
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

import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit';

describe('TokenBuckets', () => {
  it('starts full, empties, and refills at the replenish rate without exceeding the burst capacity', () => {
    let now = 0;
    const buckets = new TokenBuckets({ enabled: true, burstCapacity: 20, replenishRate: 10 }, () => now);
    for (let i = 19; i >= 0; i--) expect(buckets.take('a')).toMatchObject({ allowed: true, remaining: i });
    const denied = buckets.take('a');
    expect(denied).toMatchObject({ allowed: false, remaining: 0 });
    expect(denied.retryAfterSeconds).toBe(1);
    expect(buckets.take('b').remaining).toBe(19);

    now += 250; // 2.5 tokens back
    expect(buckets.take('a')).toMatchObject({ allowed: true, remaining: 1 });
    now += 60_000;
    expect(buckets.take('a')).toMatchObject({ allowed: true, remaining: 19 });
  });

  it('tells how long to wait for an expensive request', () => {
    const buckets = new TokenBuckets({ enabled: true, burstCapacity: 4, replenishRate: 1 }, () => 0);
    expect(buckets.take('a', 4).allowed).toBe(true);
    expect(buckets.take('a', 3)).toMatchObject({ allowed: false, retryAfterSeconds: 3 });
  });
});

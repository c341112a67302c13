import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { FILE_CONTENT_COST, rateLimit, requestCost, TokenBuckets } from './rate-limit';

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

describe('request costs', () => {
  it('makes file content downloads dearer than everything else', () => {
    expect(requestCost('GET', '/mailboxes/m/messages/x/documents/d/files/f/content')).toBe(FILE_CONTENT_COST);
    expect(FILE_CONTENT_COST).toBeGreaterThan(1);
    expect(requestCost('GET', '/mailboxes/m/messages/x/documents/d/files/f')).toBe(1);
    expect(requestCost('PUT', '/mailboxes/m/messages/x/documents/d/files/f/content')).toBe(1);
    expect(requestCost('GET', '/mailboxes/')).toBe(1);
  });

  it('charges the cost and reports it in X-RateLimit-Requested-Tokens (§12.1)', async () => {
    const app = express();
    // Next to no refill between the two requests, so the remaining counts are exact.
    app.use(rateLimit({ enabled: true, burstCapacity: 20, replenishRate: 0.01 }, () => 'caller'));
    app.use((_req, res) => void res.status(200).end());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const content = await fetch(`${base}/mailboxes/m/messages/x/documents/d/files/f/content`);
      expect(content.headers.get('x-ratelimit-requested-tokens')).toBe(String(FILE_CONTENT_COST));
      expect(content.headers.get('x-ratelimit-remaining')).toBe(String(20 - FILE_CONTENT_COST));
      const list = await fetch(`${base}/mailboxes/`);
      expect(list.headers.get('x-ratelimit-requested-tokens')).toBe('1');
      expect(Number(list.headers.get('x-ratelimit-remaining'))).toBe(20 - FILE_CONTENT_COST - 1);
    } finally {
      server.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { faultOf } from '../../errors.test-support';
import { createDpClient, type AccessTokenSource } from './dp-client';
import { sandboxTokens } from './sandbox-tokens.test-support';
import { FILE_CONTENT_COST } from '../../../sandbox/http/rate-limit';
import { TokenBucket, type Charge, type RateLimitHeaders } from './token-bucket';

let sandbox: RunningSandbox;

beforeAll(async () => {
  // Default config: the view-client rate limit of §12.1 (20 tokens, 10/s) is on.
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const tokenFor = (identity: string): AccessTokenSource => sandboxTokens(sandbox, identity);

/** A client on the sandbox as `identity`, quiet in the test output; `options` adds the wire, limiter or backoff. */
const clientAs = (identity: string, options: Partial<Parameters<typeof createDpClient>[0]> = {}) =>
  createDpClient({ baseUrl: () => sandbox.apiBase, tokens: tokenFor(identity), log: () => undefined, ...options });

/** Counts what actually went over the wire. */
const counting = () => {
  const statuses: number[] = [];
  const methods: string[] = [];
  /** send time, answer time and the server's remaining count: what to look at when a 429 slips through. */
  const trace: string[] = [];
  const t0 = Date.now();
  const fetchFn: typeof fetch = async (input, init) => {
    methods.push(init?.method ?? 'GET');
    const sent = Date.now() - t0;
    try {
      const res = await fetch(input, init);
      statuses.push(res.status);
      trace.push(
        `sent=${sent} got=${Date.now() - t0} ${res.status} remaining=${res.headers.get('x-ratelimit-remaining')}`,
      );
      return res;
    } catch (err) {
      statuses.push(0);
      throw err;
    }
  };
  return { fetchFn, statuses, methods, trace };
};

/** A limiter that never hears the server's headers, so it does not know the limit and the server has to push back. */
class DeafBucket extends TokenBucket {
  override complete(_headers?: RateLimitHeaders, charge?: Charge): void {
    super.complete(undefined, charge);
  }
}

describe('DpClient against the sandbox', () => {
  it('200 queued calls at the default limit complete without a single 429', { timeout: 90_000 }, async () => {
    const wire = counting();
    const dp = clientAs('lone', { fetch: wire.fetchFn });
    const results = await Promise.all(Array.from({ length: 200 }, () => dp.get('/mailboxes/')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(
      wire.statuses.filter((s) => s !== 200),
      wire.trace.join('\n'),
    ).toEqual([]);
    expect(wire.statuses).toHaveLength(200);
  });

  it(
    'a burst of cheap and expensive calls costs no 429: each is charged what the server said its kind takes',
    {
      timeout: 90_000,
    },
    async () => {
      // One bucket throughout, as in the app (the test before drained this identity's server bucket).
      const limiter = new TokenBucket();
      const wire = counting();
      const dp = clientAs('lone', { fetch: wire.fetchFn, limiter });
      const mailboxes = await dp.get<{ mailboxes: { id: string }[] }>('/mailboxes/');
      const mailboxId = mailboxes.data.mailboxes[0]!.id;
      const page = await dp.get<{ messages: { id: string; documents?: { id: string; files?: { id: string }[] }[] }[] }>(
        `/mailboxes/${mailboxId}/messages/`,
        { query: { size: 200, messageState: 'RECEIVED' } },
      );
      const contentPaths = page.data.messages.flatMap((m) =>
        (m.documents ?? []).flatMap((d) =>
          (d.files ?? []).map(
            (f) => `/mailboxes/${mailboxId}/messages/${m.id}/documents/${d.id}/files/${f.id}/content`,
          ),
        ),
      );
      expect(contentPaths.length).toBeGreaterThanOrEqual(40);

      const statuses = await Promise.all(
        contentPaths
          .slice(0, 40)
          .flatMap((path) => [dp.getBytes(path).then((r) => r.status), dp.get('/mailboxes/').then((r) => r.status)]),
      );
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(
        wire.statuses.filter((s) => s !== 200),
        wire.trace.join('\n'),
      ).toEqual([]);
      // The sandbox charges more for content than for a list, and the client learnt both.
      expect(limiter.costOf('GET mailboxes/{}/messages/{}/documents/{}/files/{}/content')).toBe(FILE_CONTENT_COST);
      expect(limiter.costOf('GET mailboxes')).toBe(1);
    },
  );

  it('sits out real 429s for Retry-After and still completes every call', { timeout: 60_000 }, async () => {
    const wire = counting();
    // A limiter that does not know the server's limit, so the server has to push back.
    const dp = clientAs('karl', {
      fetch: wire.fetchFn,
      limiter: new DeafBucket({ capacity: 1000, replenishRate: 1000 }),
    });
    const started = Date.now();
    const results = await Promise.all(Array.from({ length: 40 }, () => dp.get('/mailboxes/')));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(wire.statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    // Retry-After is at least 1 s on the sandbox.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('retries a GET through injected 503s and dropped connections', async () => {
    const wire = counting();
    const dp = clientAs('mette', { fetch: wire.fetchFn, backoffMs: 10 });
    sandbox.faults.add({ method: 'GET', path: '/apis/v1/mailboxes', kind: 'status', status: 503, times: 1 });
    sandbox.faults.add({ method: 'GET', path: '/apis/v1/mailboxes', kind: 'drop', times: 1 });
    const res = await dp.get('/mailboxes/');
    expect(res.status).toBe(200);
    expect(wire.statuses).toEqual([503, 0, 200]);
  });

  it('does not retry a POST after a dropped connection or a 503', async () => {
    const wire = counting();
    const dp = clientAs('mette', { fetch: wire.fetchFn, backoffMs: 10 });
    sandbox.faults.add({ method: 'POST', path: '/apis/v1/', kind: 'drop', times: 1 });
    const dropped = await faultOf(dp.post('/mailboxes/x/messages/', { label: 'x' }));
    expect(dropped.appError.code).toBe('app.network');
    expect(wire.methods).toEqual(['POST']);

    sandbox.faults.add({ method: 'POST', path: '/apis/v1/', kind: 'status', status: 503, times: 1 });
    const unavailable = await faultOf(dp.post('/mailboxes/x/messages/', { label: 'x' }));
    expect(unavailable.appError.status).toBe(503);
    expect(wire.methods).toEqual(['POST', 'POST']);
    sandbox.faults.clear();
  });

  it('turns a Digital Post error body into an AppFault with its code, message and traceparent', async () => {
    const dp = clientAs('mette');
    const f = await faultOf(dp.get('/no-such-resource/'));
    expect(f.appError).toMatchObject({ code: 'digital.post.error', status: 404 });
    expect(f.appError.message).toContain('No endpoint');
    expect(f.appError.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/);
  });
});

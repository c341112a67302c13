import { describe, expect, it } from 'vitest';
import { faultOf as fault } from '../../errors.test-support';
import { createDpClient, type AccessTokenSource } from './dp-client';
import { TokenBucket } from './token-bucket';

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body?: BodyInit | null;
}

type Reply = Response | Error;

/** A scripted fetch: each call takes the next reply (or the last one again). */
const scripted = (replies: Reply[]) => {
  const seen: Seen[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({
      method: init?.method ?? 'GET',
      url: String(input),
      headers: new Headers(init?.headers),
      body: init?.body ?? null,
    });
    const reply = replies.length > 1 ? replies.shift()! : replies[0]!;
    if (reply instanceof Error) throw reply;
    return reply.clone();
  }) as typeof fetch;
  return { fetchFn, seen };
};

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

const tokens = (): AccessTokenSource & { renewals: number } => {
  const t = {
    current: 'at-1',
    renewals: 0,
    getAccessToken: () => Promise.resolve(t.current),
    renewAfterUnauthorized: (used: string) => {
      if (used === t.current) {
        t.renewals += 1;
        t.current = `at-${t.renewals + 1}`;
      }
      return Promise.resolve(t.current);
    },
  };
  return t;
};

const sleeps: number[] = [];
const client = (replies: Reply[], extra: Partial<Parameters<typeof createDpClient>[0]> = {}) => {
  const s = scripted(replies);
  const src = tokens();
  sleeps.length = 0;
  const dp = createDpClient({
    baseUrl: () => 'https://dp.example/apis/v1',
    tokens: src,
    fetch: s.fetchFn,
    limiter: new TokenBucket(),
    sleep: (ms) => (sleeps.push(ms), Promise.resolve()),
    log: () => undefined,
    ...extra,
  });
  return { dp, seen: s.seen, src };
};

describe('DpClient', () => {
  it('sends Bearer, traceparent, JSON and query; returns data with ETag version', async () => {
    const { dp, seen } = client([json(200, { id: 'm1', version: 4 }, { etag: '"4"' })]);
    const res = await dp.get<{ id: string }>('/mailboxes/', {
      query: { page: 0, size: 50, fields: ['a', 'b'], skip: undefined },
    });
    expect(res.data.id).toBe('m1');
    expect(res.version).toBe(4);
    expect(seen[0]!.url).toBe('https://dp.example/apis/v1/mailboxes/?page=0&size=50&fields=a&fields=b');
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer at-1');
    expect(seen[0]!.headers.get('traceparent')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('puts with If-Match and JSON body', async () => {
    const { dp, seen } = client([json(200, { version: 2 }, { etag: '"2"' })]);
    await dp.put('/mailboxes/x/messages/y', { a: 1 }, { ifMatch: 1 });
    expect(seen[0]!.headers.get('if-match')).toBe('1');
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(seen[0]!.body).toBe('{"a":1}');
  });

  it('maps a DP error body to an AppFault with the field error code and the response traceparent', async () => {
    const tp = '00-11111111111111111111111111111111-2222222222222222-01';
    const { dp } = client([
      json(
        400,
        {
          code: 'digital.post.error',
          message: 'Fejl',
          fieldErrors: [{ field: 'label', code: 'message.label.required', message: 'Mangler' }],
        },
        { traceparent: tp },
      ),
    ]);
    const f = await fault(dp.post('/x', {}));
    expect(f.appError).toMatchObject({ code: 'message.label.required', message: 'Fejl', status: 400, traceparent: tp });
  });

  it('409 → app.conflict with the current version', async () => {
    const { dp } = client([
      json(409, { code: 'digital.post.error', message: 'Konflikt', fieldErrors: [] }, { etag: '"9"' }),
    ]);
    const f = await fault(dp.patch('/x', {}, { ifMatch: 8 }));
    expect(f.appError).toMatchObject({ code: 'app.conflict', currentVersion: 9, status: 409 });
  });

  it('waits Retry-After on a 429 and retries, even a POST (it was refused before any work)', async () => {
    const { dp, seen } = client([
      json(429, { code: 'digital.post.error', message: 'Too many', fieldErrors: [] }, { 'retry-after': '2' }),
      json(201, { id: 'd' }),
    ]);
    const limiter = new TokenBucket();
    const started = Date.now();
    const c2 = createDpClient({
      baseUrl: () => 'https://dp.example/apis/v1',
      tokens: tokens(),
      fetch: scripted([json(429, {}, { 'retry-after': '1' }), json(201, { id: 'd' })]).fetchFn,
      limiter,
      log: () => undefined,
    });
    const res2 = await c2.post<{ id: string }>('/drafts', {});
    expect(res2.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    const res = await dp.get('/x');
    expect(res.status).toBe(201);
    expect(seen).toHaveLength(2);
  });

  it('retries a GET on 503 and on network errors with backoff, bounded', async () => {
    const { dp, seen } = client([json(503, {}), new TypeError('fetch failed'), json(200, { ok: true })]);
    const res = await dp.get<{ ok: boolean }>('/x');
    expect(res.data.ok).toBe(true);
    expect(seen).toHaveLength(3);
    expect(sleeps).toHaveLength(2);

    const { dp: dp2, seen: seen2 } = client([json(503, {})], { maxAttempts: 3 });
    const f = await fault(dp2.get('/x'));
    expect(f.appError.status).toBe(503);
    expect(seen2).toHaveLength(3);
  });

  it('never retries a POST on a network error or 503: the caller must reconcile', async () => {
    const { dp, seen } = client([new TypeError('fetch failed'), json(201, {})]);
    const f = await fault(dp.post('/mailboxes/m/messages/', { draft: true }));
    expect(f.appError.code).toBe('app.network');
    expect(f.appError.message).toMatch(/kontrollér/);
    expect(seen).toHaveLength(1);

    const { dp: dp2, seen: seen2 } = client([json(503, {}), json(201, {})]);
    const f2 = await fault(dp2.post('/x', {}));
    expect(f2.appError.status).toBe(503);
    expect(seen2).toHaveLength(1);
  });

  it('a PUT without If-Match is not retried; with If-Match it is', async () => {
    const a = client([new TypeError('fetch failed'), json(200, {})]);
    await fault(a.dp.put('/x', {}));
    expect(a.seen).toHaveLength(1);
    const b = client([new TypeError('fetch failed'), json(200, {})]);
    await b.dp.put('/x', {}, { ifMatch: 3 });
    expect(b.seen).toHaveLength(2);
  });

  it('renews once on a 401 and retries once with the new token', async () => {
    const { dp, seen, src } = client([json(401, {}), json(200, { ok: 1 })]);
    await dp.get('/x');
    expect(src.renewals).toBe(1);
    expect(seen.map((s) => s.headers.get('authorization'))).toEqual(['Bearer at-1', 'Bearer at-2']);

    const again = client([json(401, {})]);
    const f = await fault(again.dp.get('/x'));
    expect(f.appError.code).toBe('app.auth.not-logged-in');
    expect(again.seen).toHaveLength(2);
  });

  it('downloads bytes and uploads multipart with field `file` and If-Match', async () => {
    const bytes = new Uint8Array([1, 2, 3, 250]);
    const { dp, seen } = client([
      new Response(bytes, {
        status: 200,
        headers: { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="brev.pdf"' },
      }),
      json(200, { version: 2 }, { etag: '"2"' }),
    ]);
    const got = await dp.getBytes('/files/f/content');
    expect([...got.data.data]).toEqual([1, 2, 3, 250]);
    expect(got.data).toMatchObject({ contentType: 'application/pdf', filename: 'brev.pdf' });
    const up = await dp.putMultipart(
      '/files/f/content',
      { data: bytes, filename: 'a.pdf', contentType: 'application/pdf' },
      { ifMatch: 1 },
    );
    expect(up.version).toBe(2);
    const form = seen[1]!.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    const file = form.get('file') as File;
    expect(file.name).toBe('a.pdf');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    expect(seen[1]!.headers.get('if-match')).toBe('1');
  });
});

describe('rate-limit costs per kind of request', () => {
  it('charges each request what the last answer of its kind said it took, per route with the ids taken out', async () => {
    const content = (remaining: number) =>
      new Response(new Uint8Array([1, 2, 3]), {
        status: 200,
        headers: { 'X-RateLimit-Remaining': String(remaining), 'X-RateLimit-Requested-Tokens': '4' },
      });
    const { fetchFn, seen } = scripted([
      content(16),
      content(12),
      json(200, {}, { 'X-RateLimit-Requested-Tokens': '1' }),
    ]);
    const limiter = new TokenBucket({ capacity: 20, replenishRate: 1e-6, reserve: 0 });
    const dp = createDpClient({ baseUrl: () => 'https://dp.test/apis/v1', tokens: tokens(), fetch: fetchFn, limiter });
    await dp.getBytes(
      '/mailboxes/8deb553b-0536-4671-9c9e-239f202d56e0/messages/a00aca0a-920c-4a81-945a-1ecddca52964/documents/f63fc5b8-9651-4aa9-b131-8eeb05d85ee5/files/cbd20048-194c-42fa-aa3a-fa38191047cd/content',
    );
    const kind = 'GET mailboxes/{}/messages/{}/documents/{}/files/{}/content';
    expect(limiter.costOf(kind)).toBe(4);
    // The next download of another file is the same kind: charged 4 up front, and the answer agrees.
    await dp.getBytes(
      '/mailboxes/8deb553b-0536-4671-9c9e-239f202d56e0/messages/2ea949fe-ebf3-4035-926c-7dea3dc0c6b5/documents/4d253d55-ac00-4332-9b2f-fd4b269a164b/files/b8509a8f-d454-4cb2-b9de-b6d86061278b/content',
    );
    expect(limiter.snapshot().tokens).toBeCloseTo(12, 3);
    await dp.get('/mailboxes/');
    expect(limiter.costOf('GET mailboxes')).toBe(1);
    expect(seen).toHaveLength(3);
  });
});

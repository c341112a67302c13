import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request as httpRequest } from 'node:http';
import { startSandbox, type RunningSandbox } from '../server';
import { createTestApi } from './test-api';

vi.mock('../api', () => ({ createDigitalPostApi: () => createTestApi() }));

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;

describe('sandbox HTTP shell', () => {
  let sb: RunningSandbox;
  let token: string;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimit: { enabled: true, burstCapacity: 1000, replenishRate: 1000 } });
    token = await sb.mintAccessToken('lone');
  });
  afterAll(async () => {
    await sb.close();
  });

  const api = (path: string, init: RequestInit = {}, bearer: string | null = token) =>
    fetch(`${sb.apiBase}${path}`, {
      ...init,
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    });

  it('binds to 127.0.0.1 and reports its URLs', () => {
    expect(sb.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sb.apiBase).toBe(`${sb.url}/apis/v1`);
    expect(sb.issuer).toBe(`${sb.url}/auth/v2/oauth`);
    expect(sb.config.port).toBe(Number(new URL(sb.url).port));
  });

  it('sets res.locals.identity from a valid bearer token', async () => {
    const res = await api('/whoami');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 'lone', name: 'Lone Defaultssen' });
  });

  it.each([
    ['missing', null],
    ['garbage', 'not-a-jwt'],
    ['signed by another key', 'eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJ4In0.c2ln'],
  ])('answers 401 with a Digital Post body when the token is %s', async (_label, bearer) => {
    const res = await api('/whoami', {}, bearer);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'digital.post.error', fieldErrors: [] });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for an expired token and for a token of a different sandbox', async () => {
    expect((await api('/whoami', {}, await sb.mintAccessToken('lone', { ttlSeconds: -5 }))).status).toBe(401);
    const other = await startSandbox({ port: 0 });
    try {
      expect((await api('/whoami', {}, await other.mintAccessToken('lone'))).status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('serves the public router without a token', async () => {
    const res = await api(
      '/validations/',
      { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } },
      null,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ valid: true, echo: { a: 1 } });
  });

  it('parses JSON and merge-patch JSON; malformed JSON is a 400 Digital Post error', async () => {
    const ok = await api('/echo', {
      method: 'POST',
      body: '{"x":[1,2]}',
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(await ok.json()).toEqual({ x: [1, 2] });
    const bad = await api('/echo', { method: 'POST', body: '{"x":', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ code: 'digital.post.error', fieldErrors: [] });
    expect(typeof body.message).toBe('string');
  });

  it('unknown routes are 404 with a Digital Post body; unexpected errors are 500 without details', async () => {
    const missing = await api('/no-such-thing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'digital.post.error' });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const boom = await api('/boom');
    spy.mockRestore();
    expect(boom.status).toBe(500);
    const text = await boom.text();
    expect(JSON.parse(text)).toMatchObject({ code: 'digital.post.error', message: 'Internal server error' });
    expect(text).not.toContain('secret internal detail');
    expect(text).not.toContain('.ts');
  });

  it('puts a traceparent on every response, keeping a valid incoming trace id', async () => {
    for (const path of [
      '/apis/v1/whoami',
      '/auth/v2/oauth/.well-known/openid-configuration',
      '/sandbox/identities',
      '/nowhere',
    ]) {
      const res = await fetch(`${sb.url}${path}`);
      expect(res.headers.get('traceparent'), path).toMatch(TRACEPARENT);
    }
    const incoming = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const echoed = (await api('/whoami', { headers: { traceparent: incoming } })).headers.get('traceparent')!;
    expect(echoed.split('-')[1]).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(echoed.split('-')[2]).not.toBe('b7ad6b7169203331');
    const fresh = (await api('/whoami', { headers: { traceparent: 'garbage' } })).headers.get('traceparent')!;
    expect(fresh).toMatch(TRACEPARENT);
  });

  it('serves requests whatever the Host header says', async () => {
    const port = Number(new URL(sb.url).port);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port, path: '/sandbox/identities', headers: { host: 'example.test' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
  });

  describe('hooks', () => {
    it('lists the identities', async () => {
      const res = await fetch(`${sb.url}/sandbox/identities`);
      const list = (await res.json()) as Array<{ id: string; name: string; kind: string }>;
      expect(list.map((i) => i.id)).toEqual(expect.arrayContaining(['lone', 'karl', 'mette']));
      expect(list[0]).toEqual({ id: 'lone', name: 'Lone Defaultssen', kind: 'citizen' });
    });

    it('issues a working access token for an identity, and rejects an unknown one', async () => {
      const res = await fetch(`${sb.url}/sandbox/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity: 'mette' }),
      });
      const body = (await res.json()) as { access_token: string; expires_in: number };
      expect(body.expires_in).toBe(sb.config.accessTokenTtlSeconds);
      expect(await (await api('/whoami', {}, body.access_token)).json()).toMatchObject({
        id: 'mette',
        cvr: expect.any(String),
      });
      const bad = await fetch(`${sb.url}/sandbox/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity: 'nobody' }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ code: 'digital.post.error' });
    });

    it('mounts the data hooks router under /sandbox', async () => {
      expect((await fetch(`${sb.url}/sandbox/reset`, { method: 'POST' })).status).toBe(204);
    });
  });

  describe('fault injection', () => {
    const addFault = (fault: Record<string, unknown>) =>
      fetch(`${sb.url}/sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fault),
      });

    it('injects a status for a number of matching requests, by method and prefix', async () => {
      expect(
        (await addFault({ method: 'GET', path: '/apis/v1/whoami', kind: 'status', status: 503, times: 2 })).status,
      ).toBe(201);
      const echo = await api('/echo', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      expect(echo.status).toBe(200);
      expect((await api('/whoami')).status).toBe(503);
      const second = await api('/whoami');
      expect(second.status).toBe(503);
      expect(await second.json()).toMatchObject({ code: 'digital.post.error' });
      expect((await api('/whoami')).status).toBe(200);
    });

    it('matches regular expressions, delays, and DELETE clears', async () => {
      await addFault({ path: '^/apis/v1/who', kind: 'latency', latencyMs: 300 });
      const started = Date.now();
      expect((await api('/whoami')).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect((await fetch(`${sb.url}/sandbox/faults`, { method: 'DELETE' })).status).toBe(204);
      expect(await (await fetch(`${sb.url}/sandbox/faults`)).json()).toEqual([]);
    });

    it('drops the connection without a response', async () => {
      sb.faults.add({ path: '/apis/v1/whoami', kind: 'drop', times: 1 });
      await expect(api('/whoami')).rejects.toThrow();
      expect((await api('/whoami')).status).toBe(200);
    });

    it('rejects an invalid fault', async () => {
      const res = await addFault({ path: '/x', kind: 'explode' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ code: 'digital.post.error' });
    });
  });
});

describe('sandbox rate limiting (§12.1)', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0, rateLimit: { enabled: true, burstCapacity: 3, replenishRate: 1 } });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('counts per identity, sends the X-RateLimit headers, and answers 429 with Retry-After when empty', async () => {
    const lone = await sb.mintAccessToken('lone');
    const get = (bearer: string) => fetch(`${sb.apiBase}/whoami`, { headers: { authorization: `Bearer ${bearer}` } });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await get(lone);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-burst-capacity')).toBe('3');
      expect(res.headers.get('x-ratelimit-replenish-rate')).toBe('1');
      expect(res.headers.get('x-ratelimit-requested-tokens')).toBe('1');
      remaining.push(res.headers.get('x-ratelimit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await get(lone);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await limited.json()).toMatchObject({ code: 'digital.post.error' });
    // Another identity has its own bucket.
    expect((await get(await sb.mintAccessToken('karl'))).status).toBe(200);
  });

  it('can be switched off', async () => {
    const open = await startSandbox({ port: 0, rateLimit: { enabled: false, burstCapacity: 1, replenishRate: 0 } });
    try {
      const bearer = await open.mintAccessToken('lone');
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${open.apiBase}/whoami`, { headers: { authorization: `Bearer ${bearer}` } });
        expect(res.status).toBe(200);
      }
    } finally {
      await open.close();
    }
  });
});

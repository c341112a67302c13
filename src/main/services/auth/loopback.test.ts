import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../../errors.test-support';
import { startLoopbackListener } from './loopback';

describe('loopback listener', () => {
  it('binds 127.0.0.1, takes exactly one matching response, answers in Danish and closes', async () => {
    const calls: string[] = [];
    const l = await startLoopbackListener({
      expectedState: 's1',
      onCallback: (url) => (calls.push(url.href), Promise.resolve({ ok: true })),
    });
    expect(l.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect((await fetch(new URL('/favicon.ico', l.redirectUri))).status).toBe(400);
    const res = await fetch(`${l.redirectUri}?code=c1&state=s1`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Du er logget ind — du kan lukke denne fane');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    await l.done;
    expect(calls).toEqual([`${l.redirectUri}?code=c1&state=s1`]);
    // Closed (or, on a reused keep-alive socket, refused): a second response is never taken.
    const second = await fetch(`${l.redirectUri}?code=c2&state=s1`).then(
      (r) => r.status,
      () => 'closed',
    );
    expect(['closed', 400]).toContain(second);
    expect(calls).toHaveLength(1);
  });

  it('maps error=access_denied with our state to loginDenied', async () => {
    const denied = await startLoopbackListener({ expectedState: 's', onCallback: () => Promise.resolve({ ok: true }) });
    expect((await fetch(`${denied.redirectUri}?error=access_denied&state=s`)).status).toBe(400);
    expect(await codeOf(denied.done)).toBe('app.auth.access-denied');
  });

  it('answers a wrong state, a wrong path or a foreign error with 400 and keeps waiting for the right response', async () => {
    const calls: string[] = [];
    const l = await startLoopbackListener({
      expectedState: 's',
      onCallback: (url) => (calls.push(url.href), Promise.resolve({ ok: true })),
    });
    let settled = false;
    void l.done.then(
      () => (settled = true),
      () => (settled = true),
    );
    const stray = [
      `${l.redirectUri}?code=x&state=other`,
      `${l.redirectUri}?code=x`,
      `${l.redirectUri}?error=access_denied&state=other`,
      new URL('/callback/extra?code=x&state=s', l.redirectUri).href,
      new URL('/favicon.ico', l.redirectUri).href,
    ];
    for (const url of stray) expect((await fetch(url)).status, url).toBe(400);
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(calls).toEqual([]);

    const res = await fetch(`${l.redirectUri}?code=c&state=s`);
    expect(res.status).toBe(200);
    await l.done;
    expect(calls).toEqual([`${l.redirectUri}?code=c&state=s`]);
  });

  it('still times out and can still be cancelled after stray requests', async () => {
    const slow = await startLoopbackListener({
      expectedState: 's',
      timeoutMs: 150,
      onCallback: () => Promise.resolve({ ok: true }),
    });
    expect((await fetch(`${slow.redirectUri}?code=x&state=other`)).status).toBe(400);
    expect(await codeOf(slow.done)).toBe('app.auth.login-timeout');
    const c = await startLoopbackListener({ expectedState: 's', onCallback: () => Promise.resolve({ ok: true }) });
    expect((await fetch(`${c.redirectUri}?code=x&state=other`)).status).toBe(400);
    c.cancel();
    expect(await codeOf(c.done)).toBe('app.auth.login-cancelled');
  });

  it('listens on the registered port and path exactly, and says so when the port is taken', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));

    const l = await startLoopbackListener({
      expectedState: 's',
      fixed: { port, path: '/oauth/cb' },
      onCallback: () => Promise.resolve({ ok: true }),
    });
    expect(l.redirectUri).toBe(`http://127.0.0.1:${port}/oauth/cb`);
    expect((await fetch(`http://127.0.0.1:${port}/callback?code=c&state=s`)).status).toBe(400);
    const busy = startLoopbackListener({
      expectedState: 't',
      fixed: { port, path: '/oauth/cb' },
      onCallback: () => Promise.resolve({ ok: true }),
    });
    expect(await codeOf(busy)).toBe('app.auth.redirect-port-busy');
    expect((await fetch(`http://127.0.0.1:${port}/oauth/cb?code=c&state=s`)).status).toBe(200);
    await l.done;
  });

  it('times out and can be cancelled', async () => {
    const slow = await startLoopbackListener({
      expectedState: 's',
      timeoutMs: 50,
      onCallback: () => Promise.resolve({ ok: true }),
    });
    expect(await codeOf(slow.done)).toBe('app.auth.login-timeout');
    const c = await startLoopbackListener({ expectedState: 's', onCallback: () => Promise.resolve({ ok: true }) });
    c.cancel();
    expect(await codeOf(c.done)).toBe('app.auth.login-cancelled');
  });

  it('sends the browser-mode tab back to the app', async () => {
    const l = await startLoopbackListener({
      expectedState: 's',
      appUrl: 'http://127.0.0.1:5555/',
      onCallback: () => Promise.resolve({ ok: true }),
    });
    const res = await fetch(`${l.redirectUri}?code=c&state=s`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:5555/');
    await l.done;
  });
});

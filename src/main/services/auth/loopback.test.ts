import { describe, expect, it } from 'vitest';
import { AppFault } from '../../ipc/dispatch';
import { startLoopbackListener } from './loopback';

const codeOf = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFault) return e.appError.code;
    throw e;
  }
  return 'resolved';
};

describe('loopback listener', () => {
  it('binds 127.0.0.1, takes exactly one matching response, answers in Danish and closes', async () => {
    const calls: string[] = [];
    const l = await startLoopbackListener({
      expectedState: 's1',
      onCallback: (url) => (calls.push(url.href), Promise.resolve({ ok: true })),
    });
    expect(l.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect((await fetch(new URL('/favicon.ico', l.redirectUri))).status).toBe(404);
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
    expect(['closed', 404]).toContain(second);
    expect(calls).toHaveLength(1);
  });

  it('maps error=access_denied to loginDenied and a foreign state to loginStateMismatch', async () => {
    const denied = await startLoopbackListener({ expectedState: 's', onCallback: () => Promise.resolve({ ok: true }) });
    expect((await fetch(`${denied.redirectUri}?error=access_denied&state=s`)).status).toBe(400);
    expect(await codeOf(denied.done)).toBe('app.auth.access-denied');

    const forged = await startLoopbackListener({ expectedState: 's', onCallback: () => Promise.resolve({ ok: true }) });
    await fetch(`${forged.redirectUri}?code=x&state=other`);
    expect(await codeOf(forged.done)).toBe('app.auth.state-mismatch');
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

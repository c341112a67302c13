import { describe, expect, it } from 'vitest';
import { followLogin } from '../../sandbox/oidc/test-login';
import type { AppEvent } from '../../shared/ipc/events';
import {
  mine,
  net,
  pages,
  browserAs,
  start,
  login,
  storedRefreshToken,
  tryRefresh,
  faultOf,
  useAuthFlowSandbox,
} from './auth-flow.test-support';

// Login through the composed app against a real sandbox: the loopback redirect, and a second person on the same computer.

useAuthFlowSandbox();

describe('login through the loopback redirect', () => {
  it('logs in with PKCE + idp realm, shows name and masked CPR, keeps the refresh token in the SecretStore', async () => {
    let authUrl = '';
    const browser = browserAs('lone');
    const s2 = await start({ browser: (url) => ((authUrl = url), browser(url)) });
    const events: AppEvent[] = [];
    s2.events.subscribe((e) => events.push(e));
    expect((await s2.auth.status()).loggedIn).toBe(false);
    await login(s2);
    expect(events).toContainEqual({ type: 'auth.changed' });
    const params = new URL(authUrl).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('idp')).toBe('digital-post-desktop');
    expect(params.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();

    const page = await pages[0]!;
    expect(page.status).toBe(200);
    expect(page.text).toContain('du kan lukke denne fane');

    const status = await s2.auth.status();
    expect(status).toMatchObject({
      loggedIn: true,
      pending: false,
      displayName: 'Lone Defaultssen',
      maskedCpr: '010170-****',
      environment: 'sandbox',
    });
    expect(await storedRefreshToken()).toBeTruthy();
    const res = await s2.dp.get<{ mailboxes: unknown[] }>('/mailboxes/', mine);
    expect(res.status).toBe(200);
  });

  it('in browser mode returns the URL to navigate to and sends the tab back to the app afterwards', async () => {
    const services = await start({ mode: 'browser' });
    const started = await services.auth.login();
    expect(started.navigateTo).toMatch(/\/authorize\?/);
    const callback = await followLogin(started.navigateTo!, 'lone');
    const res = await fetch(callback, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('http://127.0.0.1:9/app');
    await services.auth.loginCompletion();
    expect((await services.auth.status()).loggedIn).toBe(true);
  });

  it('restores the session at start from the stored refresh token, without a browser', async () => {
    const first = await start();
    await login(first);
    await first.dispose();
    const second = await start({ browser: () => Promise.reject(new Error('the browser must not open')) });
    const status = await second.auth.status();
    expect(status).toMatchObject({ loggedIn: true, displayName: 'Lone Defaultssen' });
    expect((await second.dp.get('/mailboxes/')).status).toBe(200);
  });

  it('"don\'t keep me logged in" uses the OneTimeUse realm and stores no refresh token', async () => {
    let authUrl = '';
    const browser = browserAs('lone');
    const services = await start({ browser: (url) => ((authUrl = url), browser(url)) });
    await login(services, true);
    expect(new URL(authUrl).searchParams.get('idp')).toBe('nemloginOneTimeUse');
    expect((await services.auth.status()).loggedIn).toBe(true);
    expect(await storedRefreshToken()).toBeUndefined();
    await services.dispose();
    const again = await start();
    expect((await again.auth.status()).loggedIn).toBe(false);
  });

  it('reports access_denied and a cancel as typed errors, and outlasts a forged response', async () => {
    const denied = await start({ browser: browserAs('abort') });
    await denied.auth.login();
    expect((await faultOf(denied.auth.loginCompletion()!)).appError.code).toBe('app.auth.access-denied');
    expect((await denied.auth.status()).notice).toBeTruthy();

    // A forged response is refused but does not end the login: the real one still gets through.
    let authUrl = '';
    const forged = await start({ browser: (url) => ((authUrl = url), Promise.resolve()) });
    await forged.auth.login();
    const completion = forged.auth.loginCompletion()!;
    const redirectUri = new URL(authUrl).searchParams.get('redirect_uri')!;
    const res = await fetch(`${redirectUri}?code=abc&state=not-the-state`);
    expect(res.status).toBe(400);
    expect((await forged.auth.status()).pending).toBe(true);
    const callback = await followLogin(authUrl, 'lone');
    expect((await fetch(callback)).status).toBe(200);
    await completion;
    expect((await forged.auth.status()).loggedIn).toBe(true);

    const cancelled = await start({ browser: () => Promise.resolve() });
    await cancelled.auth.login();
    const pending = cancelled.auth.loginCompletion()!;
    expect((await cancelled.auth.status()).pending).toBe(true);
    expect(cancelled.auth.cancelLogin()).toBe(true);
    expect((await faultOf(pending)).appError.code).toBe('app.auth.login-cancelled');
    expect((await cancelled.auth.status()).pending).toBe(false);

    const slow = await start({ browser: () => Promise.resolve(), extra: { loginTimeoutMs: 200 } });
    await slow.auth.login();
    expect((await faultOf(slow.auth.loginCompletion()!)).appError.code).toBe('app.auth.login-timeout');
  });
});

describe('a login by another person (§16.3.3)', () => {
  it('revokes the stored refresh token of the previous person before taking over', async () => {
    let who = 'lone';
    const services = await start({ browser: (url) => browserAs(who)(url) });
    await login(services);
    const lones = (await storedRefreshToken())!;
    who = 'karl';
    await login(services);
    expect((await services.auth.status()).displayName).not.toBe('Lone Defaultssen');
    expect(await tryRefresh(lones)).toMatchObject({ error: 'invalid_grant' });
    // Ended at the provider as a logout is: the old id token as hint, its access token as Bearer.
    const endSession = net.log.filter((e) => e.url.endsWith('/logout'));
    expect(endSession).toHaveLength(1);
    expect(endSession[0]!.auth).toMatch(/^Bearer /);
    expect(endSession[0]!.status).toBeLessThan(400);
    const karls = (await storedRefreshToken())!;
    expect(karls).not.toBe(lones);
    expect((await services.dp.get('/mailboxes/', mine)).status).toBe(200);
  });

  it('also after a restart, when the previous person is known only from the stored session', async () => {
    const first = await start();
    await login(first);
    const lones = (await storedRefreshToken())!;
    await first.dispose();
    net.offline = true;
    // Offline at start, so the stored session is not restored into memory; it must still be recognised.
    const second = await start({ browser: browserAs('karl') });
    net.offline = false;
    await login(second);
    expect(await tryRefresh(lones)).toMatchObject({ error: 'invalid_grant' });
  });

  it('leaves the stored token alone when the same person logs in again', async () => {
    const services = await start();
    await login(services);
    const before = (await storedRefreshToken())!;
    await login(services);
    expect(net.log.some((e) => e.url.endsWith('/revoke'))).toBe(false);
    expect((await tryRefresh(before)).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/ipc/events';
import {
  sandbox,
  stores,
  MINE,
  mine,
  net,
  start,
  login,
  storedRefreshToken,
  tryRefresh,
  faultOf,
  useAuthFlowSandbox,
} from './auth-flow.test-support';

// The session through the composed app against a real sandbox: renewal, expiry, restart and logout.

useAuthFlowSandbox();

describe('token lifecycle', () => {
  it('renews before expiry (rotating the refresh token) so API calls never meet an expired token', async () => {
    const services = await start();
    await login(services);
    const rt1 = await storedRefreshToken();
    await services.dp.get('/mailboxes/', mine);
    // TTL is 4 s: by 5 s the first token is dead and the renewal timer must have replaced it.
    await new Promise((r) => setTimeout(r, 5000));
    await services.dp.get('/mailboxes/', mine);
    const apiCalls = net.log.filter((e) => e.url.includes(MINE));
    expect(apiCalls.every((e) => e.status === 200)).toBe(true);
    expect(apiCalls[0]!.auth).not.toBe(apiCalls[1]!.auth);
    const rt2 = await storedRefreshToken();
    expect(rt2).toBeTruthy();
    expect(rt2).not.toBe(rt1);
  });

  it('shares one refresh among concurrent callers, and renews once on a 401', async () => {
    const services = await start({ extra: { renewLeadMs: 1 } });
    await login(services);
    const refreshes = () =>
      net.log.filter((e) => e.url.endsWith('/token') && e.body?.includes('grant_type=refresh_token')).length;
    const before = refreshes();
    net.spoilNextApiToken = true;
    const res = await services.dp.get('/mailboxes/', mine);
    expect(res.status).toBe(200);
    const api = net.log.filter((e) => e.url.includes(MINE));
    expect(api.map((e) => e.status)).toEqual([401, 200]);
    expect(refreshes()).toBe(before + 1);

    // Three callers whose request all met a 401 with the same token: one refresh, one new token for all.
    const t0 = refreshes();
    const used = await services.auth.getAccessToken();
    const renewed = await Promise.all([
      services.auth.renewAfterUnauthorized(used),
      services.auth.renewAfterUnauthorized(used),
      services.auth.renewAfterUnauthorized(used),
    ]);
    expect(refreshes()).toBe(t0 + 1);
    expect(new Set(renewed).size).toBe(1);
    expect(renewed[0]).not.toBe(used);
  });

  it('a refresh token the server no longer accepts means logged out with a notice at the next start', async () => {
    const first = await start();
    await login(first);
    const rt = (await storedRefreshToken())!;
    await first.dispose();
    const revoke = await fetch(`${sandbox.issuer}/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        token: rt,
        token_type_hint: 'refresh_token',
        client_id: 'digital-post-desktop-sandbox',
      }).toString(),
    });
    expect(revoke.status).toBe(200);
    const second = await start({ browser: () => Promise.reject(new Error('the browser must not open')) });
    const status = await second.auth.status();
    expect(status.loggedIn).toBe(false);
    expect(status.notice).toMatch(/Log ind igen/);
    expect(await storedRefreshToken()).toBeUndefined();
  });

  it('offline at start: logged out with a notice, but the stored session is kept for later', async () => {
    const first = await start();
    await login(first);
    await first.dispose();
    net.offline = true;
    const second = await start();
    const status = await second.auth.status();
    expect(status.loggedIn).toBe(false);
    expect(status.notice).toMatch(/forbindelse/);
    expect(await storedRefreshToken()).toBeTruthy();
  });
});

describe('logout', () => {
  it('ends the session at the provider, revokes the refresh token and deletes it from the SecretStore', async () => {
    const services = await start();
    await login(services);
    const rt = (await storedRefreshToken())!;
    const events: AppEvent[] = [];
    services.events.subscribe((e) => events.push(e));
    const result = await services.auth.logout();
    expect(result).toEqual({ loggedOut: true, revocationPending: false });
    expect(events).toContainEqual({ type: 'auth.changed' });
    expect(await storedRefreshToken()).toBeUndefined();
    expect((await services.auth.status()).loggedIn).toBe(false);
    const endSession = net.log.find((e) => e.url.endsWith('/logout'));
    expect(endSession?.method).toBe('POST');
    expect(endSession?.auth).toMatch(/^Bearer /);
    expect(endSession?.body).toContain('id_token_hint=');
    expect(await tryRefresh(rt)).toMatchObject({ error: 'invalid_grant' });
    expect((await faultOf(services.dp.get('/mailboxes/'))).appError.code).toBe('app.auth.not-logged-in');
  });

  it('completes locally while offline and revokes once the network is back', async () => {
    const services = await start();
    await login(services);
    const rt = (await storedRefreshToken())!;
    net.offline = true;
    const result = await services.auth.logout();
    expect(result).toEqual({ loggedOut: true, revocationPending: true });
    expect((await services.auth.status()).loggedIn).toBe(false);
    expect(await storedRefreshToken()).toBeUndefined();
    // Still valid at the server until the retry gets through.
    net.offline = false;
    expect((await tryRefresh(rt)).status).toBe(200);
  });

  it('retries a pending revocation on the next start', async () => {
    const services = await start({ extra: { revocationRetryMs: 60_000 } });
    await login(services);
    const rt = (await storedRefreshToken())!;
    net.offline = true;
    expect((await services.auth.logout()).revocationPending).toBe(true);
    await services.dispose();
    net.offline = false;
    const next = await start();
    await next.auth.ready();
    for (let i = 0; i < 50 && (await (await stores.get('sandbox:pending-revocation'))!.get()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await (await stores.get('sandbox:pending-revocation'))!.get()).toBeNull();
    expect(await tryRefresh(rt)).toMatchObject({ error: 'invalid_grant' });
  });

  it('retries a pending revocation while running once the network is back', async () => {
    const services = await start({ extra: { revocationRetryMs: 200 } });
    await login(services);
    const rt = (await storedRefreshToken())!;
    net.offline = true;
    expect((await services.auth.logout()).revocationPending).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    net.offline = false;
    for (let i = 0; i < 50 && (await (await stores.get('sandbox:pending-revocation'))!.get()); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await tryRefresh(rt)).toMatchObject({ error: 'invalid_grant' });
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { followLogin } from '../../../sandbox/oidc/test-login';
import type { EnvironmentName } from '../../../shared/ipc/channels/auth';
import type { AppEvent } from '../../../shared/ipc/events';
import { AppFault } from '../../errors';
import { createDesktopServices, type AppServicesOptions, type DesktopServices } from '../../app/app-services';
import { createSecretStore, type SecretStore } from '../secret-store';

let sandbox: RunningSandbox;
let dir: string;
/** Shared across "restarts" of the services, as the OS keychain would be. */
let stores: Map<string, Promise<SecretStore>>;
let running: DesktopServices[] = [];

/**
 * Marks this test's own API calls: the services also poll in the background (new-post alerts), and those calls
 * must not be mistaken for ours.
 */
const MINE = 't=mine';
const mine = { query: { t: 'mine' } };

/** Records every request the services make and can simulate the network going away. */
const net = {
  offline: false,
  log: [] as { method: string; url: string; status?: number; auth?: string; body?: string }[],
  /** Rewrites the Authorization header of the next API request (to provoke a 401). */
  spoilNextApiToken: false,
};
const trackingFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
  if (net.offline) throw new TypeError('fetch failed');
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  if (net.spoilNextApiToken && url.includes(MINE)) {
    net.spoilNextApiToken = false;
    headers.set('authorization', 'Bearer not-a-valid-token');
  }
  const entry: (typeof net.log)[number] = {
    method,
    url,
    auth: headers.get('authorization') ?? undefined,
    body:
      typeof init?.body === 'string'
        ? init.body
        : init?.body instanceof URLSearchParams
          ? init.body.toString()
          : undefined,
  };
  net.log.push(entry);
  const res = await fetch(input instanceof Request ? input : url, { ...init, headers });
  entry.status = res.status;
  return res;
};

const pages: Promise<{ status: number; text: string }>[] = [];
/** Plays the system browser: walks the sandbox login page as `identity` and lands on our loopback callback. */
const browserAs =
  (identity: string | 'abort') =>
  (url: string): Promise<void> => {
    pages.push(
      (async () => {
        const callback = await followLogin(url, identity);
        const res = await fetch(callback, { redirect: 'manual' });
        return { status: res.status, text: await res.text() };
      })(),
    );
    return Promise.resolve();
  };

const start = async (
  options: { browser?: (url: string) => Promise<void>; extra?: AppServicesOptions; mode?: 'electron' | 'browser' } = {},
) => {
  const services = await createDesktopServices(
    {
      mode: options.mode ?? 'electron',
      userDataDir: dir,
      appVersion: '0.0.0-test',
      ...(options.mode === 'browser'
        ? { appUrl: 'http://127.0.0.1:9/app' }
        : { openSystemBrowser: options.browser ?? browserAs('lone') }),
      env: { DP_SANDBOX_URL: sandbox.url },
    },
    {
      fetch: trackingFetch,
      secretStoreFor: (env: EnvironmentName, purpose) => {
        const key = `${env}:${purpose}`;
        if (!stores.has(key)) {
          stores.set(
            key,
            createSecretStore({
              userDataDir: dir,
              account: `${purpose}.${env}`,
              service: `dp-test-${process.pid}`,
              log: () => undefined,
            }),
          );
        }
        return stores.get(key)!;
      },
      log: () => undefined,
      revocationRetryMs: 200,
      ...options.extra,
    },
  );
  running.push(services);
  return services;
};

const login = async (services: DesktopServices, oneTimeUse = false) => {
  await services.auth.login({ oneTimeUse });
  await services.auth.loginCompletion();
};

const storedRefreshToken = async (): Promise<string | undefined> => {
  const raw = await (await stores.get('sandbox:refresh-token'))?.get();
  return raw ? (JSON.parse(raw) as { refreshToken: string }).refreshToken : undefined;
};

/** Uses a refresh token directly at the sandbox's token endpoint, as an attacker holding it would. */
const tryRefresh = async (refreshToken: string): Promise<{ status: number; error?: string }> => {
  const res = await fetch(`${sandbox.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: 'digital-post-desktop-sandbox',
    }).toString(),
  });
  const body = (await res.json()) as { error?: string };
  return { status: res.status, ...(body.error ? { error: body.error } : {}) };
};

const faultOf = async (p: Promise<unknown>): Promise<AppFault> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppFault) return e;
    throw e;
  }
  throw new Error('expected an AppFault');
};

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, accessTokenTtlSeconds: 4 });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-auth-'));
  stores = new Map();
  net.offline = false;
  net.log = [];
  pages.length = 0;
});
afterEach(async () => {
  for (const s of running) await s.dispose();
  running = [];
  for (const store of stores.values()) await (await store).delete();
  await rm(dir, { recursive: true, force: true });
});

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

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';
import { followLogin } from '../../sandbox/oidc/test-login';
import type { EnvironmentName } from '../../shared/ipc/channels/auth';
import { createDesktopServices, type AppServicesOptions, type DesktopServices } from './app-services';
import { createSecretStore, type SecretStore } from '../services/secret-store';

export let sandbox: RunningSandbox;
export let dir: string;
/** Shared across "restarts" of the services, as the OS keychain would be. */
export let stores: Map<string, Promise<SecretStore>>;
export let running: DesktopServices[] = [];

/**
 * Marks this test's own API calls: the services also poll in the background (new-post alerts), and those calls
 * must not be mistaken for ours.
 */
export const MINE = 't=mine';
export const mine = { query: { t: 'mine' } };

/** Records every request the services make and can simulate the network going away. */
export const net = {
  offline: false,
  log: [] as { method: string; url: string; status?: number; auth?: string; body?: string }[],
  /** Rewrites the Authorization header of the next API request (to provoke a 401). */
  spoilNextApiToken: false,
};
export const trackingFetch: typeof fetch = async (input, init) => {
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

export const pages: Promise<{ status: number; text: string }>[] = [];
/** Plays the system browser: walks the sandbox login page as `identity` and lands on our loopback callback. */
export const browserAs =
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

export const start = async (
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

export const login = async (services: DesktopServices, oneTimeUse = false) => {
  await services.auth.login({ oneTimeUse });
  await services.auth.loginCompletion();
};

export const storedRefreshToken = async (): Promise<string | undefined> => {
  const raw = await (await stores.get('sandbox:refresh-token'))?.get();
  return raw ? (JSON.parse(raw) as { refreshToken: string }).refreshToken : undefined;
};

/** Uses a refresh token directly at the sandbox's token endpoint, as an attacker holding it would. */
export const tryRefresh = async (refreshToken: string): Promise<{ status: number; error?: string }> => {
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

export { faultOf } from '../errors.test-support';

/** Registers the hooks of one test file: one sandbox for the file, a fresh user-data dir and keychain per test. */
export const useAuthFlowSandbox = (): void => {
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
};

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CLIENT_ID, SANDBOX_SCOPES } from '../../../sandbox/client-registration';
import type { SandboxConfig } from '../../../sandbox/config';
import { followLogin } from '../../../sandbox/oidc/test-login';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { ClientRegistration, EnvironmentName } from '../../../shared/ipc/channels/auth';
import { codeOf } from '../../errors.test-support';
import { environmentFor } from '../environments';
import { createEventHub } from '../event-hub';
import { createMemorySecretStore, type SecretStore } from '../secret-store';
import type { RedirectSource } from './app-redirect';
import { createAuthService, type AuthService } from './auth-service';

/**
 * The login of a real enrolment (§16.3.2) against a sandbox that insists on it: a confidential client with a secret
 * and exactly one redirect URI, as the test environment would hold it.
 */

const SECRET = 'sandbox-client-secret-0123456789abcdef';
const SCHEME_REDIRECT = 'dk.digitalpost.desktop:/oauth2redirect';

let sandboxes: RunningSandbox[] = [];
let services: AuthService[] = [];

afterEach(async () => {
  for (const s of services) await s.dispose();
  for (const s of sandboxes) await s.close();
  services = [];
  sandboxes = [];
});

const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((r) => probe.close(() => r()));
  return port;
};

const sandboxWith = async (config: Partial<SandboxConfig>): Promise<RunningSandbox> => {
  const s = await startSandbox({ port: 0, ...config });
  sandboxes.push(s);
  return s;
};

/** Every token-endpoint request the auth service makes, to see how it authenticated. */
const tokenRequests: { authorization: string | null; body: string }[] = [];
const trackingFetch: typeof fetch = async (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  if (url.endsWith('/token')) {
    const headers = new Headers(init?.headers);
    tokenRequests.push({ authorization: headers.get('authorization'), body: String(init?.body ?? '') });
  }
  return fetch(input, init);
};

interface Run {
  auth: AuthService;
  /** What the system browser was sent to. */
  authUrls: string[];
  /** How each walk through the sandbox's login page ended: the redirect it landed on, or why it stopped. */
  outcomes: Promise<URL | Error>[];
}

const authFor = async (
  sandbox: RunningSandbox,
  registration: Partial<ClientRegistration>,
  options: {
    secret?: string;
    redirects?: RedirectSource;
    deliver?: (url: URL) => Promise<void>;
    env?: 'test' | 'prod';
  } = {},
): Promise<Run> => {
  const stores = new Map<string, SecretStore>();
  const reg: ClientRegistration = {
    clientId: SANDBOX_CLIENT_ID,
    idp: 'nemlogin',
    scopes: [...SANDBOX_SCOPES],
    ...registration,
  };
  const authUrls: string[] = [];
  const outcomes: Promise<URL | Error>[] = [];
  const auth = createAuthService({
    resolver: {
      resolve: async () => environmentFor(options.env ?? 'test', sandbox.url, reg),
      dispose: async () => undefined,
    },
    environment: options.env ?? 'test',
    secretStoreFor: async (env: EnvironmentName, purpose) => {
      const key = `${env}:${purpose}`;
      if (!stores.has(key)) stores.set(key, createMemorySecretStore());
      return stores.get(key)!;
    },
    events: createEventHub(),
    hooks: {
      openSystemBrowser: async (url) => {
        authUrls.push(url);
        outcomes.push(
          followLogin(url, 'lone').then(
            async (callback) => {
              await (options.deliver ?? ((u: URL) => fetch(u).then((r) => void r.body?.cancel())))(callback);
              return callback;
            },
            (err: unknown) => (err instanceof Error ? err : new Error(String(err))),
          ),
        );
      },
    },
    ...(options.redirects ? { redirects: options.redirects } : {}),
    fetch: trackingFetch,
    loginTimeoutMs: 10_000,
    log: () => undefined,
  });
  services.push(auth);
  if (options.secret) await auth.setClientSecret('test', options.secret);
  return { auth, authUrls, outcomes };
};

describe('login as enrolled: confidential client, one exact redirect URI', () => {
  it('logs in with client_secret_basic on the fixed loopback port, the secret never in the body', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const sandbox = await sandboxWith({ clientSecret: SECRET, redirectUri });
    const { auth, authUrls } = await authFor(sandbox, { redirectUri }, { secret: SECRET });
    expect(await auth.clientSecretStored()).toEqual({ test: true, prod: false });
    tokenRequests.length = 0;
    await auth.login();
    await auth.loginCompletion();
    expect(new URL(authUrls[0]!).searchParams.get('redirect_uri')).toBe(redirectUri);
    expect((await auth.status()).loggedIn).toBe(true);
    const exchange = tokenRequests[0]!;
    expect(exchange.authorization).toMatch(/^Basic /);
    const [id, secret] = Buffer.from(exchange.authorization!.slice(6), 'base64').toString().split(':');
    expect([decodeURIComponent(id!), decodeURIComponent(secret!)]).toEqual([SANDBOX_CLIENT_ID, SECRET]);
    expect(exchange.body).not.toContain(SECRET);
  });

  it('sends the secret in the body where discovery offers only client_secret_post', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const sandbox = await sandboxWith({ clientSecret: SECRET, clientAuthMethod: 'client_secret_post', redirectUri });
    const { auth } = await authFor(sandbox, { redirectUri }, { secret: SECRET });
    tokenRequests.length = 0;
    await auth.login();
    await auth.loginCompletion();
    expect((await auth.status()).loggedIn).toBe(true);
    expect(tokenRequests[0]!.authorization).toBeNull();
    expect(new URLSearchParams(tokenRequests[0]!.body).get('client_secret')).toBe(SECRET);
  });

  it('fails clearly with a wrong secret, and with none where the client is confidential', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const sandbox = await sandboxWith({ clientSecret: SECRET, redirectUri });
    const wrong = await authFor(sandbox, { redirectUri }, { secret: 'not-the-secret-but-long-enough-0123456789' });
    await wrong.auth.login();
    expect(await codeOf(wrong.auth.loginCompletion())).toBe('app.auth.invalid-client');
    const status = await wrong.auth.status();
    expect(status.loggedIn).toBe(false);
    expect(status.notice).toMatch(/klienthemmelighed/);
    await wrong.auth.dispose();

    const none = await authFor(sandbox, { redirectUri });
    await none.auth.login();
    expect(await codeOf(none.auth.loginCompletion())).toBe('app.auth.invalid-client');
  });

  it('is refused by the provider when the redirect URI differs from the enrolled one, even by the port', async () => {
    const enrolled = `http://127.0.0.1:${await freePort()}/callback`;
    const sandbox = await sandboxWith({ clientSecret: SECRET, redirectUri: enrolled });
    const other = `http://127.0.0.1:${await freePort()}/callback`;
    const { auth, authUrls, outcomes } = await authFor(sandbox, { redirectUri: other }, { secret: SECRET });
    await auth.login();
    const outcome = await outcomes[0]!;
    expect(outcome).toBeInstanceOf(Error);
    const page = await fetch(authUrls[0]!);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('invalid_redirect_uri');
    // Nothing came back, so the login is still waiting for the user (who can cancel it).
    expect((await auth.status()).pending).toBe(true);
    auth.cancelLogin();
    expect(await codeOf(auth.loginCompletion())).toBe('app.auth.login-cancelled');
  });

  it('takes the answer on the private-use scheme from the OS handoff, ignoring a URL with another state', async () => {
    const sandbox = await sandboxWith({ clientSecret: SECRET, redirectUri: SCHEME_REDIRECT });
    const listeners = new Set<(url: string) => void>();
    const redirects: RedirectSource = {
      subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    };
    const handOver = (url: string) => listeners.forEach((l) => l(url));
    let settled = false;
    const { auth, authUrls } = await authFor(
      sandbox,
      { redirectUri: SCHEME_REDIRECT },
      {
        secret: SECRET,
        redirects,
        deliver: async (callback) => {
          expect(callback.href.startsWith(`${SCHEME_REDIRECT}?`)).toBe(true);
          // Forged and foreign answers first: none of them may end or derail the login.
          handOver(callback.href.replace(/state=[^&]+/, 'state=forged'));
          handOver(`${SCHEME_REDIRECT}?error=access_denied&state=forged`);
          handOver(`dk.digitalpost.desktop:/elsewhere?${callback.searchParams.toString()}`);
          await new Promise((r) => setTimeout(r, 50));
          expect(settled).toBe(false);
          handOver(callback.href);
        },
      },
    );
    await auth.login();
    expect(new URL(authUrls[0]!).searchParams.get('redirect_uri')).toBe(SCHEME_REDIRECT);
    const completion = auth.loginCompletion()!;
    void completion.finally(() => (settled = true)).catch(() => undefined);
    await completion;
    expect((await auth.status()).loggedIn).toBe(true);
  });

  it('refuses, before the browser opens, a redirect it could not receive or that prod may not use', async () => {
    const sandbox = await sandboxWith({});
    // A hand-edited settings.json can hold what the settings dialog refuses.
    const prodHttp = await authFor(sandbox, { redirectUri: 'http://127.0.0.1:8765/callback' }, { env: 'prod' });
    expect(await codeOf(prodHttp.auth.login())).toBe('app.auth.redirect-unusable');
    const noHandoff = await authFor(sandbox, { redirectUri: SCHEME_REDIRECT });
    expect(await codeOf(noHandoff.auth.login())).toBe('app.auth.redirect-unusable');
    const unregistered = await authFor(sandbox, {});
    expect(await codeOf(unregistered.auth.login())).toBe('app.auth.redirect-unusable');
    expect([...prodHttp.authUrls, ...noHandoff.authUrls, ...unregistered.authUrls]).toEqual([]);
  });

  it('uses the OneTimeUse realm of the §16.3.4 table, or the one the registration names', async () => {
    const redirectUri = `http://127.0.0.1:${await freePort()}/callback`;
    const sandbox = await sandboxWith({ redirectUri });
    const mitDk = await authFor(sandbox, { redirectUri, idp: 'mit-dk-nemlogin' });
    await mitDk.auth.login({ oneTimeUse: true });
    await mitDk.auth.loginCompletion();
    expect(new URL(mitDk.authUrls[0]!).searchParams.get('idp')).toBe('nemloginMitDkOneTimeUse');
    await mitDk.auth.dispose();

    const overridden = await authFor(sandbox, {
      redirectUri,
      idp: 'nemlogin',
      oneTimeUseIdp: 'nemloginEboksOneTimeUse',
    });
    await overridden.auth.login({ oneTimeUse: true });
    await overridden.auth.loginCompletion();
    expect(new URL(overridden.authUrls[0]!).searchParams.get('idp')).toBe('nemloginEboksOneTimeUse');
  });
});

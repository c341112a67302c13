import * as oidc from 'openid-client';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import {
  DEFAULT_APP_REDIRECT_URI,
  REDIRECT_PROBLEM_MESSAGES,
  classifyRedirectUri,
  redirectProblem,
  type AuthStatus,
  type EnvironmentName,
} from '../../../shared/ipc/channels/auth';
import { AppFault } from '../../errors';
import type { AccessTokenSource } from '../dp-client/dp-client';
import type { EnvironmentResolver, ResolvedEnvironment } from '../environments';
import type { EventHub, PlatformHooks } from '../platform';
import type { SecretStore } from '../secret-store';
import { personFromClaims, type Person } from './claims';
import { awaitAppRedirect, type RedirectSource } from './app-redirect';
import type { CallbackOutcome, CallbackReceiver } from './callback-check';
import { startLoopbackListener } from './loopback';
import { oneTimeUseRealm } from './realms';

/** What the auth service keeps in the SecretStore, one entry per environment and purpose. */
export type SecretPurpose = 'refresh-token' | 'pending-revocation' | 'client-secret';

/** What is kept in the SecretStore for one environment: never the access token. */
interface StoredSession {
  v: 1;
  refreshToken: string;
  /** Needed as id_token_hint for logout after a restart, and for the name when a refresh brings no new id token. */
  idToken?: string;
  /** Whose session it is (the id token's `sub`), so a login by someone else can revoke it first (§16.3.3). */
  sub?: string;
}

/** A logout whose server-side part could not be done yet (offline); retried later. */
interface PendingRevocation {
  v: 1;
  refreshToken?: string;
  idToken?: string;
}

interface Session {
  accessToken?: string;
  /** Epoch ms at which the access token expires. */
  expiresAt: number;
  /** When to renew: ahead of expiry so a request never leaves with a dying token. */
  renewAt: number;
  refreshToken?: string;
  idToken?: string;
  sub?: string;
  person: Person;
  oneTimeUse: boolean;
}

export interface AuthServiceOptions {
  resolver: EnvironmentResolver;
  environment: EnvironmentName;
  /** One store per environment and purpose (`refresh-token`, `pending-revocation`, `client-secret`). */
  secretStoreFor: (env: EnvironmentName, purpose: SecretPurpose) => Promise<SecretStore>;
  events: EventHub;
  hooks: Pick<PlatformHooks, 'openSystemBrowser' | 'appUrl'>;
  /** URLs of the app's private-use scheme handed over by the OS (Electron only). */
  redirects?: RedirectSource;
  fetch?: typeof fetch;
  loginTimeoutMs?: number;
  /** Renew this long before expiry (capped at a third of the token's lifetime). */
  renewLeadMs?: number;
  /** How often a pending revocation is retried while the app runs. */
  revocationRetryMs?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface LoginResult {
  navigateTo?: string;
}

export interface AuthService extends AccessTokenSource {
  status(): Promise<AuthStatus>;
  login(options?: { oneTimeUse?: boolean }): Promise<LoginResult>;
  /** The running login's outcome (tests, browser mode); undefined when none is pending. */
  loginCompletion(): Promise<void> | undefined;
  cancelLogin(): boolean;
  logout(): Promise<{ loggedOut: true; revocationPending: boolean }>;
  /** Retries server-side logouts that failed while offline; true when none are left. */
  retryPendingRevocation(): Promise<boolean>;
  environment(): Promise<ResolvedEnvironment>;
  /** Drops the in-memory session (tokens stay stored for that environment) and restores the other one's. */
  switchEnvironment(env: EnvironmentName): Promise<void>;
  /** Whether a client secret is stored for test / prod; the secret itself never leaves main. */
  clientSecretStored(): Promise<{ test: boolean; prod: boolean }>;
  /** Stores (string) or removes (null) the client secret of a real environment in the SecretStore. */
  setClientSecret(env: 'test' | 'prod', secret: string | null): Promise<void>;
  /** Resolves when the start-up restore has finished. */
  ready(): Promise<void>;
  /** Who is logged in (the id token's `sub`) and where, for what is kept per person; undefined while nobody is. */
  owner(): Promise<{ environment: EnvironmentName; sub: string } | undefined>;
  dispose(): Promise<void>;
}

const MESSAGES = {
  expired: 'Din session er udløbet. Log ind igen.',
  restoreOffline:
    'Kunne ikke genoptage din session, fordi der ikke er forbindelse til Digital Post. Prøv igen senere eller log ind.',
  notLoggedIn: 'Du er ikke logget ind.',
  network: 'Der er ingen forbindelse til Digital Post. Prøv igen, når du er online.',
  loginFailed: 'Login mislykkedes. Prøv igen.',
  invalidClient:
    'Digital Post afviste appens klientregistrering (klient-id eller klienthemmelighed). Tjek dem under Indstillinger.',
  noRedirect:
    'Angiv den redirect-URI, din klientregistrering er tilmeldt med, under Indstillinger (for en testklient fx http://127.0.0.1:8765/callback).',
  schemeUnavailable:
    'Denne redirect-URI bruger appens eget URI-skema, som kun skrivebordsappen kan modtage. Angiv en loopback-redirect (http://127.0.0.1:<port>/callback) for en testklient.',
};

/** fetch() rejects with a TypeError when the network (not the server) fails. */
const isNetworkError = (err: unknown): boolean =>
  err instanceof TypeError || (err instanceof oidc.ClientError && err.cause instanceof TypeError);

const isOAuthError = (err: unknown): err is { error: string; status?: number } =>
  typeof err === 'object' && err !== null && typeof (err as { error?: unknown }).error === 'string';

/** Digital Post refused the client (wrong id or secret): a problem of the settings, not of the user's session. */
const isInvalidClient = (err: unknown): boolean => {
  const refused = (code: unknown) => code === 'invalid_client' || code === 'unauthorized_client';
  if (isOAuthError(err)) return refused(err.error);
  // A 401 with a WWW-Authenticate challenge (client_secret_basic refused) carries the error in its parameters.
  if (err instanceof oidc.WWWAuthenticateChallengeError) return err.cause.some((c) => refused(c.parameters.error));
  return false;
};

const invalidClientFault = (): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.invalidClient, message: MESSAGES.invalidClient });

/** The `sub` of an id token we already verified when it was issued; only used to compare people. */
const subjectOf = (idToken: string | undefined): string | undefined => {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const sub = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: unknown }).sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The token endpoint's client authentication as the discovery document offers it: with a secret, `client_secret_basic`
 * (RFC 8414's default when nothing is listed) or else `client_secret_post`; without one, `none` (a public native app).
 */
export const clientAuthFor = (
  meta: oidc.ServerMetadata,
  secret: string | null,
): { method: 'client_secret_basic' | 'client_secret_post' | 'none'; auth: oidc.ClientAuth } => {
  if (!secret) return { method: 'none', auth: oidc.None() };
  const offered = meta.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (offered.includes('client_secret_basic'))
    return { method: 'client_secret_basic', auth: oidc.ClientSecretBasic(secret) };
  if (offered.includes('client_secret_post'))
    return { method: 'client_secret_post', auth: oidc.ClientSecretPost(secret) };
  // Nothing we can send the secret with: let Digital Post decide whether the client may go without.
  return { method: 'none', auth: oidc.None() };
};

const networkFault = (): AppFault => new AppFault({ code: APP_ERROR_CODES.network, message: MESSAGES.network });
const notLoggedIn = (): AppFault => new AppFault({ code: APP_ERROR_CODES.notLoggedIn, message: MESSAGES.notLoggedIn });

const parseJson = <T>(raw: string | null, guard: (v: unknown) => boolean): T | null => {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return guard(v) ? (v as T) : null;
  } catch {
    return null;
  }
};

const isStoredSession = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as StoredSession).refreshToken === 'string';

export const createAuthService = (options: AuthServiceOptions): AuthService => {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));
  const renewLeadMs = options.renewLeadMs ?? 60_000;
  const revocationRetryMs = options.revocationRetryMs ?? 30_000;

  let envName = options.environment;
  let session: Session | null = null;
  let notice: string | undefined;
  let pendingLogin: { listener: CallbackReceiver; completion: Promise<void> } | null = null;
  // One subscription for the app's life: a URL the OS handed over before any login began is passed to none.
  const schemeListeners = new Set<(url: string) => void>();
  const unsubscribeRedirects = options.redirects?.subscribe((url) => {
    for (const l of [...schemeListeners]) l(url);
  });
  const schemeSource: RedirectSource = {
    subscribe(listener) {
      schemeListeners.add(listener);
      return () => schemeListeners.delete(listener);
    },
  };
  let refreshing: Promise<void> | null = null;
  let renewTimer: NodeJS.Timeout | undefined;
  let revocationTimer: NodeJS.Timeout | undefined;
  /** Bumped whenever the session is dropped, so a refresh that was in flight cannot bring it back. */
  let epoch = 0;
  let disposed = false;
  const discoveries = new Map<string, Promise<oidc.Configuration>>();
  const stores = new Map<string, Promise<SecretStore>>();
  let readyPromise: Promise<void> = Promise.resolve();

  const emitChanged = (): void => options.events.emit({ type: 'auth.changed' });

  const store = (purpose: SecretPurpose, env: EnvironmentName = envName): Promise<SecretStore> => {
    const key = `${env}:${purpose}`;
    let s = stores.get(key);
    if (!s) {
      s = options.secretStoreFor(env, purpose);
      stores.set(key, s);
      s.catch(() => stores.delete(key));
    }
    return s;
  };

  const fetchOption = (): Record<symbol, unknown> => (options.fetch ? { [oidc.customFetch]: options.fetch } : {});

  const discover = (env: ResolvedEnvironment): Promise<oidc.Configuration> => {
    const key = `${env.issuer.href}|${env.registration.clientId}`;
    let c = discoveries.get(key);
    if (!c) {
      c = oidc.discovery(env.issuer, env.registration.clientId, undefined, oidc.None(), {
        execute: env.allowInsecure ? [oidc.allowInsecureRequests] : [],
        ...fetchOption(),
      });
      discoveries.set(key, c);
      // A failed discovery (offline) must be retried next time, not cached.
      c.catch(() => discoveries.delete(key));
    }
    return c;
  };

  /** The discovered provider with the client authentication its metadata offers for the stored secret (if any). */
  const configFor = async (env: ResolvedEnvironment): Promise<oidc.Configuration> => {
    const discovered = await discover(env);
    const secret = env.name === 'sandbox' ? null : await (await store('client-secret', env.name)).get();
    const meta = discovered.serverMetadata();
    const config = new oidc.Configuration(meta, env.registration.clientId, undefined, clientAuthFor(meta, secret).auth);
    if (env.allowInsecure) oidc.allowInsecureRequests(config);
    if (options.fetch) config[oidc.customFetch] = options.fetch as oidc.CustomFetch;
    return config;
  };

  const currentConfig = async (): Promise<{ env: ResolvedEnvironment; config: oidc.Configuration }> => {
    const env = await options.resolver.resolve(envName);
    try {
      return { env, config: await configFor(env) };
    } catch (err) {
      if (isNetworkError(err)) throw networkFault();
      throw err;
    }
  };

  const scheduleRenewal = (): void => {
    clearTimeout(renewTimer);
    if (!session?.refreshToken || disposed) return;
    const delay = Math.max(0, session.renewAt - now());
    renewTimer = setTimeout(() => {
      refresh().catch((err: unknown) => {
        log('Scheduled token renewal failed', err);
        // Offline: try again shortly, while the old token may still be good.
        if (session && err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network) {
          session.renewAt = now() + 15_000;
          scheduleRenewal();
        }
      });
    }, delay);
    renewTimer.unref?.();
  };

  const adoptTokens = async (
    tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
    oneTimeUse: boolean,
    previous?: Session,
  ): Promise<void> => {
    const lifetimeMs = Math.max(1, tokens.expires_in ?? 300) * 1000;
    const issuedAt = now();
    const idToken = tokens.id_token ?? previous?.idToken;
    const claims = tokens.id_token ? (tokens.claims() as Record<string, unknown> | undefined) : undefined;
    const sub = typeof claims?.sub === 'string' ? claims.sub : (previous?.sub ?? subjectOf(idToken));
    session = {
      accessToken: tokens.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - Math.min(renewLeadMs, lifetimeMs / 3),
      refreshToken: tokens.refresh_token ?? previous?.refreshToken,
      idToken,
      ...(sub ? { sub } : {}),
      person: claims ? personFromClaims(claims) : (previous?.person ?? {}),
      oneTimeUse,
    };
    // "Don't keep me logged in" keeps nothing beyond this run; otherwise store the (possibly rotated) refresh token.
    if (!oneTimeUse && session.refreshToken) {
      const stored: StoredSession = {
        v: 1,
        refreshToken: session.refreshToken,
        ...(idToken ? { idToken } : {}),
        ...(sub ? { sub } : {}),
      };
      try {
        await (await store('refresh-token')).set(JSON.stringify(stored));
      } catch (err) {
        log('Could not store the refresh token; the session will not survive a restart', err);
      }
    }
    scheduleRenewal();
  };

  const dropSession = async (why: string | undefined, deleteStored: boolean): Promise<void> => {
    epoch += 1;
    clearTimeout(renewTimer);
    session = null;
    notice = why;
    if (deleteStored)
      await (await store('refresh-token')).delete().catch((e: unknown) => log('Could not delete the stored token', e));
    emitChanged();
  };

  /** Single flight: everyone who needs a renewal while one runs waits for that one. */
  const refresh = (): Promise<void> => {
    if (refreshing) return refreshing;
    const current = session;
    if (!current?.refreshToken) return Promise.reject(notLoggedIn());
    const startedEpoch = epoch;
    refreshing = (async () => {
      const { config } = await currentConfig();
      let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
      try {
        tokens = await oidc.refreshTokenGrant(config, current.refreshToken as string);
      } catch (err) {
        if (isNetworkError(err)) throw networkFault();
        // A wrong client secret says nothing about the refresh token: keep it for when the settings are fixed.
        if (isInvalidClient(err)) throw invalidClientFault();
        if (startedEpoch === epoch) {
          log('Refresh token rejected; logging out', err);
          await dropSession(MESSAGES.expired, true);
        }
        throw new AppFault({ code: APP_ERROR_CODES.notLoggedIn, message: MESSAGES.expired });
      }
      if (startedEpoch !== epoch) throw notLoggedIn();
      await adoptTokens(tokens, current.oneTimeUse, current);
      notice = undefined;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const getAccessToken = async (): Promise<string> => {
    await readyPromise;
    const s = session;
    if (!s) throw notLoggedIn();
    if (s.accessToken && now() < s.renewAt) return s.accessToken;
    if (!s.refreshToken) {
      if (s.accessToken && now() < s.expiresAt - 5_000) return s.accessToken;
      await dropSession(MESSAGES.expired, false);
      throw notLoggedIn();
    }
    try {
      await refresh();
    } catch (err) {
      // Offline but the old token still has a little life: use it rather than fail.
      if (
        err instanceof AppFault &&
        err.appError.code === APP_ERROR_CODES.network &&
        s.accessToken &&
        now() < s.expiresAt - 5_000
      ) {
        return s.accessToken;
      }
      throw err;
    }
    if (!session?.accessToken) throw notLoggedIn();
    return session.accessToken;
  };

  const renewAfterUnauthorized = async (used: string): Promise<string> => {
    await readyPromise;
    if (session?.accessToken && session.accessToken !== used) return session.accessToken;
    if (!session) throw notLoggedIn();
    if (!session.refreshToken) {
      await dropSession(MESSAGES.expired, false);
      throw notLoggedIn();
    }
    await refresh();
    if (!session?.accessToken) throw notLoggedIn();
    return session.accessToken;
  };

  const restore = async (): Promise<void> => {
    const stored = parseJson<StoredSession>(await (await store('refresh-token')).get(), isStoredSession);
    if (!stored) return;
    session = {
      expiresAt: 0,
      renewAt: 0,
      refreshToken: stored.refreshToken,
      ...(stored.idToken ? { idToken: stored.idToken } : {}),
      ...((stored.sub ?? subjectOf(stored.idToken)) ? { sub: stored.sub ?? subjectOf(stored.idToken) } : {}),
      person: {},
      oneTimeUse: false,
    };
    const startedEpoch = epoch;
    try {
      await refresh();
    } catch (err) {
      if (startedEpoch !== epoch) return;
      if (err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network) {
        // Keep the stored token: it is probably still good once we are online again.
        epoch += 1;
        session = null;
        notice = MESSAGES.restoreOffline;
      }
      log('Could not restore the session', err);
    }
  };

  const endSessionRemotely = async (pending: PendingRevocation & { accessToken?: string }): Promise<void> => {
    const { config } = await currentConfig();
    const meta = config.serverMetadata();
    const doFetch = options.fetch ?? fetch;
    if (pending.idToken && meta.end_session_endpoint) {
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (pending.accessToken) headers.authorization = `Bearer ${pending.accessToken}`;
      let res: Response;
      try {
        res = await doFetch(meta.end_session_endpoint, {
          method: 'POST',
          headers,
          body: new URLSearchParams({ id_token_hint: pending.idToken }).toString(),
          redirect: 'manual',
        });
      } catch {
        throw networkFault();
      }
      res.body?.cancel().catch(() => undefined);
      if (res.status >= 500) throw networkFault();
      if (res.status >= 400) log(`end_session answered ${res.status}; continuing with revocation`);
    }
    if (pending.refreshToken && meta.revocation_endpoint) {
      try {
        await oidc.tokenRevocation(config, pending.refreshToken, { token_type_hint: 'refresh_token' });
      } catch (err) {
        if (isNetworkError(err) || (isOAuthError(err) && (err.status ?? 0) >= 500)) throw networkFault();
        log('Token revocation was refused', err);
      }
    }
  };

  const scheduleRevocationRetry = (): void => {
    clearTimeout(revocationTimer);
    if (disposed) return;
    revocationTimer = setTimeout(() => {
      retryPendingRevocation().catch((err: unknown) => log('Revocation retry failed', err));
    }, revocationRetryMs);
    revocationTimer.unref?.();
  };

  const retryPendingRevocation = async (): Promise<boolean> => {
    const pendingStore = await store('pending-revocation');
    const pending = parseJson<PendingRevocation>(await pendingStore.get(), (v) => typeof v === 'object' && v !== null);
    if (!pending) return true;
    try {
      await endSessionRemotely(pending);
    } catch (err) {
      if (err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network) {
        scheduleRevocationRetry();
        return false;
      }
      log('Giving up a pending revocation', err);
    }
    await pendingStore.delete();
    return true;
  };

  /**
   * Where this login's authorization response comes back: the registered redirect URI, character for character.
   * Only the built-in sandbox (whose registration accepts any loopback port) may fall back to a free port.
   */
  const receiverFor = async (
    env: ResolvedEnvironment,
    expectedState: string,
    onCallback: (url: URL) => Promise<CallbackOutcome>,
  ): Promise<CallbackReceiver> => {
    const timeout = options.loginTimeoutMs ? { timeoutMs: options.loginTimeoutMs } : {};
    const loopback = (fixed?: { port: number; path: string }) =>
      startLoopbackListener({
        expectedState,
        onCallback,
        ...(fixed ? { fixed } : {}),
        ...(options.hooks.openSystemBrowser ? {} : options.hooks.appUrl ? { appUrl: options.hooks.appUrl } : {}),
        ...timeout,
      });
    const registered = env.registration.redirectUri;
    if (registered === undefined && env.name === 'sandbox') return loopback();
    // Without a registered URI the desktop app assumes the enrolment uses its own scheme; browser mode cannot.
    const redirectUri = registered ?? (options.redirects ? DEFAULT_APP_REDIRECT_URI : undefined);
    if (redirectUri === undefined) {
      throw new AppFault({ code: APP_ERROR_CODES.redirectUnusable, message: MESSAGES.noRedirect });
    }
    if (env.name !== 'sandbox') {
      const problem = redirectProblem(env.name, redirectUri);
      if (problem)
        throw new AppFault({ code: APP_ERROR_CODES.redirectUnusable, message: REDIRECT_PROBLEM_MESSAGES[problem] });
    }
    const kind = classifyRedirectUri(redirectUri);
    if (kind.kind === 'loopback') return loopback({ port: kind.port, path: kind.path });
    if (kind.kind === 'app-scheme' && options.redirects) {
      return awaitAppRedirect({ redirectUri, expectedState, onCallback, source: schemeSource, ...timeout, log });
    }
    throw new AppFault({
      code: APP_ERROR_CODES.redirectUnusable,
      message: kind.kind === 'app-scheme' ? MESSAGES.schemeUnavailable : REDIRECT_PROBLEM_MESSAGES.unreceivable,
    });
  };

  /**
   * §16.3.3: a native app MUST revoke the stored refresh token when a new user enrols the device. Compared by the id
   * token's subject; a stored session whose person we cannot tell counts as someone else's.
   */
  const revokeIfAnotherPerson = async (tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers) => {
    const newSub = tokens.claims()?.sub;
    const stored = parseJson<StoredSession>(await (await store('refresh-token')).get(), isStoredSession);
    const old = session?.refreshToken
      ? {
          refreshToken: session.refreshToken,
          idToken: session.idToken,
          sub: session.sub,
          accessToken: session.accessToken,
        }
      : stored
        ? { refreshToken: stored.refreshToken, idToken: stored.idToken, sub: stored.sub ?? subjectOf(stored.idToken) }
        : null;
    if (!old || (old.sub !== undefined && old.sub === newSub)) return;
    const pending: PendingRevocation = {
      v: 1,
      refreshToken: old.refreshToken,
      ...(old.idToken ? { idToken: old.idToken } : {}),
    };
    try {
      // §16.3.3 wants the access token as Bearer on end_session; it is at hand only while that session is in memory.
      await endSessionRemotely({
        ...pending,
        ...('accessToken' in old && old.accessToken ? { accessToken: old.accessToken } : {}),
      });
    } catch (err) {
      if (!(err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network)) {
        log("Revoking the previous person's session failed", err);
        return;
      }
      // Offline: the new login still goes ahead; the old token is revoked as soon as the network allows.
      await (await store('pending-revocation')).set(JSON.stringify(pending));
      scheduleRevocationRetry();
    }
  };

  const cancelLogin = (): boolean => {
    if (!pendingLogin) return false;
    pendingLogin.listener.cancel();
    return true;
  };

  const start = (): void => {
    readyPromise = (async () => {
      await restore().catch((err: unknown) => log('Session restore failed', err));
      retryPendingRevocation().catch((err: unknown) => log('Revocation retry failed', err));
    })();
  };
  start();

  return {
    getAccessToken,
    renewAfterUnauthorized,
    ready: () => readyPromise,

    async owner() {
      await readyPromise;
      const sub = session?.sub;
      return sub ? { environment: envName, sub } : undefined;
    },

    async status() {
      await readyPromise;
      const kind = (await store('refresh-token')).kind;
      const s = session;
      return {
        loggedIn: s !== null,
        environment: envName,
        pending: pendingLogin !== null,
        ...(s?.person.displayName ? { displayName: s.person.displayName } : {}),
        ...(s?.person.maskedCpr ? { maskedCpr: s.person.maskedCpr } : {}),
        secretStore: kind,
        ...(notice ? { notice } : {}),
      };
    },

    async login(loginOptions = {}) {
      await readyPromise;
      cancelLogin();
      const oneTimeUse = loginOptions.oneTimeUse === true;
      const { env, config } = await currentConfig();
      const verifier = oidc.randomPKCECodeVerifier();
      const challenge = await oidc.calculatePKCECodeChallenge(verifier);
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const loginEpoch = epoch;
      const onCallback = async (callbackUrl: URL): Promise<CallbackOutcome> => {
        let tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;
        try {
          tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
            pkceCodeVerifier: verifier,
            expectedState: state,
            expectedNonce: nonce,
            idTokenExpected: true,
          });
        } catch (err) {
          if (isNetworkError(err)) throw networkFault();
          log('Authorization code exchange failed', err);
          if (isInvalidClient(err)) throw invalidClientFault();
          throw new AppFault({ code: APP_ERROR_CODES.loginDenied, message: MESSAGES.loginFailed });
        }
        if (loginEpoch !== epoch) throw notLoggedIn();
        await revokeIfAnotherPerson(tokens);
        if (loginEpoch !== epoch) throw notLoggedIn();
        await adoptTokens(tokens, oneTimeUse);
        if (oneTimeUse) await (await store('refresh-token')).delete();
        notice = undefined;
        return { ok: true };
      };
      const listener = await receiverFor(env, state, onCallback);
      const completion = listener.done.then(
        () => {
          pendingLogin = null;
          emitChanged();
        },
        (err: unknown) => {
          pendingLogin = null;
          const cancelled = err instanceof AppFault && err.appError.code === APP_ERROR_CODES.loginCancelled;
          if (!cancelled) notice = err instanceof AppFault ? err.appError.message : MESSAGES.loginFailed;
          emitChanged();
          throw err;
        },
      );
      completion.catch(() => undefined);
      pendingLogin = { listener, completion };

      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: listener.redirectUri,
        scope: env.registration.scopes.join(' '),
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state,
        nonce,
        idp: oneTimeUse ? oneTimeUseRealm(env.registration.idp, env.registration.oneTimeUseIdp) : env.registration.idp,
      });
      emitChanged();
      if (options.hooks.openSystemBrowser) {
        try {
          await options.hooks.openSystemBrowser(url.href);
        } catch (err) {
          listener.cancel();
          throw err;
        }
        return {};
      }
      return { navigateTo: url.href };
    },

    loginCompletion: () => pendingLogin?.completion,
    cancelLogin,

    async logout() {
      await readyPromise;
      cancelLogin();
      const s = session;
      const storedRaw = await (await store('refresh-token')).get();
      const stored = parseJson<StoredSession>(storedRaw, isStoredSession);
      // Locally logged out first: whatever the network does, this computer holds no session any more.
      await dropSession(undefined, true);
      const pending: PendingRevocation & { accessToken?: string } = {
        v: 1,
        ...((s?.refreshToken ?? stored?.refreshToken) ? { refreshToken: s?.refreshToken ?? stored?.refreshToken } : {}),
        ...((s?.idToken ?? stored?.idToken) ? { idToken: s?.idToken ?? stored?.idToken } : {}),
        ...(s?.accessToken ? { accessToken: s.accessToken } : {}),
      };
      if (!pending.refreshToken && !pending.idToken) return { loggedOut: true, revocationPending: false };
      try {
        await endSessionRemotely(pending);
        return { loggedOut: true, revocationPending: false };
      } catch (err) {
        if (!(err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network)) {
          log('Server-side logout failed', err);
          return { loggedOut: true, revocationPending: false };
        }
        const { accessToken: _dropped, ...persisted } = pending;
        void _dropped;
        await (await store('pending-revocation')).set(JSON.stringify(persisted));
        scheduleRevocationRetry();
        return { loggedOut: true, revocationPending: true };
      }
    },

    retryPendingRevocation,
    environment: () => options.resolver.resolve(envName),

    async clientSecretStored() {
      const has = async (env: 'test' | 'prod') => Boolean(await (await store('client-secret', env)).get());
      const [test, prod] = await Promise.all([has('test'), has('prod')]);
      return { test, prod };
    },

    async setClientSecret(env, secret) {
      const s = await store('client-secret', env);
      if (secret === null) await s.delete();
      else await s.set(secret);
    },

    async switchEnvironment(env) {
      if (env === envName) return;
      await readyPromise;
      cancelLogin();
      epoch += 1;
      clearTimeout(renewTimer);
      clearTimeout(revocationTimer);
      session = null;
      notice = undefined;
      envName = env;
      start();
      await readyPromise;
      emitChanged();
    },

    async dispose() {
      disposed = true;
      unsubscribeRedirects?.();
      cancelLogin();
      clearTimeout(renewTimer);
      clearTimeout(revocationTimer);
      await readyPromise.catch(() => undefined);
    },
  };
};

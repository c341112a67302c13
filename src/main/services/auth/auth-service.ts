import * as oidc from 'openid-client';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { AuthStatus, EnvironmentName } from '../../../shared/ipc/channels/auth';
import { AppFault } from '../../ipc/dispatch';
import type { AccessTokenSource } from '../dp-client/dp-client';
import type { EnvironmentResolver, ResolvedEnvironment } from '../environments';
import type { EventHub, PlatformHooks } from '../platform';
import type { SecretStore } from '../secret-store';
import { personFromClaims, type Person } from './claims';
import { startLoopbackListener, type LoopbackListener } from './loopback';
import { oneTimeUseRealm } from './realms';

/** What is kept in the SecretStore for one environment: never the access token. */
interface StoredSession {
  v: 1;
  refreshToken: string;
  /** Needed as id_token_hint for logout after a restart, and for the name when a refresh brings no new id token. */
  idToken?: string;
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
  person: Person;
  oneTimeUse: boolean;
}

export interface AuthServiceOptions {
  resolver: EnvironmentResolver;
  environment: EnvironmentName;
  /** One store per environment and purpose (`refresh-token`, `pending-revocation`). */
  secretStoreFor: (env: EnvironmentName, purpose: 'refresh-token' | 'pending-revocation') => Promise<SecretStore>;
  events: EventHub;
  hooks: Pick<PlatformHooks, 'openSystemBrowser' | 'appUrl'>;
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
  /** Resolves when the start-up restore has finished. */
  ready(): Promise<void>;
  dispose(): Promise<void>;
}

const MESSAGES = {
  expired: 'Din session er udløbet. Log ind igen.',
  restoreOffline:
    'Kunne ikke genoptage din session, fordi der ikke er forbindelse til Digital Post. Prøv igen senere eller log ind.',
  notLoggedIn: 'Du er ikke logget ind.',
  network: 'Der er ingen forbindelse til Digital Post. Prøv igen, når du er online.',
  loginFailed: 'Login mislykkedes. Prøv igen.',
};

/** fetch() rejects with a TypeError when the network (not the server) fails. */
const isNetworkError = (err: unknown): boolean =>
  err instanceof TypeError || (err instanceof oidc.ClientError && err.cause instanceof TypeError);

const isOAuthError = (err: unknown): err is { error: string; status?: number } =>
  typeof err === 'object' && err !== null && typeof (err as { error?: unknown }).error === 'string';

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
  let pendingLogin: { listener: LoopbackListener; completion: Promise<void> } | null = null;
  let refreshing: Promise<void> | null = null;
  let renewTimer: NodeJS.Timeout | undefined;
  let revocationTimer: NodeJS.Timeout | undefined;
  /** Bumped whenever the session is dropped, so a refresh that was in flight cannot bring it back. */
  let epoch = 0;
  let disposed = false;
  const configs = new Map<string, Promise<oidc.Configuration>>();
  const stores = new Map<string, Promise<SecretStore>>();
  let readyPromise: Promise<void> = Promise.resolve();

  const emitChanged = (): void => options.events.emit({ type: 'auth.changed' });

  const store = (
    purpose: 'refresh-token' | 'pending-revocation',
    env: EnvironmentName = envName,
  ): Promise<SecretStore> => {
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

  const configFor = (env: ResolvedEnvironment): Promise<oidc.Configuration> => {
    const key = `${env.issuer.href}|${env.registration.clientId}`;
    let c = configs.get(key);
    if (!c) {
      c = oidc.discovery(env.issuer, env.registration.clientId, undefined, oidc.None(), {
        execute: env.allowInsecure ? [oidc.allowInsecureRequests] : [],
        ...fetchOption(),
      });
      configs.set(key, c);
      // A failed discovery (offline) must be retried next time, not cached.
      c.catch(() => configs.delete(key));
    }
    return c;
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
    session = {
      accessToken: tokens.access_token,
      expiresAt: issuedAt + lifetimeMs,
      renewAt: issuedAt + lifetimeMs - Math.min(renewLeadMs, lifetimeMs / 3),
      refreshToken: tokens.refresh_token ?? previous?.refreshToken,
      idToken,
      person: claims ? personFromClaims(claims) : (previous?.person ?? {}),
      oneTimeUse,
    };
    // "Don't keep me logged in" keeps nothing beyond this run; otherwise store the (possibly rotated) refresh token.
    if (!oneTimeUse && session.refreshToken) {
      const stored: StoredSession = { v: 1, refreshToken: session.refreshToken, ...(idToken ? { idToken } : {}) };
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
      const listener = await startLoopbackListener({
        expectedState: state,
        ...(options.hooks.openSystemBrowser ? {} : options.hooks.appUrl ? { appUrl: options.hooks.appUrl } : {}),
        ...(options.loginTimeoutMs ? { timeoutMs: options.loginTimeoutMs } : {}),
        onCallback: async (callbackUrl) => {
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
            throw new AppFault({ code: APP_ERROR_CODES.loginDenied, message: MESSAGES.loginFailed });
          }
          if (loginEpoch !== epoch) throw notLoggedIn();
          // A new login replaces whatever session there was (e.g. another person on this computer).
          await adoptTokens(tokens, oneTimeUse);
          if (oneTimeUse) await (await store('refresh-token')).delete();
          notice = undefined;
          return { ok: true };
        },
      });
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
        idp: oneTimeUse ? oneTimeUseRealm(env.registration.idp) : env.registration.idp,
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
      cancelLogin();
      clearTimeout(renewTimer);
      clearTimeout(revocationTimer);
      await readyPromise.catch(() => undefined);
    },
  };
};

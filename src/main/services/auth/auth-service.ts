import * as oidc from 'openid-client';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { EnvironmentName } from '../../../shared/ipc/channels/auth';
import { AppFault } from '../../errors';
import type { ResolvedEnvironment } from '../environments';
import type { SecretStore } from '../secret-store';
import {
  MESSAGES,
  invalidClientFault,
  isInvalidClient,
  isNetworkError,
  isNetworkFault,
  networkFault,
  notLoggedIn,
} from './auth-faults';
import type { AuthService, AuthServiceOptions } from './auth-types';
import { authorizationUrl, exchangeCode, newAuthorizationRequest } from './authorization';
import type { CallbackOutcome, CallbackReceiver } from './callback-check';
import { createOidcConfigs } from './client-auth';
import { createLoginReceivers } from './login-receiver';
import { createRevocations } from './revocation';
import { sessionFromStored, sessionFromTokens, storedFrom, type Session, type Tokens } from './session';
import {
  cachedStores,
  isStoredSession,
  parseJson,
  subjectOf,
  type PendingRevocation,
  type SecretPurpose,
  type StoredSession,
} from './stored-session';

export type { AuthService, AuthServiceOptions, LoginResult } from './auth-types';
export type { SecretPurpose } from './stored-session';
export { clientAuthFor } from './client-auth';

/**
 * Login (system browser, PKCE), the token lifecycle (access token in memory, refresh token in the SecretStore,
 * renewed ahead of expiry, single flight) and logout for the current environment.
 */
export const createAuthService = (options: AuthServiceOptions): AuthService => {
  const now = options.now ?? Date.now;
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));
  const renewLeadMs = options.renewLeadMs ?? 60_000;
  const revocationRetryMs = options.revocationRetryMs ?? 30_000;

  let envName = options.environment;
  let session: Session | null = null;
  let notice: string | undefined;
  let pendingLogin: { listener: CallbackReceiver; completion: Promise<void> } | null = null;
  let refreshing: Promise<void> | null = null;
  let renewTimer: NodeJS.Timeout | undefined;
  /** Started with no network and kept the stored person for the local archive: no access token until a refresh. */
  let offline = false;
  let offlineRetryTimer: NodeJS.Timeout | undefined;
  const offlineRetryMs = options.offlineRetryMs ?? 5_000;
  /** Bumped whenever the session is dropped, so a refresh that was in flight cannot bring it back. */
  let epoch = 0;
  let disposed = false;
  const storeFor = cachedStores(options.secretStoreFor);
  const revocations = createRevocations({
    config: () => currentConfig(),
    store: () => store('pending-revocation'),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    retryMs: revocationRetryMs,
    disposed: () => disposed,
    log,
  });
  const receivers = createLoginReceivers({
    hooks: options.hooks,
    ...(options.redirects ? { redirects: options.redirects } : {}),
    ...(options.loginTimeoutMs ? { loginTimeoutMs: options.loginTimeoutMs } : {}),
    log,
  });
  let readyPromise: Promise<void> = Promise.resolve();

  const emitChanged = (): void => options.events.emit({ type: 'auth.changed' });

  const store = (purpose: SecretPurpose, env: EnvironmentName = envName): Promise<SecretStore> =>
    storeFor(env, purpose);

  const readStored = async (): Promise<StoredSession | null> =>
    parseJson<StoredSession>(await (await store('refresh-token')).get(), isStoredSession);

  const configFor = createOidcConfigs({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    clientSecret: async (env) => (env.name === 'sandbox' ? null : (await store('client-secret', env.name)).get()),
  });

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
        if (session && isNetworkFault(err)) {
          session.renewAt = now() + 15_000;
          scheduleRenewal();
        }
      });
    }, delay);
    renewTimer.unref?.();
  };

  const adoptTokens = async (tokens: Tokens, oneTimeUse: boolean, previous?: Session): Promise<void> => {
    session = sessionFromTokens(tokens, { oneTimeUse, previous, now: now(), renewLeadMs });
    // "Don't keep me logged in" keeps nothing beyond this run; otherwise store the (possibly rotated) refresh token.
    if (!oneTimeUse && session.refreshToken) {
      try {
        await (
          await store('refresh-token')
        ).set(JSON.stringify(storedFrom({ ...session, refreshToken: session.refreshToken })));
      } catch (err) {
        log('Could not store the refresh token; the session will not survive a restart', err);
      }
    }
    scheduleRenewal();
  };

  const dropSession = async (why: string | undefined, deleteStored: boolean): Promise<void> => {
    epoch += 1;
    clearTimeout(renewTimer);
    endOffline();
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
      // Back online: the same person, now with tokens; the renderer re-reads the status and reconciles.
      if (offline) {
        endOffline();
        emitChanged();
      }
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

  function endOffline(): void {
    offline = false;
    clearTimeout(offlineRetryTimer);
    offlineRetryTimer = undefined;
  }

  /** Offline session: try the refresh again with backoff (every request tries too) until it goes either way. */
  const retryOffline = (delayMs: number): void => {
    clearTimeout(offlineRetryTimer);
    if (!offline || disposed) return;
    offlineRetryTimer = setTimeout(() => {
      refresh().catch((err: unknown) => {
        if (offline && isNetworkFault(err)) retryOffline(Math.min(delayMs * 2, 60_000));
        else log('Offline session: the refresh failed', err);
      });
    }, delayMs);
    offlineRetryTimer.unref?.();
  };

  const canStayOffline = async (sub: string | undefined): Promise<boolean> => {
    if (!sub || !options.offlineSession) return false;
    try {
      return await options.offlineSession({ environment: envName, sub });
    } catch (err) {
      log('Could not tell whether the person has a local archive', err);
      return false;
    }
  };

  const restore = async (): Promise<void> => {
    const stored = await readStored();
    if (!stored) return;
    session = sessionFromStored(stored);
    const startedEpoch = epoch;
    try {
      await refresh();
    } catch (err) {
      if (startedEpoch !== epoch) return;
      if (isNetworkFault(err)) {
        // Keep the stored token: it is probably still good once we are online again. With a local archive the
        // person stays (read only, no token needed for it); otherwise nobody is logged in until then.
        if (session && (await canStayOffline(session.sub)) && startedEpoch === epoch) {
          offline = true;
          notice = MESSAGES.restoreOffline;
          retryOffline(offlineRetryMs);
        } else {
          epoch += 1;
          session = null;
          notice = MESSAGES.restoreOffline;
        }
      }
      log('Could not restore the session', err);
    }
  };

  /**
   * §16.3.3: a native app MUST revoke the stored refresh token when a new user enrols the device. Compared by the id
   * token's subject; a stored session whose person we cannot tell counts as someone else's.
   */
  const revokeIfAnotherPerson = async (tokens: Tokens) => {
    const newSub = tokens.claims()?.sub;
    const stored = await readStored();
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
    await revocations.revokePrevious(old);
  };

  const cancelLogin = (): boolean => {
    if (!pendingLogin) return false;
    pendingLogin.listener.cancel();
    return true;
  };

  const start = (): void => {
    readyPromise = (async () => {
      await restore().catch((err: unknown) => log('Session restore failed', err));
      revocations.retry().catch((err: unknown) => log('Revocation retry failed', err));
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
        ...(s && offline ? { offline: true } : {}),
      };
    },

    async login(loginOptions = {}) {
      await readyPromise;
      cancelLogin();
      const oneTimeUse = loginOptions.oneTimeUse === true;
      const { env, config } = await currentConfig();
      const request = await newAuthorizationRequest();
      const loginEpoch = epoch;
      const onCallback = async (callbackUrl: URL): Promise<CallbackOutcome> => {
        const tokens = await exchangeCode(config, callbackUrl, request, log);
        if (loginEpoch !== epoch) throw notLoggedIn();
        await revokeIfAnotherPerson(tokens);
        if (loginEpoch !== epoch) throw notLoggedIn();
        await adoptTokens(tokens, oneTimeUse);
        endOffline();
        if (oneTimeUse) await (await store('refresh-token')).delete();
        notice = undefined;
        return { ok: true };
      };
      const listener = await receivers.receiverFor(env, request.state, onCallback);
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

      const url = authorizationUrl(config, env, listener.redirectUri, request, oneTimeUse);
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
      const stored = await readStored();
      // Locally logged out first: whatever the network does, this computer holds no session any more.
      await dropSession(undefined, true);
      const pending: PendingRevocation & { accessToken?: string } = {
        v: 1,
        ...((s?.refreshToken ?? stored?.refreshToken) ? { refreshToken: s?.refreshToken ?? stored?.refreshToken } : {}),
        ...((s?.idToken ?? stored?.idToken) ? { idToken: s?.idToken ?? stored?.idToken } : {}),
        ...(s?.accessToken ? { accessToken: s.accessToken } : {}),
      };
      if (!pending.refreshToken && !pending.idToken) return { loggedOut: true, revocationPending: false };
      return { loggedOut: true, revocationPending: await revocations.endOrQueue(pending) };
    },

    retryPendingRevocation: () => revocations.retry(),
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
      endOffline();
      revocations.stop();
      session = null;
      notice = undefined;
      envName = env;
      start();
      await readyPromise;
      emitChanged();
    },

    async dispose() {
      disposed = true;
      receivers.dispose();
      cancelLogin();
      clearTimeout(renewTimer);
      endOffline();
      revocations.stop();
      await readyPromise.catch(() => undefined);
    },
  };
};

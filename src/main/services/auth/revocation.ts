import * as oidc from 'openid-client';
import type { SecretStore } from '../secret-store';
import { isNetworkError, isNetworkFault, isOAuthError, networkFault } from './auth-faults';
import { parseJson, type PendingRevocation } from './stored-session';

/**
 * Ending a session at Digital Post (end_session, then revoking the refresh token), and the one queued logout whose
 * server-side part could not be done while offline: kept in the SecretStore and retried while the app runs.
 */
export interface Revocations {
  /** Throws the network fault when the outcome depends on a connection we do not have. */
  endSessionRemotely(pending: PendingRevocation & { accessToken?: string }): Promise<void>;
  /** Ends the session now, or keeps it for later when offline: true when it is kept (the revocation is pending). */
  endOrQueue(pending: PendingRevocation & { accessToken?: string }): Promise<boolean>;
  /** Retries the queued one; true when none is left. */
  retry(): Promise<boolean>;
  /**
   * §16.3.3: the previous person's session ends before a new person's begins. Offline, the new login still goes
   * ahead and the old token is revoked as soon as the network allows.
   */
  revokePrevious(old: {
    refreshToken: string;
    idToken?: string | undefined;
    accessToken?: string | undefined;
  }): Promise<void>;
  /** Stops the retry timer (environment switch, dispose). */
  stop(): void;
}

export const createRevocations = (options: {
  config: () => Promise<{ config: oidc.Configuration }>;
  store: () => Promise<SecretStore>;
  fetch?: typeof fetch;
  retryMs: number;
  disposed: () => boolean;
  log: (msg: string, err?: unknown) => void;
}): Revocations => {
  const log = options.log;
  let timer: NodeJS.Timeout | undefined;
  const endSessionRemotely = async (pending: PendingRevocation & { accessToken?: string }): Promise<void> => {
    const { config } = await options.config();
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
    clearTimeout(timer);
    if (options.disposed()) return;
    timer = setTimeout(() => {
      retryPendingRevocation().catch((err: unknown) => log('Revocation retry failed', err));
    }, options.retryMs);
    timer.unref?.();
  };

  const retryPendingRevocation = async (): Promise<boolean> => {
    const pendingStore = await options.store();
    const pending = parseJson<PendingRevocation>(await pendingStore.get(), (v) => typeof v === 'object' && v !== null);
    if (!pending) return true;
    try {
      await endSessionRemotely(pending);
    } catch (err) {
      if (isNetworkFault(err)) {
        scheduleRevocationRetry();
        return false;
      }
      log('Giving up a pending revocation', err);
    }
    await pendingStore.delete();
    return true;
  };

  return {
    endSessionRemotely,
    retry: retryPendingRevocation,
    async endOrQueue(pending) {
      try {
        await endSessionRemotely(pending);
        return false;
      } catch (err) {
        if (!isNetworkFault(err)) {
          log('Server-side logout failed', err);
          return false;
        }
        // The access token is short-lived and never stored; the queued logout goes without it.
        const { accessToken: _dropped, ...persisted } = pending;
        await (await options.store()).set(JSON.stringify(persisted));
        scheduleRevocationRetry();
        return true;
      }
    },
    async revokePrevious(old) {
      const pending: PendingRevocation = {
        v: 1,
        refreshToken: old.refreshToken,
        ...(old.idToken ? { idToken: old.idToken } : {}),
      };
      try {
        // §16.3.3 wants the access token as Bearer on end_session; it is at hand only while that session is in memory.
        await endSessionRemotely({ ...pending, ...(old.accessToken ? { accessToken: old.accessToken } : {}) });
      } catch (err) {
        if (!isNetworkFault(err)) {
          log("Revoking the previous person's session failed", err);
          return;
        }
        await (await options.store()).set(JSON.stringify(pending));
        scheduleRevocationRetry();
      }
    },
    stop: () => clearTimeout(timer),
  };
};

import {
  LOGIN_TIMEOUT_MS,
  cancelledFault,
  judgeCallback,
  loginFault,
  settleOnce,
  type CallbackOutcome,
  type CallbackReceiver,
} from './callback-check';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';

/**
 * URLs of the app's private-use scheme as the OS hands them to the app (macOS `open-url`, the argv of a second
 * instance on Windows/Linux). Implemented by the Electron glue; plain Node here.
 */
export interface RedirectSource {
  /** Delivers every URL the OS hands over from now on (and any that arrived before anyone listened). */
  subscribe(listener: (url: string) => void): () => void;
}

export interface AppRedirectOptions {
  /** Exactly as registered, e.g. `dk.digitalpost.desktop:/oauth2redirect`. */
  redirectUri: string;
  expectedState: string;
  onCallback: (url: URL) => Promise<CallbackOutcome>;
  source: RedirectSource;
  timeoutMs?: number;
  log?: (msg: string) => void;
}

/** The query of `url` when it is our redirect URI plus a query (or nothing); undefined for any other URL. */
const queryOf = (url: string, redirectUri: string): string | undefined => {
  if (!url.startsWith(redirectUri)) return undefined;
  const rest = url.slice(redirectUri.length);
  if (rest === '') return '';
  if (rest.startsWith('?')) return rest.split('#')[0];
  return undefined;
};

/**
 * Waits for the authorization response on the private-use scheme (RFC 8252 §7.1). It checks the state exactly as
 * the loopback does: anything that is not our redirect URI carrying our state is ignored, and the wait goes on.
 */
export const awaitAppRedirect = (options: AppRedirectOptions): CallbackReceiver => {
  let handling = false;
  let unsubscribe: () => void = () => undefined;
  const { done, finish, isFinished } = settleOnce(options.timeoutMs ?? LOGIN_TIMEOUT_MS, () => unsubscribe());
  unsubscribe = options.source.subscribe((raw) => {
    if (isFinished() || handling) return;
    const query = queryOf(raw, options.redirectUri);
    if (query === undefined) return;
    const params = new URLSearchParams(query);
    const verdict = judgeCallback(params, options.expectedState);
    if (verdict.kind === 'foreign') {
      options.log?.('Ignored a redirect that does not answer the pending login');
      return;
    }
    if (verdict.kind === 'error') {
      finish(verdict.fault);
      return;
    }
    handling = true;
    options.onCallback(new URL(`${options.redirectUri}${query}`)).then(
      (outcome) =>
        finish(
          outcome.ok ? undefined : loginFault(APP_ERROR_CODES.loginDenied, outcome.message ?? 'Login mislykkedes.'),
        ),
      (err: unknown) => finish(err),
    );
  });
  // A source that replays a buffered URL synchronously may already have ended the wait.
  if (isFinished()) unsubscribe();
  return { redirectUri: options.redirectUri, done, cancel: () => finish(cancelledFault()) };
};

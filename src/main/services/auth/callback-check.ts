import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';

/** What a redirect receiver (loopback or private-use scheme) hands over once the login came back. */
export interface CallbackOutcome {
  ok: boolean;
  /** Shown on the page when !ok. */
  message?: string;
}

/** One running wait for the authorization response, however it arrives. */
export interface CallbackReceiver {
  /** Exactly the redirect_uri to send in the authorization request. */
  redirectUri: string;
  /** Settles once the login has finished (success), failed, timed out or been cancelled. */
  done: Promise<void>;
  cancel(): void;
}

export const LOGIN_TIMEOUT_MS = 5 * 60 * 1000;

export const loginFault = (code: string, message: string): AppFault => new AppFault({ code, message });

export const timeoutFault = (): AppFault =>
  loginFault(APP_ERROR_CODES.loginTimeout, 'Login tog for lang tid. Prøv igen.');
export const cancelledFault = (): AppFault => loginFault(APP_ERROR_CODES.loginCancelled, 'Login blev annulleret.');

export type CallbackVerdict =
  /** Not an answer to the login we started (another state, none at all): ignore it and keep waiting. */
  { kind: 'foreign' } | { kind: 'error'; denied: boolean; fault: AppFault } | { kind: 'code' };

/**
 * Judges an authorization response by its state first: only a response carrying our state may end the login, so a
 * stray or forged request can neither log anyone in nor cancel the login the user is doing.
 */
export const judgeCallback = (params: URLSearchParams, expectedState: string): CallbackVerdict => {
  if (params.get('state') !== expectedState) return { kind: 'foreign' };
  const error = params.get('error');
  if (error) {
    const denied = error === 'access_denied';
    return {
      kind: 'error',
      denied,
      fault: loginFault(
        APP_ERROR_CODES.loginDenied,
        denied ? 'Login blev afbrudt eller afvist.' : `Login mislykkedes (${error.slice(0, 100)}).`,
      ),
    };
  }
  return { kind: 'code' };
};

/** A small settle-once helper both receivers use, so the timeout, a cancel and the answer cannot race. */
export const settleOnce = (timeoutMs: number, onFinish: () => void) => {
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Callers may only look at `done` later; an early rejection must not be reported as unhandled.
  done.catch(() => undefined);
  let finished = false;
  const finish = (err?: unknown): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    onFinish();
    if (err === undefined) settle.resolve();
    else settle.reject(err);
  };
  const timer = setTimeout(() => finish(timeoutFault()), timeoutMs);
  timer.unref?.();
  return { done, finish, isFinished: () => finished };
};

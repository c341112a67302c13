import {
  DEFAULT_APP_REDIRECT_URI,
  REDIRECT_PROBLEM_MESSAGES,
  classifyRedirectUri,
  redirectProblem,
} from '../../../shared/ipc/channels/auth';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import type { ResolvedEnvironment } from '../environments';
import type { PlatformHooks } from '../platform';
import { awaitAppRedirect, type RedirectSource } from './app-redirect';
import { MESSAGES } from './auth-faults';
import type { CallbackOutcome, CallbackReceiver } from './callback-check';
import { startLoopbackListener } from './loopback';

export interface LoginReceivers {
  /**
   * Where this login's authorization response comes back: the registered redirect URI, character for character.
   * Only the built-in sandbox (whose registration accepts any loopback port) may fall back to a free port.
   */
  receiverFor(
    env: ResolvedEnvironment,
    expectedState: string,
    onCallback: (url: URL) => Promise<CallbackOutcome>,
  ): Promise<CallbackReceiver>;
  dispose(): void;
}

export const createLoginReceivers = (options: {
  hooks: Pick<PlatformHooks, 'openSystemBrowser' | 'appUrl'>;
  redirects?: RedirectSource;
  loginTimeoutMs?: number;
  log: (msg: string, err?: unknown) => void;
}): LoginReceivers => {
  const log = options.log;
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

  return { receiverFor, dispose: () => unsubscribeRedirects?.() };
};

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import {
  LOGIN_TIMEOUT_MS,
  cancelledFault,
  judgeCallback,
  loginFault,
  settleOnce,
  type CallbackOutcome,
  type CallbackReceiver,
} from './callback-check';

export { LOGIN_TIMEOUT_MS, type CallbackOutcome };

export interface LoopbackOptions {
  expectedState: string;
  /** Receives the one callback URL whose state matches; the page is answered once this settles. */
  onCallback: (url: URL) => Promise<CallbackOutcome>;
  /**
   * The registered loopback redirect, `http://127.0.0.1:<port>/<path>`, listened on exactly. Absent: a free port and
   * `/callback` (only for the built-in sandbox, whose registration accepts any loopback port).
   */
  fixed?: { port: number; path: string };
  /** Browser mode: send the tab back to the app instead of showing the "close this tab" page. */
  appUrl?: string;
  timeoutMs?: number;
}

export type LoopbackListener = CallbackReceiver;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const page = (title: string, text: string): string =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<meta name="viewport" content="width=device-width,initial-scale=1"></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">` +
  `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;

const SECURITY_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'referrer-policy': 'no-referrer',
};

/**
 * The redirect target of the native-app login (RFC 8252 loopback), bound to 127.0.0.1. Only the authorization
 * response carrying our state ends the wait; anything else (another path, another state, a second request while one
 * is being handled) gets a 400 and the listener keeps waiting for the right one, a cancel or the timeout.
 */
export const startLoopbackListener = async (options: LoopbackOptions): Promise<LoopbackListener> => {
  const path = options.fixed?.path ?? '/callback';
  let handling = false;
  const server = createServer();
  const { done, finish, isFinished } = settleOnce(options.timeoutMs ?? LOGIN_TIMEOUT_MS, () => {
    // Let the page that is being answered go out before the socket closes.
    server.close();
    setTimeout(() => server.closeAllConnections(), 1000).unref?.();
  });

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const answer = (ok: boolean, title: string, text: string): void => {
      if (ok && options.appUrl) {
        res.writeHead(303, { location: options.appUrl, 'cache-control': 'no-store' }).end();
        return;
      }
      res.writeHead(ok ? 200 : 400, SECURITY_HEADERS).end(page(title, text));
    };
    const refuse = (text: string): void => answer(false, 'Ikke dette login', text);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path || isFinished() || handling) {
      refuse('Denne adresse venter kun på svaret på det login, appen startede.');
      return;
    }
    const verdict = judgeCallback(url.searchParams, options.expectedState);
    if (verdict.kind === 'foreign') {
      refuse(
        'Svaret passer ikke til det login, appen startede. Appen venter stadig; fortsæt login i den rigtige fane.',
      );
      return;
    }
    if (verdict.kind === 'error') {
      answer(
        false,
        'Login mislykkedes',
        verdict.denied
          ? 'Login blev afbrudt eller afvist. Du kan lukke denne fane.'
          : 'Login mislykkedes. Du kan lukke denne fane og prøve igen.',
      );
      finish(verdict.fault);
      return;
    }
    handling = true;
    options.onCallback(new URL(`${redirectUri}${url.search}`)).then(
      (outcome) => {
        answer(
          outcome.ok,
          outcome.ok ? 'Du er logget ind' : 'Login mislykkedes',
          outcome.ok ? 'Du er logget ind — du kan lukke denne fane.' : (outcome.message ?? 'Login mislykkedes.'),
        );
        finish(
          outcome.ok ? undefined : loginFault(APP_ERROR_CODES.loginDenied, outcome.message ?? 'Login mislykkedes.'),
        );
      },
      (err: unknown) => {
        answer(false, 'Login mislykkedes', 'Login mislykkedes. Du kan lukke denne fane og prøve igen fra appen.');
        finish(err);
      },
    );
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.fixed?.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    finish(err);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE' || (err as NodeJS.ErrnoException).code === 'EACCES') {
      throw loginFault(
        APP_ERROR_CODES.redirectPortBusy,
        `Port ${options.fixed?.port ?? 0} på 127.0.0.1, som din redirect-URI bruger, er optaget af et andet program. Luk det og prøv igen.`,
      );
    }
    throw err;
  }
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://127.0.0.1:${port}${path}`;
  return { redirectUri, done, cancel: () => finish(cancelledFault()) };
};

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../ipc/dispatch';

export const LOGIN_TIMEOUT_MS = 5 * 60 * 1000;

export interface CallbackOutcome {
  ok: boolean;
  /** Shown on the page when !ok. */
  message?: string;
}

export interface LoopbackOptions {
  expectedState: string;
  /** Receives the one callback URL whose state matches; the page is answered once this settles. */
  onCallback: (url: URL) => Promise<CallbackOutcome>;
  /** Browser mode: send the tab back to the app instead of showing the "close this tab" page. */
  appUrl?: string;
  timeoutMs?: number;
}

export interface LoopbackListener {
  redirectUri: string;
  /** Settles once the login has finished (success), failed, timed out or been cancelled. */
  done: Promise<void>;
  cancel(): void;
}

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

const fault = (code: string, message: string): AppFault => new AppFault({ code, message });

/**
 * The redirect target of the native-app login (RFC 8252 loopback): bound to 127.0.0.1 on a free port, it takes exactly
 * one authorization response, answers the browser tab and closes.
 */
export const startLoopbackListener = async (options: LoopbackOptions): Promise<LoopbackListener> => {
  let settle!: { resolve: () => void; reject: (e: unknown) => void };
  const done = new Promise<void>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // Callers may only look at `done` later; an early rejection must not be reported as unhandled.
  done.catch(() => undefined);
  let finished = false;
  let handling = false;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/callback' || finished || handling) {
      res.writeHead(404, SECURITY_HEADERS).end(page('Ikke fundet', 'Denne side findes ikke.'));
      return;
    }
    const answer = (ok: boolean, text: string): void => {
      if (ok && options.appUrl) {
        res.writeHead(303, { location: options.appUrl, 'cache-control': 'no-store' }).end();
        return;
      }
      res.writeHead(ok ? 200 : 400, SECURITY_HEADERS).end(page(ok ? 'Du er logget ind' : 'Login mislykkedes', text));
    };
    if (url.searchParams.get('state') !== options.expectedState) {
      answer(false, 'Svaret passer ikke til det login, appen startede. Start login igen fra appen.');
      finish(
        fault(
          APP_ERROR_CODES.loginStateMismatch,
          'Login-svaret passede ikke til det login, appen startede. Prøv igen.',
        ),
      );
      return;
    }
    const error = url.searchParams.get('error');
    if (error) {
      const denied = error === 'access_denied';
      answer(
        false,
        denied
          ? 'Login blev afbrudt eller afvist. Du kan lukke denne fane.'
          : 'Login mislykkedes. Du kan lukke denne fane og prøve igen.',
      );
      finish(
        fault(
          APP_ERROR_CODES.loginDenied,
          denied ? 'Login blev afbrudt eller afvist.' : `Login mislykkedes (${error.slice(0, 100)}).`,
        ),
      );
      return;
    }
    handling = true;
    options.onCallback(new URL(`${redirectUri}${url.search}`)).then(
      (outcome) => {
        answer(
          outcome.ok,
          outcome.ok ? 'Du er logget ind — du kan lukke denne fane.' : (outcome.message ?? 'Login mislykkedes.'),
        );
        finish(outcome.ok ? undefined : fault(APP_ERROR_CODES.loginDenied, outcome.message ?? 'Login mislykkedes.'));
      },
      (err: unknown) => {
        answer(false, 'Login mislykkedes. Du kan lukke denne fane og prøve igen fra appen.');
        finish(err);
      },
    );
  });

  const timer = setTimeout(
    () => finish(fault(APP_ERROR_CODES.loginTimeout, 'Login tog for lang tid. Prøv igen.')),
    options.timeoutMs ?? LOGIN_TIMEOUT_MS,
  );
  timer.unref?.();

  function finish(err?: unknown): void {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    // Let the page that is being answered go out before the socket closes.
    server.close();
    setTimeout(() => server.closeAllConnections(), 1000).unref?.();
    if (err === undefined) settle.resolve();
    else settle.reject(err);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  return {
    redirectUri,
    done,
    cancel: () => finish(fault(APP_ERROR_CODES.loginCancelled, 'Login blev annulleret.')),
  };
};

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../ipc/dispatch';
import type { AppServices } from '../app/types';
import { createLaunchAuth, LAUNCH_PATH, LAUNCH_TOKEN_PARAM } from './launch-auth';
import { DOWNLOAD_PREFIX, serveDownload } from './download-response';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

/** The meta tag that tells the page it runs in browser mode (no secret: the session is an HttpOnly cookie). */
export const BRIDGE_MODE_META = 'dp-bridge';
/**
 * The header every bridge call carries. A cross-site form cannot set it and a cross-site fetch that does needs a
 * CORS preflight this server never grants, so it is the CSRF defence behind SameSite=Strict and the Origin check.
 */
export const BRIDGE_HEADER = 'x-dp-bridge';
export const BRIDGE_HEADER_VALUE = '1';
/**
 * Request bodies are JSON; attachments travel base64 inside them, so the limit is generous but finite (a runaway
 * page must not make the process buffer gigabytes).
 */
export const MAX_BRIDGE_BODY_BYTES = 64 * 1024 * 1024;
const SSE_HEARTBEAT_MS = 25_000;

export interface BrowserModeServerOptions {
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Builds the main-process services once the server's own URL (the app URL) is known. */
  createServices: (appUrl: string) => Promise<AppServices>;
  /** How long a launch token stays redeemable (tests shorten it). */
  launchTokenTtlMs?: number;
  log?: (msg: string, err?: unknown) => void;
}

export interface BrowserModeServer {
  /** The app's clean URL: it works only in a browser that has been let in through a launch URL. */
  url: string;
  port: number;
  /** A fresh launch URL: one-time and short-lived; opening it lets that browser in (session cookie). */
  createLaunchUrl(): string;
  services: AppServices;
  close(): Promise<void>;
}

const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...SECURITY_HEADERS,
    ...headers,
  });
  res.end(body);
};

const sendJson = (res: ServerResponse, value: unknown): void =>
  send(res, 200, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8' });

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BRIDGE_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/** Marks the page as browser mode, after the charset declaration (which must stay within the first bytes). */
export const injectBridgeMarker = (html: string): string => {
  const meta = `<meta name="${BRIDGE_MODE_META}" content="loopback">`;
  const close = html.search(/<\/head>/i);
  return close >= 0 ? `${html.slice(0, close)}  ${meta}\n  ${html.slice(close)}` : `${meta}\n${html}`;
};

const NOT_LET_IN_TEXT =
  'Digital Post desktop: åbn linket, som blev skrevet i terminalen, da programmet startede ' +
  '(tryk Enter dér for et nyt link).\n' +
  'Open the link printed in the terminal where the app was started (press Enter there for a new one).\n';

/**
 * A browser arriving from another site (the login's identity provider redirecting back) does not send a
 * SameSite=Strict cookie on that first request. This page reloads the same URL from our own origin, which does;
 * the reload is same-origin, so a browser without the cookie gets the plain refusal instead of a loop.
 */
const RELOAD_FROM_OWN_ORIGIN_PAGE =
  '<!doctype html><html lang="da"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0">' +
  `<title>Digital Post</title></head><body><p>${NOT_LET_IN_TEXT.replace(/\n/g, '<br>')}</p></body></html>`;

/**
 * Browser mode: the built renderer and the same main-process services on 127.0.0.1, talking over an HTTP bridge.
 * The loopback port is reachable by every local process and every web page the user visits, so every request must
 * prove it comes from the browser the person let in:
 * - Host must be this server's own (defeats DNS rebinding), Origin when present must be this server's own (defeats
 *   cross-site requests).
 * - Every route, static files included, wants the session cookie that only a launch URL hands out (launch-auth.ts);
 *   without it there is a 401 and a short text pointing to the terminal. No secret is in the page or in any URL
 *   but the one-time launch URL, so the event stream (EventSource) is covered by the cookie as well.
 * - Bridge calls also carry `X-DP-Bridge` and a JSON body, which no cross-site form can produce.
 */
export const startBrowserModeServer = async (options: BrowserModeServerOptions): Promise<BrowserModeServer> => {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  // Filled in once the services exist; until then (they need the URL, so the socket comes first) requests get 503.
  const ready: { services?: AppServices; dispatch?: ReturnType<typeof createDispatcher> } = {};
  const streams = new Set<ServerResponse>();
  let port = 0;
  const auth = createLaunchAuth({
    port: () => port,
    ...(options.launchTokenTtlMs !== undefined ? { ttlMs: options.launchTokenTtlMs } : {}),
  });

  const ownHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = (): string[] => ownHosts().map((h) => `http://${h}`);

  const handleEvents = (req: IncomingMessage, res: ServerResponse): void => {
    const services = ready.services;
    if (!services) return send(res, 503, 'Starting');
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
    // A comment first, so the client's `open` fires and proxies flush the headers.
    res.write(': connected\n\n');
    const unsubscribe = services.events.subscribe((event) => {
      res.write(`data: ${JSON.stringify(event)}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), SSE_HEARTBEAT_MS);
    streams.add(res);
    const stop = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(res);
    };
    req.on('close', stop);
    res.on('close', stop);
  };

  /** `/launch?token=…`: a valid token earns the cookie; a browser that already has it is simply let through. */
  const handleLaunch = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed', { Allow: 'GET' });
    // 303 to the clean URL: the token leaves the address bar, and a reload cannot try to spend it again.
    if (auth.redeem(url.searchParams.get(LAUNCH_TOKEN_PARAM))) {
      return send(res, 303, '', { Location: '/', 'Set-Cookie': auth.sessionCookie() });
    }
    if (auth.hasSession(req.headers.cookie)) return send(res, 303, '', { Location: '/' });
    return send(res, 401, NOT_LET_IN_TEXT);
  };

  const refuseWithoutSession = (req: IncomingMessage, res: ServerResponse): void => {
    const arrivedFromElsewhere = ['cross-site', 'same-site'].includes(String(req.headers['sec-fetch-site']));
    if (req.method === 'GET' && req.headers['sec-fetch-mode'] === 'navigate' && arrivedFromElsewhere) {
      return send(res, 401, RELOAD_FROM_OWN_ORIGIN_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    return send(res, 401, NOT_LET_IN_TEXT);
  };

  const handleInvoke = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { Allow: 'POST' });
    if (req.headers[BRIDGE_HEADER] !== BRIDGE_HEADER_VALUE) return send(res, 403, 'Forbidden');
    // A JSON content type also keeps the request out of the CORS "simple request" class.
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      return send(res, 415, 'Unsupported Media Type');
    }
    const dispatch = ready.dispatch;
    if (!dispatch) return send(res, 503, 'Starting');
    let raw: string;
    try {
      raw = await readBody(req);
    } catch (err) {
      return send(res, err instanceof BodyTooLarge ? 413 : 400, 'Bad Request');
    }
    let payload: unknown;
    try {
      // The bridge sends `{ payload }` so "no argument" (undefined) survives JSON.
      const parsed: unknown = raw.trim() === '' ? {} : JSON.parse(raw);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return send(res, 400, 'Bad Request');
      payload = (parsed as { payload?: unknown }).payload;
    } catch {
      return send(res, 400, 'Bad Request');
    }
    sendJson(res, await dispatch(channel, payload, { transport: 'browser' }));
  };

  const handleStatic = async (req: IncomingMessage, res: ServerResponse, rawPath: string): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    const file = await readStaticFile(options.rendererDir, rawPath);
    // Browsers ask for /favicon.ico on their own; an empty answer keeps a 404 out of the page's console.
    if (!file && rawPath === '/favicon.ico') return send(res, 204, '');
    if (!file) return send(res, 404, 'Not Found');
    let body: Buffer | string = file.body;
    const isIndex = file.contentType.startsWith('text/html');
    if (isIndex) body = injectBridgeMarker(file.body.toString('utf8'));
    res.writeHead(200, {
      'Content-Type': file.contentType,
      // Only a browser with the session may have the app, so no cache may hand it to anyone else.
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!ownHosts().includes(host)) return send(res, 403, 'Forbidden');
      const origin = req.headers.origin;
      if (origin !== undefined && !ownOrigins().includes(origin)) return send(res, 403, 'Forbidden');
      const rawUrl = req.url ?? '/';
      const rawPath = rawUrl.split('?')[0] ?? '/';
      const url = new URL(rawUrl, `http://${host}`);
      if (rawPath === LAUNCH_PATH) return handleLaunch(req, res, url);
      if (!auth.hasSession(req.headers.cookie)) return refuseWithoutSession(req, res);
      if (rawPath === '/bridge/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed', { Allow: 'GET' });
        return handleEvents(req, res);
      }
      // Channel names are plain ASCII (`mail.list`); anything encoded is not a channel.
      if (rawPath.startsWith('/bridge/')) return handleInvoke(req, res, rawPath.slice('/bridge/'.length));
      if (rawPath.startsWith(DOWNLOAD_PREFIX)) return serveDownload(req, res, rawPath.slice(DOWNLOAD_PREFIX.length));
      return handleStatic(req, res, rawPath);
    })().catch((err: unknown) => {
      log('Browser-mode request failed', err);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
      else res.end();
    });
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    // Loopback only: the bridge is the app's IPC, never a network service.
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const createLaunchUrl = (): string =>
    `http://127.0.0.1:${port}${LAUNCH_PATH}?${LAUNCH_TOKEN_PARAM}=${auth.issueToken()}`;

  const closeServer = (): Promise<void> =>
    new Promise((resolvePromise) => {
      for (const stream of streams) stream.end();
      server.close(() => resolvePromise());
      server.closeAllConnections();
    });

  let services: AppServices;
  try {
    services = await options.createServices(url);
  } catch (err) {
    await closeServer();
    throw err;
  }
  ready.dispatch = createDispatcher(services.handlers, log);
  ready.services = services;

  return {
    url,
    port,
    createLaunchUrl,
    services,
    async close() {
      await closeServer();
      await services.dispose();
    },
  };
};

import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDispatcher } from '../ipc/dispatch';
import type { AppServices } from '../services/platform';
import { DOWNLOAD_PREFIX, serveDownload } from './download-response';
import { readStaticFile, SECURITY_HEADERS } from './static-files';

/** Name of the meta tag the bridge reads the per-run secret from, and the header it sends it back in. */
export const BRIDGE_SECRET_META = 'dp-bridge-secret';
export const BRIDGE_SECRET_HEADER = 'x-dp-bridge';
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
  /** Tests pass a fixed one; otherwise a fresh random secret per run. */
  secret?: string;
  log?: (msg: string, err?: unknown) => void;
}

export interface BrowserModeServer {
  url: string;
  port: number;
  secret: string;
  services: AppServices;
  close(): Promise<void>;
}

const sameSecret = (given: string | null | undefined, secret: string): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

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

/** Escapes for an HTML attribute value; the secret is hex, but the injection point should not rely on that. */
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Puts the secret in the page's head, after the charset declaration (which must stay within the first bytes). */
export const injectBridgeSecret = (html: string, secret: string): string => {
  const meta = `<meta name="${BRIDGE_SECRET_META}" content="${escapeAttr(secret)}">`;
  const close = html.search(/<\/head>/i);
  return close >= 0 ? `${html.slice(0, close)}  ${meta}\n  ${html.slice(close)}` : `${meta}\n${html}`;
};

/**
 * Browser mode: the built renderer and the same main-process services on 127.0.0.1, talking over an HTTP bridge.
 * The loopback port is reachable by every local process and every web page the user visits, so each bridge request
 * must prove it comes from the page this server handed out:
 * - Host must be this server's own (defeats DNS rebinding), Origin when present must be this server's own (defeats
 *   cross-site requests), and the per-run secret from the served index.html must come back in `X-DP-Bridge`.
 * - The event stream uses EventSource, which cannot set headers, so that one GET route takes the secret as `?s=`;
 *   it only ever reads events, and the secret never appears in any other URL.
 */
export const startBrowserModeServer = async (options: BrowserModeServerOptions): Promise<BrowserModeServer> => {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(msg, err ?? ''));
  // Filled in once the services exist; until then (they need the URL, so the socket comes first) requests get 503.
  const ready: { services?: AppServices; dispatch?: ReturnType<typeof createDispatcher> } = {};
  const streams = new Set<ServerResponse>();
  let port = 0;

  const ownHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const ownOrigins = (): string[] => ownHosts().map((h) => `http://${h}`);

  const handleEvents = (req: IncomingMessage, res: ServerResponse, url: URL): void => {
    if (!sameSecret(url.searchParams.get('s'), secret)) return send(res, 403, 'Forbidden');
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

  const handleInvoke = async (req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed', { Allow: 'POST' });
    const header = req.headers[BRIDGE_SECRET_HEADER];
    if (!sameSecret(Array.isArray(header) ? header[0] : header, secret)) return send(res, 403, 'Forbidden');
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
    if (isIndex) body = injectBridgeSecret(file.body.toString('utf8'), secret);
    res.writeHead(200, {
      'Content-Type': file.contentType,
      // The page carries the secret: never cache it. Hashed assets could be cached, but a local server gains little.
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
      if (rawPath === '/bridge/events') {
        if (req.method !== 'GET') return send(res, 405, 'Method Not Allowed', { Allow: 'GET' });
        return handleEvents(req, res, url);
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
    secret,
    services,
    async close() {
      await closeServer();
      await services.dispose();
    },
  };
};

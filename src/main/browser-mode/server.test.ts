import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../services/event-hub';
import type { AppServices } from '../services/platform';
import { CONTENT_SECURITY_POLICY } from './static-files';
import { startBrowserModeServer, type BrowserModeServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: BrowserModeServer;
let tmp: string;
let appUrlSeen = '';
let disposed = false;
const events = createEventHub();

const rawRequest = (opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });

const invoke = (channel: string, payload: unknown, headers: Record<string, string> = {}): Promise<Reply> =>
  rawRequest({
    method: 'POST',
    path: `/bridge/${channel}`,
    headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': server.secret, ...headers },
    body: JSON.stringify({ payload }),
  });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'dp-browser-mode-'));
  const root = join(tmp, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><html><head><title>DP</title></head><body></body></html>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmp, 'outside-secret.txt'), 'TOP SECRET');
  const services: AppServices = {
    handlers: {
      'app.info': async () => ({ version: '9.9.9', mode: 'browser', platform: 'test' }),
      'app.openExternal': async ({ url }) => ({ opened: url.startsWith('https:') }),
    },
    events,
    dispose: async () => {
      disposed = true;
    },
  };
  server = await startBrowserModeServer({
    port: 0,
    rendererDir: root,
    createServices: async (appUrl) => {
      appUrlSeen = appUrl;
      return services;
    },
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
  expect(disposed).toBe(true);
  rmSync(tmp, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on loopback and hands the services its own URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(appUrlSeen).toBe(server.url);
  });

  it('serves index.html with the secret injected and the strict security headers', async () => {
    const res = await rawRequest({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="dp-bridge-secret" content="${server.secret}">`);
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
    const asset = await rawRequest({ path: '/assets/app.js' });
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(asset.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a missing favicon with 204 and an unknown file with 404', async () => {
    expect((await rawRequest({ path: '/favicon.ico' })).status).toBe(204);
    expect((await rawRequest({ path: '/nope.js' })).status).toBe(404);
  });

  it('answers a bridge call with the dispatcher envelope', async () => {
    const res = await invoke('app.info', undefined);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { version: '9.9.9', mode: 'browser', platform: 'test' } });
  });

  it('accepts localhost:<port> and its own Origin', async () => {
    const res = await invoke('app.info', undefined, {
      Host: `localhost:${server.port}`,
      Origin: `http://localhost:${server.port}`,
    });
    expect(res.status).toBe(200);
  });

  it('rejects a payload the contract refuses, as an invalid-request envelope', async () => {
    const res = await invoke('app.openExternal', { url: 'https://x.dk', extra: 1 });
    const envelope = JSON.parse(res.body) as { ok: boolean; error?: { code: string } };
    expect(envelope.ok).toBe(false);
    expect(envelope.error?.code).toBe('app.ipc.invalid-request');
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    expect((await invoke('app.info', undefined, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await rawRequest({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses a foreign Origin', async () => {
    const res = await invoke('app.info', undefined, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('9.9.9');
    expect((await invoke('app.info', undefined, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
  });

  it('refuses a bridge call without, or with a wrong, secret', async () => {
    const missing = await rawRequest({
      method: 'POST',
      path: '/bridge/app.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(403);
    const wrong = await invoke('app.info', undefined, { 'X-DP-Bridge': 'a'.repeat(server.secret.length) });
    expect(wrong.status).toBe(403);
  });

  it('refuses a non-JSON bridge body type (no CORS simple requests)', async () => {
    const res = await invoke('app.info', undefined, { 'Content-Type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('refuses path traversal, raw and percent-encoded', async () => {
    for (const path of [
      '/../outside-secret.txt',
      '/assets/../../outside-secret.txt',
      '/%2e%2e/outside-secret.txt',
      '/..%2foutside-secret.txt',
      '/..%5coutside-secret.txt',
    ]) {
      const res = await rawRequest({ path });
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('TOP SECRET');
    }
  });

  it('delivers events over SSE, only with the secret', async () => {
    expect((await rawRequest({ path: '/bridge/events' })).status).toBe(403);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: `/bridge/events?s=${server.secret}`,
          headers: { Host: `127.0.0.1:${server.port}` },
        },
        (res) => {
          expect(res.statusCode).toBe(200);
          expect(res.headers['content-type']).toContain('text/event-stream');
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            buffer += chunk;
            if (buffer.includes(': connected')) events.emit({ type: 'mail.unread', total: 3 });
            const match = /data: (.*)\n\n/.exec(buffer);
            if (match?.[1]) {
              req.destroy();
              resolve(match[1]);
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(received)).toEqual({ type: 'mail.unread', total: 3 });
  });
});

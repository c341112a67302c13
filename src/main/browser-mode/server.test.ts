import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventHub } from '../services/event-hub';
import type { AppServices } from '../app/types';
import { CONTENT_SECURITY_POLICY } from './static-files';
import { startBrowserModeServer, type BrowserModeServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: BrowserModeServer;
let cookie: string;
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
        headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie, ...opts.headers },
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
    headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': '1', ...headers },
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
  const launch = await rawRequest({ path: launchPath(), headers: { Cookie: '' } });
  cookie = String(launch.headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
});

const launchPath = (): string => {
  const launchUrl = new URL(server.createLaunchUrl());
  return launchUrl.pathname + launchUrl.search;
};

const withoutSession = { Cookie: '' };

afterAll(async () => {
  await server.close();
  expect(disposed).toBe(true);
  rmSync(tmp, { recursive: true, force: true });
});

describe('browser-mode server', () => {
  it('listens on loopback and hands the services its own URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(appUrlSeen).toBe(server.url);
    expect(server.createLaunchUrl()).toMatch(
      new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/launch\\?token=[\\w-]{43}$`),
    );
  });

  it('swaps a launch token for an HttpOnly SameSite=Strict cookie and sends the browser to the clean URL', async () => {
    const res = await rawRequest({ path: launchPath(), headers: withoutSession });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = String(res.headers['set-cookie']?.[0]);
    expect(setCookie).toMatch(new RegExp(`^dp-session-${server.port}=[\\w-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(res.headers['cache-control']).toBe('no-store');
    const page = await rawRequest({ path: '/', headers: { Cookie: setCookie.split(';')[0]! } });
    expect(page.status).toBe(200);
  });

  it('lets a launch token in once only', async () => {
    const path = launchPath();
    expect((await rawRequest({ path, headers: withoutSession })).status).toBe(303);
    const again = await rawRequest({ path, headers: withoutSession });
    expect(again.status).toBe(401);
    expect(again.headers['set-cookie']).toBeUndefined();
    expect((await rawRequest({ path: '/launch?token=guess', headers: withoutSession })).status).toBe(401);
    expect((await rawRequest({ path: '/launch', headers: withoutSession })).status).toBe(401);
    // A browser already let in that opens an old link is simply taken to the app.
    const known = await rawRequest({ path });
    expect(known.status).toBe(303);
    expect(known.headers.location).toBe('/');
    expect(known.headers['set-cookie']).toBeUndefined();
  });

  it('gives a process that knows only the port no page, no file and no bridge', async () => {
    for (const headers of [
      withoutSession,
      { Cookie: `dp-session-${server.port}=${'A'.repeat(43)}` },
      // The session of another server on 127.0.0.1 (cookies do not separate ports) is not this one's.
      { Cookie: `dp-session-${server.port + 1}=${cookie.split('=')[1]}` },
    ]) {
      const page = await rawRequest({ path: '/', headers });
      expect(page.status).toBe(401);
      expect(page.headers['content-type']).toContain('text/plain');
      expect(page.body).toContain('terminal');
      expect(page.body).not.toContain('<title>DP</title>');
      expect((await rawRequest({ path: '/assets/app.js', headers })).status).toBe(401);
      expect((await rawRequest({ path: '/favicon.ico', headers })).status).toBe(401);
      const call = await invoke('app.info', undefined, headers);
      expect(call.status).toBe(401);
      expect(call.body).not.toContain('9.9.9');
      expect((await rawRequest({ path: '/bridge/events', headers })).status).toBe(401);
    }
  });

  it('reloads once from its own origin when a navigation from another site arrives without the cookie', async () => {
    // The identity provider's redirect back is cross-site, so the browser leaves the Strict cookie off that request.
    const crossSite = await rawRequest({
      path: '/',
      headers: { ...withoutSession, 'Sec-Fetch-Site': 'cross-site', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(crossSite.status).toBe(401);
    expect(crossSite.body).toContain('<meta http-equiv="refresh" content="0">');
    expect(crossSite.body).not.toContain('<title>DP</title>');
    // The reload is same-origin: without the cookie it gets the plain refusal, so there is no loop.
    const reload = await rawRequest({
      path: '/',
      headers: { ...withoutSession, 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'navigate' },
    });
    expect(reload.status).toBe(401);
    expect(reload.body).not.toContain('refresh');
  });

  it('serves index.html marked as browser mode, with no secret in it, and the strict security headers', async () => {
    const res = await rawRequest({ path: '/' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<meta name="dp-bridge" content="loopback">');
    expect(res.body).not.toContain(cookie.split('=')[1]);
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

  it('refuses a foreign Host (DNS rebinding), even with the cookie', async () => {
    expect((await invoke('app.info', undefined, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await rawRequest({ path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await rawRequest({ path: launchPath(), headers: { Host: 'evil.example' } })).status).toBe(403);
  });

  it('refuses a foreign Origin, even with the cookie', async () => {
    const res = await invoke('app.info', undefined, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('9.9.9');
    expect((await invoke('app.info', undefined, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
  });

  it('refuses a bridge call without the bridge header, which no cross-site form can send', async () => {
    const missing = await rawRequest({
      method: 'POST',
      path: '/bridge/app.info',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(403);
    expect((await invoke('app.info', undefined, { 'X-DP-Bridge': '0' })).status).toBe(403);
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

  it('delivers events over SSE, authenticated by the cookie alone (no secret in the URL)', async () => {
    expect((await rawRequest({ path: '/bridge/events', headers: withoutSession })).status).toBe(401);
    const received = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/bridge/events',
          headers: { Host: `127.0.0.1:${server.port}`, Cookie: cookie },
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

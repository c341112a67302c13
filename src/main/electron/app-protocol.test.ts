import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const p = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }));
vi.mock('electron', () => ({ protocol: p }));

import { CONTENT_SECURITY_POLICY } from '../browser-mode/static-files';
import { isAppUrl, registerAppScheme, serveAppProtocol } from './app-protocol';

const tmp = mkdtempSync(join(tmpdir(), 'dp-app-protocol-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('app:// protocol', () => {
  it('registers app as a standard secure scheme and nothing more', () => {
    registerAppScheme();
    const [schemes] = p.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges.bypassCSP).toBeUndefined();
    expect(schemes[0]!.privileges.corsEnabled).toBeUndefined();
  });

  it('knows its own origin', () => {
    expect(isAppUrl('app://digital-post/index.html')).toBe(true);
    expect(isAppUrl('blob:app://digital-post/0b1c')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://digital-post/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/')).toBe(false);
    expect(isAppUrl('http://localhost:5173/x', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/x', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('garbage')).toBe(false);
  });

  it('serves out/renderer with the CSP header and refuses everything else', async () => {
    const root = join(tmp, 'renderer');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(tmp, 'secret.txt'), 'TOP SECRET');
    serveAppProtocol(root);
    const [scheme, handler] = p.handle.mock.calls[0] as [
      string,
      (r: { url: string; method: string }) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const ok = await handler({ url: 'app://digital-post/index.html', method: 'GET' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(ok.headers.get('content-type')).toContain('text/html');
    expect(await ok.text()).toContain('<title>x</title>');
    for (const url of [
      'app://digital-post/%2e%2e/secret.txt',
      'app://digital-post/..%2fsecret.txt',
      'app://other/index.html',
    ]) {
      const res = await handler({ url, method: 'GET' });
      expect(res.status, url).toBe(404);
      expect(await res.text()).not.toContain('TOP SECRET');
    }
    expect((await handler({ url: 'app://digital-post/index.html', method: 'POST' })).status).toBe(404);
  });
});

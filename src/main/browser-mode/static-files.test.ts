import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, contentTypeFor, resolveStaticPath } from './static-files';

describe('the app CSP', () => {
  it('is the strict policy, directive for directive', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toEqual([
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self'",
      "connect-src 'self'",
      "frame-src 'self' about:",
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
    expect(Object.isFrozen(SECURITY_HEADERS)).toBe(true);
  });
});

describe('resolveStaticPath', () => {
  const root = '/srv/app';
  it('maps paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/index.html');
    expect(resolveStaticPath(root, '/assets/a%20b.js')).toBe('/srv/app/assets/a b.js');
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe('/srv/app/index.html');
  });
  it('refuses escapes, encoded or not, and odd bytes', () => {
    for (const p of [
      '/../etc/passwd',
      '/%2e%2e/etc/passwd',
      '/..%2f..%2fetc/passwd',
      '/a/../../x',
      '/..',
      '/%00',
      '/a\\..\\..\\x',
      '/%E0%A4%A',
      'relative',
      '/%2e%2e',
    ]) {
      expect(resolveStaticPath(root, p), p).toBeNull();
    }
  });
  it('types what it serves', () => {
    expect(contentTypeFor('/x/index.html')).toContain('text/html');
    expect(contentTypeFor('/x/pdf.worker.min.mjs')).toContain('javascript');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});

describe('injectBridgeMarker', () => {
  it('adds the browser-mode meta tag inside head, after the charset, and no secret', async () => {
    const { injectBridgeMarker } = await import('./server');
    const html = '<html><head><meta charset="UTF-8"><title>x</title></head><body></body></html>';
    const out = injectBridgeMarker(html);
    expect(out.indexOf('charset')).toBeLessThan(out.indexOf('name="dp-bridge"'));
    expect(out.indexOf('name="dp-bridge"')).toBeLessThan(out.indexOf('</head>'));
    expect(out).toContain('<meta name="dp-bridge" content="loopback">');
  });
});

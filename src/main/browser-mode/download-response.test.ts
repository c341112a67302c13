import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerDownload } from '../services/files/download-offers';
import { contentDisposition, DOWNLOAD_PREFIX, downloadHeaders, serveDownload } from './download-response';

describe('contentDisposition', () => {
  it('gives the UTF-8 name and an ASCII fallback', () => {
    expect(contentDisposition('Årsopgørelse 2025.pdf')).toBe(
      `attachment; filename="Arsopg_relse 2025.pdf"; filename*=UTF-8''%C3%85rsopg%C3%B8relse%202025.pdf`,
    );
  });

  it('cannot be broken out of: quotes, backslashes, semicolons and line breaks stay inside the value', () => {
    const header = contentDisposition('a"; filename=evil.exe\\\r\n.txt');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/filename="([^"]*)"/)![1]).toBe('a_; filename=evil.exe___.txt');
    expect(header).toContain(`filename*=UTF-8''a%22%3B%20filename%3Devil.exe%5C%0D%0A.txt`);
  });

  it('percent-encodes the characters RFC 5987 does not allow bare', () => {
    expect(contentDisposition("it's (1)*.txt")).toContain(`filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  });
});

describe('downloadHeaders', () => {
  it('never lets the browser sniff or cache', () => {
    const h = downloadHeaders('brev.pdf', 'application/pdf', 4);
    expect(h).toMatchObject({
      'Content-Type': 'application/pdf',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Length': '4',
    });
  });
});

describe('serveDownload', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => serveDownload(req, res, (req.url ?? '').slice(DOWNLOAD_PREFIX.length)));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${DOWNLOAD_PREFIX}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves an offer once, with our name, then 404', async () => {
    const token = offerDownload({
      name: 'hjem.sh.txt',
      contentType: 'text/plain',
      bytes: new TextEncoder().encode('hej'),
    });
    const res = await fetch(base + token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''hjem.sh.txt`);
    expect(res.headers.get('content-type')).toBe('text/plain');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('hej');
    expect((await fetch(base + token)).status).toBe(404);
  });

  it('404s guessed and malformed tokens and refuses other methods', async () => {
    expect((await fetch(`${base}guess`)).status).toBe(404);
    expect((await fetch(`${base}..%2F..%2Fetc`)).status).toBe(404);
    const token = offerDownload({ name: 'a.txt', contentType: 'text/plain', bytes: new Uint8Array([1]) });
    expect((await fetch(base + token, { method: 'POST' })).status).toBe(405);
    expect((await fetch(base + token)).status).toBe(200);
  });
});

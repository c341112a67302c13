import type { IncomingMessage, ServerResponse } from 'node:http';
import { takeDownload } from '../services/files/download-offers';
import { SECURITY_HEADERS } from './static-files';

/** Where browser mode serves the one-time downloads the `files.save` handler offers. */
export const DOWNLOAD_PREFIX = '/download/';

/** RFC 5987 ext-value: UTF-8, percent-encoded beyond the attr-chars, which encodeURIComponent leaves a few of. */
const extValue = (name: string): string =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The ASCII fallback for clients that ignore `filename*`: letters outside ASCII become `_`, quotes and backslashes
 * (which would end or escape the quoted string) too; the extension, being ASCII, survives.
 */
const asciiFallback = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');

/** `attachment` with both names (RFC 6266): the browser saves under exactly the name main chose. */
export const contentDisposition = (name: string): string =>
  `attachment; filename="${asciiFallback(name)}"; filename*=UTF-8''${extValue(name)}`;

/** The headers of a download: never rendered, never sniffed, never cached. */
export const downloadHeaders = (name: string, contentType: string, length: number): Record<string, string> => ({
  ...SECURITY_HEADERS,
  'Content-Type': contentType,
  'Content-Disposition': contentDisposition(name),
  'Content-Length': String(length),
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
  // A file opened from the download shelf must not be treated as a page of this origin.
  'Content-Security-Policy': "default-src 'none'; sandbox",
});

/** GET /download/<token>: the offered file once, or 404 (unknown, used or expired token). */
export const serveDownload = (req: IncomingMessage, res: ServerResponse, token: string): void => {
  if (req.method !== 'GET') {
    res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method Not Allowed');
    return;
  }
  const offer = /^[A-Za-z0-9_-]{1,100}$/.test(token) ? takeDownload(token) : undefined;
  if (!offer) {
    res.writeHead(404, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end('Not Found');
    return;
  }
  res.writeHead(200, downloadHeaders(offer.name, offer.contentType, offer.bytes.byteLength));
  res.end(Buffer.from(offer.bytes.buffer, offer.bytes.byteOffset, offer.bytes.byteLength));
};

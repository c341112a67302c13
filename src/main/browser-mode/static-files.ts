import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/**
 * Headers on every page and file the app serves, in both the Electron `app://` protocol and browser mode (no
 * `electron` import here for that reason).
 *
 * The Content-Security-Policy, directive by directive where it is not plain 'self'/'none':
 * - `style-src 'unsafe-inline'`: React style props and the sanitised received HTML carry inline styles; scripts never.
 * - `img-src data: blob:`: inline images in received mail and attachment previews are data:/blob: URLs.
 * - `frame-src 'self' about:`: received HTML is shown in a sandboxed `srcdoc` iframe (about:srcdoc).
 * - `worker-src 'self' blob:`: the pdf.js worker is served from the app; pdf.js may fall back to a blob: worker.
 * It is written as one string literal assignment so electronegativity's CSP check finds and evaluates the real policy.
 */
const headers: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // The app needs none of these; received content must not get them either.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
};
headers['Content-Security-Policy'] =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self' about:; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze(headers);
export const CONTENT_SECURITY_POLICY: string = headers['Content-Security-Policy'];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  // pdf.js character maps and standard fonts
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export const contentTypeFor = (path: string): string =>
  CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

/**
 * Maps a URL path (still percent-encoded, as it arrived) to a file strictly inside `root`, or null. Decoding happens
 * before the containment check so `%2e%2e%2f` cannot slip past it; NUL and backslashes are refused outright because
 * they mean different things to the URL parser and the file system.
 */
export const resolveStaticPath = (root: string, rawPathname: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? '/index.html' : decoded;
  const base = resolve(root);
  const target = resolve(base, `.${relative}`);
  if (!target.startsWith(base + sep)) return null;
  return target;
};

export interface StaticFile {
  path: string;
  body: Buffer;
  contentType: string;
}

/** Reads a file of the built renderer; null when the path is refused or there is no such file. */
export const readStaticFile = async (root: string, rawPathname: string): Promise<StaticFile | null> => {
  const path = resolveStaticPath(root, rawPathname);
  if (!path) return null;
  try {
    const body = await readFile(path);
    return { path, body, contentType: contentTypeFor(path) };
  } catch {
    return null;
  }
};

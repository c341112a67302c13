import { protocol } from 'electron';
import { readStaticFile, SECURITY_HEADERS } from '../browser-mode/static-files';

/**
 * The app's pages come from `app://digital-post/`, not `file://`: a real origin (so the same-origin checks in the
 * guards and the IPC sender check mean something), a CSP response header, and no file-system reach beyond
 * out/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'digital-post';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Must run before `app` is ready. `standard` + `secure` give it an origin and a secure context; nothing else. */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
};

const originOf = (url: string): string | null => {
  try {
    const parsed = new URL(url);
    // blob: URLs the app itself created (attachment previews) belong to the origin embedded in them.
    if (parsed.protocol === 'blob:') return originOf(parsed.pathname);
    // Non-special schemes have an opaque origin ("null"); build it ourselves for app://.
    return parsed.protocol === `${APP_SCHEME}:` ? `${parsed.protocol}//${parsed.host}` : parsed.origin;
  } catch {
    return null;
  }
};

/**
 * True for URLs on the app's own origin: app://digital-post, or in development the electron-vite dev server
 * (ELECTRON_RENDERER_URL).
 */
export const isAppUrl = (url: string, devUrl?: string): boolean => {
  const origin = originOf(url);
  if (!origin || origin === 'null') return false;
  if (origin === APP_ORIGIN) return true;
  return devUrl !== undefined && devUrl !== '' && origin === originOf(devUrl);
};

/** Serves out/renderer on app://digital-post/ with the strict CSP; anything outside it, or another host, is a 404. */
export const serveAppProtocol = (rendererDir: string): void => {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST || (request.method !== 'GET' && request.method !== 'HEAD')) {
      return new Response('Not Found', { status: 404, headers: SECURITY_HEADERS });
    }
    // `pathname` is still percent-encoded here; readStaticFile decodes before its containment check.
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not Found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, ...SECURITY_HEADERS },
    });
  });
};

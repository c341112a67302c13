import { randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Who may use browser mode. The loopback port is open to every local process, so knowing it must get nothing: the
 * person gets a launch URL (printed in the terminal, opened by `npm start`) with a one-time token, and the server
 * swaps that token for a session cookie the page's JavaScript cannot read (HttpOnly). Every route wants the cookie.
 *
 * - Single use and short-lived: the launch URL lands in the browser's history and possibly a terminal scrollback,
 *   so once redeemed (or after the TTL) it is worthless.
 * - A session cookie (no Max-Age): closing and reopening the tab keeps working while the browser runs; another
 *   browser profile has no cookie and gets nothing; after a browser restart the terminal can print a fresh link.
 * - SameSite=Strict keeps the cookie off every request another site starts (CSRF); the server's Origin check and the
 *   bridge header are the second line.
 * - Cookies do not separate ports, so the name carries the port: two servers on 127.0.0.1 never overwrite each other.
 */

export const LAUNCH_PATH = '/launch';
export const LAUNCH_TOKEN_PARAM = 'token';
/** Long enough to copy a link from the terminal by hand; short enough that an old scrollback is useless. */
export const LAUNCH_TOKEN_TTL_MS = 5 * 60_000;
/** Unredeemed tokens kept at most (each Enter in the terminal makes one); the oldest goes first. */
export const MAX_OPEN_LAUNCH_TOKENS = 16;

export const sessionCookieName = (port: number): string => `dp-session-${port}`;

const sameSecret = (given: string, secret: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The value of one cookie from a Cookie header; only the first of several with the same name counts. */
export const readCookie = (header: string | undefined, name: string): string | null => {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
};

export interface LaunchAuth {
  /** A fresh one-time token for a launch URL. */
  issueToken(): string;
  /** True once per issued token within its lifetime; the token is gone afterwards either way. */
  redeem(token: string | null): boolean;
  /** The Set-Cookie value that a redeemed token earns. */
  sessionCookie(): string;
  /** Whether a request's Cookie header carries this run's session. */
  hasSession(cookieHeader: string | undefined): boolean;
}

export const createLaunchAuth = (options: { port: () => number; ttlMs?: number; now?: () => number }): LaunchAuth => {
  const ttlMs = options.ttlMs ?? LAUNCH_TOKEN_TTL_MS;
  const now = options.now ?? Date.now;
  // One session per run: every browser the person let in shares it; it dies with the process.
  const session = randomBytes(32).toString('base64url');
  let open: { token: string; expiresAt: number }[] = [];

  return {
    issueToken() {
      const token = randomBytes(32).toString('base64url');
      open.push({ token, expiresAt: now() + ttlMs });
      if (open.length > MAX_OPEN_LAUNCH_TOKENS) open = open.slice(-MAX_OPEN_LAUNCH_TOKENS);
      return token;
    },
    redeem(token) {
      const at = now();
      open = open.filter((t) => t.expiresAt > at);
      if (typeof token !== 'string' || token === '') return false;
      // Every open token is compared, so the time taken says nothing about which one (or how much of it) matched.
      let match = -1;
      open.forEach((t, i) => {
        if (sameSecret(token, t.token)) match = i;
      });
      if (match < 0) return false;
      open.splice(match, 1);
      return true;
    },
    sessionCookie() {
      return `${sessionCookieName(options.port())}=${session}; HttpOnly; SameSite=Strict; Path=/`;
    },
    hasSession(cookieHeader) {
      const given = readCookie(cookieHeader, sessionCookieName(options.port()));
      return given !== null && sameSecret(given, session);
    },
  };
};

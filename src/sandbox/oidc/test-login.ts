import { createHash, randomBytes } from 'node:crypto';

/**
 * Drives the sandbox's login page with plain fetch (no browser): for integration tests of anything that needs a
 * logged-in user. Not used by the sandbox itself.
 */

/** A minimal cookie jar: the sandbox is one origin, so names are enough (paths are ignored on purpose). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v] = a.trim().split('=');
        if (k?.toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k?.toLowerCase() === 'expires') return Date.parse(v ?? '') <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }
}

const FORM_ACTION = /<form[^>]*\saction="([^"]+)"/i;

/**
 * Follows an authorization URL through the login page until the sandbox redirects away from itself (to the
 * client's redirect URI), choosing `identityId` on the login page, or pressing "Afbryd" when it is 'abort'.
 * Returns that final redirect target (carrying `code` and `state`, or `error`).
 */
export const followLogin = async (
  authorizationUrl: string | URL,
  identityId: string | 'abort',
  jar: CookieJar = new CookieJar(),
): Promise<URL> => {
  const origin = new URL(authorizationUrl).origin;
  let url = new URL(authorizationUrl);
  let init: RequestInit = { method: 'GET' };
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    });
    jar.store(response);
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      const next = new URL(response.headers.get('location') ?? '', url);
      if (next.origin !== origin) return next;
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await response.text();
    const action = FORM_ACTION.exec(html)?.[1];
    if (response.status !== 200 || !action) {
      throw new Error(`login stopped at ${url.pathname} with HTTP ${response.status}: ${html.slice(0, 300)}`);
    }
    url = new URL(action.replace(/&amp;/g, '&'), url);
    const form = new URLSearchParams(
      identityId === 'abort' ? { action: 'abort' } : { identity: identityId, action: 'login' },
    );
    init = { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('login did not finish within 20 redirects');
};

export interface LoginWithFetchOptions {
  issuer: string;
  clientId: string;
  redirectUri: string;
  identityId: string;
  idp: string;
  scope?: string;
  /** Reuse a jar to keep the login session between logins (SSO). */
  jar?: CookieJar;
}

export interface LoginTokens {
  access_token: string;
  id_token: string;
  refresh_token?: string;
  token_type: string;
  expires_in: number;
  scope?: string;
}

const base64url = (buffer: Buffer): string => buffer.toString('base64url');

/** The whole code + PKCE login against the sandbox, ending with the token response. */
export const loginWithFetch = async (options: LoginWithFetchOptions): Promise<LoginTokens> => {
  const discovery = (await (await fetch(`${options.issuer}/.well-known/openid-configuration`)).json()) as {
    authorization_endpoint: string;
    token_endpoint: string;
  };
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const nonce = base64url(randomBytes(16));
  const authorize = new URL(discovery.authorization_endpoint);
  authorize.search = new URLSearchParams({
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    response_type: 'code',
    scope: options.scope ?? 'openid native',
    state,
    nonce,
    idp: options.idp,
    code_challenge: base64url(createHash('sha256').update(verifier).digest()),
    code_challenge_method: 'S256',
  }).toString();

  const callback = await followLogin(authorize, options.identityId, options.jar);
  const error = callback.searchParams.get('error');
  if (error) throw new Error(`login failed: ${error} ${callback.searchParams.get('error_description') ?? ''}`);
  if (callback.searchParams.get('state') !== state) throw new Error('login returned a different state');
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`login returned no code: ${callback.href}`);

  const response = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: options.redirectUri,
      client_id: options.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await response.json()) as LoginTokens & { error?: string; error_description?: string };
  if (!response.ok) throw new Error(`token request failed: ${body.error} ${body.error_description ?? ''}`);
  return body;
};

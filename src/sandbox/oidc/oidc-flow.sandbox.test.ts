import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import * as oidcClient from 'openid-client';
import { startSandbox, type RunningSandbox } from '../server';
import { SANDBOX_APP_REALM, SANDBOX_CLIENT_ID } from '../client-registration';
import { createTestApi } from '../http/test-api';
import { CookieJar, followLogin, loginWithFetch } from './test-login';

vi.mock('../api', () => ({ createDigitalPostApi: () => createTestApi() }));

// Any loopback port must be accepted for the registered http://127.0.0.1/callback (native client).
const REDIRECT = 'http://127.0.0.1:47123/callback';

describe('sandbox OIDC provider', () => {
  let sb: RunningSandbox;
  let config: oidcClient.Configuration;

  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
    config = await oidcClient.discovery(new URL(sb.issuer), SANDBOX_CLIENT_ID, undefined, oidcClient.None(), {
      execute: [oidcClient.allowInsecureRequests],
    });
  });
  afterAll(async () => {
    await sb.close();
  });

  const authorizationUrl = (params: Record<string, string | undefined>) => {
    const verifier = oidcClient.randomPKCECodeVerifier();
    const nonce = oidcClient.randomNonce();
    const state = oidcClient.randomState();
    const build = async () => {
      const all: Record<string, string | undefined> = {
        redirect_uri: REDIRECT,
        scope: 'openid native',
        code_challenge: await oidcClient.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        nonce,
        state,
        idp: 'nemlogin',
        ...params,
      };
      const defined = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<
        string,
        string
      >;
      return oidcClient.buildAuthorizationUrl(config, defined);
    };
    return { verifier, nonce, state, build };
  };

  const login = async (identityId: string, params: Record<string, string | undefined> = {}, jar?: CookieJar) => {
    const auth = authorizationUrl(params);
    const callback = await followLogin(await auth.build(), identityId, jar);
    const tokens = await oidcClient.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: auth.verifier,
      expectedNonce: auth.nonce,
      expectedState: auth.state,
      idTokenExpected: true,
    });
    expect(tokens.claims()?.nonce).toBe(auth.nonce);
    return tokens;
  };

  const expectOAuthError = async (promise: Promise<unknown>, error: string) => {
    await expect(promise).rejects.toMatchObject({ error });
  };

  it('discovers the issuer below /auth/v2/oauth with S256-only PKCE, revocation and end_session', () => {
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(`${sb.url}/auth/v2/oauth`);
    expect(meta.code_challenge_methods_supported).toEqual(['S256']);
    expect(meta.revocation_endpoint).toBeDefined();
    expect(meta.end_session_endpoint).toBeDefined();
    expect(meta.scopes_supported).toEqual(expect.arrayContaining(['openid', 'native', 'cpr_number']));
  });

  it('publishes only the public signing key', async () => {
    const jwks = (await (await fetch(config.serverMetadata().jwks_uri!)).json()) as {
      keys: Array<Record<string, unknown>>;
    };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty('d');
  });

  it('runs the code + PKCE flow with openid-client: id token name, nonce, JWT access token with DP claims', async () => {
    const tokens = await login('lone');
    expect(tokens.claims()?.name).toBe('Lone Defaultssen');
    expect(tokens.claims()?.cpr_number).toBeUndefined();
    expect(tokens.refresh_token).toBeTruthy();

    const lone = sb.identities.find((i) => i.id === 'lone')!;
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe('at+jwt');
    const at = decodeJwt(tokens.access_token);
    expect(at).toMatchObject({
      iss: sb.issuer,
      aud: sb.apiBase,
      sub: lone.dpiid,
      dpiid: lone.dpiid,
      authorities: lone.authorities,
      dppriv: lone.dppriv,
      client_id: SANDBOX_CLIENT_ID,
      scope: 'openid native',
    });
    const me = await fetch(`${sb.apiBase}/whoami`, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: string }).id).toBe('lone');
  });

  it('puts cpr_number in the id token only with the cpr_number scope', async () => {
    const tokens = await login('karl', { scope: 'openid native cpr_number' });
    expect(tokens.claims()?.cpr_number).toBe(sb.identities.find((i) => i.id === 'karl')!.cpr);
  });

  it('rejects an id token whose nonce differs from the one sent', async () => {
    const auth = authorizationUrl({});
    const callback = await followLogin(await auth.build(), 'lone');
    await expect(
      oidcClient.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: auth.verifier,
        expectedNonce: 'another-nonce',
        expectedState: auth.state,
      }),
    ).rejects.toMatchObject({ code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED' });
  });

  it('requires PKCE', async () => {
    const auth = authorizationUrl({ code_challenge: undefined, code_challenge_method: undefined });
    const callback = await followLogin(await auth.build(), 'lone');
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('state')).toBe(auth.state);
  });

  it.each([
    ['missing', undefined],
    ['unknown', 'some-other-idp'],
  ])('redirects back with invalid_request when idp is %s', async (_label, idp) => {
    const auth = authorizationUrl({ idp });
    const callback = await followLogin(await auth.build(), 'lone');
    expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT);
    expect(callback.searchParams.get('error')).toBe('invalid_request');
    expect(callback.searchParams.get('error_description')).toMatch(/idp/);
  });

  it.each(['mit-dk-nemlogin', 'e-boks-nemlogin', 'eid', SANDBOX_APP_REALM])('accepts the realm %s', async (idp) => {
    const tokens = await login('lone', { idp });
    expect(tokens.refresh_token).toBeTruthy();
  });

  it.each(['nemloginOneTimeUse', 'nemloginMitDkOneTimeUse', 'nemloginEboksOneTimeUse'])(
    'issues no refresh token after a OneTimeUse login (%s)',
    async (idp) => {
      const tokens = await login('lone', { idp });
      expect(tokens.access_token).toBeTruthy();
      expect(tokens.refresh_token).toBeUndefined();
    },
  );

  it('returns access_denied to the client when the user presses Afbryd', async () => {
    const auth = authorizationUrl({});
    const callback = await followLogin(await auth.build(), 'abort');
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('state')).toBe(auth.state);
  });

  it('renders an accessible, script-free Danish login page', async () => {
    const auth = authorizationUrl({});
    const jar = new CookieJar();
    let url = await auth.build();
    let res = await fetch(url, { redirect: 'manual' });
    jar.store(res);
    url = new URL(res.headers.get('location')!, url);
    res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="da">');
    expect(html).toMatch(/<fieldset><legend>[^<]+<\/legend>/);
    for (const identity of sb.identities) {
      expect(html).toContain(`<label><input type="radio" name="identity" value="${identity.id}"`);
      expect(html).toContain(identity.name);
    }
    expect(html).toMatch(/<button type="submit"[^>]*>Log ind<\/button>/);
    expect(html).toMatch(/<button type="submit"[^>]*>Afbryd<\/button>/);
    expect(html).not.toContain('<script');
  });

  it('rotates refresh tokens: the old one then gives invalid_grant', async () => {
    const tokens = await login('lone');
    const refreshed = await oidcClient.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    expect(decodeJwt(refreshed.access_token).dpiid).toBe(decodeJwt(tokens.access_token).dpiid);
    await expectOAuthError(oidcClient.refreshTokenGrant(config, tokens.refresh_token!), 'invalid_grant');
  });

  it('revokes a refresh token', async () => {
    const tokens = await login('karl');
    await oidcClient.tokenRevocation(config, tokens.refresh_token!, { token_type_hint: 'refresh_token' });
    await expectOAuthError(oidcClient.refreshTokenGrant(config, tokens.refresh_token!), 'invalid_grant');
  });

  describe('RP-initiated logout (end_session_endpoint)', () => {
    const endSession = () => config.serverMetadata().end_session_endpoint!;

    it('needs id_token_hint', async () => {
      const res = await fetch(endSession(), { method: 'POST' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('POST with id_token_hint and an expired Bearer access token revokes the refresh token', async () => {
      const tokens = await login('mette');
      const expired = await sb.mintAccessToken('mette', { ttlSeconds: -60 });
      const res = await fetch(endSession(), {
        method: 'POST',
        headers: { authorization: `Bearer ${expired}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token_hint: tokens.id_token! }).toString(),
      });
      expect(res.status).toBe(200);
      await expectOAuthError(oidcClient.refreshTokenGrant(config, tokens.refresh_token!), 'invalid_grant');
    });

    it('GET redirects to a registered post_logout_redirect_uri with state, and refresh then fails', async () => {
      const tokens = await login('karl');
      const url = new URL(endSession());
      url.search = new URLSearchParams({
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: 'http://127.0.0.1:47123/logged-out',
        state: 'xyz',
      }).toString();
      const res = await fetch(url, { redirect: 'manual', headers: { authorization: `Bearer ${tokens.access_token}` } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('http://127.0.0.1:47123/logged-out?state=xyz');
      await expectOAuthError(oidcClient.refreshTokenGrant(config, tokens.refresh_token!), 'invalid_grant');
    });

    it('ends only the login the id token belongs to', async () => {
      const first = await login('lone', {}, new CookieJar());
      const second = await login('lone', {}, new CookieJar());
      expect(first.claims()?.sid).toBeTruthy();
      expect(first.claims()?.sid).not.toBe(second.claims()?.sid);
      const res = await fetch(endSession(), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token_hint: first.id_token! }).toString(),
      });
      expect(res.status).toBe(200);
      await expectOAuthError(oidcClient.refreshTokenGrant(config, first.refresh_token!), 'invalid_grant');
      expect((await oidcClient.refreshTokenGrant(config, second.refresh_token!)).access_token).toBeTruthy();
    });

    it('refuses an access token of somebody else and an unregistered redirect', async () => {
      const tokens = await login('lone');
      const other = await sb.mintAccessToken('karl');
      const mismatch = await fetch(endSession(), {
        method: 'POST',
        headers: { authorization: `Bearer ${other}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ id_token_hint: tokens.id_token! }).toString(),
      });
      expect(mismatch.status).toBe(401);
      const url = new URL(endSession());
      url.search = new URLSearchParams({
        id_token_hint: tokens.id_token!,
        post_logout_redirect_uri: 'https://evil.example/',
      }).toString();
      expect((await fetch(url, { redirect: 'manual' })).status).toBe(400);
      // Neither attempt logged out.
      expect((await oidcClient.refreshTokenGrant(config, tokens.refresh_token!)).access_token).toBeTruthy();
    });
  });

  it('keeps a login session (SSO) until /auth/s9/multi-realm/logout ends it; OneTimeUse always asks', async () => {
    const jar = new CookieJar();
    await login('lone', {}, jar);
    // SSO: the login page is skipped, so "abort" is never pressed and a code comes back.
    const sso = await followLogin(await authorizationUrl({}).build(), 'abort', jar);
    expect(sso.searchParams.get('code')).toBeTruthy();
    const oneTimeUse = await followLogin(await authorizationUrl({ idp: 'nemloginOneTimeUse' }).build(), 'abort', jar);
    expect(oneTimeUse.searchParams.get('error')).toBe('access_denied');

    const logout = await fetch(
      `${sb.url}/auth/s9/multi-realm/logout?idp=nemlogin&f=${encodeURIComponent('http://127.0.0.1:47123/bye')}`,
      {
        redirect: 'manual',
        headers: { cookie: jar.header() },
      },
    );
    expect(logout.status).toBe(303);
    expect(logout.headers.get('location')).toBe('http://127.0.0.1:47123/bye');
    const after = await followLogin(await authorizationUrl({}).build(), 'abort', jar);
    expect(after.searchParams.get('error')).toBe('access_denied');

    const badRealm = await fetch(`${sb.url}/auth/s9/multi-realm/logout?idp=nope`, { redirect: 'manual' });
    expect(badRealm.status).toBe(400);
  });

  it('loginWithFetch returns tokens; minted tokens carry the same claims as logged-in ones', async () => {
    const tokens = await loginWithFetch({
      issuer: sb.issuer,
      clientId: SANDBOX_CLIENT_ID,
      redirectUri: REDIRECT,
      identityId: 'mette',
      idp: 'nemlogin',
    });
    const minted = await sb.mintAccessToken('mette');
    const fromLogin = decodeJwt(tokens.access_token);
    const fromMint = decodeJwt(minted);
    expect(Object.keys(fromMint).sort()).toEqual(Object.keys(fromLogin).sort());
    for (const claim of ['iss', 'aud', 'sub', 'dpiid', 'authorities', 'dppriv', 'client_id', 'scope']) {
      expect(fromMint[claim]).toEqual(fromLogin[claim]);
    }
    expect(decodeProtectedHeader(minted)).toEqual(decodeProtectedHeader(tokens.access_token));
    expect(fromMint.exp! - fromMint.iat!).toBe(sb.config.accessTokenTtlSeconds);
  });
});

describe('sandbox login page errors', () => {
  it('shows an HTML error page for an unknown interaction', async () => {
    const sb = await startSandbox({ port: 0 });
    try {
      const res = await fetch(`${sb.issuer}/interaction/does-not-exist`);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('Der opstod en fejl');
    } finally {
      await sb.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Identity } from '../identity';
import { privilegesOf } from '../privileges';
import { SANDBOX_CLIENT_ID } from '../client-registration';
import { SIGNING_ALG, type SigningKey } from './signing-key';

/** Below the OIDC mount path; dpprivref points here. */
export const USERINFO_ROUTE = '/userinfo';

/** §16.3.1: up to this many privileges ride in the token; beyond, it carries dpprivref (headers have limits). */
export const MAX_INLINE_PRIVILEGES = 54;

export type DpAccessTokenClaims = { dpiid: string; authorities: string[] } & (
  { dppriv: string } | { dpprivref: string }
);

/** The Digital Post claims of §16.3.1 that ride in the access token on top of the standard JWT ones. */
export const dpAccessTokenClaims = (identity: Identity, issuer: string): DpAccessTokenClaims => ({
  dpiid: identity.dpiid,
  authorities: [...identity.authorities],
  ...(privilegesOf(identity).length > MAX_INLINE_PRIVILEGES
    ? { dpprivref: `${issuer}${USERINFO_ROUTE}` }
    : { dppriv: identity.dppriv }),
});

export interface AccessTokenContext {
  issuer: string;
  /** The resource indicator of /apis/v1: the access token's `aud`. */
  audience: string;
  key: SigningKey;
}

/**
 * Signs an access token shaped exactly like the ones oidc-provider issues after a login (same key, header type and
 * claims), for tests and the /sandbox/token hook that skip the browser.
 */
export const mintAccessToken = async (
  ctx: AccessTokenContext,
  identity: Identity,
  opts: { scope?: string; ttlSeconds: number; clientId?: string },
): Promise<string> =>
  new SignJWT({
    ...dpAccessTokenClaims(identity, ctx.issuer),
    client_id: opts.clientId ?? SANDBOX_CLIENT_ID,
    scope: opts.scope ?? 'openid native',
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: ctx.key.kid, typ: 'at+jwt' })
    .setIssuer(ctx.issuer)
    .setSubject(identity.dpiid)
    .setAudience(ctx.audience)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + opts.ttlSeconds)
    .setJti(randomUUID())
    .sign(ctx.key.privateKey);

export type AccessTokenCheck =
  { ok: true; claims: JWTPayload & { dpiid?: unknown } } | { ok: false; reason: 'expired' | 'invalid' };

/** Verifies signature, issuer, audience and type; `allowExpired` serves logout, which accepts expired tokens. */
export const verifyAccessToken = async (
  ctx: AccessTokenContext,
  token: string,
  opts: { allowExpired?: boolean } = {},
): Promise<AccessTokenCheck> => {
  try {
    const { payload } = await jwtVerify(token, ctx.key.publicKey, {
      issuer: ctx.issuer,
      audience: ctx.audience,
      algorithms: [SIGNING_ALG],
      typ: 'at+jwt',
      ...(opts.allowExpired ? { clockTolerance: Number.MAX_SAFE_INTEGER } : {}),
    });
    return { ok: true, claims: payload };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return { ok: false, reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
  }
};

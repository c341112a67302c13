import type * as oidc from 'openid-client';
import { personFromClaims, type Person } from './claims';
import { claimsOf, subjectOf, type StoredSession } from './stored-session';

export type Tokens = oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers;

/** The session of the logged-in person, in memory only: the access token is never stored. */
export interface Session {
  accessToken?: string;
  /** Epoch ms at which the access token expires. */
  expiresAt: number;
  /** When to renew: ahead of expiry so a request never leaves with a dying token. */
  renewAt: number;
  refreshToken?: string;
  idToken?: string;
  sub?: string;
  person: Person;
  oneTimeUse: boolean;
}

/**
 * The session a token response makes: a refresh may bring no new id token or refresh token, so the previous ones
 * (and the person they name) carry over. Renewal is due ahead of expiry, but never before two thirds of the lifetime.
 */
export const sessionFromTokens = (
  tokens: Tokens,
  options: { oneTimeUse: boolean; previous: Session | undefined; now: number; renewLeadMs: number },
): Session => {
  const { previous } = options;
  const lifetimeMs = Math.max(1, tokens.expires_in ?? 300) * 1000;
  const idToken = tokens.id_token ?? previous?.idToken;
  const claims = tokens.id_token ? (tokens.claims() as Record<string, unknown> | undefined) : undefined;
  const sub = typeof claims?.sub === 'string' ? claims.sub : (previous?.sub ?? subjectOf(idToken));
  return {
    accessToken: tokens.access_token,
    expiresAt: options.now + lifetimeMs,
    renewAt: options.now + lifetimeMs - Math.min(options.renewLeadMs, lifetimeMs / 3),
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    ...(idToken ? { idToken } : {}),
    ...(sub ? { sub } : {}),
    person: claims ? personFromClaims(claims) : (previous?.person ?? {}),
    oneTimeUse: options.oneTimeUse,
  };
};

/** What survives a restart: the refresh token and whose it is, never the access token. */
export const storedFrom = (session: Session & { refreshToken: string }): StoredSession => ({
  v: 1,
  refreshToken: session.refreshToken,
  ...(session.idToken ? { idToken: session.idToken } : {}),
  ...(session.sub ? { sub: session.sub } : {}),
});

/** A stored session before its first refresh: no access token yet, so it is due at once. */
export const sessionFromStored = (stored: StoredSession): Session => {
  const sub = stored.sub ?? subjectOf(stored.idToken);
  return {
    expiresAt: 0,
    renewAt: 0,
    refreshToken: stored.refreshToken,
    ...(stored.idToken ? { idToken: stored.idToken } : {}),
    ...(sub ? { sub } : {}),
    // The name shown before the first refresh (or offline, when none can be made): from the stored id token.
    person: personFromClaims(claimsOf(stored.idToken)),
    oneTimeUse: false,
  };
};

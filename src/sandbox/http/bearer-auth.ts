import type { NextFunction, Request, Response } from 'express';
import type { Identity } from '../identity';
import { findIdentityByDpiid } from '../identities';
import { verifyAccessToken, type AccessTokenContext } from '../oidc/access-token';
import { DpHttpError } from './dp-error';

type Authentication = { identity: Identity } | { error: string };

const AUTH_KEY = 'sandboxAuthentication';

/**
 * Checks the request's bearer token once per request (the rate limiter and the auth gate both need it) and keeps
 * the outcome in res.locals.
 */
export const authenticate = async (
  tokens: AccessTokenContext,
  identities: readonly Identity[],
  req: Request,
  res: Response,
): Promise<Authentication> => {
  const cached = res.locals[AUTH_KEY] as Authentication | undefined;
  if (cached) return cached;
  const outcome = await (async (): Promise<Authentication> => {
    const header = req.header('authorization');
    if (!header) return { error: 'Full authentication is required to access this resource' };
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) return { error: 'Unsupported authorization scheme' };
    const check = await verifyAccessToken(tokens, token);
    if (!check.ok) return { error: check.reason === 'expired' ? 'Access token expired' : 'Invalid access token' };
    const identity =
      typeof check.claims.dpiid === 'string' ? findIdentityByDpiid(identities, check.claims.dpiid) : undefined;
    if (!identity || identity.dpiid !== check.claims.sub) return { error: 'Unknown identity' };
    return { identity };
  })();
  res.locals[AUTH_KEY] = outcome;
  return outcome;
};

/** The gate in front of the authenticated API: 401 with a Digital Post error body, else res.locals.identity. */
export const requireIdentity =
  (tokens: AccessTokenContext, identities: readonly Identity[]) =>
  (req: Request, res: Response, next: NextFunction): void => {
    authenticate(tokens, identities, req, res)
      .then((outcome) => {
        if ('error' in outcome) {
          // RFC 6750 §3.1: no error code when the request carried no credentials at all.
          const challenge = req.header('authorization') ? 'Bearer error="invalid_token"' : 'Bearer';
          throw new DpHttpError(401, outcome.error, [], { 'WWW-Authenticate': challenge });
        }
        res.locals.identity = outcome.identity;
        next();
      })
      .catch(next);
  };

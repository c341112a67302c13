import { Router, type Request, type Response } from 'express';
import type { Identity } from '../identity';
import { findIdentityByDpiid } from '../identities';
import { verifyAccessToken, type AccessTokenContext } from './access-token';

const bearer = (req: Request): string | undefined => /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '')?.[1];
const looksLikeJwt = (token: string): boolean => token.split('.').length === 3;

/**
 * /userinfo for the API's own access tokens: a token with dpprivref (§16.3.1) names this endpoint as where the
 * privileges are, so it must accept that very token. oidc-provider's userinfo refuses tokens bound to a resource
 * server, and every sandbox token is; anything that is not such a JWT still goes on to oidc-provider.
 */
export const createUserinfoRouter = (tokens: AccessTokenContext, identities: readonly Identity[]): Router => {
  const router = Router();
  const handle = (req: Request, res: Response, next: () => void): void => {
    const token = bearer(req);
    if (token === undefined || !looksLikeJwt(token)) return next();
    verifyAccessToken(tokens, token)
      .then((check) => {
        const identity =
          check.ok && typeof check.claims.sub === 'string'
            ? findIdentityByDpiid(identities, check.claims.sub)
            : undefined;
        if (!check.ok || !identity) {
          res.status(401).set('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: 'invalid_token' });
          return;
        }
        const scopes = typeof check.claims.scope === 'string' ? check.claims.scope.split(' ') : [];
        res.set('Cache-Control', 'no-store').json({
          sub: identity.dpiid,
          dpiid: identity.dpiid,
          name: identity.name,
          ...(scopes.includes('cpr_number') ? { cpr_number: identity.cpr } : {}),
          dppriv: identity.dppriv,
        });
      })
      .catch(next);
  };
  router.get('/', handle);
  router.post('/', handle);
  return router;
};

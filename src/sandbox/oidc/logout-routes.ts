import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { jwtVerify } from 'jose';
import type { SandboxOidc } from './provider';
import { verifyAccessToken, type AccessTokenContext } from './access-token';
import { renderLoggedOutPage } from './pages';
import { isKnownRealm } from './realms';
import { SIGNING_ALG } from './signing-key';

const SESSION_COOKIE = '_session';

const readCookie = (req: Request, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
};

const oauthError = (res: Response, status: number, error: string, description: string): void => {
  res.status(status).setHeader('Cache-Control', 'no-store');
  res.json({ error, error_description: description });
};

/** Ends the login (NemLog-in stand-in) session that the browser's cookie points at, if any. */
const endBrowserSession = (oidc: SandboxOidc, req: Request, res: Response): void => {
  const sessionId = readCookie(req, SESSION_COOKIE);
  if (sessionId) oidc.store.model('Session').delete(sessionId);
  for (const name of [SESSION_COOKIE, `${SESSION_COOKIE}.sig`]) res.clearCookie(name, { path: '/' });
};

/**
 * RP-initiated logout as Digital Post runs it (§16.3.3): GET or POST straight to the end_session_endpoint, the id
 * token (possibly expired) in id_token_hint names the session, the access token may come along as Bearer; the
 * refresh tokens of that session are revoked and its login session ended. Replaces oidc-provider's own
 * confirm-in-the-browser logout, which Digital Post does not have.
 */
export const createEndSessionRouter = (oidc: SandboxOidc, tokens: AccessTokenContext): Router => {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });

  const endSession = async (req: Request, res: Response): Promise<void> => {
    const params: Record<string, unknown> = {
      ...(req.query as Record<string, unknown>),
      ...((req.body ?? {}) as Record<string, unknown>),
    };
    const hint = params.id_token_hint;
    if (typeof hint !== 'string' || hint === '') {
      oauthError(res, 400, 'invalid_request', 'missing required parameter id_token_hint');
      return;
    }
    let sub: string;
    let clientId: string;
    let sid: string | undefined;
    try {
      const { payload } = await jwtVerify(hint, tokens.key.publicKey, {
        issuer: oidc.issuer,
        algorithms: [SIGNING_ALG],
        clockTolerance: Number.MAX_SAFE_INTEGER,
      });
      const aud = Array.isArray(payload.aud) ? payload.aud[0] : payload.aud;
      if (typeof payload.sub !== 'string' || typeof aud !== 'string') throw new Error('incomplete id token');
      sub = payload.sub;
      clientId = aud;
      sid = typeof payload.sid === 'string' ? payload.sid : undefined;
    } catch {
      oauthError(res, 400, 'invalid_request', 'id_token_hint could not be validated');
      return;
    }

    const authorization = req.headers.authorization;
    if (authorization) {
      const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
      const check = bearer ? await verifyAccessToken(tokens, bearer, { allowExpired: true }) : undefined;
      if (!check?.ok || check.claims.sub !== sub) {
        oauthError(res, 401, 'invalid_token', 'the access token does not belong to the id_token_hint');
        return;
      }
    }

    const client = await oidc.provider.Client.find(clientId);
    const redirect = params.post_logout_redirect_uri;
    if (typeof redirect === 'string' && redirect !== '' && !client?.postLogoutRedirectUriAllowed(redirect)) {
      oauthError(res, 400, 'invalid_request', 'post_logout_redirect_uri not registered');
      return;
    }

    // The refresh tokens of this login (same sid; all of the client's for the user if the id token has none).
    const grantIds = new Set<string>();
    for (const [, rt] of oidc.store.list('RefreshToken')) {
      if (rt.accountId === sub && rt.clientId === clientId && (sid === undefined || rt.sid === sid) && rt.grantId) {
        grantIds.add(rt.grantId);
      }
    }
    for (const [id, session] of oidc.store.list('Session')) {
      const authz = session.authorizations?.[clientId] as { sid?: string; grantId?: string } | undefined;
      if (session.accountId === sub && authz && (sid === undefined || authz.sid === sid)) {
        if (authz.grantId) grantIds.add(authz.grantId);
        oidc.store.model('Session').delete(id);
      }
    }
    for (const grantId of grantIds) oidc.store.revokeByGrantId(grantId);
    endBrowserSession(oidc, req, res);

    res.setHeader('Cache-Control', 'no-store');
    if (typeof redirect === 'string' && redirect !== '') {
      const target = new URL(redirect);
      if (typeof params.state === 'string') target.searchParams.set('state', params.state);
      res.redirect(303, target.href);
      return;
    }
    res.status(200).type('html').send(renderLoggedOutPage());
  };

  const handle = (req: Request, res: Response, next: NextFunction): void => {
    endSession(req, res).catch(next);
  };
  router.get('/', handle);
  router.post('/', form, handle);
  return router;
};

/** NemLog-in's logout (§16.3.4): `/auth/s9/multi-realm/logout?idp=<realm>&f=<http(s) URL>`. */
export const createMultiRealmLogoutRouter = (oidc: SandboxOidc): Router => {
  const router = Router();
  router.get('/', (req, res) => {
    const { idp, f } = req.query;
    if (!isKnownRealm(idp)) {
      oauthError(res, 400, 'invalid_request', 'missing or unknown realm in parameter idp');
      return;
    }
    endBrowserSession(oidc, req, res);
    let target: URL | undefined;
    try {
      target = typeof f === 'string' ? new URL(f) : undefined;
    } catch {
      target = undefined;
    }
    if (target && (target.protocol === 'http:' || target.protocol === 'https:')) {
      res.redirect(303, target.href);
      return;
    }
    res.status(200).type('html').send(renderLoggedOutPage());
  });
  return router;
};

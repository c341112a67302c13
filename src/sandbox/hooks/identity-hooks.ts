import express, { Router } from 'express';
import type { Identity } from '../identity';
import { findIdentity } from '../identities';
import { DpHttpError } from '../http/dp-error';

/**
 * Test hooks that need no mailbox data: who can sign in, and a real access token for one of them without the
 * browser round trip. Sandbox only; mounted under /sandbox, never under /apis/v1.
 */
export const createIdentityHooksRouter = (options: {
  identities: readonly Identity[];
  accessTokenTtlSeconds: number;
  mintAccessToken: (identityId: string, opts?: { scope?: string; ttlSeconds?: number }) => Promise<string>;
}): Router => {
  const router = Router();

  router.get('/identities', (_req, res) => {
    res.json(options.identities.map(({ id, name, kind }) => ({ id, name, kind })));
  });

  router.post('/token', express.json({ limit: '16kb' }), async (req, res) => {
    const body = (req.body ?? {}) as { identity?: unknown; scope?: unknown; ttlSeconds?: unknown };
    if (typeof body.identity !== 'string' || !findIdentity(options.identities, body.identity)) {
      throw new DpHttpError(400, 'identity must be one of the ids from GET /sandbox/identities');
    }
    const ttl =
      typeof body.ttlSeconds === 'number' && Number.isInteger(body.ttlSeconds) && body.ttlSeconds > 0
        ? body.ttlSeconds
        : options.accessTokenTtlSeconds;
    const scope = typeof body.scope === 'string' ? body.scope : undefined;
    const accessToken = await options.mintAccessToken(body.identity, { ttlSeconds: ttl, ...(scope ? { scope } : {}) });
    res.json({ access_token: accessToken, token_type: 'Bearer', expires_in: ttl });
  });

  return router;
};

import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type Provider from 'oidc-provider';
import type { Identity } from '../identity';
import { findIdentity } from '../identities';
import { renderErrorPage, renderLoginPage } from './pages';
import { isOneTimeUseRealm } from './realms';

/**
 * The login page standing in for NemLog-in/MitID, and implicit consent (Digital Post's scopes are auto-approved,
 * §16.3.1). Mount at INTERACTION_PATH, before the provider itself.
 */
export const createInteractionRouter = (provider: Provider, identities: readonly Identity[]): Router => {
  const router = Router();
  const form = express.urlencoded({ extended: false, limit: '16kb' });

  const handle =
    (fn: (req: Request, res: Response) => Promise<void>) =>
    (req: Request, res: Response, next: NextFunction): void => {
      fn(req, res).catch(next);
    };

  router.get(
    '/:uid',
    handle(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const { prompt, params, session } = details;
      res.setHeader('Cache-Control', 'no-store');
      if (prompt.name === 'login') {
        res
          .type('html')
          .send(
            renderLoginPage({ action: `${req.baseUrl}/${details.uid}`, identities, realm: String(params.idp ?? '') }),
          );
        return;
      }
      if (prompt.name === 'consent' && session?.accountId) {
        const grant = details.grantId
          ? await provider.Grant.find(details.grantId)
          : new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
        if (!grant) throw new Error('grant of the interaction vanished');
        const missing = prompt.details as {
          missingOIDCScope?: string[];
          missingOIDCClaims?: string[];
          missingResourceScopes?: Record<string, string[]>;
        };
        if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
        if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: `unsupported interaction: ${prompt.name}` },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  router.post(
    '/:uid',
    form,
    handle(async (req, res) => {
      const details = await provider.interactionDetails(req, res);
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (body.action === 'abort') {
        await provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'Brugeren afbrød login' },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const identity = typeof body.identity === 'string' ? findIdentity(identities, body.identity) : undefined;
      if (!identity) {
        res
          .status(400)
          .type('html')
          .send(
            renderLoginPage({
              action: `${req.baseUrl}/${details.uid}`,
              identities,
              realm: String(details.params.idp ?? ''),
              error: 'Vælg en testperson.',
            }),
          );
        return;
      }
      await provider.interactionFinished(
        req,
        res,
        // OneTimeUse is "sessionless": the session cookie dies with the browser instead of being remembered.
        { login: { accountId: identity.dpiid, remember: !isOneTimeUseRealm(details.params.idp) } },
        { mergeWithLastSubmission: false },
      );
    }),
  );

  // These are browser pages: failures (e.g. an expired interaction) render as a page, not as API JSON.
  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const e = (error ?? {}) as { status?: unknown; error?: unknown; error_description?: unknown };
    const status = typeof e.status === 'number' && e.status >= 400 && e.status < 500 ? e.status : 500;
    res
      .status(status)
      .type('html')
      .send(
        renderErrorPage(
          typeof e.error === 'string' ? e.error : 'server_error',
          typeof e.error_description === 'string' ? e.error_description : undefined,
        ),
      );
  });

  return router;
};

import { Router } from 'express';
import type { DigitalPostApi } from '../api-module';

/**
 * A stand-in for the Digital Post API module in tests of the HTTP shell: one public and a few authenticated
 * routes, enough to see auth, rate limiting, body parsing and errors work without the real data layer.
 */
export const createTestApi = (): DigitalPostApi => {
  const publicRouter = Router();
  publicRouter.post('/validations/', (req, res) => {
    res.json({ valid: true, echo: req.body as unknown });
  });
  const router = Router();
  router.get('/whoami', (_req, res) => {
    res.json(res.locals.identity);
  });
  router.post('/echo', (req, res) => {
    res.json(req.body as unknown);
  });
  router.get('/boom', () => {
    throw new Error('secret internal detail');
  });
  const hooksRouter = Router();
  hooksRouter.post('/reset', (_req, res) => {
    res.status(204).end();
  });
  return { publicRouter, router, hooksRouter, reset: () => undefined };
};

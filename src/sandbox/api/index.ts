import { Router } from 'express';
import type { CreateDigitalPostApi } from '../api-module';
import type { Identity } from '../identity';
import { DpHttpError } from '../http/dp-error';
import { createRegistryApi } from './registry';
import { InMemoryMailStore } from './store';
import type { RegistryContext } from './context';

export const createDigitalPostApi: CreateDigitalPostApi = (options) => {
  const now = options.now ?? (() => new Date());
  const store = new InMemoryMailStore(now);
  const ctx: RegistryContext = { config: options.config, identities: options.identities, now, store };
  const registry = createRegistryApi(ctx);

  const router = Router();
  router.get('/mailboxes', (_req, res) => {
    const identity = res.locals.identity as Identity | undefined;
    if (!identity) throw new DpHttpError(401, 'Unauthorized');
    res.json({ currentPage: 0, totalPages: 0, elementsOnPage: 0, totalElements: 0, mailboxes: [] });
  });
  router.use(registry.router);

  const publicRouter = Router();
  publicRouter.use(registry.publicRouter);

  const hooksRouter = Router();
  hooksRouter.post('/reset', (_req, res) => {
    store.clear();
    registry.reset();
    res.status(204).end();
  });
  hooksRouter.use(registry.hooksRouter);

  return {
    router,
    publicRouter,
    hooksRouter,
    reset() {
      store.clear();
      registry.reset();
    },
  };
};

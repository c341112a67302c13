import { Router } from 'express';
import type { CreateDigitalPostApi } from '../api-module';
import type { RegistryContext } from './context';
import { EventLog } from './events/event-log';
import { createEventRoutes } from './events/routes';
import { createRegistryApi } from './registry';
import { documentRoutes } from './routes/documents';
import { folderRoutes } from './routes/folders';
import { hookRoutes } from './routes/hooks';
import { mailboxRoutes } from './routes/mailboxes';
import { messageRoutes } from './routes/messages';
import { seedStore } from './seed';
import { specMinimalMode } from './spec-minimal-mode';
import { InMemoryMailStore } from './store';

export type { MailStore, RegistryContext, Outbox, OutboxEntry } from './context';

/**
 * The sandbox's Digital Post: an in-memory store seeded from config.seed, the mailbox services (§6) and the
 * registry part (accesses, contacts, validations, outbox) composed into the routers server.ts mounts.
 */
export const createDigitalPostApi: CreateDigitalPostApi = (options) => {
  const now = options.now ?? (() => new Date());
  const store = new InMemoryMailStore(now);
  const ctx: RegistryContext = { config: options.config, identities: options.identities, now, store };
  const events = new EventLog(store, now, options.identities, options.config.seed + 7);
  const registry = createRegistryApi(ctx, events);
  store.onDelivery((message) => {
    registry.notifyNewMessage(message.mailboxId, {
      id: message.id,
      ...(message.sender?.label ? { senderName: message.sender.label } : {}),
    });
  });

  const reset = (): void => {
    // PDF rendering finishes in the background; content requests made before then wait for it.
    seedStore(store, options.config, options.identities).catch((error: unknown) => {
      console.error('[sandbox] rendering seeded PDFs failed:', error instanceof Error ? error.message : error);
    });
    events.seed();
    registry.reset();
  };
  reset();

  const router = Router();
  if (options.config.specMinimal) router.use(specMinimalMode);
  router.use(mailboxRoutes(store, registry.writeAccess, options.identities));
  router.use(createEventRoutes(events, { now, specMinimal: options.config.specMinimal === true }));
  router.use(folderRoutes(store));
  router.use(messageRoutes(store));
  router.use(documentRoutes(store));
  router.use(registry.router);

  const publicRouter = Router();
  publicRouter.use(registry.publicRouter);

  const hooksRouter = Router();
  hooksRouter.use(hookRoutes({ store, identities: options.identities, reset }));
  hooksRouter.use(registry.hooksRouter);

  return { router, publicRouter, hooksRouter, reset };
};

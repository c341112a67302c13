import type { Handlers } from '../ipc/dispatch';
import { createAccessHandlers } from './access';
import { createActionHandlers } from './actions';
import { createAppHandlers } from './app';
import { ArchiveSession, createArchiveHandlers, type ArchiveHandlerContext } from './archive';
import { createAuthHandlers } from './auth';
import { createComposeHandlers } from './compose';
import type { ServiceContext } from './context';
import { createMailHandlers } from './mail';
import { createNotifyHandlers } from './notify';

export type { ServiceContext } from './context';

/** Where no archive is composed (handler tests): nobody is ever logged in to one, so it is off with that reason. */
const noArchive = (ctx: ServiceContext): ArchiveHandlerContext => ({
  archive: new ArchiveSession({
    dir: '',
    api: ctx.api,
    events: ctx.events,
    owner: () => Promise.resolve(undefined),
    keyStoreFor: () => Promise.reject(new Error('no archive')),
  }),
  events: ctx.events,
});

/** Every IPC handler, one folder or file per contract group; typed complete, so a channel without one fails to build. */
export const createHandlers = (ctx: ServiceContext & { archive?: ArchiveHandlerContext }): Handlers => ({
  ...createAppHandlers(ctx),
  ...createArchiveHandlers(ctx.archive ?? noArchive(ctx)),
  ...createAuthHandlers(ctx),
  ...createMailHandlers(ctx),
  ...createComposeHandlers(ctx),
  ...createNotifyHandlers(ctx),
  ...createAccessHandlers(ctx),
  ...createActionHandlers(ctx),
});

import type { Handlers } from '../ipc/dispatch';
import { createActionHandlers } from './actions';
import { createAppHandlers } from './app';
import { createAuthHandlers } from './auth';
import { createComposeHandlers } from './compose';
import type { ServiceContext } from './context';
import { createMailHandlers } from './mail';
import { createNotifyHandlers } from './notify';

export type { ServiceContext } from './context';

/** Every IPC handler, one folder or file per contract group; typed complete, so a channel without one fails to build. */
export const createHandlers = (ctx: ServiceContext): Handlers => ({
  ...createAppHandlers(ctx),
  ...createAuthHandlers(ctx),
  ...createMailHandlers(ctx),
  ...createComposeHandlers(ctx),
  ...createNotifyHandlers(ctx),
  ...createActionHandlers(ctx),
});

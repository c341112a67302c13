import type { PartialHandlers } from '../ipc/dispatch';
import { createAppHandlers } from './app';
import { createAuthHandlers } from './auth';
import { createComposeHandlers } from './compose';
import type { ServiceContext } from './context';
import { createMailHandlers } from './mail';
import { createNotifyHandlers } from './notify';

export type { ServiceContext } from './context';

/** All IPC handlers, one file per domain; mail/compose/notify join here as they land. */
export const createHandlers = (ctx: ServiceContext): PartialHandlers => ({
  ...createAppHandlers(ctx),
  ...createAuthHandlers(ctx),
  ...createMailHandlers(ctx),
  ...createComposeHandlers(ctx),
  ...createNotifyHandlers(ctx),
});

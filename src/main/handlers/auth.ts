import type { Handlers } from '../ipc/dispatch';
import type { ServiceContext } from './context';

type AuthHandlers = Pick<
  Handlers,
  'auth.status' | 'auth.login' | 'auth.cancelLogin' | 'auth.logout' | 'settings.get' | 'settings.update'
>;

/** Session and settings channels; none of them ever returns a token (the contract's response schemas name none). */
export const createAuthHandlers = (ctx: ServiceContext): AuthHandlers => ({
  'auth.status': () => ctx.auth.status(),
  'auth.login': async (request) => ctx.auth.login({ oneTimeUse: request?.oneTimeUse === true }),
  'auth.cancelLogin': () => Promise.resolve({ cancelled: ctx.auth.cancelLogin() }),
  'auth.logout': () => ctx.auth.logout(),
  'settings.get': () => Promise.resolve(ctx.settings.get()),
  // Switching environment is applied by the settings listener in app-services (it drops the session of the old one).
  'settings.update': (patch) => ctx.settings.update(patch),
});

import type { authChannels, SettingsView } from '../../shared/ipc/channels/auth';
import type { HandlersOf } from '../ipc/dispatch';
import type { ServiceContext } from './context';

type AuthHandlers = HandlersOf<typeof authChannels>;

/** Session and settings channels; none of them ever returns a token or a secret (the response schemas name none). */
export const createAuthHandlers = (ctx: ServiceContext): AuthHandlers => {
  const view = async (): Promise<SettingsView> => ({
    ...ctx.settings.get(),
    clientSecretStored: await ctx.auth.clientSecretStored(),
  });
  return {
    'auth.status': () => ctx.auth.status(),
    'auth.login': async (request) => ctx.auth.login({ oneTimeUse: request?.oneTimeUse === true }),
    'auth.cancelLogin': () => Promise.resolve({ cancelled: ctx.auth.cancelLogin() }),
    'auth.logout': () => ctx.auth.logout(),
    'settings.get': view,
    // Switching environment is applied by the settings listener the composition root installs (it drops the session of the old one).
    // The client secret goes to the SecretStore, never into settings.json.
    'settings.update': async ({ clientSecrets, ...patch }) => {
      await ctx.settings.update(patch);
      for (const env of ['test', 'prod'] as const) {
        const secret = clientSecrets?.[env];
        if (secret !== undefined) await ctx.auth.setClientSecret(env, secret);
      }
      return view();
    },
  };
};

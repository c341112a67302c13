import type { appChannels } from '../../shared/ipc/channels/app';
import { isExternalUrlAllowed, toSafeExternalUrl } from '../../shared/external-url';
import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import type { HandlersOf } from '../ipc/dispatch';
import { AppFault } from '../errors';
import type { ServiceContext } from './context';

/** The same allowlist as Electron's navigation guards: https (without credentials) and mailto only. */
export const isAllowedExternalUrl = (raw: string): boolean => isExternalUrlAllowed(raw);

export const createAppHandlers = (ctx: Pick<ServiceContext, 'hooks'>): HandlersOf<typeof appChannels> => ({
  'app.info': () =>
    Promise.resolve({ version: ctx.hooks.appVersion, mode: ctx.hooks.mode, platform: process.platform }),
  'app.openExternal': async ({ url }) => {
    const safe = toSafeExternalUrl(url);
    if (!safe) {
      throw new AppFault({ code: APP_ERROR_CODES.invalidRequest, message: 'Kun https- og mailto-links kan åbnes.' });
    }
    // Browser mode has no hook: the page opens the link itself after its own confirmation.
    if (!ctx.hooks.openExternalAfterConfirm) return { opened: false };
    return { opened: await ctx.hooks.openExternalAfterConfirm(safe) };
  },
});

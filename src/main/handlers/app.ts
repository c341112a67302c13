import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import { AppFault, type Handlers } from '../ipc/dispatch';
import type { ServiceContext } from './context';

/** Only these leave the app; anything else (file:, javascript:, custom schemes) could run something locally. */
export const isAllowedExternalUrl = (raw: string): boolean => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return true;
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
};

export const createAppHandlers = (
  ctx: Pick<ServiceContext, 'hooks'>,
): Pick<Handlers, 'app.info' | 'app.openExternal'> => ({
  'app.info': () =>
    Promise.resolve({ version: ctx.hooks.appVersion, mode: ctx.hooks.mode, platform: process.platform }),
  'app.openExternal': async ({ url }) => {
    if (!isAllowedExternalUrl(url)) {
      throw new AppFault({ code: APP_ERROR_CODES.invalidRequest, message: 'Kun https- og mailto-links kan åbnes.' });
    }
    // Browser mode has no hook: the page opens the link itself after its own confirmation.
    if (!ctx.hooks.openExternalAfterConfirm) return { opened: false };
    return { opened: await ctx.hooks.openExternalAfterConfirm(url) };
  },
});

import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { APP_ERROR_CODES, type Envelope } from '../../shared/ipc/app-error';
import { channelNames, ipcChannelOf } from '../../shared/ipc/contract';
import { IPC_EVENT_CHANNEL } from '../../shared/ipc/events';
import type { Dispatch } from '../ipc/dispatch';
import type { EventHub } from '../services/platform';

export interface IpcTransportOptions {
  dispatch: Dispatch;
  /** The app's own windows (only their main frames may call). */
  windows: () => readonly BrowserWindow[];
  /** app:// origin, or the dev server in development. */
  isAppUrl: (url: string) => boolean;
}

const FORBIDDEN: Envelope<never> = {
  ok: false,
  error: { code: APP_ERROR_CODES.forbiddenSender, message: 'Forespørgslen kom ikke fra programmets eget vindue' },
};

/**
 * A call is trusted only when it comes from the top frame of one of the app's windows while that frame shows the
 * app itself: an iframe (received mail) or a page that somehow navigated elsewhere gets nothing.
 */
export const isTrustedSender = (
  event: IpcMainInvokeEvent,
  options: Pick<IpcTransportOptions, 'windows' | 'isAppUrl'>,
): boolean => {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const owner = options.windows().find((w) => !w.isDestroyed() && w.webContents.id === event.sender.id);
  if (!owner) return false;
  const main = owner.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  return options.isAppUrl(frame.url);
};

/** One `ipcMain.handle` per contract channel; returns a function that removes them again. */
export const registerIpcTransport = (options: IpcTransportOptions): (() => void) => {
  for (const channel of channelNames) {
    ipcMain.handle(ipcChannelOf(channel), async (event, payload: unknown) => {
      if (!isTrustedSender(event, options)) return FORBIDDEN;
      return options.dispatch(channel, payload, { transport: 'electron' });
    });
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(ipcChannelOf(channel));
  };
};

/** Pushes every service event to every open app window that still shows the app. */
export const forwardEvents = (
  events: EventHub,
  windows: () => readonly BrowserWindow[],
  isAppUrl: (url: string) => boolean,
): (() => void) =>
  events.subscribe((event) => {
    for (const win of windows()) {
      if (!win.isDestroyed() && isAppUrl(win.webContents.getURL())) win.webContents.send(IPC_EVENT_CHANNEL, event);
    }
  });

import { APP_ERROR_CODES } from '../shared/ipc/app-error';
import type { Invoke, Subscribe } from '../shared/ipc/client-api';
import { ipcChannelOf, isChannelName } from '../shared/ipc/contract';
import { IPC_EVENT_CHANNEL, parseAppEvent } from '../shared/ipc/events';

/** The slice of ipcRenderer the transport uses (tests pass a fake). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface PreloadTransport {
  invoke: Invoke;
  subscribe: Subscribe;
}

/**
 * Contract channels only; the listener gets the event payload and never the IpcRendererEvent (whose `sender` is
 * ipcRenderer itself). Events are parsed with the contract's schema here, on the page's doorstep, so a malformed one
 * is dropped before any page code sees it.
 */
export const createPreloadTransport = (ipc: IpcRendererLike): PreloadTransport => ({
  invoke: async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: APP_ERROR_CODES.unknownChannel, message: 'Ukendt kanal' } };
    }
    return ipc.invoke(ipcChannelOf(channel), payload);
  },
  subscribe: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const handler = (_event: unknown, data: unknown): void => {
      const appEvent = parseAppEvent(data);
      if (appEvent) listener(appEvent);
    };
    ipc.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipc.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
});

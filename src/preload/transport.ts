import { APP_ERROR_CODES } from '../shared/ipc/app-error';
import type { Invoke, Subscribe } from '../shared/ipc/client-api';
import { isChannelName } from '../shared/ipc/contract';
import type { AppEvent } from '../shared/ipc/events';

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
 * Contract channels only, prefixed `dp:`; the listener gets the event payload and never the IpcRendererEvent
 * (whose `sender` is ipcRenderer itself).
 */
export const createPreloadTransport = (ipc: IpcRendererLike): PreloadTransport => ({
  invoke: async (channel, payload) => {
    if (typeof channel !== 'string' || !isChannelName(channel)) {
      return { ok: false, error: { code: APP_ERROR_CODES.unknownChannel, message: 'Ukendt kanal' } };
    }
    return ipc.invoke(`dp:${channel}`, payload);
  },
  subscribe: (listener) => {
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const handler = (_event: unknown, appEvent: unknown): void => listener(appEvent as AppEvent);
    ipc.on('dp:event', handler);
    return () => {
      ipc.removeListener('dp:event', handler);
    };
  },
});

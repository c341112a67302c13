import { contextBridge, ipcRenderer } from 'electron';
import { createPreloadTransport, type IpcRendererLike } from './transport';

/**
 * Exposes a two-function transport, not `window.digitalPost` itself: errors thrown across the contextBridge arrive
 * as bare `Error(message)` (the typed AppError and its code are dropped), so the client API has to be built on the
 * page's side, where `AppErrorException` survives. src/renderer/bridge/browser-bridge.ts does that before the first
 * render. ipcRenderer itself is never exposed.
 */
contextBridge.exposeInMainWorld(
  'digitalPostTransport',
  createPreloadTransport(ipcRenderer as unknown as IpcRendererLike),
);

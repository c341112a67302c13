import type { DigitalPostApi } from '../../shared/ipc/contract';
import type { Invoke, Subscribe } from '../../shared/ipc/client-api';

declare global {
  interface Window {
    /** The app's whole API to main; installed by installBrowserBridgeIfNeeded() before the first render. */
    digitalPost: DigitalPostApi;
    /** Electron only: the preload's raw transport (see src/preload/index.ts); the page builds digitalPost on it. */
    digitalPostTransport?: { invoke: Invoke; subscribe: Subscribe };
  }
}

export {};

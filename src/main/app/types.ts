import type { WindowState } from '../../shared/ipc/channels/auth';
import type { PartialHandlers } from '../ipc/dispatch';
import type { DpClient } from '../services/dp-client/dp-client';
import type { EventHub, PlatformHooks } from '../services/platform';

/** What a transport (Electron IPC or the browser-mode bridge) needs from the composed app. */
export interface AppServices {
  /** The dispatcher answers `app.ipc.unknown-channel` for a channel without a handler, so a transport takes any map. */
  handlers: PartialHandlers;
  events: EventHub;
  /** The Digital Post API client of the current environment (benchmarks and handlers use it; never the renderer). */
  dp?: DpClient;
  /**
   * Whether closing the last window on Windows/Linux leaves the app running in the tray, so the poller keeps alerting.
   * Absent means yes; macOS keeps running in the dock either way.
   */
  keepRunningInTray?: () => boolean;
  /** The main window's remembered size, place and maximized state (kept in settings). */
  windowState?: { get(): WindowState | undefined; save(state: WindowState): Promise<void> };
  dispose(): Promise<void>;
}

export type CreateAppServices = (hooks: PlatformHooks) => Promise<AppServices>;

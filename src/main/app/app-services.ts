import { createHandlers, type ServiceContext } from '../handlers';
import type { ArchiveHandlerContext, ArchiveSession } from '../handlers/archive';
import { withOfflineReading } from '../handlers/archive/offline';
import type { Handlers } from '../ipc/dispatch';
import type { AuthService } from '../services/auth/auth-service';
import type { DpClient } from '../services/dp-client/dp-client';
import type { PlatformHooks } from '../services/platform';
import type { SettingsService } from '../services/settings';
import { buildServices, type AppServicesOptions } from './build-services';
import type { AppServices, CreateAppServices } from './types';

export type { AppServicesOptions } from './build-services';
export type { AppServices, CreateAppServices } from './types';

export interface DesktopServices extends AppServices {
  handlers: Handlers;
  dp: DpClient;
  auth: AuthService;
  settings: SettingsService;
  context: ServiceContext;
  archive: ArchiveSession;
}

/**
 * The one composition root: services first, then the handlers built on them, then what the transports need. Both
 * entry points (Electron and browser mode), the e2e helper and the benchmarks start the app here.
 */
export const createDesktopServices = async (
  hooks: PlatformHooks,
  options: AppServicesOptions = {},
): Promise<DesktopServices> => {
  const services = await buildServices(hooks, options);
  const { events, settings, auth, dp, alerts, journal, archive } = services;
  const context: ServiceContext & { journal: typeof journal; archive: ArchiveHandlerContext } = {
    api: dp,
    auth,
    settings,
    events,
    hooks,
    alerts,
    journal,
    archive: { archive, events, ...(hooks.exportTarget ? { picker: hooks.exportTarget } : {}) },
  };
  return {
    handlers: withOfflineReading(createHandlers(context), archive, events),
    events,
    dp,
    auth,
    settings,
    context,
    archive,
    // Read on every window close, so a change in the settings dialog applies without a restart. The settings service
    // always fills in the platform default; were it ever missing, quitting beats an app left running unseen.
    keepRunningInTray: () => settings.get().keepRunningInTray === true,
    windowState: {
      get: () => settings.get().window,
      save: async (window) => void (await settings.update({ window })),
    },
    dispose: () => services.dispose(),
  };
};

export const createAppServices: CreateAppServices = (hooks) => createDesktopServices(hooks);

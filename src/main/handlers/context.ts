import type { AlertService } from '../services/alerts/alert-service';
import type { AuthService } from '../services/auth/auth-service';
import type { DpClient } from '../services/dp-client/dp-client';
import type { EventHub, PlatformHooks } from '../services/platform';
import type { SettingsService } from '../services/settings';

/** What every handler file (auth, app, mail, compose, notify) is built from. */
export interface ServiceContext {
  /** Digital Post REST API of the current environment (rate limited, Bearer from `auth`, typed errors). */
  api: DpClient;
  auth: AuthService;
  settings: SettingsService;
  events: EventHub;
  hooks: PlatformHooks;
  /** New-post alerts (poller, per-mailbox on/off, focus); absent in tests that do not need them. */
  alerts?: AlertService;
}

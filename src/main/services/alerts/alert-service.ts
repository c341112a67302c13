import type { AuthService } from '../auth/auth-service';
import type { DpClient } from '../dp-client/dp-client';
import type { EventHub, PlatformHooks } from '../platform';
import { AlertPoller, DEFAULT_ALERT_INTERVAL_MS } from './poller';
import type { AlertPrefs } from './prefs';

export interface AlertService {
  readonly intervalMs: number;
  readonly prefs: AlertPrefs;
  setFocus(mailboxId: string | null, focused: boolean): void;
  /** Follows the session: polls while logged in, stops (badge cleared) on logout. */
  sync(): Promise<void>;
  dispose(): void;
}

/** `DP_ALERT_INTERVAL_MS` lets tests poll quickly; anything unreadable means the default. */
export const alertIntervalFrom = (env: Record<string, string | undefined>): number => {
  const raw = Number(env.DP_ALERT_INTERVAL_MS);
  return Number.isFinite(raw) && raw > 0 ? raw : DEFAULT_ALERT_INTERVAL_MS;
};

export const createAlertService = (deps: {
  api: DpClient;
  auth: Pick<AuthService, 'status'>;
  events: EventHub;
  hooks: PlatformHooks;
  prefs: AlertPrefs;
  intervalMs?: number;
  log?: (msg: string, err?: unknown) => void;
}): AlertService => {
  const poller = new AlertPoller({
    api: deps.api,
    events: deps.events,
    hooks: deps.hooks,
    prefs: deps.prefs,
    intervalMs: deps.intervalMs ?? alertIntervalFrom(deps.hooks.env ?? process.env),
    ...(deps.log ? { log: deps.log } : {}),
  });
  let disposed = false;
  const sync = async (): Promise<void> => {
    const loggedIn = await deps.auth.status().then(
      (s) => s.loggedIn,
      () => false,
    );
    if (disposed) return;
    if (loggedIn) poller.start();
    else if (poller.isRunning) poller.stop();
  };
  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type === 'auth.changed') void sync();
  });
  return {
    intervalMs: poller.intervalMs,
    prefs: deps.prefs,
    setFocus: (mailboxId, focused) => poller.setFocus(mailboxId, focused),
    sync,
    dispose() {
      disposed = true;
      unsubscribe();
      if (poller.isRunning) poller.stop();
    },
  };
};

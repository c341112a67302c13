import type { EnvironmentName } from '../../shared/ipc/channels/auth';
import { createComposeJournal } from '../handlers/compose/context';
import { createAlertService, type AlertService } from '../services/alerts/alert-service';
import { loadAlertPrefs } from '../services/alerts/prefs';
import { createAuthService, type AuthService, type SecretPurpose } from '../services/auth/auth-service';
import { createDpClient, type DpClient } from '../services/dp-client/dp-client';
import { TokenBucket } from '../services/dp-client/token-bucket';
import type { PersonJournal } from '../services/drafts/person-journal';
import { createEnvironmentResolver, type SandboxStarter } from '../services/environments';
import { ArchiveSession, type ArchiveOwner } from '../handlers/archive/archive-session';
import { archiveFilePath, archiveKeyAccount } from '../services/archive';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createEventHub } from '../services/event-hub';
import { forgetLetterCopies, removeTempFilesAtLogout } from '../services/files/temp-cleanup';
import type { EventHub, PlatformHooks } from '../services/platform';
import { createSecretStore, type KeytarLike, type SecretStore } from '../services/secret-store';
import { createSettings, type SettingsService } from '../services/settings';

/** Besides the auth service's secrets, the key the draft journal is sealed with (one per environment). */
type StorePurpose = SecretPurpose | 'journal-key';

/** Seams for tests and benchmarks; the app itself passes none. */
export interface AppServicesOptions {
  fetch?: typeof fetch;
  secretStoreFor?: (env: EnvironmentName, purpose: StorePurpose) => Promise<SecretStore>;
  keytarLoader?: (() => Promise<KeytarLike>) | null;
  startSandbox?: SandboxStarter;
  loginTimeoutMs?: number;
  renewLeadMs?: number;
  revocationRetryMs?: number;
  /** First wait before a session started offline tries its refresh again. */
  offlineRetryMs?: number;
  log?: (msg: string, err?: unknown) => void;
  /** The OS the tray setting's default is decided for. */
  platform?: NodeJS.Platform;
  /** The key store of one person's local archive (default: the OS store, one entry per person and environment). */
  archiveKeyStoreFor?: (owner: ArchiveOwner) => Promise<SecretStore>;
}

/** Every plain-Node service of one app instance, wired to each other; the handlers are built on top of these. */
export interface CoreServices {
  events: EventHub;
  settings: SettingsService;
  auth: AuthService;
  dp: DpClient;
  alerts: AlertService;
  journal: PersonJournal;
  /** The logged-in person's local archive (opened after login, closed at logout). */
  archive: ArchiveSession;
  dispose(): Promise<void>;
}

/** The in-process sandbox is loaded only when used, so a real-environment run never starts it. */
const defaultStartSandbox: SandboxStarter = async () => {
  const { startSandbox } = await import('../../sandbox/server');
  return startSandbox({ port: 0 });
};

export const buildServices = async (hooks: PlatformHooks, options: AppServicesOptions = {}): Promise<CoreServices> => {
  const env = hooks.env ?? process.env;
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));
  const events = createEventHub();
  const settings = await createSettings(hooks.userDataDir, log, options.platform ? { platform: options.platform } : {});
  const resolver = createEnvironmentResolver({
    settings: () => settings.get(),
    env,
    startSandbox: options.startSandbox ?? defaultStartSandbox,
  });
  const secretStoreFor =
    options.secretStoreFor ??
    ((envName: EnvironmentName, purpose: StorePurpose) =>
      createSecretStore({
        userDataDir: hooks.userDataDir,
        account: `${purpose}.${envName}`,
        ...(env.DP_KEYCHAIN_SERVICE ? { service: env.DP_KEYCHAIN_SERVICE } : {}),
        ...(hooks.safeStorage ? { safeStorage: hooks.safeStorage } : {}),
        ...(options.keytarLoader !== undefined ? { keytarLoader: options.keytarLoader } : {}),
        log,
      }));

  const archiveDir = join(hooks.userDataDir, 'archive');
  const auth = createAuthService({
    resolver,
    environment: settings.get().environment,
    secretStoreFor,
    events,
    hooks,
    ...(hooks.redirects ? { redirects: hooks.redirects } : {}),
    log,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.loginTimeoutMs ? { loginTimeoutMs: options.loginTimeoutMs } : {}),
    ...(options.renewLeadMs ? { renewLeadMs: options.renewLeadMs } : {}),
    ...(options.revocationRetryMs ? { revocationRetryMs: options.revocationRetryMs } : {}),
    ...(options.offlineRetryMs ? { offlineRetryMs: options.offlineRetryMs } : {}),
    // Started with no network: someone with a local archive stays, reading it, until Digital Post answers again.
    offlineSession: (owner) => existsSync(archiveFilePath(archiveDir, owner.environment, owner.sub)),
  });

  // One bucket per environment: Digital Post's bucket follows the caller, and a switch means a different server.
  const buckets = new Map<EnvironmentName, TokenBucket>();
  const bucketFor = (name: EnvironmentName): TokenBucket => {
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = new TokenBucket()));
    return b;
  };
  let limiter = bucketFor(settings.get().environment);
  const dp = createDpClient({
    baseUrl: async () => (await auth.environment()).apiBaseUrl,
    tokens: auth,
    limiter: {
      acquire: (kind, priority) => limiter.acquire(kind, priority),
      complete: (h, charge) => limiter.complete(h, charge),
      penalize: (ms) => limiter.penalize(ms),
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    log,
  });

  settings.onChange(async (next, previous) => {
    if (next.environment !== previous.environment) {
      limiter = bucketFor(next.environment);
      await auth.switchEnvironment(next.environment);
    }
  });

  // New-post alerts poll while someone is logged in (auth.changed starts and stops them).
  const alerts = createAlertService({
    api: dp,
    auth,
    events,
    hooks,
    prefs: await loadAlertPrefs(hooks.userDataDir, log),
    log,
  });
  void auth
    .ready()
    .then(() => alerts.sync())
    .catch((err: unknown) => log('Alerts could not start', err));
  const stopTempCleanup = removeTempFilesAtLogout({
    events,
    loggedIn: async () => (await auth.status()).loggedIn,
    remove: forgetLetterCopies,
    log,
  });
  // Unsent words belong to the person who typed them: sealed per person and environment, offered to no one else.
  const journal = createComposeJournal({
    api: dp,
    userDataDir: hooks.userDataDir,
    owner: () => auth.owner(),
    keyStoreFor: (envName) => secretStoreFor(envName, 'journal-key'),
    log,
  });

  // One archive per person and environment, under its own key in the OS store (a memory store turns it off).
  const archive = new ArchiveSession({
    dir: archiveDir,
    api: dp,
    events,
    owner: () => auth.owner(),
    keyStoreFor:
      options.archiveKeyStoreFor ??
      ((owner) =>
        createSecretStore({
          userDataDir: hooks.userDataDir,
          account: archiveKeyAccount(owner.environment, owner.sub),
          ...(env.DP_KEYCHAIN_SERVICE ? { service: env.DP_KEYCHAIN_SERVICE } : {}),
          ...(hooks.safeStorage ? { safeStorage: hooks.safeStorage } : {}),
          ...(options.keytarLoader !== undefined ? { keytarLoader: options.keytarLoader } : {}),
          log,
        })),
    log,
  });
  const stopArchive = archive.follow(async () => (await auth.status()).loggedIn);

  return {
    events,
    settings,
    auth,
    dp,
    alerts,
    journal,
    archive,
    async dispose() {
      stopArchive();
      await archive.close();
      stopTempCleanup();
      alerts.dispose();
      await auth.dispose();
      await resolver.dispose();
    },
  };
};

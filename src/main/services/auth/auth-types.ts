import type { AuthStatus, EnvironmentName } from '../../../shared/ipc/channels/auth';
import type { AccessTokenSource } from '../dp-client/dp-client';
import type { EnvironmentResolver, ResolvedEnvironment } from '../environments';
import type { EventHub, PlatformHooks } from '../platform';
import type { SecretStore } from '../secret-store';
import type { RedirectSource } from './app-redirect';
import type { SecretPurpose } from './stored-session';

export interface AuthServiceOptions {
  resolver: EnvironmentResolver;
  environment: EnvironmentName;
  /** One store per environment and purpose (`refresh-token`, `pending-revocation`, `client-secret`). */
  secretStoreFor: (env: EnvironmentName, purpose: SecretPurpose) => Promise<SecretStore>;
  events: EventHub;
  hooks: Pick<PlatformHooks, 'openSystemBrowser' | 'appUrl'>;
  /** URLs of the app's private-use scheme handed over by the OS (Electron only). */
  redirects?: RedirectSource;
  fetch?: typeof fetch;
  loginTimeoutMs?: number;
  /** Renew this long before expiry (capped at a third of the token's lifetime). */
  renewLeadMs?: number;
  /** How often a pending revocation is retried while the app runs. */
  revocationRetryMs?: number;
  /**
   * Whether this person can be shown something without Digital Post (a local archive exists): then a start with no
   * network keeps the stored person as an offline session instead of dropping to the login screen.
   */
  offlineSession?: (owner: { environment: EnvironmentName; sub: string }) => Promise<boolean> | boolean;
  /** First wait before an offline session tries the refresh again; doubled per failure, up to a minute. */
  offlineRetryMs?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

export interface LoginResult {
  navigateTo?: string;
}

export interface AuthService extends AccessTokenSource {
  status(): Promise<AuthStatus>;
  login(options?: { oneTimeUse?: boolean }): Promise<LoginResult>;
  /** The running login's outcome (tests, browser mode); undefined when none is pending. */
  loginCompletion(): Promise<void> | undefined;
  cancelLogin(): boolean;
  logout(): Promise<{ loggedOut: true; revocationPending: boolean }>;
  /** Retries server-side logouts that failed while offline; true when none are left. */
  retryPendingRevocation(): Promise<boolean>;
  environment(): Promise<ResolvedEnvironment>;
  /** Drops the in-memory session (tokens stay stored for that environment) and restores the other one's. */
  switchEnvironment(env: EnvironmentName): Promise<void>;
  /** Whether a client secret is stored for test / prod; the secret itself never leaves main. */
  clientSecretStored(): Promise<{ test: boolean; prod: boolean }>;
  /** Stores (string) or removes (null) the client secret of a real environment in the SecretStore. */
  setClientSecret(env: 'test' | 'prod', secret: string | null): Promise<void>;
  /** Resolves when the start-up restore has finished. */
  ready(): Promise<void>;
  /** Who is logged in (the id token's `sub`) and where, for what is kept per person; undefined while nobody is. */
  owner(): Promise<{ environment: EnvironmentName; sub: string } | undefined>;
  dispose(): Promise<void>;
}

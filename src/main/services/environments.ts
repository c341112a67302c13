import type { ClientRegistration, EnvironmentName, Settings } from '../../shared/ipc/channels/auth';
import { SANDBOX_APP_REALM, SANDBOX_CLIENT_ID, SANDBOX_SCOPES } from '../../sandbox/client-registration';
import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import { AppFault } from '../errors';

/** Where one environment's OIDC provider and REST API live, and which client registration is used there. */
export interface ResolvedEnvironment {
  name: EnvironmentName;
  issuer: URL;
  /** Base of the view-client REST API, without a trailing slash (e.g. `https://test.digitalpost.dk/apis/v1`). */
  apiBaseUrl: string;
  registration: ClientRegistration;
  /** Plain http is only ever accepted for the local sandbox on loopback. */
  allowInsecure: boolean;
}

export interface RunningSandbox {
  url: string;
  close(): Promise<void>;
}

export type SandboxStarter = () => Promise<RunningSandbox>;

/** Hosts of §3.1: view clients use test.digitalpost.dk (test) and the gateway (prod), never api.*. */
export const REMOTE_HOSTS: Record<'test' | 'prod', string> = {
  test: 'https://test.digitalpost.dk',
  prod: 'https://gateway.digitalpost.dk',
};

export const ISSUER_PATH = '/auth/v2/oauth';
export const API_PATH = '/apis/v1';

export const NO_REGISTRATION_CODE = APP_ERROR_CODES.noRegistration;

export const sandboxRegistration = (): ClientRegistration => ({
  clientId: SANDBOX_CLIENT_ID,
  idp: SANDBOX_APP_REALM,
  scopes: [...SANDBOX_SCOPES],
});

const isLoopback = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

const stripSlash = (s: string): string => s.replace(/\/+$/, '');

export const environmentFor = (
  name: EnvironmentName,
  baseUrl: string,
  registration: ClientRegistration,
): ResolvedEnvironment => {
  const base = stripSlash(baseUrl);
  const issuer = new URL(`${base}${ISSUER_PATH}`);
  return {
    name,
    issuer,
    apiBaseUrl: `${base}${API_PATH}`,
    registration,
    allowInsecure: issuer.protocol === 'http:' && isLoopback(issuer),
  };
};

export interface EnvironmentResolver {
  resolve(name: EnvironmentName): Promise<ResolvedEnvironment>;
  /** Stops a sandbox this resolver started itself. */
  dispose(): Promise<void>;
}

/**
 * The sandbox is either an existing one (`DP_SANDBOX_URL`, used by tests and e2e) or started in-process on first use;
 * test and prod need the user's own client registration from settings.
 */
export const createEnvironmentResolver = (options: {
  settings: () => Settings;
  env: Record<string, string | undefined>;
  startSandbox: SandboxStarter;
}): EnvironmentResolver => {
  let sandbox: Promise<RunningSandbox> | undefined;
  return {
    async resolve(name) {
      if (name === 'sandbox') {
        const external = options.env.DP_SANDBOX_URL;
        if (external) return environmentFor('sandbox', external, sandboxRegistration());
        sandbox ??= options.startSandbox();
        try {
          return environmentFor('sandbox', (await sandbox).url, sandboxRegistration());
        } catch (err) {
          sandbox = undefined;
          throw err;
        }
      }
      const registration = options.settings().registrations[name];
      if (!registration) {
        throw new AppFault({
          code: NO_REGISTRATION_CODE,
          message:
            'Angiv appens klientregistrering (klient-id, realm, scopes og redirect-URI) i indstillingerne før du logger ind.',
        });
      }
      return environmentFor(name, REMOTE_HOSTS[name], registration);
    },
    async dispose() {
      const running = sandbox;
      sandbox = undefined;
      if (running) await (await running.catch(() => undefined))?.close();
    },
  };
};

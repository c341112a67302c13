import type { EnvironmentName } from '../../../shared/ipc/channels/auth';
import type { SecretStore } from '../secret-store';

// What the auth service keeps in the SecretStore between runs, and how it reads it back without trusting it.

/** What the auth service keeps in the SecretStore, one entry per environment and purpose. */
export type SecretPurpose = 'refresh-token' | 'pending-revocation' | 'client-secret';

/** What is kept in the SecretStore for one environment: never the access token. */
export interface StoredSession {
  v: 1;
  refreshToken: string;
  /** Needed as id_token_hint for logout after a restart, and for the name when a refresh brings no new id token. */
  idToken?: string;
  /** Whose session it is (the id token's `sub`), so a login by someone else can revoke it first (§16.3.3). */
  sub?: string;
}

/** A logout whose server-side part could not be done yet (offline); retried later. */
export interface PendingRevocation {
  v: 1;
  refreshToken?: string;
  idToken?: string;
}

/** The claims of an id token we already verified when it was issued; only used to name and compare people. */
export const claimsOf = (idToken: string | undefined): Record<string, unknown> | undefined => {
  const payload = idToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** The `sub` of an id token we already verified when it was issued; only used to compare people. */
export const subjectOf = (idToken: string | undefined): string | undefined => {
  const sub = claimsOf(idToken)?.sub;
  return typeof sub === 'string' ? sub : undefined;
};

export const parseJson = <T>(raw: string | null, guard: (v: unknown) => boolean): T | null => {
  if (!raw) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return guard(v) ? (v as T) : null;
  } catch {
    return null;
  }
};

export const isStoredSession = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && typeof (v as StoredSession).refreshToken === 'string';

/** One store per environment and purpose, opened once; a store that failed to open is tried again next time. */
export const cachedStores = (
  open: (env: EnvironmentName, purpose: SecretPurpose) => Promise<SecretStore>,
): ((env: EnvironmentName, purpose: SecretPurpose) => Promise<SecretStore>) => {
  const stores = new Map<string, Promise<SecretStore>>();
  return (env, purpose) => {
    const key = `${env}:${purpose}`;
    let s = stores.get(key);
    if (!s) {
      s = open(env, purpose);
      stores.set(key, s);
      s.catch(() => stores.delete(key));
    }
    return s;
  };
};

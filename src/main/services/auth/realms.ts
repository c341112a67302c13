import { ONE_TIME_USE_FALLBACK_REALM } from '../../../shared/dp/assumptions';

/** The OneTimeUse ("sessionless", no refresh token) realm that mirrors a regular realm, per the table of §16.3.4. */
const ONE_TIME_USE_BY_REALM: Record<string, string> = {
  nemlogin: 'nemloginOneTimeUse',
  'mit-dk-nemlogin': 'nemloginMitDkOneTimeUse',
  'e-boks-nemlogin': 'nemloginEboksOneTimeUse',
};

/** For a realm the table does not list: a guess, kept in assumptions.ts. */
export const FALLBACK_ONE_TIME_USE_REALM: string = ONE_TIME_USE_FALLBACK_REALM.values.fallback;

/**
 * The realm of a OneTimeUse login: what the registration names (`oneTimeUseIdp`) wins, then the §16.3.4 table for
 * the registered realm. A realm enrolled for this app and not in the table falls back to the public one.
 */
export const oneTimeUseRealm = (idp: string, override?: string): string => {
  if (override) return override;
  if (idp.endsWith('OneTimeUse')) return idp;
  return ONE_TIME_USE_BY_REALM[idp] ?? FALLBACK_ONE_TIME_USE_REALM;
};

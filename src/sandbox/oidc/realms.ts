import { SANDBOX_APP_REALM } from '../client-registration';

/** Regular realms of §16.3.4 and the eIDAS realm of §16.3.6, plus the realm enrolled for this app. */
export const REGULAR_REALMS: readonly string[] = [
  'nemlogin',
  'mit-dk-nemlogin',
  'e-boks-nemlogin',
  'eid',
  SANDBOX_APP_REALM,
];

/** The "sessionless" OneTimeUse realms of §16.3.4: no SSO session, no refresh token. */
export const ONE_TIME_USE_REALMS: readonly string[] = [
  'nemloginOneTimeUse',
  'nemloginMitDkOneTimeUse',
  'nemloginEboksOneTimeUse',
];

export const isKnownRealm = (idp: unknown): idp is string =>
  typeof idp === 'string' && (REGULAR_REALMS.includes(idp) || ONE_TIME_USE_REALMS.includes(idp));

export const isOneTimeUseRealm = (idp: unknown): boolean =>
  typeof idp === 'string' && ONE_TIME_USE_REALMS.includes(idp);

/**
 * The OneTimeUse ("sessionless", no refresh token) realm that mirrors a regular realm, per the table of §16.3.4.
 * A realm enrolled for this app (or any realm not in that table) uses the public view clients' OneTimeUse realm.
 */
const ONE_TIME_USE_BY_REALM: Record<string, string> = {
  nemlogin: 'nemloginOneTimeUse',
  'mit-dk-nemlogin': 'nemloginMitDkOneTimeUse',
  'e-boks-nemlogin': 'nemloginEboksOneTimeUse',
};

export const oneTimeUseRealm = (idp: string): string =>
  idp.endsWith('OneTimeUse') ? idp : (ONE_TIME_USE_BY_REALM[idp] ?? 'nemloginOneTimeUse');

import { describe, expect, it } from 'vitest';
import { oneTimeUseRealm } from './realms';

describe('oneTimeUseRealm', () => {
  it('follows the §16.3.4 table', () => {
    expect(oneTimeUseRealm('nemlogin')).toBe('nemloginOneTimeUse');
    expect(oneTimeUseRealm('mit-dk-nemlogin')).toBe('nemloginMitDkOneTimeUse');
    expect(oneTimeUseRealm('e-boks-nemlogin')).toBe('nemloginEboksOneTimeUse');
  });

  it('takes the registration’s own OneTimeUse realm over the table, and keeps a realm that already is one', () => {
    expect(oneTimeUseRealm('mit-dk-nemlogin', 'vendorOneTimeUse')).toBe('vendorOneTimeUse');
    expect(oneTimeUseRealm('nemloginEboksOneTimeUse')).toBe('nemloginEboksOneTimeUse');
  });

  it('uses the public view clients’ realm for a realm the table does not list', () => {
    expect(oneTimeUseRealm('digital-post-desktop')).toBe('nemloginOneTimeUse');
  });
});

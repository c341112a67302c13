import type { Identity } from './identity';

/**
 * The sandbox's test identities. All fictitious: the CPR numbers are chosen so that they fail the old modulus-11
 * check, and the CVR is not a registered company.
 *
 * `authorities` and `dppriv` follow §16.3.1 in spirit; the document fixes no spelling for them, so the sandbox
 * uses role names for `authorities` and a compact `TYPE:target` list separated by spaces for `dppriv`, where the
 * target is the identity id (or `cvr-<CVR>` for a company mailbox).
 */
export const SANDBOX_IDENTITIES: readonly Identity[] = Object.freeze([
  {
    id: 'lone',
    name: 'Lone Defaultssen',
    kind: 'citizen',
    cpr: '0101701231',
    dpiid: '5f0c3a2e-6a3b-4d1e-9c7a-1b2d3e4f5a61',
    authorities: ['CITIZEN', 'OWNER', 'FULL_POWER_OF_ATTORNEY'],
    dppriv: 'OWNER:lone FULL_POWER_OF_ATTORNEY:karl',
  },
  {
    id: 'karl',
    name: 'Karl Testersen',
    kind: 'citizen',
    cpr: '0202501232',
    dpiid: '8b7e2d41-0c9f-4e3a-a5b6-2c3d4e5f6a72',
    authorities: ['CITIZEN', 'OWNER'],
    dppriv: 'OWNER:karl',
  },
  {
    id: 'mette',
    name: 'Mette Medarbejdersen',
    kind: 'employee',
    cpr: '0303801233',
    dpiid: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e83',
    cvr: '99887766',
    authorities: ['EMPLOYEE', 'MAILBOX_ACCESS'],
    dppriv: 'MAILBOX_ACCESS:cvr-99887766',
  },
] satisfies Identity[]);

export const findIdentity = (identities: readonly Identity[], id: string): Identity | undefined =>
  identities.find((identity) => identity.id === id);

export const findIdentityByDpiid = (identities: readonly Identity[], dpiid: string): Identity | undefined =>
  identities.find((identity) => identity.dpiid === dpiid);

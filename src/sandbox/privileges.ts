import type { Identity } from './identity';

/** One entry of an identity's `dppriv` (see identities.ts for the sandbox's compact `TYPE:target` spelling). */
export interface Privilege {
  type: string;
  /** An identity id (that citizen's mailbox) or `cvr-<CVR>` (a company mailbox). */
  target: string;
}

export const privilegesOf = (identity: Identity): Privilege[] =>
  identity.dppriv
    .split(/\s+/)
    .filter((entry) => entry.includes(':'))
    .map((entry) => {
      const at = entry.indexOf(':');
      return { type: entry.slice(0, at), target: entry.slice(at + 1) };
    });

/** Whether a privilege is on the mailbox of this owner (citizen identity id, or company CVR). */
export const privilegeCovers = (
  privilege: Privilege,
  owner: { ownerIdentityId?: string; ownerType: string; ownerId: string },
): boolean =>
  privilege.target.startsWith('cvr-')
    ? owner.ownerType === 'COMPANY' && owner.ownerId === privilege.target.slice(4)
    : owner.ownerIdentityId === privilege.target;

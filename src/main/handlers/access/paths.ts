// Paths of the event log (§7), the identity registry (§9) and the access request registry (§11) under the API base.
// Ids are already limited by the contract's Id schema; they are encoded anyway so none can reach another segment.
const seg = encodeURIComponent;

export const eventsPath = (): string => 'events/';
export const trusteesPath = (): string => 'mailboxes/trustees';
export const identityGroupsPath = (): string => 'identity-groups/';
export const directPrivilegePath = (id: string): string => `privileges/direct/${seg(id)}`;
export const accessRequestsPath = (): string => 'access-requests/';
export const accessRequestPath = (id: string): string => `access-requests/${seg(id)}`;
export const messagePathOf = (mailboxId: string, messageId: string): string =>
  `mailboxes/${seg(mailboxId)}/messages/${seg(messageId)}`;

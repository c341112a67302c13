// API paths of the registry endpoints this domain uses (§6.2 accesses, §4 contacts). Ids are limited by the
// contract's Id schema; they are encoded anyway so no id can reach another path segment.
const seg = encodeURIComponent;

export const mailboxPath = (mailboxId: string): string => `mailboxes/${seg(mailboxId)}`;
export const accessPath = (mailboxId: string, accessId: string): string =>
  `${mailboxPath(mailboxId)}/accesses/${seg(accessId)}`;
export const smsVerificationPath = (mailboxId: string, accessId: string, subscriptionId: string): string =>
  `${accessPath(mailboxId, accessId)}/subscriptions/${seg(subscriptionId)}/verification`;
export const contactsPath = (): string => 'contacts/';
export const contactPath = (contactId: string): string => `contacts/${seg(contactId)}`;
export const nemSmsVerificationPath = (contactId: string, subscriptionId: string): string =>
  `${contactPath(contactId)}/verifications/${seg(subscriptionId)}`;

// The view-client API paths under the base URL (§6.1–6.6, §5.4, §4), one function per resource, for every caller in
// main. Ids are already limited by the contract's Id schema; encoding them anyway means no id can ever reach another
// path segment.
const seg = encodeURIComponent;

export const mailboxesPath = (): string => 'mailboxes/';
export const mailboxPath = (mailboxId: string): string => `mailboxes/${seg(mailboxId)}`;

export const foldersPath = (mailboxId: string): string => `${mailboxPath(mailboxId)}/folders/`;
export const folderPath = (mailboxId: string, folderId: string): string => `${foldersPath(mailboxId)}${seg(folderId)}`;
export const folderSummaryPath = (mailboxId: string): string => `${foldersPath(mailboxId)}summary/`;
export const senderInformationPath = (mailboxId: string): string => `${mailboxPath(mailboxId)}/sender-information/`;

export const messagesPath = (mailboxId: string): string => `${mailboxPath(mailboxId)}/messages/`;
export const messagePath = (mailboxId: string, messageId: string): string =>
  `${messagesPath(mailboxId)}${seg(messageId)}`;
export const sendPath = (mailboxId: string, messageId: string): string => `${messagePath(mailboxId, messageId)}/send`;
export const replyPath = (mailboxId: string, messageId: string): string => `${messagePath(mailboxId, messageId)}/reply`;
export const forwardPath = (mailboxId: string, messageId: string): string =>
  `${messagePath(mailboxId, messageId)}/forward`;

export const documentsPath = (mailboxId: string, messageId: string): string =>
  `${messagePath(mailboxId, messageId)}/documents/`;
export const documentPath = (mailboxId: string, messageId: string, documentId: string): string =>
  `${documentsPath(mailboxId, messageId)}${seg(documentId)}`;
export const filesPath = (mailboxId: string, messageId: string, documentId: string): string =>
  `${documentPath(mailboxId, messageId, documentId)}/files/`;
export const filePath = (mailboxId: string, messageId: string, documentId: string, fileId: string): string =>
  `${filesPath(mailboxId, messageId, documentId)}${seg(fileId)}`;
export const fileContentPath = (mailboxId: string, messageId: string, documentId: string, fileId: string): string =>
  `${filePath(mailboxId, messageId, documentId, fileId)}/content`;

/** The four ids that name one file of one letter. */
export interface FileAddress {
  mailboxId: string;
  messageId: string;
  documentId: string;
  fileId: string;
}

export const accessPath = (mailboxId: string, accessId: string): string =>
  `${mailboxPath(mailboxId)}/accesses/${seg(accessId)}`;
export const smsVerificationPath = (mailboxId: string, accessId: string, subscriptionId: string): string =>
  `${accessPath(mailboxId, accessId)}/subscriptions/${seg(subscriptionId)}/verification`;

export const contactsPath = (): string => 'contacts/';
export const contactPath = (contactId: string): string => `contacts/${seg(contactId)}`;
export const nemSmsVerificationPath = (contactId: string, subscriptionId: string): string =>
  `${contactPath(contactId)}/verifications/${seg(subscriptionId)}`;

export const contactPointsPath = (): string => 'contact-points/';
export const organisationsPath = (): string => 'organisations/';
export const organisationContactPointsPath = (organisationId: string): string =>
  `organisations/${seg(organisationId)}/contact-points/`;
export const organisationPath = (organisationId: string): string => `organisations/${seg(organisationId)}`;
export const organisationContactGroupsPath = (organisationId: string): string =>
  `organisations/${seg(organisationId)}/contact-groups/`;

/** The whitelist validator (§10.14.3); the policy goes in the query. */
export const validationsPath = (): string => 'validations/';

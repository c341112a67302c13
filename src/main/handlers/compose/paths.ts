// View-client API paths for writing post (§6.3–6.5, §5.4). Ids are restricted by the contract's Id schema; they are
// encoded anyway so no id can reach another path segment.
const seg = encodeURIComponent;

export const messagesPath = (mailboxId: string): string => `mailboxes/${seg(mailboxId)}/messages/`;
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
export const contactPointsPath = (): string => 'contact-points/';
export const organisationsPath = (): string => 'organisations/';
export const organisationContactPointsPath = (organisationId: string): string =>
  `organisations/${seg(organisationId)}/contact-points/`;

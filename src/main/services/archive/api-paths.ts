// The API paths the archive reads (§6.3–6.6), as the mail handlers build them; ids are encoded so none can reach
// another path segment. Kept here so this service does not depend on the handler layer.
const seg = encodeURIComponent;

export const messagesPath = (mailboxId: string): string => `mailboxes/${seg(mailboxId)}/messages/`;
export const messagePath = (mailboxId: string, messageId: string): string =>
  `${messagesPath(mailboxId)}${seg(messageId)}`;
export const fileContentPath = (mailboxId: string, messageId: string, documentId: string, fileId: string): string =>
  `${messagePath(mailboxId, messageId)}/documents/${seg(documentId)}/files/${seg(fileId)}/content`;

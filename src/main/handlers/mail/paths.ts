// API paths under the base URL (§6.1–6.6). Ids are already restricted by the contract's Id schema; encoding them
// anyway means no id can ever reach another path segment.
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

export interface FileAddress {
  mailboxId: string;
  messageId: string;
  documentId: string;
  fileId: string;
}

export const filePath = (f: FileAddress): string =>
  `${messagePath(f.mailboxId, f.messageId)}/documents/${seg(f.documentId)}/files/${seg(f.fileId)}`;
export const fileContentPath = (f: FileAddress): string => `${filePath(f)}/content`;

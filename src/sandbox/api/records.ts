import type { KnownDocumentType as DocumentType, KnownFolderType as FolderType } from '../../shared/dp/enums';
import type {
  AccessRecord,
  DocumentRecord,
  FileRecord,
  FolderRecord,
  MailStore,
  MessageRecord,
  PartyRecord,
} from './context';

// Factories for fresh records: one place decides the defaults a new draft, document, file or access gets (§6.9.3).

export const newFile = (
  store: MailStore,
  at: string,
  init: {
    encodingFormat: string;
    filename: string;
    language?: string;
    content?: FileRecord['content'];
    fileSize?: number;
  },
): FileRecord => ({
  id: store.newId(),
  version: 0,
  createdDateTime: at,
  lastUpdated: at,
  encodingFormat: init.encodingFormat,
  filename: init.filename,
  language: init.language ?? 'da',
  content: init.content ?? null,
  fileSize: init.fileSize ?? (Buffer.isBuffer(init.content) ? init.content.length : 0),
});

export const newDocument = (
  store: MailStore,
  at: string,
  documentType: DocumentType,
  label: string | undefined,
  files: FileRecord[],
): DocumentRecord => ({
  id: store.newId(),
  version: 0,
  createdDateTime: at,
  lastUpdated: at,
  documentType,
  ...(label !== undefined ? { label } : {}),
  files,
});

/** The empty main document a new draft or reply starts with, ready for content. */
export const emptyMainDocument = (store: MailStore, at: string): DocumentRecord =>
  newDocument(store, at, 'MAIN', 'Hoveddokument', [
    newFile(store, at, { encodingFormat: 'text/html', filename: 'hoveddokument.html', language: 'da' }),
  ]);

export const newParty = (
  store: MailStore,
  idValue: string,
  idType: PartyRecord['idType'],
  label?: string,
): PartyRecord => ({ id: store.newId(), version: 0, idValue, idType, ...(label !== undefined ? { label } : {}) });

export const newMessage = (
  store: MailStore,
  at: string,
  init: Pick<MessageRecord, 'mailboxId' | 'folderId' | 'messageState'> & Partial<MessageRecord>,
): MessageRecord => ({
  id: store.newId(),
  version: 0,
  createdDateTime: at,
  lastUpdated: at,
  messageType: 'REGULAR',
  messageDateTime: at,
  forward: false,
  reply: false,
  flag: false,
  read: false,
  legallyNotified: false,
  legalNotification: false,
  welcomeMessage: false,
  errorMessage: false,
  replyData: [],
  documents: [],
  userActivities: [],
  forwarded: false,
  visibleFrom: 0,
  ...init,
});

export const newFolder = (
  store: MailStore,
  at: string,
  mailboxId: string,
  folderType: FolderType,
  name: string,
  parentFolderId?: string,
): FolderRecord => ({
  id: store.newId(),
  version: 0,
  createdDateTime: at,
  lastUpdated: at,
  mailboxId,
  folderType,
  name,
  ...(parentFolderId !== undefined ? { parentFolderId } : {}),
});

export const STANDARD_FOLDER_NAMES: Record<Exclude<FolderType, 'USER_DEFINED'>, string> = {
  INBOX: 'Indbakke',
  DRAFTS: 'Kladder',
  SENT: 'Sendt',
  DELETED: 'Slettet',
};

/** An access as it starts: introduction not completed, no notification subscriptions (the seed adds its own). */
export const newAccess = (
  store: MailStore,
  at: string,
  init: Pick<AccessRecord, 'mailboxId' | 'identityId' | 'accessType'>,
): AccessRecord => ({
  id: store.newId(),
  version: 0,
  createdDateTime: at,
  lastUpdated: at,
  ...init,
  introductionCompleted: false,
  optOut: false,
  emailNotificationSubscriptions: [],
  smsNotificationSubscription: null,
  pushNotificationSubscriptions: [],
});

import type {
  AccessRecord,
  DocumentRecord,
  FileRecord,
  FolderRecord,
  MailboxRecord,
  MessageRecord,
  PartyRecord,
} from './context';
import { createHash } from 'node:crypto';
import { maskCpr } from './util';

/** A 32-character transaction id per resource version, as in the §6 examples; stable for the same version. */
const transactionIdOf = (id: string, version: number): string =>
  createHash('sha256')
    .update(`${id}:${version}`)
    .digest('base64')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(0, 32);

// Records → the JSON Digital Post returns. Every CPR is masked here (§6.8.2), so no route can leak one.

export const fileView = (file: FileRecord) => ({
  id: file.id,
  version: file.version,
  createdDateTime: file.createdDateTime,
  lastUpdated: file.lastUpdated,
  encodingFormat: file.encodingFormat,
  filename: file.filename,
  ...(file.language !== undefined ? { language: file.language } : {}),
  ...(file.content !== null ? { fileSize: file.fileSize } : {}),
});

export const documentView = (doc: DocumentRecord) => ({
  id: doc.id,
  version: doc.version,
  createdDateTime: doc.createdDateTime,
  lastUpdated: doc.lastUpdated,
  documentType: doc.documentType,
  ...(doc.label !== undefined ? { label: doc.label } : {}),
  files: doc.files.map(fileView),
  actions: [],
});

const senderView = (party: PartyRecord) => ({
  id: party.id,
  version: party.version,
  senderId: maskCpr(party.idValue),
  senderIdType: party.idType,
  ...(party.label !== undefined ? { label: party.label } : {}),
});

const recipientView = (party: PartyRecord) => ({
  id: party.id,
  version: party.version,
  recipientId: party.idType === 'CPR' ? maskCpr(party.idValue) : party.idValue,
  recipientIdType: party.idType,
  ...(party.label !== undefined ? { label: party.label } : {}),
  ...(party.contactPointId !== undefined ? { contactPointId: party.contactPointId } : {}),
});

export type MessageView = ReturnType<typeof messageView>;

export const messageView = (m: MessageRecord) => ({
  id: m.id,
  version: m.version,
  transactionId: transactionIdOf(m.id, m.version),
  mailboxId: m.mailboxId,
  folderId: m.folderId,
  createdDateTime: m.createdDateTime,
  lastUpdated: m.lastUpdated,
  messageDateTime: m.messageDateTime,
  messageType: m.messageType,
  messageState: m.messageState,
  ...(m.sendDateTime !== undefined ? { sendDateTime: m.sendDateTime } : {}),
  ...(m.label !== undefined ? { label: m.label } : {}),
  forward: m.forward,
  reply: m.reply,
  flag: m.flag,
  legallyNotified: m.legallyNotified,
  legalNotification: m.legalNotification,
  read: m.read,
  welcomeMessage: m.welcomeMessage,
  errorMessage: m.errorMessage,
  ...(m.note !== undefined ? { note: m.note } : {}),
  ...(m.sender ? { sender: senderView(m.sender) } : {}),
  ...(m.recipient ? { recipient: recipientView(m.recipient) } : {}),
  replyData: m.replyData.map((r) => ({ ...r })),
  documents: m.documents.map(documentView),
  ...(m.forwardData
    ? {
        forwardData: {
          ...m.forwardData,
          ...(m.forwardData.originalSender !== undefined
            ? { originalSender: maskCpr(m.forwardData.originalSender) }
            : {}),
          ...(m.forwardData.originalContentResponsible !== undefined
            ? { originalContentResponsible: maskCpr(m.forwardData.originalContentResponsible) }
            : {}),
        },
      }
    : {}),
  userActivities: m.userActivities.map((a) => ({ ...a })),
});

export const folderView = (f: FolderRecord) => ({
  id: f.id,
  version: f.version,
  transactionId: transactionIdOf(f.id, f.version),
  createdDateTime: f.createdDateTime,
  lastUpdated: f.lastUpdated,
  mailboxId: f.mailboxId,
  folderType: f.folderType,
  name: f.name,
  ...(f.parentFolderId !== undefined ? { parentFolderId: f.parentFolderId } : {}),
});

export const accessView = (a: AccessRecord) => ({
  id: a.id,
  version: a.version,
  createdDateTime: a.createdDateTime,
  lastUpdated: a.lastUpdated,
  accessType: a.accessType,
  mailboxId: a.mailboxId,
  introductionCompleted: a.introductionCompleted,
  optOut: a.optOut,
  smsNotificationSubscription: a.smsNotificationSubscription ? { ...a.smsNotificationSubscription } : null,
  emailNotificationSubscriptions: a.emailNotificationSubscriptions.map((s) => ({ ...s })),
  pushNotificationSubscriptions: a.pushNotificationSubscriptions.map((s) => ({ ...s })),
});

export const mailboxView = (mb: MailboxRecord, access: AccessRecord | undefined) => ({
  id: mb.id,
  version: mb.version,
  transactionId: transactionIdOf(mb.id, mb.version),
  createdDateTime: mb.createdDateTime,
  lastUpdated: mb.lastUpdated,
  ownerType: mb.ownerType,
  ownerName: mb.ownerName,
  ownerId: maskCpr(mb.ownerId),
  statusType: mb.statusType,
  statusDate: mb.statusDate,
  ...(access ? { access: accessView(access) } : {}),
});

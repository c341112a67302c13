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
import {
  ACCESS_TYPES,
  DOCUMENT_TYPES,
  LEGAL_NOTIFICATION_MARKER,
  OPT_OUT_FLAG,
  OWNER_ID_FIELD,
  OWNER_NAME_FIELD,
  OWNER_TYPES,
  SMS_VERIFIED_FLAG,
  USER_ACTIVITY_TYPE_FIELD,
} from '../../shared/dp/assumptions';
import { maskCpr } from './util';

/** A 32-character transaction id per resource version, as in the §6 examples; stable for the same version. */
export const transactionIdOf = (id: string, version: number): string =>
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
  actions: doc.actions ?? [],
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

/** The sender's case data; a CPR in it is masked like every other (§6.8.2). */
const contentDataView = (data: Record<string, unknown>) => ({
  ...data,
  ...(typeof data.cprDataCprNumber === 'string' ? { cprDataCprNumber: maskCpr(data.cprDataCprNumber) } : {}),
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
  [LEGAL_NOTIFICATION_MARKER.value]: m.legalNotification,
  read: m.read,
  welcomeMessage: m.welcomeMessage,
  errorMessage: m.errorMessage,
  ...(m.note !== undefined ? { note: m.note } : {}),
  ...(m.sender ? { sender: senderView(m.sender) } : {}),
  ...(m.recipient ? { recipient: recipientView(m.recipient) } : {}),
  ...(m.memoCreatedDateTime !== undefined ? { memoCreatedDateTime: m.memoCreatedDateTime } : {}),
  replyData: m.replyData.map((r) => ({ ...r })),
  ...(m.contentData ? { contentData: contentDataView(m.contentData) } : {}),
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
  transactionId: transactionIdOf(a.id, a.version),
  accessType: a.accessType,
  mailboxId: a.mailboxId,
  introductionCompleted: a.introductionCompleted,
  [OPT_OUT_FLAG.value]: a.optOut,
  // The printed forms of opting out and of a verified number. The sandbox keeps no time of either, so the access's
  // creation stands in: a time that stays the same across saves, as the real one would.
  ...(a.optOut ? { optedOutOfNotificationsDateTime: a.createdDateTime } : {}),
  smsNotificationSubscription: a.smsNotificationSubscription
    ? {
        id: a.smsNotificationSubscription.id,
        version: a.smsNotificationSubscription.version,
        mobileNumber: a.smsNotificationSubscription.mobileNumber,
        unlistedNumber: a.smsNotificationSubscription.unlistedNumber,
        [SMS_VERIFIED_FLAG.value]: a.smsNotificationSubscription.verified,
        ...(a.smsNotificationSubscription.verified ? { confirmationTime: a.createdDateTime } : {}),
      }
    : null,
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
  [OWNER_NAME_FIELD.value]: mb.ownerName,
  [OWNER_ID_FIELD.value]: maskCpr(mb.ownerId),
  statusType: mb.statusType,
  statusDate: mb.statusDate,
  // No sandbox mailbox is served by a recipient system or exempt from Digital Post, as in the §8.5.1 example.
  recipientSystemAvailable: false,
  exempt: false,
  ...(access ? { access: accessView(access) } : {}),
});

// Spec-minimal mode (config.specMinimal): the same answers reduced to the keys the Technical Integration document
// prints, with every value it does not print spelled differently, so a client that leans on one of our guesses fails
// against it. It works on the finished JSON, so the sandbox's own logic stays the same in both modes.

const BASE = ['id', 'version', 'transactionId', 'createdDateTime', 'lastUpdated'];
/** Keys printed in the §6 examples (5676–6989) and §8.5.1 (8240–8320), per resource. */
export const PRINTED_KEYS = {
  mailbox: [...BASE, 'ownerType', 'statusType', 'statusDate', 'recipientSystemAvailable', 'exempt', 'access'],
  access: [
    ...BASE,
    'accessType',
    'mailboxId',
    'introductionCompleted',
    'optedOutOfNotificationsDateTime',
    'smsNotificationSubscription',
    'emailNotificationSubscriptions',
    'pushNotificationSubscriptions',
  ],
  sms: ['id', 'version', 'mobileNumber', 'unlistedNumber', 'confirmationTime'],
  email: ['id', 'version', 'email', 'confirmationTime'],
  push: ['id', 'version', 'providerType', 'deviceId', 'instanceId', 'tenantId', 'deviceToken'],
  message: [
    ...BASE,
    'mailboxId',
    'folderId',
    'messageType',
    'messageState',
    'messageDateTime',
    'memoCreatedDateTime',
    'sendDateTime',
    'label',
    'forward',
    'reply',
    'flag',
    'legallyNotified',
    'read',
    'welcomeMessage',
    'errorMessage',
    'note',
    'sender',
    'recipient',
    'replyData',
    'documents',
    'forwardData',
    'contentData',
    'userActivities',
  ],
  document: [...BASE, 'documentType', 'label', 'files', 'actions'],
  file: [...BASE, 'encodingFormat', 'filename', 'language', 'fileSize'],
  folder: [...BASE, 'mailboxId', 'folderType', 'name', 'parentFolderId'],
} as const;

/** Our guessed spellings → the minimal mode's, which no client could know. */
export const MINIMAL_SPELLINGS: Record<'documentType' | 'accessType' | 'ownerType', Record<string, string>> = {
  documentType: { [DOCUMENT_TYPES.values.ADDITIONAL]: 'BILAG_X', [DOCUMENT_TYPES.values.TECHNICAL]: 'TEKNISK_X' },
  accessType: {
    [ACCESS_TYPES.values.FULL_POWER_OF_ATTORNEY]: 'FULDMAGT_X',
    [ACCESS_TYPES.values.LEGAL_REPRESENTATIVE_READER]: 'PARTSREPRAESENTANT_X',
    [ACCESS_TYPES.values.ESTATE_ADMINISTRATOR]: 'BOBESTYRER_X',
    [ACCESS_TYPES.values.EMPLOYEE]: 'MEDARBEJDER_X',
  },
  ownerType: { [OWNER_TYPES.values.COMPANY]: 'VIRKSOMHED_X' },
};

type Json = unknown;
const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const pick = (o: Record<string, Json>, keys: readonly string[]): Record<string, Json> =>
  Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k)));

const respell = (o: Record<string, Json>): Record<string, Json> => {
  const out = { ...o };
  for (const [key, map] of Object.entries(MINIMAL_SPELLINGS)) {
    const v = out[key];
    if (typeof v === 'string' && map[v] !== undefined) out[key] = map[v];
  }
  return out;
};

/** Which resource an object of an answer is, by the keys only it carries. */
const kindOf = (o: Record<string, Json>): keyof typeof PRINTED_KEYS | undefined => {
  if ('ownerType' in o) return 'mailbox';
  if ('accessType' in o) return 'access';
  if ('messageType' in o) return 'message';
  if ('documentType' in o) return 'document';
  if ('folderType' in o) return 'folder';
  if ('encodingFormat' in o && 'filename' in o) return 'file';
  return undefined;
};

/** The activity's type sits under a field the document never names (USER_ACTIVITY_TYPE_FIELD). */
const renameActivityType = (o: Record<string, Json>): Record<string, Json> => {
  const { [USER_ACTIVITY_TYPE_FIELD.value]: type, ...rest } = o;
  return type === undefined ? rest : { ...rest, aktivitetstype_x: type };
};

/** No field of an action is printed (DOCUMENT_ACTION_SHAPE): every one comes under a name no client could guess. */
const respellAction = (o: Record<string, Json>): Record<string, Json> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [`${k}_x`, v]));

const minimalObject = (o: Record<string, Json>, parentKey: string | undefined): Record<string, Json> => {
  const kind =
    parentKey === 'smsNotificationSubscription'
      ? 'sms'
      : parentKey === 'emailNotificationSubscriptions'
        ? 'email'
        : parentKey === 'pushNotificationSubscriptions'
          ? 'push'
          : kindOf(o);
  const picked = kind ? pick(o, PRINTED_KEYS[kind]) : o;
  const kept =
    parentKey === 'userActivities'
      ? renameActivityType(picked)
      : parentKey === 'actions'
        ? respellAction(picked)
        : picked;
  const walked = Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, minimalValue(v, k)]));
  return respell(walked);
};

const minimalValue = (v: Json, parentKey?: string): Json => {
  if (Array.isArray(v)) return v.map((item) => minimalValue(item, parentKey));
  if (isObject(v)) return minimalObject(v, parentKey);
  return v;
};

/**
 * An answer as spec-minimal mode sends it. The folder summary and the sender information have no printed shape at
 * all, so their rows come under keys no client could guess and without the counts.
 */
export const specMinimalAnswer = (body: Json, path: string): Json => {
  if (/\/folders\/summary\/?$/.test(path) && isObject(body) && Array.isArray(body.folders)) {
    return { mappeoversigt_x: body.folders.map((row) => (isObject(row) ? { mappe_x: row.folderId } : row)) };
  }
  if (/\/sender-information\/?$/.test(path) && isObject(body)) {
    const rows = Array.isArray(body.senders) ? body.senders : [];
    return { afsenderoversigt_x: rows.map((row) => (isObject(row) ? { afsender_x: row.label } : row)) };
  }
  return minimalValue(body);
};

const INTERNAL_SPELLINGS = Object.fromEntries(
  Object.entries(MINIMAL_SPELLINGS).map(([key, map]) => [
    key,
    Object.fromEntries(Object.entries(map).map(([a, b]) => [b, a])),
  ]),
) as Record<string, Record<string, string>>;

/** A request body with the minimal mode's spellings turned back into the sandbox's own (PUT sends them back). */
export const fromSpecMinimal = (body: Json): Json => {
  if (Array.isArray(body)) return body.map(fromSpecMinimal);
  if (!isObject(body)) return body;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(body)) {
    const internal = typeof v === 'string' ? INTERNAL_SPELLINGS[k]?.[v] : undefined;
    out[k] = internal ?? fromSpecMinimal(v);
  }
  return out;
};

import type { SandboxConfig } from '../config';
import type { Identity } from '../identity';
import type {
  KnownAccessType as AccessType,
  KnownDocumentType as DocumentType,
  KnownFolderType as FolderType,
  KnownMessageState as MessageState,
  KnownOwnerType as OwnerType,
  RecipientIdType,
} from '../../shared/dp/enums';

// Shared in-memory state of the sandbox's Digital Post API. The mailbox-services part (messages, folders, documents,
// files, mailboxes) owns the store; the registry part (accesses, contacts, contact points, validations, outbox
// endpoints) reads and mutates the same records through this interface. Records are plain mutable objects: whoever
// changes one calls `store.touch(record)` so version/lastUpdated move together.

export interface VersionedRecord {
  id: string;
  version: number;
  createdDateTime: string;
  lastUpdated: string;
}

export interface MailboxRecord extends VersionedRecord {
  ownerType: OwnerType;
  ownerName: string;
  /** Unmasked CPR (citizen) or CVR (company). Mask CPRs before they leave the sandbox. */
  ownerId: string;
  /** Identity id of the owner (`lone`, `karl`) or undefined for a company mailbox. */
  ownerIdentityId?: string;
  statusType: string;
  statusDate: string;
}

export interface EmailSubscriptionRecord {
  id: string;
  version: number;
  email: string;
}
export interface SmsSubscriptionRecord {
  id: string;
  version: number;
  mobileNumber: string;
  unlistedNumber: boolean;
  verified: boolean;
}
export interface PushSubscriptionRecord {
  id: string;
  version: number;
  providerType: 'APN' | 'FCM';
  deviceId: string;
  instanceId?: string;
  tenantId?: string;
  deviceToken: string;
}

export interface AccessRecord extends VersionedRecord {
  mailboxId: string;
  /** Which sandbox identity this access belongs to. */
  identityId: string;
  accessType: AccessType;
  introductionCompleted: boolean;
  optOut: boolean;
  emailNotificationSubscriptions: EmailSubscriptionRecord[];
  smsNotificationSubscription: SmsSubscriptionRecord | null;
  pushNotificationSubscriptions: PushSubscriptionRecord[];
}

export interface FolderRecord extends VersionedRecord {
  mailboxId: string;
  folderType: FolderType;
  name: string;
  parentFolderId?: string;
}

export interface FileRecord extends VersionedRecord {
  encodingFormat: string;
  filename: string;
  language?: string;
  fileSize: number;
  /**
   * null until uploaded. Generated messages hold a function so a 20 000-message seed stays cheap; seeded PDFs are
   * rendered asynchronously (pdf-lib) and hold a promise-returning function until then.
   */
  content: Buffer | (() => Buffer | Promise<Buffer>) | null;
}

export interface DocumentRecord extends VersionedRecord {
  documentType: DocumentType;
  label?: string;
  files: FileRecord[];
  /** The sender's actions, in the guessed shape (assumptions.ts DOCUMENT_ACTION_SHAPE); none on what a client writes. */
  actions?: Record<string, unknown>[];
}

export interface PartyRecord {
  id: string;
  version: number;
  /** Unmasked id; masked on output when a CPR. */
  idValue: string;
  idType: RecipientIdType;
  label?: string;
  contactPointId?: string;
}

export interface ReplyDataRecord {
  id: string;
  version: number;
  parentMessageId?: string;
  childMessageId?: string;
  additionalReplyData?: Record<string, unknown>[];
}
export interface UserActivityRecord {
  id: string;
  version: number;
  userActivityType: 'REPLIED' | 'FORWARDED';
  activityDateTime: string;
  messageId?: string;
}

export interface MessageRecord extends VersionedRecord {
  mailboxId: string;
  folderId: string;
  messageType: string;
  messageState: MessageState;
  messageDateTime: string;
  sendDateTime?: string;
  label?: string;
  forward: boolean;
  reply: boolean;
  flag: boolean;
  read: boolean;
  legallyNotified: boolean;
  legalNotification: boolean;
  welcomeMessage: boolean;
  errorMessage: boolean;
  note?: string;
  sender?: PartyRecord;
  recipient?: PartyRecord;
  replyData: ReplyDataRecord[];
  documents: DocumentRecord[];
  /** The sender's case data as printed in §6.13.6 (contentData); kept as given, shown as received. */
  contentData?: Record<string, unknown>;
  /** When the memo behind a forward was created (§6.13.6). */
  memoCreatedDateTime?: string;
  forwardData?: {
    id: string;
    version: number;
    newMemoId: string;
    originalMessageId: string;
    originalSender?: string;
    originalContentResponsible?: string;
    comment?: string;
    originalMessageDateTime?: string;
  };
  userActivities: UserActivityRecord[];
  /** Set once forwarded by the mailbox holder: a message may be forwarded only once. */
  forwarded: boolean;
  /** When queries start seeing this version (config.queryLagMs). */
  visibleFrom: number;
}

export interface OutboxEntry {
  kind: 'email' | 'sms';
  /** E-mail address or mobile number. */
  to: string;
  subject?: string;
  body: string;
  sentAt: string;
  /** The message a forward or notification concerns. */
  messageId?: string;
  attachments?: { filename: string; encodingFormat: string; fileSize: number }[];
}

export interface Outbox {
  readonly entries: readonly OutboxEntry[];
  push(entry: Omit<OutboxEntry, 'sentAt'> & { sentAt?: string }): OutboxEntry;
  clear(): void;
}

export interface MailStore {
  readonly mailboxes: Map<string, MailboxRecord>;
  readonly accesses: Map<string, AccessRecord>;
  readonly folders: Map<string, FolderRecord>;
  readonly messages: Map<string, MessageRecord>;
  readonly outbox: Outbox;
  /** Accesses an identity holds (its own mailbox, powers of attorney, company mailboxes). */
  accessesOf(identityId: string): AccessRecord[];
  /** The access through which an identity may open a mailbox, if any. */
  accessFor(identityId: string, mailboxId: string): AccessRecord | undefined;
  /** Bump version and lastUpdated after a mutation. */
  touch(record: VersionedRecord): void;
  newId(): string;
}

export interface RegistryContext {
  config: SandboxConfig;
  identities: readonly Identity[];
  now: () => Date;
  store: MailStore;
}

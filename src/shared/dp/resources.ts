import { z } from 'zod';
import {
  AccessTypeSchema,
  DocumentTypeSchema,
  FolderTypeSchema,
  MessageStateSchema,
  OwnerTypeSchema,
  PushProviderTypeSchema,
  RecipientIdTypeSchema,
  SenderIdTypeSchema,
  UserActivityTypeSchema,
} from './enums';
import { LEGAL_NOTIFICATION_MARKER } from './assumptions';

// Digital Post resources as the view-client API returns them (§6, examples in §6.9–6.13 and §8.5.1).
// Objects are loose: unknown fields are kept, because PUT replaces a resource and a client that dropped a field it
// did not know would delete it on the server (REST conventions, lines 907–1270).

const id = z.string().min(1);
const dateTime = z.string();

export const ResourceBaseSchema = z.looseObject({
  id,
  version: z.number().int(),
  transactionId: z.string().optional(),
  createdDateTime: dateTime.optional(),
  lastUpdated: dateTime.optional(),
});

export const AddressSchema = z.looseObject({
  addressLabel: z.string().optional(),
  houseNumber: z.string().optional(),
  door: z.string().optional(),
  floor: z.string().optional(),
  co: z.string().optional(),
  zipCode: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
});

export const SenderSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  /** Masked as `DDMMYY****` when a CPR (§6.9.3). */
  senderId: z.string(),
  senderIdType: SenderIdTypeSchema,
  label: z.string().optional(),
});
export type Sender = z.infer<typeof SenderSchema>;

export const RecipientSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  recipientId: z.string(),
  recipientIdType: RecipientIdTypeSchema,
  label: z.string().optional(),
  contactPointId: z.string().optional(),
  attentionData: z.looseObject({}).optional(),
});
export type Recipient = z.infer<typeof RecipientSchema>;

export const FileSchema = ResourceBaseSchema.extend({
  encodingFormat: z.string(),
  filename: z.string(),
  language: z.string().optional(),
  fileSize: z.number().int().optional(),
});
export type DpFile = z.infer<typeof FileSchema>;

export const DocumentSchema = ResourceBaseSchema.extend({
  documentType: DocumentTypeSchema,
  label: z.string().optional(),
  files: z.array(FileSchema),
  actions: z.array(z.looseObject({})).optional(),
});
export type DpDocument = z.infer<typeof DocumentSchema>;

export const ReplyDataSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  childMessageId: z.string().optional(),
  parentMessageId: z.string().optional(),
  additionalReplyData: z.array(z.looseObject({})).optional(),
});

export const UserActivitySchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  /** The field's name is a guess (USER_ACTIVITY_TYPE_FIELD): without it the activity is kept, its kind unknown. */
  userActivityType: UserActivityTypeSchema.optional(),
  activityDateTime: dateTime.optional(),
  messageId: z.string().optional(),
});

export const ForwardDataSchema = z.looseObject({
  originalMessageId: z.string().optional(),
  originalSender: z.string().optional(),
  originalContentResponsible: z.string().optional(),
  comment: z.string().optional(),
  originalMessageDateTime: dateTime.optional(),
});

export const MessageSchema = ResourceBaseSchema.extend({
  mailboxId: id,
  folderId: id,
  messageType: z.string(),
  messageState: MessageStateSchema.optional(),
  messageDateTime: dateTime.optional(),
  sendDateTime: dateTime.optional(),
  label: z.string().optional(),
  forward: z.boolean(),
  reply: z.boolean(),
  flag: z.boolean(),
  /** Printed as false in most examples and null in one (§6.13): null reads as not notified. */
  legallyNotified: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  read: z.boolean(),
  welcomeMessage: z.boolean(),
  errorMessage: z.boolean(),
  note: z.string().optional(),
  sender: SenderSchema.optional(),
  recipient: RecipientSchema.optional(),
  replyData: z.array(ReplyDataSchema).optional(),
  documents: z.array(DocumentSchema).optional(),
  forwardData: ForwardDataSchema.optional(),
  contentData: z.looseObject({}).optional(),
  userActivities: z.array(UserActivitySchema).optional(),
});
export type Message = z.infer<typeof MessageSchema>;

export const FolderSchema = ResourceBaseSchema.extend({
  mailboxId: id.optional(),
  folderType: FolderTypeSchema,
  name: z.string(),
  parentFolderId: z.string().optional(),
});
export type Folder = z.infer<typeof FolderSchema>;

/**
 * One folder of the tree (from the documented folder list) with its message counts where the folder summary gave
 * them; the summary's shape is not printed (assumptions.ts, FOLDER_SUMMARY_SHAPE), so counts may be missing.
 */
export const FolderSummaryEntrySchema = z.looseObject({
  folderId: id,
  folderType: FolderTypeSchema,
  name: z.string(),
  parentFolderId: z.string().optional(),
  totalMessages: z.number().int().optional(),
  unreadMessages: z.number().int().optional(),
});
export type FolderSummaryEntry = z.infer<typeof FolderSummaryEntrySchema>;

export const EmailNotificationSubscriptionSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  email: z.string(),
  /** Printed (error codes access.emailNotificationSubscriptions.confirmationTime.*): when the address was confirmed. */
  confirmationTime: z.string().nullable().optional(),
});
export const SmsNotificationSubscriptionSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  mobileNumber: z.string(),
  unlistedNumber: z.boolean().optional(),
  /** Printed (error codes access.smsNotificationSubscription.confirmationTime.*): set once the number is verified. */
  confirmationTime: z.string().nullable().optional(),
  /** A guess kept as a fallback only (assumptions.ts, SMS_VERIFIED_FLAG). */
  verified: z.boolean().optional(),
});
export const PushNotificationSubscriptionSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  providerType: PushProviderTypeSchema,
  deviceId: z.string(),
  instanceId: z.string().optional(),
  tenantId: z.string().optional(),
  deviceToken: z.string(),
});

export const AccessSchema = ResourceBaseSchema.extend({
  accessType: AccessTypeSchema,
  mailboxId: id,
  introductionCompleted: z.boolean().optional(),
  /** Printed (error code access.optedOutOfNotificationsDateTime.isInAFuture): set while notifications are off. */
  optedOutOfNotificationsDateTime: z.string().nullable().optional(),
  /** A guess kept as a fallback only (assumptions.ts, OPT_OUT_FLAG). */
  optOut: z.boolean().optional(),
  smsNotificationSubscription: SmsNotificationSubscriptionSchema.nullable().optional(),
  emailNotificationSubscriptions: z.array(EmailNotificationSubscriptionSchema).optional(),
  pushNotificationSubscriptions: z.array(PushNotificationSubscriptionSchema).optional(),
});
export type Access = z.infer<typeof AccessSchema>;

export const MailboxSchema = ResourceBaseSchema.extend({
  ownerType: OwnerTypeSchema,
  /** Display name of the owner (citizen name or company name). */
  ownerName: z.string().optional(),
  /** Masked CPR or CVR of the owner. */
  ownerId: z.string().optional(),
  statusType: z.string().optional(),
  statusDate: z.string().optional(),
  recipientSystemAvailable: z.boolean().optional(),
  exempt: z.boolean().optional(),
  access: AccessSchema.optional(),
});
export type Mailbox = z.infer<typeof MailboxSchema>;

/** §3.3.3: a page of results under the resource's plural name, plus `next` for deep paging. */
export const searchResultSchema = <K extends string, T extends z.ZodType>(plural: K, item: T) =>
  z.looseObject({
    currentPage: z.number().int(),
    totalPages: z.number().int(),
    elementsOnPage: z.number().int(),
    totalElements: z.number().int(),
    next: z.string().optional(),
    [plural]: z.array(item),
  } as {
    currentPage: z.ZodNumber;
    totalPages: z.ZodNumber;
    elementsOnPage: z.ZodNumber;
    totalElements: z.ZodNumber;
    next: z.ZodOptional<z.ZodString>;
  } & Record<K, z.ZodArray<T>>);

/** The paging fields every SearchResult carries (§3.3.3). */
export interface SearchResultPaging {
  currentPage: number;
  totalPages: number;
  elementsOnPage: number;
  totalElements: number;
  next?: string;
}
/** A SearchResult whose items sit under the resource's plural name, e.g. `SearchPage<'messages', Message>`. */
export type SearchPage<K extends string, T> = SearchResultPaging & Record<K, T[]>;

/**
 * The message's state. Where Digital Post leaves `messageState` out, the folder tells it: only drafts sit in DRAFTS,
 * only sent messages in SENT and only received ones in INBOX (the move rules, §6.13.4). Elsewhere it is unknown.
 */
export const effectiveMessageState = (
  m: { messageState?: string | undefined; folderId: string },
  folderType: string | undefined,
): string | undefined =>
  m.messageState ??
  (folderType === 'DRAFTS'
    ? 'DRAFT'
    : folderType === 'SENT'
      ? 'SENT'
      : folderType === 'INBOX'
        ? 'RECEIVED'
        : undefined);

/** The assumed legal-notification marker (assumptions.ts); absent means "not known to be one", never "is not". */
export const isMarkedLegalNotification = (m: Message): boolean =>
  (m as Record<string, unknown>)[LEGAL_NOTIFICATION_MARKER.value] === true;

/** A document of any type but MAIN is an attachment, whatever Digital Post calls its type. */
export const isAttachmentDocument = (d: { documentType: string }): boolean => d.documentType !== 'MAIN';

/** Opted out of notifications: the printed timestamp decides; the boolean guess only where no timestamp field came. */
export const isOptedOut = (a: Pick<Access, 'optedOutOfNotificationsDateTime' | 'optOut'>): boolean =>
  a.optedOutOfNotificationsDateTime !== undefined ? a.optedOutOfNotificationsDateTime !== null : (a.optOut ?? false);

/** A verified SMS number: the printed confirmationTime decides; the boolean guess only where it is absent. */
export const isSmsConfirmed = (s: { confirmationTime?: string | null | undefined; verified?: boolean | undefined }) =>
  s.confirmationTime !== undefined && s.confirmationTime !== null ? true : (s.verified ?? false);

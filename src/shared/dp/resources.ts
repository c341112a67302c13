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
  userActivityType: UserActivityTypeSchema,
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
  legallyNotified: z.boolean(),
  /** True on messages that are legal notifications (forkyndelser); only those may be marked legallyNotified. */
  legalNotification: z.boolean().optional(),
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

/** One row of the folder summary: a folder with its message counts. */
export const FolderSummaryEntrySchema = z.looseObject({
  folderId: id,
  folderType: FolderTypeSchema,
  name: z.string(),
  parentFolderId: z.string().optional(),
  totalMessages: z.number().int(),
  unreadMessages: z.number().int(),
});
export type FolderSummaryEntry = z.infer<typeof FolderSummaryEntrySchema>;

export const EmailNotificationSubscriptionSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  email: z.string(),
});
export const SmsNotificationSubscriptionSchema = z.looseObject({
  id: id.optional(),
  version: z.number().int().optional(),
  mobileNumber: z.string(),
  unlistedNumber: z.boolean().optional(),
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

import { z } from 'zod';
import { IdSchema as Id } from '../ids';
import { channel, noInput } from '../define';
import { AccessTypeSchema, OwnerTypeSchema } from '../../dp/enums';
import { FolderSchema, FolderSummaryEntrySchema, MessageSchema } from '../../dp/resources';

// Reading post: mailboxes, folders, the message list, the message view, organising.
// Ids are bounded by `IdSchema` so a hostile renderer cannot smuggle paths.

const MailboxRef = { mailboxId: Id };

export const MailboxViewSchema = z.object({
  id: Id,
  version: z.number().int(),
  ownerType: OwnerTypeSchema,
  ownerName: z.string(),
  /** Masked CPR or CVR of the owner. */
  ownerId: z.string().optional(),
  accessType: AccessTypeSchema,
  /** The signed-in person's own mailbox. */
  own: z.boolean(),
  unread: z.number().int(),
  /** What this access allows (a reader gets no write actions). */
  canWrite: z.boolean(),
  canMoveToDeleted: z.boolean(),
  canManageNotifications: z.boolean(),
});
export type MailboxView = z.infer<typeof MailboxViewSchema>;

export const MessageSortSchema = z.strictObject({
  field: z.enum(['messageDateTime', 'label', 'sender.label']),
  direction: z.enum(['asc', 'desc']),
});

export const MessageQuerySchema = z.strictObject({
  ...MailboxRef,
  folderId: Id.optional(),
  /** Page size; the list asks for big pages and pages on with `next`. */
  size: z.number().int().min(1).max(10_000).optional(),
  page: z.number().int().min(0).optional(),
  next: z.string().max(4096).optional(),
  sort: MessageSortSchema.optional(),
  dateFrom: z.string().max(40).optional(),
  dateTo: z.string().max(40).optional(),
  /** Free text for Digital Post search (`any`); refused over 100 characters before any request. */
  search: z.string().max(1000).optional(),
  /** Only messages from this sender label (senders overview). */
  senderLabel: z.string().max(500).optional(),
});
export type MessageQuery = z.infer<typeof MessageQuerySchema>;

export const MessagePageSchema = z.object({
  messages: z.array(MessageSchema),
  totalElements: z.number().int(),
  next: z.string().optional(),
});

export const MessagePatchSchema = z.strictObject({
  read: z.boolean().optional(),
  flag: z.boolean().optional(),
  note: z.string().max(4000).optional(),
  folderId: Id.optional(),
  legallyNotified: z.literal(true).optional(),
});
export type MessagePatch = z.infer<typeof MessagePatchSchema>;

const FileRef = z.strictObject({ ...MailboxRef, messageId: Id, documentId: Id, fileId: Id });

export const SenderSummarySchema = z.object({
  senderId: z.string().optional(),
  label: z.string(),
  total: z.number().int(),
  unread: z.number().int(),
});

export const mailChannels = {
  'mailboxes.list': channel(noInput, z.object({ mailboxes: z.array(MailboxViewSchema) })),
  'folders.summary': channel(z.strictObject(MailboxRef), z.object({ folders: z.array(FolderSummaryEntrySchema) })),
  'folders.create': channel(
    z.strictObject({ ...MailboxRef, name: z.string().max(500), parentFolderId: Id.optional() }),
    FolderSchema,
  ),
  'folders.rename': channel(z.strictObject({ ...MailboxRef, folderId: Id, name: z.string().max(500) }), FolderSchema),
  'folders.move': channel(z.strictObject({ ...MailboxRef, folderId: Id, parentFolderId: Id.nullable() }), FolderSchema),
  'folders.delete': channel(z.strictObject({ ...MailboxRef, folderId: Id }), z.object({ deleted: z.literal(true) })),
  'messages.query': channel(MessageQuerySchema, MessagePageSchema),
  'messages.get': channel(z.strictObject({ ...MailboxRef, messageId: Id }), MessageSchema),
  /** PATCH with If-Match; main resolves a 409 by refetching and reapplying this change. */
  'messages.update': channel(
    z.strictObject({ ...MailboxRef, messageId: Id, patch: MessagePatchSchema }),
    MessageSchema,
  ),
  /** Drafts are deleted for real; anything else is moved to Slettet with messages.update. */
  'messages.delete': channel(z.strictObject({ ...MailboxRef, messageId: Id }), z.object({ deleted: z.literal(true) })),
  /** The reply chain the message belongs to (from replyData), oldest first. */
  'messages.thread': channel(
    z.strictObject({ ...MailboxRef, messageId: Id }),
    z.object({ messages: z.array(MessageSchema) }),
  ),
  'senders.list': channel(z.strictObject(MailboxRef), z.object({ senders: z.array(SenderSummarySchema) })),
  /** File content as base64 (the same over Electron IPC and the browser-mode bridge). */
  'files.content': channel(FileRef, z.object({ base64: z.string(), encodingFormat: z.string(), filename: z.string() })),
  /**
   * "Gem som…": a save dialog in main proposing the scrubbed, format-forced name. Browser mode answers saved:false
   * with a one-time `downloadPath` on its own server, which serves the file under that name.
   */
  'files.save': channel(
    FileRef,
    z.object({
      saved: z.boolean(),
      downloadPath: z
        .string()
        .regex(/^\/download\/[A-Za-z0-9_-]{1,100}$/)
        .optional(),
    }),
  ),
  /**
   * "Åbn": formats that run no code go to the system app from a private temp folder; HTML opens in the app's own
   * letter view (browser mode: `letterHash`, for a new tab); other formats are refused (`app.file.open-refused`).
   */
  'files.open': channel(
    FileRef,
    z.object({ opened: z.boolean(), letterHash: z.string().startsWith('#letter=').max(1000).optional() }),
  ),
};

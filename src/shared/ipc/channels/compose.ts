import { z } from 'zod';
import { IdSchema as Id } from '../ids';
import { channel, noInput } from '../define';
import { MessageSchema } from '../../dp/resources';
import { DocumentTypeSchema } from '../../dp/enums';

// Writing post: drafts, autosave with a local journal, attachments, send, reply, forward, and finding an
// authority to write to. Every refusal is an AppError carrying Digital Post's own code (e.g.
// `html.validator.rejected.element`, `message.file.content.size`, `message.create.reply.notAllowed`) whether main
// refused before any request or the server refused; a conflict is NOT an error but a `conflict` result carrying
// both versions, so nothing is ever overwritten silently.

const DraftRef = { mailboxId: Id, messageId: Id };

/** A draft's recipient: CPR (a masked `DDMMYY****` echo leaves the stored one unchanged, §6.12) or an existing CVR. */
export const DraftRecipientSchema = z.strictObject({
  recipientIdType: z.enum(['CPR', 'CVR']),
  recipientId: z.string().min(1).max(64),
  label: z.string().max(256).optional(),
  /** The authority's contact point chosen in `authorities.search`. */
  contactPointId: Id.optional(),
});
export type DraftRecipient = z.infer<typeof DraftRecipientSchema>;

export const DraftFileViewSchema = z.object({
  fileId: z.string(),
  version: z.number().int(),
  filename: z.string(),
  encodingFormat: z.string(),
  /** Absent until content has been uploaded. */
  fileSize: z.number().int().optional(),
});

export const DraftDocumentViewSchema = z.object({
  documentId: z.string(),
  version: z.number().int(),
  documentType: DocumentTypeSchema,
  label: z.string().optional(),
  files: z.array(DraftFileViewSchema),
});
export type DraftDocumentView = z.infer<typeof DraftDocumentViewSchema>;

const Words = z.string().max(20_000_000);
const htmlContent = { format: z.literal('html'), html: Words };
const textContent = { format: z.literal('text'), text: Words };

/**
 * The words of the MAIN document: STRICT html, or plain text (saved as text/plain, which has no STRICT check).
 * Switching the format changes the MAIN file's encodingFormat and filename too.
 */
export const DraftContentSchema = z.discriminatedUnion('format', [
  z.strictObject(htmlContent),
  z.strictObject(textContent),
]);
export type DraftContent = z.infer<typeof DraftContentSchema>;
export type DraftFormat = DraftContent['format'];

/** What the editor needs to show and edit a draft. */
export const DraftViewSchema = z.object({
  mailboxId: z.string(),
  messageId: z.string(),
  /** Message version (If-Match of the next label/recipient change). */
  version: z.number().int(),
  label: z.string().optional(),
  senderLabel: z.string().optional(),
  recipient: z
    .object({
      recipientIdType: z.enum(['CPR', 'CVR', 'EMAIL']),
      /** Masked when a CPR. */
      recipientId: z.string(),
      label: z.string().optional(),
      contactPointId: z.string().optional(),
    })
    .optional(),
  /** A reply draft: label and recipient are fixed by Digital Post. */
  isReply: z.boolean(),
  /** The MAIN document's html or text file, which autosave writes to. */
  main: z.object({ documentId: z.string(), fileId: z.string(), fileVersion: z.number().int() }),
  /** The MAIN file's format: the editor opens in "Ren tekst" for 'text'. */
  format: z.enum(['html', 'text']),
  /** The server's MAIN html content ('' for a new draft, and for a text draft). */
  html: z.string(),
  /** The server's MAIN text, for a text draft only. */
  text: z.string().optional(),
  /** Every document except MAIN (the attachments). */
  attachments: z.array(DraftDocumentViewSchema),
  /** Bytes of all uploaded file content (the 70 MB message limit applies to this). */
  totalBytes: z.number().int(),
  /**
   * Content journalled locally that the server has not confirmed (a crash or a failed save): the editor should offer
   * it instead of `html`. Absent when the server holds the latest words.
   */
  unsaved: z
    .discriminatedUnion('format', [
      z.object({ ...htmlContent, savedAt: z.string() }),
      z.object({ ...textContent, savedAt: z.string() }),
    ])
    .optional(),
});
export type DraftView = z.infer<typeof DraftViewSchema>;

const serverVersion = { fileVersion: z.number().int(), lastUpdated: z.string().optional() };

/** The outcome of writing content: saved, or a conflict carrying both versions for the user to choose from. */
export const SaveResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    /** The file version the next save is based on (main follows it itself; informative for the renderer). */
    fileVersion: z.number().int(),
    savedAt: z.string(),
  }),
  z.object({
    status: z.literal('conflict'),
    /** The words being saved; still in the local journal. */
    local: DraftContentSchema,
    /** What the server holds now (changed elsewhere). Save again with `baseFileVersion: server.fileVersion` to keep local. */
    server: z.discriminatedUnion('format', [
      z.object({ ...htmlContent, ...serverVersion }),
      z.object({ ...textContent, ...serverVersion }),
    ]),
  }),
]);
export type SaveResult = z.infer<typeof SaveResultSchema>;

export const ContactPointHitSchema = z.object({
  organisationId: z.string(),
  /** The authority's name. */
  authority: z.string(),
  cvr: z.string(),
  contactPointId: z.string().optional(),
  contactPointName: z.string().optional(),
  description: z.string().optional(),
  /** Where the authority wants this kind of matter handled instead (self-service), if it says so. */
  reportLink: z.object({ url: z.string(), text: z.string().optional(), description: z.string().optional() }).optional(),
});
export type ContactPointHit = z.infer<typeof ContactPointHitSchema>;

export const AuthoritySchema = z.object({ organisationId: z.string(), authority: z.string(), cvr: z.string() });
export type Authority = z.infer<typeof AuthoritySchema>;
export const ContactGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
});
export type ContactGroup = z.infer<typeof ContactGroupSchema>;

export const JournalEntrySchema = z.object({
  mailboxId: z.string(),
  messageId: z.string(),
  label: z.string().optional(),
  /** When the words were journalled (ISO). */
  savedAt: z.string(),
  format: z.enum(['html', 'text']),
  /** A plain-text start of the content, for the "restore?" list. */
  excerpt: z.string(),
  bytes: z.number().int(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Limits the editor should show before the user hits them (the server stays the authority). */
export const ComposeLimitsSchema = z.object({
  maxFileBytes: z.number().int(),
  maxMessageBytes: z.number().int(),
  maxOtherDocuments: z.number().int(),
  maxFilesPerDocument: z.number().int(),
  /** Forwarding to e-mail sends the files as e-mail attachments, which mail systems cap far below 70 MB. */
  maxEmailForwardBytes: z.number().int(),
  maxForwardCommentLength: z.number().int(),
  maxForwardLabelLength: z.number().int(),
  maxLabelLength: z.number().int(),
  encodingFormats: z.record(z.string(), z.array(z.string())),
});

// A base64 string is 4/3 of its bytes; the cap lets main see files over the limits and refuse them with Digital
// Post's codes rather than a bare schema error.
const Base64 = z
  .string()
  .max(100_000_000)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const UploadId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const composeChannels = {
  /**
   * New message: `POST /messages/` (a draft in Kladder with one MAIN html file), then label/recipient/sender label
   * with a full-body PUT. A CVR recipient must exist, a CPR must be a valid number.
   */
  'compose.create': channel(
    z.strictObject({
      mailboxId: Id,
      label: z.string().max(256).optional(),
      senderLabel: z.string().max(256).optional(),
      recipient: DraftRecipientSchema.optional(),
    }),
    DraftViewSchema,
  ),
  /** Reopen a draft for editing: its MAIN content and attachments, plus `unsaved` words from the local journal. */
  'compose.open': channel(z.strictObject(DraftRef), DraftViewSchema),
  /**
   * Label, sender label and recipient (full-body PUT, If-Match; a 409 is reapplied once to the current version).
   * `recipient: null` removes it; omitted fields stay as they are.
   */
  'compose.update': channel(
    z.strictObject({
      ...DraftRef,
      label: z.string().max(256).optional(),
      senderLabel: z.string().max(256).optional(),
      recipient: DraftRecipientSchema.nullable().optional(),
    }),
    DraftViewSchema,
  ),
  /**
   * Autosave (the renderer debounces): the content is journalled to disk, html is checked against STRICT (refused
   * with the validator's `html.validator.rejected.*` codes, no request), either is held to the 10 MB file limit, then
   * it is uploaded with If-Match = file version. When the format differs from the MAIN file's, the file's
   * encodingFormat and filename are changed first (full-body PUT, If-Match). Saves of one draft run one after another.
   * `baseFileVersion` — the version these words are based on — is only needed to keep local words after a conflict
   * (pass the conflict's `server.fileVersion`).
   */
  'compose.save': channel(
    z.strictObject({
      ...DraftRef,
      content: DraftContentSchema,
      baseFileVersion: z.number().int().min(0).optional(),
      /**
       * The subject as the user last typed it, so the journal names the draft by it even when `compose.update` has
       * not reached (or was refused by) Digital Post. It does not change the message; `compose.update` does.
       */
      journalLabel: z.string().max(256).optional(),
    }),
    SaveResultSchema,
  ),
  /**
   * Send (`…/send`) after checking label, sender label, recipient and content locally; unsaved journal content is
   * refused (save first). A connection lost during send is reconciled by fetching the message: never sent twice.
   */
  'compose.send': channel(
    z.strictObject(DraftRef),
    z.object({
      message: MessageSchema,
      /** True when the outcome was learnt after a lost connection. */ reconciled: z.boolean(),
    }),
  ),
  /** Discard: delete the draft and its journal entry. */
  'compose.discard': channel(z.strictObject(DraftRef), z.object({ discarded: z.literal(true) })),
  /**
   * Add a file as a new document (create document, create file, upload content). Refused before any request with
   * Digital Post's code: format not allowed for the document type, file over 10 MB, message over 70 MB, too many
   * documents/files. The filename is scrubbed (§10.13.1). Progress: `compose.upload` events with this `uploadId`.
   */
  'compose.attach': channel(
    z.strictObject({
      ...DraftRef,
      uploadId: UploadId,
      filename: z.string().min(1).max(1024),
      /** Media type; guessed from the filename when absent. */
      encodingFormat: z.string().max(300).optional(),
      documentType: z.enum(['ADDITIONAL', 'TECHNICAL']).optional(),
      /**
       * Add the file to this existing attachment document (the same document in another format) instead of starting
       * a new one; at most 10 files per document.
       */
      documentId: Id.optional(),
      /** Document label; the scrubbed filename when absent. */
      label: z.string().max(256).optional(),
      base64: Base64,
    }),
    z.object({ document: DraftDocumentViewSchema, draft: DraftViewSchema }),
  ),
  /** Cancel a running `compose.attach`; a document already created for it is removed again. */
  'compose.cancelUpload': channel(z.strictObject({ uploadId: UploadId }), z.object({ cancelled: z.boolean() })),
  /** Remove an attachment (its document). */
  'compose.removeAttachment': channel(z.strictObject({ ...DraftRef, documentId: Id }), DraftViewSchema),
  /**
   * Reply (`POST …/reply`), only when the message's `reply` is true — else `message.create.reply.notAllowed` without
   * a request. Returns the reply draft and the original's main content for quoting.
   */
  'compose.reply': channel(
    z.strictObject(DraftRef),
    z.object({
      draft: DraftViewSchema,
      original: z.object({
        label: z.string().optional(),
        senderLabel: z.string().optional(),
        messageDateTime: z.string().optional(),
        /** The original's MAIN content as html or text, when it is one of those (a PDF has neither). */
        html: z.string().optional(),
        text: z.string().optional(),
      }),
    }),
  ),
  /**
   * Forward (`POST …/forward`) to an e-mail address, a trusted recipient's CPR or an authority's CVR (§6.13.6–7).
   * Only when `forward` is true and it was not forwarded before. Recipient, comment, labels and (for e-mail) the size
   * are checked first with Digital Post's `message.create.forward.*` codes.
   */
  'compose.forward': channel(
    z.strictObject({
      ...DraftRef,
      recipientIdType: z.enum(['EMAIL', 'CPR', 'CVR']),
      recipientId: z.string().max(320),
      comment: z.string().max(100_000).optional(),
      senderLabel: z.string().max(100_000).optional(),
      recipientLabel: z.string().max(100_000).optional(),
    }),
    z.object({ message: MessageSchema }),
  ),
  /** Limits and allowed formats, for the editor's hints (incl. why e-mail forwarding has a smaller size limit). */
  'compose.limits': channel(noInput, ComposeLimitsSchema),
  /**
   * Write to an authority: contact points across organisations by name or search term (`searchTermOrName`, a
   * trailing wildcard is added), or all contact points of the authority with that CVR when `query` is 8 digits.
   */
  'authorities.search': channel(
    z.strictObject({
      query: z.string().min(1).max(100),
      page: z.number().int().min(0).optional(),
      size: z.number().int().min(1).max(100).optional(),
    }),
    z.object({ hits: z.array(ContactPointHitSchema), totalElements: z.number().int() }),
  ),
  /** Browsing the contact structure (§5.3–5.4) instead of searching: the authorities, by name. */
  'authorities.organisations': channel(
    z.strictObject({ name: z.string().max(100).optional() }),
    z.object({ organisations: z.array(AuthoritySchema) }),
  ),
  /**
   * One level of an authority's hierarchy: its contact groups under `contactGroupId` (the top groups without it) and
   * the contact points directly there (those in no group at the top).
   */
  'authorities.browse': channel(
    z.strictObject({ organisationId: Id, contactGroupId: Id.optional() }),
    z.object({ groups: z.array(ContactGroupSchema), hits: z.array(ContactPointHitSchema) }),
  ),
  /** Drafts whose latest words are only in the local journal (offer to restore after a crash or restart). */
  'journal.list': channel(
    noInput,
    z.object({
      entries: z.array(JournalEntrySchema),
      /** Where the person's unsent words are kept: sealed on disk, or in memory only (no secure key store). */
      storage: z.enum(['disk', 'memory']).optional(),
    }),
  ),
  /**
   * Restore: uploads the journalled words to their draft (If-Match = the version they were based on, so a draft
   * changed elsewhere gives `conflict` with both). A draft gone from the server is recreated with the words.
   */
  'journal.restore': channel(z.strictObject(DraftRef), z.object({ draft: DraftViewSchema, result: SaveResultSchema })),
  /** Drop a journal entry without restoring it. */
  'journal.dismiss': channel(z.strictObject(DraftRef), z.object({ dismissed: z.boolean() })),
};

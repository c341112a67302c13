import { z } from 'zod';
import { MessageSchema } from '../../dp/resources';
import { channel, noInput } from '../define';
import { IdSchema as Id } from '../ids';

// The local archive: an encrypted copy of chosen mailboxes on this computer (main: src/main/services/archive).

/** Why the archive cannot be used here; the settings say it in words. */
export const ArchiveUnavailableReasonSchema = z.enum([
  'no-secure-store',
  'key-missing',
  'wrong-key',
  'native-module',
  'newer-schema',
  'not-logged-in',
]);
export type ArchiveUnavailableReason = z.infer<typeof ArchiveUnavailableReasonSchema>;

export const ArchiveMailboxStatusSchema = z.object({
  mailboxId: Id,
  /** false: metadata only (subject, sender, dates, attachment names); true: the documents too. */
  withDocuments: z.boolean(),
  messages: z.number().int(),
  documents: z.number().int(),
  documentsPending: z.number().int(),
  /** The first full pass is done, so the archive covers the mailbox (local search, offline). */
  complete: z.boolean(),
  /** ISO time of the last finished sync. */
  lastSyncAt: z.string().optional(),
});
export type ArchiveMailboxStatus = z.infer<typeof ArchiveMailboxStatusSchema>;

export const ArchiveSyncPhaseSchema = z.enum(['metadata', 'reconcile', 'documents']);

export const ArchiveStatusSchema = z.object({
  available: z.boolean(),
  reason: ArchiveUnavailableReasonSchema.optional(),
  /** Only the mailboxes the archive keeps; any other mailbox is off. */
  mailboxes: z.array(ArchiveMailboxStatusSchema),
  sync: z
    .object({ phase: ArchiveSyncPhaseSchema, mailboxId: Id, done: z.number().int(), total: z.number().int() })
    .optional(),
});
export type ArchiveStatus = z.infer<typeof ArchiveStatusSchema>;

export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const SearchTermSchema = z.object({ words: z.array(z.string()), prefix: z.boolean() });
export type SearchTerm = z.infer<typeof SearchTermSchema>;

export const ArchiveExportScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mailbox'), mailboxId: Id }),
  z.strictObject({ kind: z.literal('folder'), mailboxId: Id, folderId: Id }),
  z.strictObject({ kind: z.literal('search'), mailboxId: Id, text: z.string().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('selection'), messageIds: z.array(Id).min(1).max(10_000) }),
]);
export type ArchiveExportScope = z.infer<typeof ArchiveExportScopeSchema>;

export const ArchiveExportFormatSchema = z.enum(['folder', 'eml', 'mbox']);
export type ArchiveExportFormat = z.infer<typeof ArchiveExportFormatSchema>;

const ExportId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const archiveChannels = {
  'archive.status': channel(noInput, ArchiveStatusSchema),
  /** Keep (or stop keeping) one mailbox; keeping starts a sync, stopping removes its copy. */
  'archive.configure': channel(
    z.strictObject({ mailboxId: Id, enabled: z.boolean(), withDocuments: z.boolean() }),
    ArchiveStatusSchema,
  ),
  /** "Slet lokalt arkiv": the file and its key go; every mailbox is off. */
  'archive.delete': channel(noInput, ArchiveStatusSchema),
  'archive.sync': channel(
    z.strictObject({ reconcile: z.boolean().optional() }).optional(),
    z.object({ started: z.boolean() }),
  ),
  'archive.cancelSync': channel(noInput, z.object({ cancelled: z.boolean() })),
  /**
   * The list's search from the archive. `covered: false` means the archive does not hold this mailbox completely, and
   * the list asks Digital Post instead.
   */
  'archive.search': channel(
    z.strictObject({
      mailboxId: Id,
      text: z.string().max(1000),
      folderId: Id.optional(),
      /** The list's own filters: inclusive `yyyy-MM-dd` dates and the sender's label. */
      dateFrom: z.string().max(40).optional(),
      dateTo: z.string().max(40).optional(),
      senderLabel: z.string().max(500).optional(),
      limit: z.number().int().min(1).max(500).optional(),
      offset: z.number().int().min(0).optional(),
    }),
    z.object({
      covered: z.boolean(),
      messages: z.array(MessageSchema),
      snippets: z.array(z.object({ messageId: Id, parts: z.array(SnippetPartSchema) })),
      total: z.number().int(),
      terms: z.array(SearchTermSchema),
    }),
  ),
  /**
   * "Eksportér…" from the archive (no requests). Electron asks for a folder or a file; browser mode answers with a
   * one-time `downloadPath` (.zip for folder and eml, or the .mbox). Progress comes as `archive.progress` events.
   */
  'archive.export': channel(
    z.strictObject({ exportId: ExportId, format: ArchiveExportFormatSchema, scope: ArchiveExportScopeSchema }),
    z.object({
      saved: z.boolean(),
      cancelled: z.boolean(),
      exported: z.number().int(),
      skipped: z.number().int(),
      downloadPath: z
        .string()
        .regex(/^\/download\/[A-Za-z0-9_-]{1,100}$/)
        .optional(),
      downloadName: z.string().max(300).optional(),
    }),
  ),
  /** The text the archive extracted from a letter's files (PDF, HTML, plain text), for marking what a search found. */
  'archive.text': channel(
    z.strictObject({ messageId: Id }),
    z.object({
      files: z.array(z.object({ documentId: Id, fileId: Id, text: z.string() })),
    }),
  ),
  'archive.cancelExport': channel(z.strictObject({ exportId: ExportId }), z.object({ cancelled: z.boolean() })),
};

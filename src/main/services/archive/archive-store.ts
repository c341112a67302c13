import { createHash } from 'node:crypto';
import type { ArchiveDatabase } from './archive-db';
import { allocateRowid, baseOfRowid, dateBase } from './date-rowid';
import { hasAttachments, type ArchivedMessageRecord } from './message-record';

export type ContentState = 'pending' | 'done' | 'skipped' | 'failed';

export interface SyncState {
  mailboxId: string;
  /** The `next` value that fetches the first page not yet stored (or the last page, once at the end). */
  cursor: string | null;
  fullPassDone: boolean;
  lastReconciledAt: number | null;
}

export interface StoredFile {
  messageId: string;
  documentId: string;
  id: string;
  documentType: string | null;
  filename: string | null;
  encodingFormat: string | null;
  position: number;
  contentState: ContentState;
  sha256: string | null;
}

export interface StoredMessage {
  id: string;
  mailboxId: string;
  folderId: string | null;
  version: number | null;
  lastUpdated: string | null;
  messageDate: string | null;
  subject: string | null;
  senderLabel: string | null;
  senderId: string | null;
  recipientLabel: string | null;
  recipientId: string | null;
  note: string | null;
  read: boolean;
  flagged: boolean;
  legallyNotified: boolean;
  hasAttachments: boolean;
  raw: string;
}

interface MessageRow {
  rowid: number;
  id: string;
  mailbox_id: string;
  folder_id: string | null;
  version: number | null;
  last_updated: string | null;
  message_date: string | null;
  subject: string | null;
  sender_label: string | null;
  sender_id: string | null;
  recipient_label: string | null;
  recipient_id: string | null;
  note: string | null;
  is_read: number;
  flagged: number;
  legally_notified: number;
  has_attachments: number;
  /** From message_raw, where a query joins it. */
  raw?: string | null;
}

interface FileRow {
  message_id: string;
  document_id: string;
  id: string;
  document_type: string | null;
  filename: string | null;
  encoding_format: string | null;
  version: number | null;
  position: number;
  content_state: ContentState;
  sha256: string | null;
}

/** What the settings show about one archived mailbox. */
export interface MailboxSummary {
  mailboxId: string;
  withDocuments: boolean;
  messages: number;
  /** Files whose bytes (and text) are here. */
  documents: number;
  /** Files still to fetch. */
  documentsPending: number;
  fullPassDone: boolean;
  lastSyncAt: number | null;
}

export const toStoredMessage = (r: MessageRow): StoredMessage => ({
  id: r.id,
  mailboxId: r.mailbox_id,
  folderId: r.folder_id,
  version: r.version,
  lastUpdated: r.last_updated,
  messageDate: r.message_date,
  subject: r.subject,
  senderLabel: r.sender_label,
  senderId: r.sender_id,
  recipientLabel: r.recipient_label,
  recipientId: r.recipient_id,
  note: r.note,
  read: r.is_read === 1,
  flagged: r.flagged === 1,
  legallyNotified: r.legally_notified === 1,
  hasAttachments: r.has_attachments === 1,
  raw: r.raw ?? '{}',
});

const toStoredFile = (r: FileRow): StoredFile => ({
  messageId: r.message_id,
  documentId: r.document_id,
  id: r.id,
  documentType: r.document_type,
  filename: r.filename,
  encodingFormat: r.encoding_format,
  position: r.position,
  contentState: r.content_state,
  sha256: r.sha256,
});

const b = (v: boolean): number => (v ? 1 : 0);

/** All reads and writes of the archive's tables; the sync, search and export go through this. */
export class ArchiveStore {
  private readonly s;

  constructor(readonly db: ArchiveDatabase) {
    this.s = {
      messageById: db.prepare<[string], MessageRow>(
        'SELECT m.*, r.raw FROM messages m LEFT JOIN message_raw r ON r.rowid = m.rowid WHERE m.id = ?',
      ),
      upsertMessage: db.prepare(`
        INSERT INTO messages (rowid, id, mailbox_id, folder_id, version, last_updated, message_date, subject, sender_label,
          sender_id, recipient_label, recipient_id, note, is_read, flagged, legally_notified, has_attachments)
        VALUES (@rowid, @id, @mailboxId, @folderId, @version, @lastUpdated, @messageDate, @subject, @senderLabel, @senderId,
          @recipientLabel, @recipientId, @note, @read, @flagged, @legallyNotified, @hasAttachments)
        ON CONFLICT (id) DO UPDATE SET mailbox_id = excluded.mailbox_id, folder_id = excluded.folder_id,
          version = excluded.version, last_updated = excluded.last_updated, message_date = excluded.message_date,
          subject = excluded.subject, sender_label = excluded.sender_label, sender_id = excluded.sender_id,
          recipient_label = excluded.recipient_label, recipient_id = excluded.recipient_id, note = excluded.note,
          is_read = excluded.is_read, flagged = excluded.flagged, legally_notified = excluded.legally_notified,
          has_attachments = excluded.has_attachments
        RETURNING rowid`),
      upsertRaw: db.prepare(`INSERT INTO message_raw (rowid, raw) VALUES (?, ?)
          ON CONFLICT (rowid) DO UPDATE SET raw = excluded.raw`),
      deleteRaw: db.prepare('DELETE FROM message_raw WHERE rowid = ?'),
      filesOf: db.prepare<[string], FileRow>('SELECT * FROM files WHERE message_id = ? ORDER BY position'),
      upsertFile: db.prepare(`
        INSERT INTO files (id, message_id, document_id, document_type, filename, encoding_format, version, position,
          content_state)
        VALUES (@id, @messageId, @documentId, @documentType, @filename, @encodingFormat, @version, @position, @state)
        ON CONFLICT (message_id, document_id, id) DO UPDATE SET document_type = excluded.document_type,
          filename = excluded.filename, encoding_format = excluded.encoding_format, position = excluded.position`),
      resetFile: db.prepare(`UPDATE files SET version = @version, content = NULL, text = NULL, sha256 = NULL,
          content_state = @state WHERE message_id = @messageId AND document_id = @documentId AND id = @id`),
      deleteFile: db.prepare('DELETE FROM files WHERE message_id = ? AND document_id = ? AND id = ?'),
      deleteFilesOf: db.prepare('DELETE FROM files WHERE message_id = ?'),
      deleteMessage: db.prepare('DELETE FROM messages WHERE id = ?'),
      unindex: db.prepare(`INSERT INTO messages_fts (messages_fts, rowid, subject, sender, recipient, note, body,
          attachments) SELECT 'delete', rowid, subject, sender, recipient, note, body, attachments
          FROM messages_fts_source WHERE rowid = ?`),
      index: db.prepare(`INSERT INTO messages_fts (rowid, subject, sender, recipient, note, body, attachments)
          SELECT rowid, subject, sender, recipient, note, body, attachments FROM messages_fts_source WHERE rowid = ?`),
      rowidOf: db.prepare<[string], number>('SELECT rowid FROM messages WHERE id = ?').pluck(),
      setContent: db.prepare(`UPDATE files SET content = @content, text = @text, sha256 = @sha256,
          content_state = @state WHERE message_id = @messageId AND document_id = @documentId AND id = @id`),
      content: db.prepare<[string, string, string], { content: Buffer | null }>(
        'SELECT content FROM files WHERE message_id = ? AND document_id = ? AND id = ?',
      ),
      text: db.prepare<[string, string, string], { text: string | null }>(
        'SELECT text FROM files WHERE message_id = ? AND document_id = ? AND id = ?',
      ),
      pending: db.prepare<[string, number], FileRow>(`SELECT f.* FROM files f JOIN messages m ON m.id = f.message_id
          WHERE m.mailbox_id = ? AND f.content_state = 'pending' ORDER BY m.message_date DESC, f.position LIMIT ?`),
      countPending: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM files f
          JOIN messages m ON m.id = f.message_id WHERE m.mailbox_id = ? AND f.content_state = 'pending'`),
      mailbox: db.prepare<[string], { with_documents: number }>('SELECT with_documents FROM mailboxes WHERE id = ?'),
      upsertMailbox: db.prepare(`INSERT INTO mailboxes (id, with_documents) VALUES (?, ?)
          ON CONFLICT (id) DO UPDATE SET with_documents = excluded.with_documents`),
      skipToPending: db.prepare(`UPDATE files SET content_state = 'pending' WHERE content_state = 'skipped'
          AND message_id IN (SELECT id FROM messages WHERE mailbox_id = ?)`),
      syncState: db.prepare<
        [string],
        { mailbox_id: string; cursor: string | null; full_pass_done: number; last_reconciled_at: number | null }
      >('SELECT * FROM sync_state WHERE mailbox_id = ?'),
      upsertSyncState: db.prepare(`INSERT INTO sync_state (mailbox_id, cursor, full_pass_done, last_reconciled_at)
          VALUES (@mailboxId, @cursor, @fullPassDone, @lastReconciledAt)
          ON CONFLICT (mailbox_id) DO UPDATE SET cursor = excluded.cursor, full_pass_done = excluded.full_pass_done,
          last_reconciled_at = excluded.last_reconciled_at`),
      idsVersions: db.prepare<[string], { id: string; version: number | null }>(
        'SELECT id, version FROM messages WHERE mailbox_id = ?',
      ),
      countMessages: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages'),
      mailboxes: db.prepare<[], { id: string; with_documents: number; last_sync_at: number | null }>(
        'SELECT id, with_documents, last_sync_at FROM mailboxes ORDER BY id',
      ),
      countOf: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE mailbox_id = ?'),
      filesDone: db.prepare<[string], { n: number }>(`SELECT count(*) AS n FROM files f
          JOIN messages m ON m.id = f.message_id WHERE m.mailbox_id = ? AND f.content_state = 'done'`),
      idsOf: db.prepare<[string], string>('SELECT id FROM messages WHERE mailbox_id = ?').pluck(),
      deleteMailbox: db.prepare('DELETE FROM mailboxes WHERE id = ?'),
      deleteSyncState: db.prepare('DELETE FROM sync_state WHERE mailbox_id = ?'),
      setLastSync: db.prepare('UPDATE mailboxes SET last_sync_at = ? WHERE id = ?'),
      snapshot: db.prepare<[string], string>('SELECT json FROM snapshots WHERE key = ?').pluck(),
      saveSnapshot: db.prepare(`INSERT INTO snapshots (key, json, saved_at) VALUES (?, ?, ?)
          ON CONFLICT (key) DO UPDATE SET json = excluded.json, saved_at = excluded.saved_at`),
    };
  }

  setMailboxOption(mailboxId: string, withDocuments: boolean): void {
    this.db.transaction(() => {
      this.s.upsertMailbox.run(mailboxId, b(withDocuments));
      // Switching documents on fetches what was skipped; switching off keeps what is already here.
      if (withDocuments) this.s.skipToPending.run(mailboxId);
    })();
  }

  /** The mailboxes the archive keeps, with what it holds of each. */
  mailboxSummaries(): MailboxSummary[] {
    return this.s.mailboxes.all().map((m) => ({
      mailboxId: m.id,
      withDocuments: m.with_documents === 1,
      messages: this.s.countOf.get(m.id)?.n ?? 0,
      documents: this.s.filesDone.get(m.id)?.n ?? 0,
      documentsPending: this.s.countPending.get(m.id)?.n ?? 0,
      fullPassDone: this.syncState(m.id).fullPassDone,
      lastSyncAt: m.last_sync_at,
    }));
  }

  hasMailbox(mailboxId: string): boolean {
    return this.s.mailbox.get(mailboxId) !== undefined;
  }

  /** Ids of every archived message of a mailbox (exports of a whole mailbox). */
  messageIds(mailboxId: string): string[] {
    return this.s.idsOf.all(mailboxId);
  }

  markSynced(mailboxId: string, at: number): void {
    this.s.setLastSync.run(at, mailboxId);
  }

  /** A copy of an answer the app shows offline (the mailbox list, a folder summary), encrypted like the rest. */
  saveSnapshot(key: string, value: unknown, at: number = Date.now()): void {
    this.s.saveSnapshot.run(key, JSON.stringify(value), at);
  }

  snapshot(key: string): unknown {
    const json = this.s.snapshot.get(key);
    return json === undefined ? undefined : JSON.parse(json);
  }

  /** Stops keeping a mailbox: its letters, files and sync cursor leave the archive. */
  removeMailbox(mailboxId: string): void {
    this.db.transaction(() => {
      this.deleteMessages(this.s.idsOf.all(mailboxId));
      this.s.deleteSyncState.run(mailboxId);
      this.s.deleteMailbox.run(mailboxId);
    })();
  }

  withDocuments(mailboxId: string): boolean {
    return this.s.mailbox.get(mailboxId)?.with_documents === 1;
  }

  message(id: string): StoredMessage | undefined {
    const row = this.s.messageById.get(id);
    return row ? toStoredMessage(row) : undefined;
  }

  files(messageId: string): StoredFile[] {
    return this.s.filesOf.all(messageId).map(toStoredFile);
  }

  fileContent(messageId: string, documentId: string, fileId: string): Buffer | null {
    return this.s.content.get(messageId, documentId, fileId)?.content ?? null;
  }

  fileText(messageId: string, documentId: string, fileId: string): string | null {
    return this.s.text.get(messageId, documentId, fileId)?.text ?? null;
  }

  messageCount(): number {
    return this.s.countMessages.get()?.n ?? 0;
  }

  syncState(mailboxId: string): SyncState {
    const row = this.s.syncState.get(mailboxId);
    return {
      mailboxId,
      cursor: row?.cursor ?? null,
      fullPassDone: row?.full_pass_done === 1,
      lastReconciledAt: row?.last_reconciled_at ?? null,
    };
  }

  private writeSyncState(state: SyncState): void {
    this.s.upsertSyncState.run({
      mailboxId: state.mailboxId,
      cursor: state.cursor,
      fullPassDone: b(state.fullPassDone),
      lastReconciledAt: state.lastReconciledAt,
    });
  }

  /** Server versions of what the archive holds for a mailbox, for the reconciliation pass. */
  localVersions(mailboxId: string): Map<string, number | null> {
    return new Map(this.s.idsVersions.all(mailboxId).map((r) => [r.id, r.version]));
  }

  /**
   * One page of the sync, with its checkpoint, in one transaction: after a crash either both are there or neither, so
   * a resumed sync starts from the first page not stored and never stores a message twice (the id is the key).
   * Returns how many messages were new or changed.
   */
  storePage(mailboxId: string, records: readonly ArchivedMessageRecord[], state: SyncState | undefined): number {
    return this.db.transaction(() => {
      let changed = 0;
      const withDocuments = this.withDocuments(mailboxId);
      for (const record of records) if (this.upsert(record, withDocuments)) changed += 1;
      if (state) this.writeSyncState(state);
      return changed;
    })();
  }

  saveSyncState(state: SyncState): void {
    this.writeSyncState(state);
  }

  private upsert(record: ArchivedMessageRecord, withDocuments: boolean): boolean {
    const existing = this.s.messageById.get(record.id);
    if (
      existing &&
      existing.version === (record.version ?? null) &&
      existing.last_updated === (record.lastUpdated ?? null) &&
      existing.raw === record.raw
    ) {
      return false;
    }
    // The index reads what it removes from the rows, so it goes before they change (external content).
    if (existing) this.s.unindex.run(existing.rowid);
    // The rowid is the date (date-rowid.ts): a letter whose date changed moves to its new place.
    const base = dateBase(record.messageDate);
    let target = existing && baseOfRowid(existing.rowid) === base ? existing.rowid : undefined;
    if (existing && target === undefined) {
      this.s.deleteRaw.run(existing.rowid);
      this.s.deleteMessage.run(record.id);
    }
    target ??= allocateRowid(this.db, base);
    const { rowid } = this.s.upsertMessage.get({
      rowid: target,
      id: record.id,
      mailboxId: record.mailboxId,
      folderId: record.folderId ?? null,
      version: record.version ?? null,
      lastUpdated: record.lastUpdated ?? null,
      messageDate: record.messageDate ?? null,
      subject: record.subject ?? null,
      senderLabel: record.senderLabel ?? null,
      senderId: record.senderId ?? null,
      recipientLabel: record.recipientLabel ?? null,
      recipientId: record.recipientId ?? null,
      note: record.note ?? null,
      read: b(record.read),
      flagged: b(record.flagged),
      legallyNotified: b(record.legallyNotified),
      hasAttachments: b(hasAttachments(record.files)),
    }) as { rowid: number };
    this.s.upsertRaw.run(rowid, record.raw);
    const known = new Map(this.s.filesOf.all(record.id).map((f) => [`${f.document_id}/${f.id}`, f]));
    const state: ContentState = withDocuments ? 'pending' : 'skipped';
    for (const file of record.files) {
      const key = `${file.documentId}/${file.id}`;
      const before = known.get(key);
      known.delete(key);
      const params = {
        id: file.id,
        messageId: record.id,
        documentId: file.documentId,
        documentType: file.documentType ?? null,
        filename: file.filename ?? null,
        encodingFormat: file.encodingFormat ?? null,
        version: file.version ?? null,
        position: file.position,
        state,
      };
      this.s.upsertFile.run(params);
      // A new version of a file means new bytes; the same version keeps what was fetched.
      if (before && before.version !== (file.version ?? null)) this.s.resetFile.run(params);
    }
    for (const gone of known.values()) this.s.deleteFile.run(record.id, gone.document_id, gone.id);
    this.s.index.run(rowid);
    return true;
  }

  pendingFiles(mailboxId: string, limit: number): StoredFile[] {
    return this.s.pending.all(mailboxId, limit).map(toStoredFile);
  }

  pendingCount(mailboxId: string): number {
    return this.s.countPending.get(mailboxId)?.n ?? 0;
  }

  /** A file's bytes and extracted text, and the message's search row, together. */
  storeContent(file: Pick<StoredFile, 'messageId' | 'documentId' | 'id'>, content: Buffer, text: string | null): void {
    this.db.transaction(() => {
      const rowid = this.s.rowidOf.get(file.messageId);
      if (rowid !== undefined) this.s.unindex.run(rowid);
      this.s.setContent.run({
        messageId: file.messageId,
        documentId: file.documentId,
        id: file.id,
        content,
        text,
        sha256: createHash('sha256').update(content).digest('hex'),
        state: 'done',
      });
      if (rowid !== undefined) this.s.index.run(rowid);
    })();
  }

  /** Digital Post refused the file (gone, not allowed): remembered so the sync does not ask again every pass. */
  markContentFailed(file: Pick<StoredFile, 'messageId' | 'documentId' | 'id'>): void {
    this.s.setContent.run({ ...file, content: null, text: null, sha256: null, state: 'failed' });
  }

  deleteMessages(ids: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of ids) {
        const row = this.s.messageById.get(id);
        if (!row) continue;
        this.s.unindex.run(row.rowid);
        this.s.deleteRaw.run(row.rowid);
        this.s.deleteFilesOf.run(id);
        this.s.deleteMessage.run(id);
      }
    })();
  }
}

import { AppFault } from '../../errors';
import type { DpClient } from '../dp-client/dp-client';
import { fileContentPath, messagePath, messagesPath } from '../dp-client/api-paths';
import { throwIfAborted } from './archive-errors';
import type { ArchiveStore, StoredFile, SyncState } from './archive-store';
import { inBackground } from './background-client';
import { toArchivedMessage, type ArchivedMessageRecord } from './message-record';
import { extractText } from './text-extract';

export interface ArchiveMailboxChoice {
  mailboxId: string;
  /** false: metadata only (subject, sender, dates, attachment names); true: the documents' files too. */
  withDocuments: boolean;
}

export type SyncPhase = 'metadata' | 'reconcile' | 'documents';

export interface SyncProgress {
  phase: SyncPhase;
  mailboxId: string;
  done: number;
  total: number;
}

export interface SyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: SyncProgress) => void;
  /** Compare every id and version with the server now, whatever the schedule says. */
  reconcile?: boolean;
}

export interface SyncReport {
  changed: number;
  deleted: number;
  documents: number;
}

export interface ArchiveSyncOptions {
  api: DpClient;
  store: ArchiveStore;
  /** Messages per page (§3.3.3 allows up to 10,000). */
  pageSize?: number;
  /** How often the id/version reconciliation runs on its own (deletions, and changes a lagging query missed). */
  reconcileEveryMs?: number;
  /**
   * Document downloads at once. The rate limiter sets the pace (its background lane yields to the UI); a few at once
   * keep it busy while answers travel and text is extracted.
   */
  concurrency?: number;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * §3.3.3: page with `next`, sorted ascending on lastUpdated with the id as tiebreaker, so whatever changes while we
 * page (or after) sorts to the end and is met later instead of being skipped.
 */
export const SYNC_SORT = 'lastUpdated:asc,id:asc';
const RECONCILE_FIELDS = 'id,version';
const RECONCILE_PAGE_SIZE = 5000;
const DOCUMENT_BATCH = 25;
const DOCUMENT_CONCURRENCY = 4;

const fileKey = (f: StoredFile): string => `${f.messageId}/${f.documentId}/${f.id}`;

type Page = { messages?: unknown; next?: unknown; totalElements?: unknown };

const isDpRefusal = (err: unknown): boolean => {
  const status = err instanceof AppFault ? err.appError.status : undefined;
  return status !== undefined && status >= 400 && status < 500 && status !== 401 && status !== 429;
};

/**
 * Copies the chosen mailboxes into the archive. The cursor is the `next` value of the first page not yet stored,
 * written with each page's rows, so a sync stopped at any point (quit, crash, AbortSignal) continues where it was.
 * After the first full pass the same cursor is kept at the last page: asking for it again returns that page plus
 * everything changed since, which is all an incremental sync needs. The server's state wins in every field.
 */
export class ArchiveSync {
  private readonly api: DpClient;
  private readonly store: ArchiveStore;
  private readonly pageSize: number;
  private readonly reconcileEveryMs: number;
  private readonly now: () => number;
  private readonly concurrency: number;
  private readonly log: (msg: string, err?: unknown) => void;
  private running: Promise<SyncReport> | undefined;

  constructor(options: ArchiveSyncOptions) {
    // Nobody waits for the archive: every request it makes yields to the UI's.
    this.api = inBackground(options.api);
    this.store = options.store;
    this.pageSize = options.pageSize ?? 1000;
    this.reconcileEveryMs = options.reconcileEveryMs ?? 6 * 3600_000;
    this.now = options.now ?? Date.now;
    this.concurrency = Math.max(1, Math.floor(options.concurrency ?? DOCUMENT_CONCURRENCY));
    this.log = options.log ?? ((m, e) => console.warn(m, e ?? ''));
  }

  /** One sync at a time: a second call while one runs gets the running one. */
  sync(mailboxes: readonly ArchiveMailboxChoice[], options: SyncRunOptions = {}): Promise<SyncReport> {
    this.running ??= this.run(mailboxes, options).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async run(mailboxes: readonly ArchiveMailboxChoice[], options: SyncRunOptions): Promise<SyncReport> {
    const report: SyncReport = { changed: 0, deleted: 0, documents: 0 };
    for (const choice of mailboxes) {
      throwIfAborted(options.signal);
      this.store.setMailboxOption(choice.mailboxId, choice.withDocuments);
      report.changed += await this.metadata(choice.mailboxId, options);
      const state = this.store.syncState(choice.mailboxId);
      const due = state.lastReconciledAt === null || this.now() - state.lastReconciledAt >= this.reconcileEveryMs;
      if (options.reconcile || due) {
        const r = await this.reconcile(choice.mailboxId, options);
        report.deleted += r.deleted;
        report.changed += r.changed;
      }
      if (choice.withDocuments) report.documents += await this.documents(choice.mailboxId, options);
    }
    return report;
  }

  private records(mailboxId: string, page: Page): ArchivedMessageRecord[] {
    const items = Array.isArray(page.messages) ? (page.messages as unknown[]) : [];
    const out: ArchivedMessageRecord[] = [];
    for (const item of items) {
      const record = toArchivedMessage(item, mailboxId);
      if (record) out.push(record);
      else this.log('Archive: a message without an id was left out');
    }
    return out;
  }

  private async metadata(mailboxId: string, options: SyncRunOptions): Promise<number> {
    let state = this.store.syncState(mailboxId);
    let changed = 0;
    let retriedFromStart = false;
    for (;;) {
      throwIfAborted(options.signal);
      const query = {
        sortFields: SYNC_SORT,
        size: this.pageSize,
        ...(state.cursor !== null ? { next: state.cursor } : {}),
      };
      let page: Page;
      try {
        page = (await this.api.get<Page>(messagesPath(mailboxId), { query, ...this.signal(options) })).data ?? {};
      } catch (err) {
        // A cursor the server no longer accepts: start the pass over. Rows are keyed by id, so nothing doubles.
        if (state.cursor !== null && !retriedFromStart && isDpRefusal(err)) {
          this.log('Archive: the sync cursor was refused; starting the pass from the beginning', err);
          retriedFromStart = true;
          state = { ...state, cursor: null, lastReconciledAt: null };
          continue;
        }
        throw err;
      }
      const next = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
      const nextState: SyncState = {
        ...state,
        cursor: next ?? state.cursor,
        fullPassDone: state.fullPassDone || next === undefined,
      };
      changed += this.store.storePage(mailboxId, this.records(mailboxId, page), nextState);
      state = nextState;
      const done = this.store.localVersions(mailboxId).size;
      const total = typeof page.totalElements === 'number' ? Math.max(page.totalElements, done) : done;
      options.onProgress?.({ phase: 'metadata', mailboxId, done: next ? done : total, total });
      if (!next) return changed;
    }
  }

  /**
   * Every id and version on the server against the archive: what is gone is deleted here too, and what differs (or a
   * query lagging behind a write never showed, §3.3.1) is fetched by id, which is always consistent.
   */
  private async reconcile(mailboxId: string, options: SyncRunOptions): Promise<{ deleted: number; changed: number }> {
    const server = new Map<string, number | null>();
    let next: string | undefined;
    let total = 0;
    do {
      throwIfAborted(options.signal);
      const query = {
        sortFields: SYNC_SORT,
        size: RECONCILE_PAGE_SIZE,
        fields: RECONCILE_FIELDS,
        ...(next ? { next } : {}),
      };
      const page = (await this.api.get<Page>(messagesPath(mailboxId), { query, ...this.signal(options) })).data ?? {};
      for (const item of Array.isArray(page.messages) ? (page.messages as unknown[]) : []) {
        const m = item as { id?: unknown; version?: unknown };
        if (typeof m.id === 'string') server.set(m.id, typeof m.version === 'number' ? m.version : null);
      }
      total = typeof page.totalElements === 'number' ? page.totalElements : server.size;
      options.onProgress?.({ phase: 'reconcile', mailboxId, done: server.size, total: Math.max(total, server.size) });
      next = typeof page.next === 'string' && page.next !== '' ? page.next : undefined;
    } while (next);

    const local = this.store.localVersions(mailboxId);
    const gone = [...local.keys()].filter((id) => !server.has(id));
    this.store.deleteMessages(gone);
    let changed = 0;
    for (const [id, version] of server) {
      if (local.has(id) && local.get(id) === version) continue;
      throwIfAborted(options.signal);
      try {
        const res = await this.api.get<unknown>(messagePath(mailboxId, id), this.signal(options));
        const record = toArchivedMessage(res.data, mailboxId);
        if (record) changed += this.store.storePage(mailboxId, [record], undefined);
      } catch (err) {
        if (!isDpRefusal(err)) throw err;
        // Gone between the listing and now: the next reconciliation sees it missing.
      }
    }
    const state = this.store.syncState(mailboxId);
    this.store.saveSyncState({ ...state, lastReconciledAt: this.now() });
    return { deleted: gone.length, changed };
  }

  /**
   * Downloads with `concurrency` workers drawing from the pending files, newest letters first. A file stays pending in
   * the store until it is stored, so the workers keep the ones taken apart; when one fails the others finish the file
   * they have and stop, and the sync ends only when none of them is still writing.
   */
  private async documents(mailboxId: string, options: SyncRunOptions): Promise<number> {
    const total = this.store.pendingCount(mailboxId);
    let done = 0;
    options.onProgress?.({ phase: 'documents', mailboxId, done, total });
    const taken = new Set<string>();
    let queue: StoredFile[] = [];
    let failure: { err: unknown } | undefined;
    const nextFile = (): StoredFile | undefined => {
      if (queue.length === 0)
        queue = this.store.pendingFiles(mailboxId, DOCUMENT_BATCH + taken.size).filter((f) => !taken.has(fileKey(f)));
      const file = queue.shift();
      if (file) taken.add(fileKey(file));
      return file;
    };
    const worker = async (): Promise<void> => {
      while (!failure) {
        const file = nextFile();
        if (!file) return;
        try {
          await this.fetchFile(mailboxId, file, options);
        } catch (err) {
          failure ??= { err };
          return;
        } finally {
          taken.delete(fileKey(file));
        }
        done += 1;
        options.onProgress?.({ phase: 'documents', mailboxId, done, total: Math.max(total, done) });
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    if (failure) throw failure.err;
    return done;
  }

  private async fetchFile(mailboxId: string, file: StoredFile, options: SyncRunOptions): Promise<void> {
    throwIfAborted(options.signal);
    let bytes: Uint8Array;
    try {
      const res = await this.api.getBytes(
        fileContentPath(mailboxId, file.messageId, file.documentId, file.id),
        this.signal(options),
      );
      bytes = res.data.data;
    } catch (err) {
      if (!isDpRefusal(err)) throw err;
      this.log('Archive: Digital Post refused a file; it stays unarchived', err);
      this.store.markContentFailed(file);
      return;
    }
    const text = await extractText(bytes, file.encodingFormat, file.filename);
    throwIfAborted(options.signal);
    this.store.storeContent(file, Buffer.from(bytes), text);
  }

  private signal(options: SyncRunOptions): { signal?: AbortSignal } {
    return options.signal ? { signal: options.signal } : {};
  }
}

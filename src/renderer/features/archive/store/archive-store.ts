import { create } from 'zustand';
import type {
  ArchiveExportFormat,
  ArchiveExportScope,
  ArchiveStatus,
  SearchTerm,
  SnippetPart,
} from '../../../../shared/ipc/channels/archive';
import type { AppEvent } from '../../../../shared/ipc/events';
import { dp } from '../../../lib/api';
import { startDownload } from '../../../lib/download';
import { toUiError, type UiError } from '../../../lib/ui-error';

type ProgressEvent = Extract<AppEvent, { type: 'archive.progress' }>;

export interface SyncView {
  phase: 'metadata' | 'reconcile' | 'documents';
  state: ProgressEvent['state'];
  done: number;
  total: number;
}

export interface ExportView {
  exportId: string;
  running: boolean;
  done: number;
  total: number;
  result?: { exported: number; skipped: number; cancelled: boolean; saved: boolean };
  error?: UiError;
}

/** Where the list's last search was answered: the local archive or Digital Post (null: no search). */
export type SearchSource = 'archive' | 'server' | null;

export interface ArchiveState {
  status: ArchiveStatus | null;
  statusError: UiError | null;
  /** The running (or last ended) sync, as the progress events tell it. */
  sync: SyncView | null;
  searchSource: SearchSource;
  /** Snippets of the last archive search, by message id. */
  snippets: Record<string, SnippetPart[]>;
  terms: SearchTerm[];
  exportRun: ExportView | null;
  /** Digital Post cannot be reached; the list and letters come from the archive, read only. */
  offline: boolean;
  loadStatus(): Promise<void>;
  configure(mailboxId: string, enabled: boolean, withDocuments: boolean): Promise<boolean>;
  deleteArchive(): Promise<boolean>;
  syncNow(): Promise<void>;
  cancelSync(): Promise<void>;
  onEvent(event: AppEvent): void;
  setSearchResult(source: SearchSource, snippets?: Record<string, SnippetPart[]>, terms?: SearchTerm[]): void;
  startExport(format: ArchiveExportFormat, scope: ArchiveExportScope): Promise<void>;
  cancelExport(): Promise<void>;
  clearExport(): void;
  /** Logout: nothing of one person's archive stays on the page for the next. */
  reset(): void;
}

const EMPTY = {
  status: null,
  statusError: null,
  sync: null,
  searchSource: null,
  snippets: {},
  terms: [],
  exportRun: null,
  offline: false,
} satisfies Partial<ArchiveState>;

/** An answer that is not a status (a fake without the archive, an older main) counts as none. */
const asStatus = (s: ArchiveStatus | undefined): ArchiveStatus | null => (s && Array.isArray(s.mailboxes) ? s : null);

let exportCounter = 0;
const newExportId = (): string => `x${Date.now().toString(36)}${(exportCounter += 1)}`;

/** The archive's own store: settings, progress, where the search looked, and the export dialog's run. */
export const useArchiveStore = create<ArchiveState>()((set, get) => ({
  ...EMPTY,

  async loadStatus() {
    try {
      set({ status: asStatus(await dp().archive.status()), statusError: null });
    } catch (e) {
      set({ statusError: toUiError(e) });
    }
  },

  async configure(mailboxId, enabled, withDocuments) {
    try {
      set({ status: asStatus(await dp().archive.configure({ mailboxId, enabled, withDocuments })), statusError: null });
      return true;
    } catch (e) {
      set({ statusError: toUiError(e) });
      await get().loadStatus();
      return false;
    }
  },

  async deleteArchive() {
    try {
      set({ status: asStatus(await dp().archive.delete()), statusError: null, sync: null, snippets: {}, terms: [] });
      return true;
    } catch (e) {
      set({ statusError: toUiError(e) });
      return false;
    }
  },

  async syncNow() {
    try {
      await dp().archive.sync({ reconcile: true });
    } catch (e) {
      set({ statusError: toUiError(e) });
    }
  },

  async cancelSync() {
    try {
      await dp().archive.cancelSync();
    } catch (e) {
      set({ statusError: toUiError(e) });
    }
  },

  onEvent(event) {
    if (event.type === 'archive.offline') {
      set({ offline: event.offline });
      return;
    }
    if (event.type !== 'archive.progress') return;
    if (event.kind === 'sync') {
      set({
        sync: {
          phase: event.phase === 'export' ? 'metadata' : event.phase,
          state: event.state,
          done: event.done,
          total: event.total,
        },
      });
      // When a sync ends, the counts in the settings (and whether the archive covers a mailbox) change.
      if (event.state !== 'running') void get().loadStatus();
      return;
    }
    const run = get().exportRun;
    if (!run || event.exportId !== run.exportId) return;
    set({ exportRun: { ...run, done: event.done, total: event.total } });
  },

  setSearchResult(searchSource, snippets = {}, terms = []) {
    set({ searchSource, snippets, terms });
  },

  async startExport(format, scope) {
    const exportId = newExportId();
    set({ exportRun: { exportId, running: true, done: 0, total: 0 } });
    try {
      const result = await dp().archive.export({ exportId, format, scope });
      if (result.downloadPath) startDownload(result.downloadPath);
      const run = get().exportRun;
      if (run?.exportId === exportId) set({ exportRun: { ...run, running: false, result } });
    } catch (e) {
      const run = get().exportRun;
      if (run?.exportId === exportId) set({ exportRun: { ...run, running: false, error: toUiError(e) } });
    }
  },

  async cancelExport() {
    const run = get().exportRun;
    if (run?.running) await dp().archive.cancelExport({ exportId: run.exportId });
  },

  clearExport() {
    set({ exportRun: null });
  },

  reset() {
    set(EMPTY);
  },
}));

/** Whether the archive holds this mailbox completely, so search and offline reading can use it. */
export const archiveCovers = (status: ArchiveStatus | null, mailboxId: string | null): boolean =>
  Boolean(mailboxId && status?.mailboxes.some((m) => m.mailboxId === mailboxId && m.complete));

import { existsSync } from 'node:fs';
import type { DpClient } from '../dp-client/dp-client';
import type { SecretStore } from '../secret-store';
import { openArchiveDatabase, type ArchiveDatabase } from './archive-db';
import { archiveFilePath } from './archive-file';
import { loadArchiveKey } from './archive-key';
import { searchArchive, type ArchiveSearchQuery, type ArchiveSearchResult } from './archive-search';
import { ArchiveStore } from './archive-store';
import { ArchiveSync, type ArchiveSyncOptions } from './archive-sync';
import type { ExportRunOptions, ExportSummary } from './export-letters';
import { exportFolder, type Manifest } from './export-folder';
import { exportEmlFolder, exportMbox } from './export-mail';
import { emlZip, folderZip, mboxBytes, type ExportDownload } from './export-memory';
import { resolveNativeBinding, type RuntimeInfo } from './native-binding';

export interface OpenArchiveOptions {
  /** Folder for archive files (under the app's user data). */
  dir: string;
  env: string;
  /** The person's subject identifier; only its hash reaches the file system. */
  sub: string;
  /** Where the key lives: a keychain or safeStorage store for the `archive-key` purpose. */
  keyStore: SecretStore;
  /** Which SQLite build to load; defaults to the current process. */
  runtime?: RuntimeInfo;
}

export interface LocalArchive {
  readonly file: string;
  readonly store: ArchiveStore;
  search(query: ArchiveSearchQuery): ArchiveSearchResult;
  /** A sync bound to this archive, sharing the app's DpClient (and so its token bucket). */
  createSync(api: DpClient, options?: Omit<ArchiveSyncOptions, 'api' | 'store'>): ArchiveSync;
  exportFolder(
    ids: readonly string[],
    targetDir: string,
    options?: ExportRunOptions,
  ): Promise<ExportSummary & { manifest: Manifest }>;
  exportMbox(ids: readonly string[], file: string, options?: ExportRunOptions): Promise<ExportSummary>;
  /** One .eml per letter in the folder. */
  exportEml(ids: readonly string[], targetDir: string, options?: ExportRunOptions): Promise<ExportSummary>;
  /** The same exports in memory, as one file to download (browser mode): folder and eml as .zip, or the .mbox. */
  exportDownload(
    format: ExportFormat,
    ids: readonly string[],
    options?: ExportRunOptions,
  ): Promise<ExportSummary & { download: ExportDownload }>;
  close(): void;
}

export type ExportFormat = 'folder' | 'eml' | 'mbox';

const currentRuntime = (): RuntimeInfo => {
  const p = process as NodeJS.Process & { resourcesPath?: string; defaultApp?: boolean };
  return {
    versions: process.versions,
    resourcesPath: p.resourcesPath,
    // Electron sets defaultApp when started as `electron .` from a checkout; a packaged app has no such flag.
    packaged: Boolean(process.versions.electron) && !p.defaultApp,
    appRoot: process.cwd(),
  };
};

/**
 * Opens this person's archive in this environment, creating it (and its key) on first use. Throws
 * ArchiveUnavailable with a reason the settings can show when it cannot be opened.
 */
export const openLocalArchive = async (options: OpenArchiveOptions): Promise<LocalArchive> => {
  const file = archiveFilePath(options.dir, options.env, options.sub);
  const key = await loadArchiveKey(options.keyStore, { archiveExists: existsSync(file) });
  const db: ArchiveDatabase = openArchiveDatabase({
    file,
    key,
    nativeBinding: resolveNativeBinding(options.runtime ?? currentRuntime()),
  });
  key.fill(0);
  const store = new ArchiveStore(db);
  return {
    file,
    store,
    search: (query) => searchArchive(db, query),
    createSync: (api, syncOptions = {}) => new ArchiveSync({ ...syncOptions, api, store }),
    exportFolder: (ids, targetDir, o) => exportFolder(store, ids, targetDir, o),
    exportMbox: (ids, target, o) => exportMbox(store, ids, target, o),
    exportEml: (ids, targetDir, o) => exportEmlFolder(store, ids, targetDir, o),
    exportDownload: (format, ids, o) =>
      format === 'folder'
        ? folderZip(store, ids, o)
        : format === 'eml'
          ? emlZip(store, ids, o)
          : mboxBytes(store, ids, o),
    close: () => db.close(),
  };
};

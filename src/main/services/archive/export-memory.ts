import { zipSync, type Zippable } from 'fflate';
import type { ArchiveStore } from './archive-store';
import { exportFolderTo, letterFolderName, memorySink, unique, type Manifest } from './export-folder';
import { dateOf, type ExportRunOptions, type ExportSummary } from './export-letters';
import { exportEml, toMboxrdEntry } from './export-mail';

/** An export held in memory for one download (browser mode), so no letter is written to this machine's disk. */
export interface ExportDownload {
  name: string;
  contentType: string;
  bytes: Uint8Array;
}

const zipOf = (files: Map<string, Uint8Array>): Uint8Array => {
  const tree: Zippable = {};
  // Already-compressed formats (PDF, images) gain nothing from deflate; level 6 keeps text small without much time.
  for (const [path, bytes] of files) tree[path] = [bytes, { level: 6 }];
  return zipSync(tree);
};

const stamp = (now: Date): string => now.toISOString().slice(0, 10);

/** "Mappe med filer" as one .zip: the same tree the folder export writes, manifest and index files included. */
export const folderZip = async (
  store: ArchiveStore,
  ids: readonly string[],
  options: ExportRunOptions = {},
  now = new Date(),
): Promise<ExportSummary & { manifest: Manifest; download: ExportDownload }> => {
  const sink = memorySink();
  const summary = await exportFolderTo(store, ids, sink, options);
  return {
    ...summary,
    download: { name: `Digital Post ${stamp(now)}.zip`, contentType: 'application/zip', bytes: zipOf(sink.files) },
  };
};

/** One .eml per letter, zipped (a browser downloads one file per action). */
export const emlZip = async (
  store: ArchiveStore,
  ids: readonly string[],
  options: ExportRunOptions = {},
  now = new Date(),
): Promise<ExportSummary & { download: ExportDownload }> => {
  const files = new Map<string, Uint8Array>();
  const taken = new Set<string>();
  const summary = await exportEml(
    store,
    ids,
    (letter, eml) => {
      files.set(unique(`${letterFolderName(letter)}.eml`, taken), eml);
      return Promise.resolve();
    },
    options,
  );
  return {
    ...summary,
    download: { name: `Digital Post ${stamp(now)} (eml).zip`, contentType: 'application/zip', bytes: zipOf(files) },
  };
};

/** "Postkasse (.mbox)" in memory: the same mboxrd entries the file export writes. */
export const mboxBytes = async (
  store: ArchiveStore,
  ids: readonly string[],
  options: ExportRunOptions = {},
  now = new Date(),
): Promise<ExportSummary & { download: ExportDownload }> => {
  const parts: Buffer[] = [];
  const summary = await exportEml(
    store,
    ids,
    (letter, eml) => {
      parts.push(Buffer.from(toMboxrdEntry(eml, dateOf(letter.message)), 'latin1'));
      return Promise.resolve();
    },
    options,
  );
  return {
    ...summary,
    download: { name: `Digital Post ${stamp(now)}.mbox`, contentType: 'application/mbox', bytes: Buffer.concat(parts) },
  };
};

import { throwIfAborted } from './archive-errors';
import type { ArchiveStore, StoredFile, StoredMessage } from './archive-store';

/** A letter as the exports see it: its metadata and the bytes of every file, all from the archive. */
export interface ExportLetter {
  message: StoredMessage;
  files: (StoredFile & { content: Buffer })[];
}

export interface ExportProgress {
  phase: 'export';
  done: number;
  total: number;
}

export interface ExportRunOptions {
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
}

export interface ExportSummary {
  exported: string[];
  /** Letters the archive does not hold completely (metadata only, or a file not fetched yet): left out, not faked. */
  skipped: string[];
}

/** The letter with all its files, or undefined when the archive lacks the letter or any of its files' bytes. */
export const loadExportLetter = (store: ArchiveStore, id: string): ExportLetter | undefined => {
  const message = store.message(id);
  if (!message) return undefined;
  const files: ExportLetter['files'] = [];
  for (const file of store.files(id)) {
    const content = file.contentState === 'done' ? store.fileContent(id, file.documentId, file.id) : null;
    if (content === null) return undefined;
    files.push({ ...file, content });
  }
  return { message, files };
};

/**
 * The walk every export format shares: each letter the archive holds completely goes to `write`, the others are
 * skipped, progress is reported after each id, and a cancel stops the walk before the next letter.
 */
export const exportEachLetter = async (
  store: ArchiveStore,
  ids: readonly string[],
  write: (letter: ExportLetter) => Promise<void>,
  options: ExportRunOptions = {},
): Promise<ExportSummary> => {
  const summary: ExportSummary = { exported: [], skipped: [] };
  for (const id of ids) {
    throwIfAborted(options.signal);
    const letter = loadExportLetter(store, id);
    if (!letter) summary.skipped.push(id);
    else {
      await write(letter);
      summary.exported.push(id);
    }
    options.onProgress?.({
      phase: 'export',
      done: summary.exported.length + summary.skipped.length,
      total: ids.length,
    });
  }
  return summary;
};

/** The main document's text for a mail body: its first file's extracted text, if the archive has one. */
export const bodyTextOf = (store: ArchiveStore, letter: ExportLetter): string | null => {
  const main = letter.files.find((f) => f.documentType === 'MAIN') ?? letter.files[0];
  return main ? store.fileText(main.messageId, main.documentId, main.id) : null;
};

export const senderName = (m: StoredMessage): string => m.senderLabel ?? m.senderId ?? 'Ukendt afsender';
export const recipientName = (m: StoredMessage): string => m.recipientLabel ?? m.recipientId ?? '';
export const subjectOf = (m: StoredMessage): string => m.subject ?? '(uden emne)';
export const dateOf = (m: StoredMessage): Date | undefined => {
  const t = m.messageDate ? Date.parse(m.messageDate) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t);
};

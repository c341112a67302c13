import { normaliseEncodingFormat } from '../../../shared/dp/encoding-formats';
import type { DraftContent, DraftFormat } from '../../../shared/ipc/channels/compose';

// The MAIN document's words in either format the editor writes, and the file metadata each format needs.

export const MEDIA_TYPE: Record<DraftFormat, string> = { html: 'text/html', text: 'text/plain' };
const EXTENSION: Record<DraftFormat, string> = { html: '.html', text: '.txt' };

/** The editor's format of a MAIN file, or undefined for a file it cannot edit (a PDF). */
export const formatOfFile = (encodingFormat: string): DraftFormat | undefined => {
  const type = normaliseEncodingFormat(encodingFormat);
  return type === MEDIA_TYPE.html ? 'html' : type === MEDIA_TYPE.text ? 'text' : undefined;
};

export const wordsOf = (c: DraftContent): string => (c.format === 'html' ? c.html : c.text);

export const contentOf = (format: DraftFormat, words: string): DraftContent =>
  format === 'html' ? { format, html: words } : { format, text: words };

export const sameContent = (a: DraftContent, b: DraftContent): boolean =>
  a.format === b.format && wordsOf(a) === wordsOf(b);

/**
 * The filename after a format switch: its own name with the other extension, so a reader who downloads the main
 * document gets a file that opens as what it is (hoveddokument.html ↔ hoveddokument.txt).
 */
export const filenameFor = (current: string, format: DraftFormat): string => {
  const stem = current.replace(/\.(html?|txt)$/i, '') || 'hoveddokument';
  return `${stem}${EXTENSION[format]}`;
};

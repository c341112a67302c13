// Which encodingFormat a File may have, per type of the Document it belongs to (Technical Integration §13.1).
//
// Only MAIN is printed as a documentType value in the document; §13.1 and §10.2.3 name additional and technical
// documents without spelling them. The spelling chosen (ADDITIONAL, TECHNICAL) is kept in one place, enums.ts, and
// used here.
import { KNOWN_DOCUMENT_TYPES, type KnownDocumentType as DocumentType } from './enums';

export type { KnownDocumentType as DocumentType } from './enums';
export const DOCUMENT_TYPES: readonly DocumentType[] = KNOWN_DOCUMENT_TYPES;

export const ENCODING_FORMATS: Readonly<Record<DocumentType, readonly string[]>> = {
  // §13.1.1
  MAIN: ['application/pdf', 'text/html', 'text/plain'],
  // §13.1.2
  ADDITIONAL: [
    'image/bmp',
    'text/csv',
    'application/vnd.fujixerox.ddd',
    'application/msword',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/x-stata-dta',
    'image/gif',
    'text/html',
    'text/calendar',
    'image/jpeg',
    'video/quicktime',
    'audio/mpeg',
    'video/mp4',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/vnd.oasis.opendocument.text',
    'application/pdf',
    'image/png',
    'application/rtf',
    'application/x-spss-sav',
    'image/tiff',
    'text/plain',
    'audio/wav',
    'application/vnd.ms-excel',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/xml',
    'text/xml',
  ],
  // §13.1.3
  TECHNICAL: ['application/xml', 'text/xml', 'application/json'],
};

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value);
}

/** Media types compare case-insensitively and without parameters ("text/html; charset=utf-8" is text/html). */
export function normaliseEncodingFormat(format: string): string {
  return format.split(';')[0]!.trim().toLowerCase();
}

export function isEncodingFormatAllowed(documentType: DocumentType, format: string): boolean {
  return ENCODING_FORMATS[documentType].includes(normaliseEncodingFormat(format));
}

/**
 * A guess of the encodingFormat from a file name, for files whose type the operating system does not report.
 * Covers the whitelisted formats only; anything else is undefined and will be refused.
 */
const BY_EXTENSION: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  bmp: 'image/bmp',
  csv: 'text/csv',
  ddd: 'application/vnd.fujixerox.ddd',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dta: 'application/x-stata-dta',
  gif: 'image/gif',
  ics: 'text/calendar',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  mov: 'video/quicktime',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
  rtf: 'application/rtf',
  sav: 'application/x-spss-sav',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  wav: 'audio/wav',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  xml: 'application/xml',
  json: 'application/json',
};

export function encodingFormatFromFilename(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  if (dot === -1) return undefined;
  const extension = filename.slice(dot + 1).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
}

/**
 * The file extension each whitelisted format is written under, first the one we force, then others that mean the same
 * format and may stay. These are the registered (IANA / OS) extensions, not a Digital Post rule: the name we hand to
 * the OS must say what the bytes are, whatever the sender called the file.
 */
export const FORMAT_EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'text/html': ['html', 'htm'],
  'text/plain': ['txt'],
  'image/bmp': ['bmp'],
  'text/csv': ['csv'],
  'application/vnd.fujixerox.ddd': ['ddd'],
  'application/msword': ['doc'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/x-stata-dta': ['dta'],
  'image/gif': ['gif'],
  'text/calendar': ['ics'],
  'image/jpeg': ['jpg', 'jpeg'],
  'video/quicktime': ['mov'],
  'audio/mpeg': ['mp3'],
  'video/mp4': ['mp4'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'image/png': ['png'],
  'application/rtf': ['rtf'],
  'application/x-spss-sav': ['sav'],
  'image/tiff': ['tif', 'tiff'],
  'audio/wav': ['wav'],
  'application/vnd.ms-excel': ['xls'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/xml': ['xml'],
  'text/xml': ['xml'],
  'application/json': ['json'],
};

/** The extensions a file of `format` may carry; empty for a format outside the whitelist. */
export function extensionsForFormat(format: string): readonly string[] {
  const type = normaliseEncodingFormat(format);
  return Object.hasOwn(FORMAT_EXTENSIONS, type) ? FORMAT_EXTENSIONS[type]! : [];
}

/**
 * Formats the OS may open ("Åbn") under their forced extension: their usual viewers show them without running code.
 * Office Open XML (.docx/.xlsx) is included because Office refuses to run macros from a file with those extensions,
 * and the extension is forced from the format, so a macro-enabled .docm cannot arrive as one; Protected View (from the
 * Mark-of-the-Web) covers the rest.
 *
 * Left out, so they offer "Gem som…" only:
 * - text/html: a sender's raw HTML must never reach a browser; the app shows its own sanitised view instead.
 * - application/xml, text/xml, application/json: a browser may run an XML file's stylesheet or scripts; these are
 *   data for programs, not documents for people.
 * - application/msword, application/vnd.ms-excel, application/vnd.oasis.opendocument.*: the binary Office and the
 *   OpenDocument formats carry macros under their ordinary extension, so the extension cannot tell a safe one apart.
 * - application/rtf: embedded OLE objects in RTF have been a common way to run code through Word.
 * - application/vnd.fujixerox.ddd, application/x-stata-dta, application/x-spss-sav: their programs are specialist
 *   tools whose handling of untrusted files we cannot vouch for.
 */
export const OS_OPENABLE_FORMATS: ReadonlySet<string> = new Set([
  'application/pdf',
  'text/plain',
  'text/csv',
  'text/calendar',
  'image/bmp',
  'image/gif',
  'image/jpeg',
  'image/png',
  'image/tiff',
  'audio/mpeg',
  'audio/wav',
  'video/mp4',
  'video/quicktime',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
]);

/**
 * What "Åbn" does with a file: hand it to the OS (`os`), show it in the app's own letter window (`letter`, HTML after
 * sanitising), or nothing at all (`save-only`: unknown or code-capable formats can only be saved).
 */
export type OpenPolicy = 'os' | 'letter' | 'save-only';

export function openPolicyFor(format: string): OpenPolicy {
  const type = normaliseEncodingFormat(format);
  if (type === 'text/html') return 'letter';
  return OS_OPENABLE_FORMATS.has(type) ? 'os' : 'save-only';
}

/**
 * The content type a download of `format` is served with: the format itself when it is on the whitelist, otherwise
 * application/octet-stream, so a browser never treats an unknown declared type as something to render.
 */
export function downloadContentType(format: string): string {
  const type = normaliseEncodingFormat(format);
  return Object.hasOwn(FORMAT_EXTENSIONS, type) ? type : 'application/octet-stream';
}

// Which encodingFormat a File may have, per type of the Document it belongs to (Technical Integration §13.1).
//
// Only MAIN is printed as a documentType value in the document; §13.1 and §10.2.3 name additional and technical
// documents without spelling them. The spelling chosen (ADDITIONAL, TECHNICAL) is kept in one place, enums.ts, and
// used here.
import { DocumentTypeSchema, type DocumentType } from './enums';

export type { DocumentType } from './enums';
export const DOCUMENT_TYPES: readonly DocumentType[] = DocumentTypeSchema.options;

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

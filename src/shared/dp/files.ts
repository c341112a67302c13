// Checks an attachment against Digital Post's rules before it is uploaded, so the user hears about a refusal at once
// and in the words Digital Post would use (§13.4.1 codes, via error-codes.ts). The server stays the authority.
import type { FieldError } from '../ipc/app-error';
import {
  ENCODING_FORMATS,
  isEncodingFormatAllowed,
  normaliseEncodingFormat,
  type DocumentType,
} from './encoding-formats';
import { KNOWN_DOCUMENT_TYPES } from './enums';
import { dpFieldError } from './error-codes';
import { scrubFilename } from './filenames';
import { LIMITS } from './limits';

export interface AttachmentCandidate {
  readonly documentType: DocumentType;
  readonly encodingFormat: string;
  /** Bytes of file content. */
  readonly size: number;
  readonly filename: string;
}

export interface MessageDocumentsShape {
  readonly documents: ReadonlyArray<{
    /** As Digital Post answered; a type the client does not know is an attachment. */
    readonly documentType: string;
    readonly label?: string;
    readonly files: ReadonlyArray<{ readonly size?: number }>;
  }>;
}

export interface AttachmentTarget {
  /**
   * Index in `documents` when the file is added to an existing document (a further version of it); otherwise the
   * file starts a new document of `documentType`.
   */
  readonly documentIndex?: number;
}

const isKnownDocumentType = (t: string): t is DocumentType => (KNOWN_DOCUMENT_TYPES as readonly string[]).includes(t);

function megabytes(bytes: number): string {
  return `${bytes / (1024 * 1024)} MB`;
}

function messageBytes(message: MessageDocumentsShape): number {
  let total = 0;
  for (const document of message.documents) for (const file of document.files) total += file.size ?? 0;
  return total;
}

function checkFile(candidate: AttachmentCandidate, documentType: string): FieldError[] {
  const errors: FieldError[] = [];
  const filename = scrubFilename(candidate.filename).trim();
  if (filename === '') {
    errors.push(dpFieldError('message.file.filename.required', { resource: 'file', field: 'filename' }));
  } else if (filename.length > LIMITS.maxFilenameLength) {
    errors.push(
      dpFieldError('message.file.filename.size', { resource: 'file', field: 'filename', args: ['filename'] }),
    );
  }
  const format = normaliseEncodingFormat(candidate.encodingFormat);
  if (format === '') {
    errors.push(dpFieldError('message.file.encodingFormat.required', { resource: 'file', field: 'encodingFormat' }));
  } else if (candidate.encodingFormat.length > LIMITS.maxEncodingFormatLength) {
    errors.push(
      dpFieldError('message.file.encodingFormat.size', {
        resource: 'file',
        field: 'encodingFormat',
        args: ['encodingFormat'],
      }),
    );
  } else if (isKnownDocumentType(documentType) && !isEncodingFormatAllowed(documentType, format)) {
    // An unknown document type has no whitelist we could know; Digital Post decides.
    errors.push(
      dpFieldError('message.file.encoding.format.invalid', {
        resource: 'file',
        field: 'encodingFormat',
        rejectedValue: format,
        args: [format, documentType, ENCODING_FORMATS[documentType].join(', ')],
      }),
    );
  }
  if (candidate.size > LIMITS.maxFileBytes) {
    errors.push(
      dpFieldError('message.file.content.size', { resource: 'file', field: 'content', rejectedValue: candidate.size }),
    );
  }
  return errors;
}

/**
 * Everything Digital Post would refuse about adding `candidate` to `message`, as field errors with Digital Post's
 * codes and Danish messages; empty when the attachment may be uploaded.
 */
export function checkAttachment(
  candidate: AttachmentCandidate,
  message: MessageDocumentsShape,
  target: AttachmentTarget = {},
): FieldError[] {
  const existing = target.documentIndex === undefined ? undefined : message.documents[target.documentIndex];
  const documentType = existing?.documentType ?? candidate.documentType;
  const errors = checkFile(candidate, documentType);

  if (existing) {
    const files = existing.files.length + 1;
    if (files > LIMITS.maxFilesPerDocument) {
      errors.push(
        dpFieldError('message.file.number.higher.than.allowed', {
          resource: 'document',
          field: 'files',
          rejectedValue: files,
          args: [files],
        }),
      );
    }
  } else if (documentType === 'MAIN') {
    if (message.documents.some((d) => d.documentType === 'MAIN')) {
      errors.push(dpFieldError('message.send.documents.main.exceeds.max', { resource: 'message', field: 'documents' }));
    }
  } else {
    const others = message.documents.filter((d) => d.documentType !== 'MAIN').length + 1;
    if (others > LIMITS.maxOtherDocuments) {
      errors.push(
        dpFieldError('message.document.number.higher.than.allowed', {
          resource: 'message',
          field: 'documents',
          rejectedValue: others,
          args: [others],
        }),
      );
    }
  }

  if (messageBytes(message) + candidate.size > LIMITS.maxMessageBytes) {
    errors.push(
      dpFieldError('message.total.file.size.exceeds.allowed.size', {
        resource: 'message',
        field: 'documents',
        args: [megabytes(LIMITS.maxMessageBytes)],
      }),
    );
  }
  return errors;
}

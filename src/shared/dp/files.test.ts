import { describe, expect, it } from 'vitest';
import { checkAttachment, type MessageDocumentsShape } from './files';
import { LIMITS } from './limits';

const MB = 1024 * 1024;
const pdf = { documentType: 'ADDITIONAL' as const, encodingFormat: 'application/pdf', size: MB, filename: 'bilag.pdf' };
const empty: MessageDocumentsShape = { documents: [] };
const withMain: MessageDocumentsShape = {
  documents: [{ documentType: 'MAIN', files: [{ size: 1000 }] }],
};
const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe('LIMITS (§10.2.3)', () => {
  it('are 70 MB per message, 10 MB per file, 1 main + 10 other documents, 10 files each', () => {
    expect(LIMITS.maxMessageBytes).toBe(70 * MB);
    expect(LIMITS.maxFileBytes).toBe(10 * MB);
    expect(LIMITS.maxMainDocuments).toBe(1);
    expect(LIMITS.maxOtherDocuments).toBe(10);
    expect(LIMITS.maxFilesPerDocument).toBe(10);
  });
});

describe('checkAttachment', () => {
  it('accepts an allowed file', () => {
    expect(checkAttachment(pdf, withMain)).toEqual([]);
    expect(checkAttachment({ ...pdf, size: 10 * MB }, withMain)).toEqual([]);
  });

  it('refuses a format the document type does not allow, with the Danish message', () => {
    const errors = checkAttachment({ ...pdf, documentType: 'MAIN', encodingFormat: 'image/png' }, empty);
    expect(errors).toEqual([
      {
        code: 'message.file.encoding.format.invalid',
        message:
          'Det angivne format image/png er ikke tilladt for dokumenter af typen MAIN. Tilladte formater: ' +
          'application/pdf, text/html, text/plain',
        resource: 'file',
        field: 'encodingFormat',
        rejectedValue: 'image/png',
      },
    ]);
  });

  it('uses the type of the existing document when adding a version to it', () => {
    expect(codes(checkAttachment({ ...pdf, encodingFormat: 'image/png' }, withMain, { documentIndex: 0 }))).toEqual([
      'message.file.encoding.format.invalid',
    ]);
  });

  it('refuses a file over 10 MB', () => {
    const errors = checkAttachment({ ...pdf, size: 10 * MB + 1 }, withMain);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'message.file.content.size', message: 'Filen er for stor.' }),
    ]);
  });

  it('refuses a file that takes the message over 70 MB', () => {
    const full: MessageDocumentsShape = {
      documents: [
        { documentType: 'MAIN', files: [{ size: 5 * MB }] },
        ...Array.from({ length: 7 }, () => ({ documentType: 'ADDITIONAL' as const, files: [{ size: 9 * MB }] })),
      ],
    };
    expect(checkAttachment({ ...pdf, size: 2 * MB }, full)).toEqual([]);
    expect(checkAttachment({ ...pdf, size: 2 * MB + 1 }, full)).toEqual([
      expect.objectContaining({
        code: 'message.total.file.size.exceeds.allowed.size',
        message: 'Total filstørrelse overskrider tilladt størrelse: 70 MB',
      }),
    ]);
  });

  it('refuses a second main document and an eleventh other document', () => {
    expect(codes(checkAttachment({ ...pdf, documentType: 'MAIN' }, withMain))).toEqual([
      'message.send.documents.main.exceeds.max',
    ]);
    const ten: MessageDocumentsShape = {
      documents: [
        { documentType: 'MAIN', files: [] },
        ...Array.from({ length: 10 }, (_, i) => ({
          documentType: (i % 2 ? 'ADDITIONAL' : 'TECHNICAL') as 'ADDITIONAL' | 'TECHNICAL',
          files: [],
        })),
      ],
    };
    expect(checkAttachment(pdf, ten)).toEqual([
      expect.objectContaining({
        code: 'message.document.number.higher.than.allowed',
        message: 'Grænsen for antal dokumenter der kan tilføjes beskeden er oversteget: 11',
      }),
    ]);
    expect(checkAttachment(pdf, { documents: ten.documents.slice(0, 10) })).toEqual([]);
  });

  it('refuses an eleventh file on a document', () => {
    const message: MessageDocumentsShape = {
      documents: [{ documentType: 'ADDITIONAL', files: Array.from({ length: 10 }, () => ({ size: 1 })) }],
    };
    expect(checkAttachment(pdf, message, { documentIndex: 0 })).toEqual([
      expect.objectContaining({
        code: 'message.file.number.higher.than.allowed',
        message: 'Grænsen for antal filer der kan tilføjes beskeden er oversteget: 11',
      }),
    ]);
    expect(
      checkAttachment(pdf, { documents: [{ documentType: 'ADDITIONAL', files: [{ size: 1 }] }] }, { documentIndex: 0 }),
    ).toEqual([]);
  });

  it('checks the scrubbed file name and the required fields', () => {
    expect(codes(checkAttachment({ ...pdf, filename: '???' }, withMain))).toEqual(['message.file.filename.required']);
    expect(codes(checkAttachment({ ...pdf, filename: `${'a'.repeat(253)}.pdf` }, withMain))).toEqual([
      'message.file.filename.size',
    ]);
    expect(checkAttachment({ ...pdf, filename: 'bil:ag.pdf' }, withMain)).toEqual([]);
    expect(codes(checkAttachment({ ...pdf, encodingFormat: '' }, withMain))).toEqual([
      'message.file.encodingFormat.required',
    ]);
  });
});

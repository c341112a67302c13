// The documents of seeded letters: a main document in the letter's format, its attachments, and plain HTML letters.
import type { DocumentRecord, FileRecord } from '../context';
import { newDocument, newFile } from '../records';
import { authority, type AuthorityKey } from './authorities';
import { csvTable, largeAnnualStatementHtml, letterHtml, makePng, pdfPagesFor, plainText } from './content';
import type { Attachment, Body } from './lone-letters';
import { pdfFile, type SeedRun } from './run';

export const mainDocumentFor = (
  run: SeedRun,
  at: string,
  spec: { label: string; from: AuthorityKey; body: Body },
): DocumentRecord => {
  const sender = authority(spec.from).name;
  const { store } = run;
  let file: FileRecord;
  switch (spec.body.kind) {
    case 'html': {
      const bytes = Buffer.from(letterHtml(spec.label, sender, spec.body.paragraphs, spec.body.table));
      file = newFile(store, at, { encodingFormat: 'text/html', filename: 'brev.html', content: bytes });
      break;
    }
    case 'bigHtml': {
      const bytes = Buffer.from(largeAnnualStatementHtml());
      file = newFile(store, at, { encodingFormat: 'text/html', filename: 'aarsopgoerelse-2025.html', content: bytes });
      break;
    }
    case 'text': {
      const bytes = Buffer.from(plainText(spec.body.lines));
      file = newFile(store, at, { encodingFormat: 'text/plain', filename: 'brev.txt', content: bytes });
      break;
    }
    case 'pdf':
      file = pdfFile(run, at, 'brev.pdf', spec.label, pdfPagesFor(spec.label, spec.body.pages, spec.body.paragraph));
      break;
  }
  return newDocument(store, at, 'MAIN', spec.label, [file]);
};

export const attachmentDocument = (run: SeedRun, at: string, att: Attachment, hue: number): DocumentRecord => {
  const { store } = run;
  let file: FileRecord;
  switch (att.kind) {
    case 'pdf':
      file = pdfFile(
        run,
        at,
        att.filename,
        att.label,
        pdfPagesFor(att.label, att.pages, `${att.label}. Bilaget er en del af afgørelsen.`),
      );
      break;
    case 'csv':
      file = newFile(store, at, {
        encodingFormat: 'text/csv',
        filename: att.filename,
        content: Buffer.from(csvTable(att.rows)),
      });
      break;
    case 'png':
      file = newFile(store, at, { encodingFormat: 'image/png', filename: att.filename, content: makePng(64, 48, hue) });
      break;
  }
  return newDocument(store, at, 'ADDITIONAL', att.label, [file]);
};

export const htmlMain = (
  run: SeedRun,
  at: string,
  label: string,
  sender: string,
  paragraphs: string[],
): DocumentRecord =>
  newDocument(run.store, at, 'MAIN', 'Hoveddokument', [
    newFile(run.store, at, {
      encodingFormat: 'text/html',
      filename: 'hoveddokument.html',
      content: Buffer.from(letterHtml(label, sender, paragraphs)),
    }),
  ]);

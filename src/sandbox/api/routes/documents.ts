import { Router, type Request, type Response } from 'express';
import multer from 'multer';
import { z } from 'zod';
import {
  ENCODING_FORMATS,
  isEncodingFormatAllowed,
  normaliseEncodingFormat,
} from '../../../shared/dp/encoding-formats';
import type { KnownDocumentType as DocumentType } from '../../../shared/dp/enums';
import { scrubFilename } from '../../../shared/dp/filenames';
import { LIMITS } from '../../../shared/dp/limits';
import { UPLOAD_CODES } from '../../../shared/html/messages';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { findMessage, openMailbox, requireWrite, type OpenMailbox } from '../access-control';
import { parseBody, serverOwned } from '../body';
import type { DocumentRecord, FileRecord, MessageRecord } from '../context';
import { dpError, fieldError, notFound, rejected, validation } from '../errors';
import { newDocument, newFile } from '../records';
import { search } from '../search';
import type { InMemoryMailStore } from '../store';
import { etag, pathId, requireIfMatch } from '../util';
import { documentView, fileView } from '../views';

// §6.4 documents and §6.5 files of a message, including content upload (§6.12.1, §6.14) and download.

const FileInputSchema = z.strictObject({
  ...serverOwned,
  encodingFormat: z.string().nullish(),
  filename: z.string().nullish(),
  language: z.string().nullish(),
  fileSize: z.number().nullish(),
});
const DocumentInputSchema = z.strictObject({
  ...serverOwned,
  documentType: z.enum(['MAIN', 'ADDITIONAL', 'TECHNICAL']).nullish(),
  label: z.string().max(256).nullish(),
  files: z.array(FileInputSchema).max(100).nullish(),
  actions: z.array(z.looseObject({})).nullish(),
});

const otherCount = (m: MessageRecord, except?: DocumentRecord) =>
  m.documents.filter((d) => d !== except && d.documentType !== 'MAIN').length;
const mainCount = (m: MessageRecord, except?: DocumentRecord) =>
  m.documents.filter((d) => d !== except && d.documentType === 'MAIN').length;

const requireDraft = (
  m: MessageRecord,
  code: 'message.document.draftMessageRequired' | 'message.file.draftMessageRequired',
) => {
  if (m.messageState !== 'DRAFT')
    throw validation(
      'message is not a draft',
      fieldError(code, { field: 'messageState', rejectedValue: m.messageState }),
    );
};

interface CheckedFile {
  encodingFormat: string;
  filename: string;
  language: string;
}

const checkFileInput = (input: z.infer<typeof FileInputSchema>, documentType: DocumentType): CheckedFile => {
  const errors = [];
  const format = input.encodingFormat?.trim() ?? '';
  if (format === '')
    errors.push(fieldError('message.file.encodingFormat.required', { resource: 'file', field: 'encodingFormat' }));
  else if (format.length > LIMITS.maxEncodingFormatLength)
    errors.push(
      fieldError('message.file.encodingFormat.size', {
        resource: 'file',
        field: 'encodingFormat',
        args: ['encodingFormat'],
      }),
    );
  else if (!isEncodingFormatAllowed(documentType, format)) {
    errors.push(
      fieldError('message.file.encoding.format.invalid', {
        resource: 'file',
        field: 'encodingFormat',
        rejectedValue: format,
        args: [format, documentType, ENCODING_FORMATS[documentType].join(', ')],
      }),
    );
  }
  const filename = scrubFilename(input.filename ?? '').trim();
  if (filename === '')
    errors.push(fieldError('message.file.filename.required', { resource: 'file', field: 'filename' }));
  else if (filename.length > LIMITS.maxFilenameLength)
    errors.push(fieldError('message.file.filename.size', { resource: 'file', field: 'filename', args: ['filename'] }));
  const language = input.language ?? 'da';
  if (!/^[a-z]{2}$/.test(language))
    errors.push(rejected('message.language.code.invalid', 'language', language, 'file'));
  if (errors.length > 0) throw dpError(400, 'ValidationException: invalid file', errors);
  return { encodingFormat: normaliseEncodingFormat(format), filename, language };
};

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: LIMITS.maxFileBytes, files: 1, fields: 10 },
});

/** Reads the multipart field `file`; every multer failure becomes a Digital Post 400. */
const readUpload = (req: Request, res: Response): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    if (!req.is('multipart/form-data')) {
      reject(dpError(400, "ValidationException: content must be sent as multipart/form-data in the field 'file'", []));
      return;
    }
    upload.single('file')(req, res, (error: unknown) => {
      if (error instanceof multer.MulterError && error.code === 'LIMIT_FILE_SIZE') {
        reject(
          validation('file too large', fieldError('message.file.content.size', { resource: 'file', field: 'content' })),
        );
      } else if (error) {
        reject(
          dpError(400, `ValidationException: ${error instanceof Error ? error.message : 'invalid multipart body'}`, []),
        );
      } else if (!req.file) {
        reject(dpError(400, "ValidationException: the multipart body has no field 'file'", []));
      } else resolve(req.file.buffer);
    });
  });

const htmlRejection = (file: FileRecord, html: string) => {
  const verdict = validateStrictHtml(html);
  if (verdict.approved) return undefined;
  return dpError(
    400,
    `ValidationException: ${file.id} can not be updated with html content`,
    verdict.errors.map((e) => ({ resource: 'target', code: UPLOAD_CODES[e.code], message: e.message })),
  );
};

export const documentRoutes = (store: InMemoryMailStore): Router => {
  const router = Router();
  const docs = '/mailboxes/:mailboxId/messages/:messageId/documents';
  const files = `${docs}/:documentId/files`;

  const load = (req: Request, res: Response) => {
    const mb = openMailbox(store, res, pathId(req, 'mailboxId'));
    const message = findMessage(store, mb, pathId(req, 'messageId'));
    return { mb, message };
  };
  const loadDocument = (req: Request, res: Response) => {
    const { mb, message } = load(req, res);
    const id = pathId(req, 'documentId');
    const document = message.documents.find((d) => d.id === id);
    if (!document) throw notFound('Document', id);
    return { mb, message, document };
  };
  const loadFile = (req: Request, res: Response) => {
    const loaded = loadDocument(req, res);
    const id = pathId(req, 'fileId');
    const file = loaded.document.files.find((f) => f.id === id);
    if (!file) throw notFound('File', id);
    return { ...loaded, file };
  };
  const forWriting = (mb: OpenMailbox, message: MessageRecord, code: Parameters<typeof requireDraft>[1]) => {
    requireWrite(mb);
    requireDraft(message, code);
  };

  router.get(docs, (req, res) => {
    const { message } = load(req, res);
    res.json(
      search(message.documents.map(documentView), req.query, {
        plural: 'documents',
        defaultSort: [{ path: 'createdDateTime', desc: false }],
      }),
    );
  });
  router.get(`${docs}/:documentId`, (req, res) => {
    const { document } = loadDocument(req, res);
    res.set('ETag', etag(document.version)).json(documentView(document));
  });
  router.post(docs, (req, res) => {
    const { mb, message } = load(req, res);
    forWriting(mb, message, 'message.document.draftMessageRequired');
    const input = parseBody(DocumentInputSchema, req.body, 'document');
    const documentType = input.documentType ?? 'ADDITIONAL';
    const full =
      documentType === 'MAIN'
        ? mainCount(message) >= LIMITS.maxMainDocuments
        : otherCount(message) >= LIMITS.maxOtherDocuments;
    if (full) {
      const limit = documentType === 'MAIN' ? LIMITS.maxMainDocuments : LIMITS.maxOtherDocuments;
      throw validation(
        'too many documents',
        fieldError('message.document.number.higher.than.allowed', { field: 'documents', args: [limit] }),
      );
    }
    const fileInputs = input.files ?? [];
    if (fileInputs.length > LIMITS.maxFilesPerDocument) {
      throw validation(
        'too many files',
        fieldError('message.file.number.higher.than.allowed', { field: 'files', args: [LIMITS.maxFilesPerDocument] }),
      );
    }
    const at = store.nowIso();
    const checked = fileInputs.map((f) => checkFileInput(f, documentType));
    const document = newDocument(
      store,
      at,
      documentType,
      input.label ?? undefined,
      checked.map((c) => newFile(store, at, c)),
    );
    store.updateMessage(
      message,
      (m) => {
        m.documents.push(document);
      },
      { bumpVersion: false },
    );
    res.status(201).set('ETag', etag(document.version)).json(documentView(document));
  });
  router.put(`${docs}/:documentId`, (req, res) => {
    const { mb, message, document } = loadDocument(req, res);
    forWriting(mb, message, 'message.document.draftMessageRequired');
    requireIfMatch(req, document.version, 'document');
    const input = parseBody(DocumentInputSchema, req.body, 'document');
    const documentType = input.documentType ?? document.documentType;
    if (documentType !== document.documentType) {
      const full =
        documentType === 'MAIN'
          ? mainCount(message, document) >= LIMITS.maxMainDocuments
          : otherCount(message, document) >= LIMITS.maxOtherDocuments;
      if (full)
        throw validation(
          'too many documents',
          fieldError('message.document.number.higher.than.allowed', {
            field: 'documentType',
            args: [documentType === 'MAIN' ? 1 : 10],
          }),
        );
      for (const f of document.files) checkFileInput(f, documentType);
    }
    store.updateMessage(
      message,
      () => {
        document.documentType = documentType;
        if (input.label == null) delete document.label;
        else document.label = input.label;
        store.touch(document);
      },
      { bumpVersion: false },
    );
    res.set('ETag', etag(document.version)).json(documentView(document));
  });
  router.delete(`${docs}/:documentId`, (req, res) => {
    const { mb, message, document } = loadDocument(req, res);
    forWriting(mb, message, 'message.document.draftMessageRequired');
    requireIfMatch(req, document.version, 'document');
    store.updateMessage(
      message,
      (m) => {
        m.documents = m.documents.filter((d) => d !== document);
      },
      { bumpVersion: false },
    );
    res.status(204).end();
  });

  router.get(files, (req, res) => {
    const { document } = loadDocument(req, res);
    res.json(
      search(document.files.map(fileView), req.query, {
        plural: 'files',
        defaultSort: [{ path: 'createdDateTime', desc: false }],
      }),
    );
  });
  router.get(`${files}/:fileId`, (req, res) => {
    const { file } = loadFile(req, res);
    res.set('ETag', etag(file.version)).json(fileView(file));
  });
  router.get(`${files}/:fileId/content`, async (req, res) => {
    const { file } = loadFile(req, res);
    const bytes = await store.readContent(file);
    if (!bytes) throw dpError(404, `NotFoundException: file ${file.id} has no content`, []);
    const type = file.encodingFormat.startsWith('text/')
      ? `${file.encodingFormat}; charset=utf-8`
      : file.encodingFormat;
    res
      .set('Content-Type', type)
      .set('Content-Length', String(bytes.length))
      .set('ETag', etag(file.version))
      .set('X-Content-Type-Options', 'nosniff')
      .set(
        'Content-Disposition',
        `attachment; filename="${file.filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      )
      .end(bytes);
  });
  router.post(files, (req, res) => {
    const { mb, message, document } = loadDocument(req, res);
    forWriting(mb, message, 'message.file.draftMessageRequired');
    if (document.files.length >= LIMITS.maxFilesPerDocument) {
      throw validation(
        'too many files',
        fieldError('message.file.number.higher.than.allowed', { field: 'files', args: [LIMITS.maxFilesPerDocument] }),
      );
    }
    const checked = checkFileInput(parseBody(FileInputSchema, req.body, 'file'), document.documentType);
    const file = newFile(store, store.nowIso(), checked);
    store.updateMessage(
      message,
      () => {
        document.files.push(file);
        store.touch(document);
      },
      { bumpVersion: false },
    );
    res.status(201).set('ETag', etag(file.version)).json(fileView(file));
  });
  router.put(`${files}/:fileId`, async (req, res) => {
    const { mb, message, document, file } = loadFile(req, res);
    forWriting(mb, message, 'message.file.draftMessageRequired');
    requireIfMatch(req, file.version, 'file');
    const checked = checkFileInput(parseBody(FileInputSchema, req.body, 'file'), document.documentType);
    if (checked.encodingFormat === 'text/html' && file.encodingFormat !== 'text/html') {
      const bytes = await store.readContent(file);
      if (bytes && !validateStrictHtml(bytes.toString('utf8')).approved) {
        throw validation(
          'not html',
          fieldError('message.file.encoding.format.invalid.switch.to.html', {
            resource: 'file',
            field: 'encodingFormat',
          }),
        );
      }
    }
    store.updateMessage(
      message,
      () => {
        Object.assign(file, checked);
        store.touch(file);
      },
      { bumpVersion: false },
    );
    res.set('ETag', etag(file.version)).json(fileView(file));
  });
  router.delete(`${files}/:fileId`, (req, res) => {
    const { mb, message, document, file } = loadFile(req, res);
    forWriting(mb, message, 'message.file.draftMessageRequired');
    requireIfMatch(req, file.version, 'file');
    store.updateMessage(
      message,
      () => {
        document.files = document.files.filter((f) => f !== file);
        store.touch(document);
      },
      { bumpVersion: false },
    );
    res.status(204).end();
  });
  router.put(`${files}/:fileId/content`, async (req, res) => {
    const bytes = await readUpload(req, res);
    const { mb, message, file } = loadFile(req, res);
    forWriting(mb, message, 'message.file.draftMessageRequired');
    requireIfMatch(req, file.version, 'file');
    const others = message.documents
      .flatMap((d) => d.files)
      .filter((f) => f !== file && f.content !== null)
      .reduce((n, f) => n + f.fileSize, 0);
    if (others + bytes.length > LIMITS.maxMessageBytes) {
      throw validation(
        'message too large',
        fieldError('message.total.file.size.exceeds.allowed.size', {
          field: 'documents',
          args: [`${LIMITS.maxMessageBytes / 1024 / 1024} MB`],
        }),
      );
    }
    if (normaliseEncodingFormat(file.encodingFormat) === 'text/html') {
      const rejection = htmlRejection(file, bytes.toString('utf8'));
      if (rejection) throw rejection;
    }
    store.updateMessage(
      message,
      () => {
        file.content = bytes;
        file.fileSize = bytes.length;
        store.touch(file);
      },
      { bumpVersion: false },
    );
    res.set('ETag', etag(file.version)).json({ id: file.id, version: file.version, fileSize: file.fileSize });
  });
  return router;
};

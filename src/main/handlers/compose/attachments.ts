import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import {
  encodingFormatFromFilename,
  normaliseEncodingFormat,
  type DocumentType,
} from '../../../shared/dp/encoding-formats';
import { scrubFilename } from '../../../shared/dp/filenames';
import { checkAttachment, type MessageDocumentsShape } from '../../../shared/dp/files';
import { DocumentSchema, FileSchema, type DpDocument, type Message } from '../../../shared/dp/resources';
import type { AppEvent } from '../../../shared/ipc/events';
import type { Handlers } from '../../ipc/dispatch';
import { AppFault, appRefusal, isOutcomeUnknown, refusals } from '../../errors';
import { checkStrict } from './autosave';
import type { ComposeState } from './context';
import { documentView, fetchMessage, requireDraft } from './drafts-read';
import { documentPath, documentsPath, fileContentPath, filePath, filesPath } from '../../services/dp-client/api-paths';

type Phase = Extract<AppEvent, { type: 'compose.upload' }>['phase'];

const shapeOf = (m: Pick<Message, 'documents'>): MessageDocumentsShape => ({
  documents: (m.documents ?? []).map((d) => ({
    documentType: d.documentType,
    files: d.files.map((f) => (f.fileSize !== undefined ? { size: f.fileSize } : {})),
  })),
});

/** base64 → byte count without decoding (a refusal of an oversized file should not cost its memory twice). */
const base64Bytes = (b64: string): number =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

export interface AttachRequest {
  mailboxId: string;
  messageId: string;
  uploadId: string;
  filename: string;
  encodingFormat?: string | undefined;
  documentType?: 'ADDITIONAL' | 'TECHNICAL' | undefined;
  documentId?: string | undefined;
  label?: string | undefined;
  base64: string;
}

export const createAttachmentHandlers = (
  state: ComposeState,
  openDraft: (mailboxId: string, messageId: string) => ReturnType<Handlers['compose.open']>,
): Pick<Handlers, 'compose.attach' | 'compose.cancelUpload'> => {
  const { api, events } = state.ctx;

  /**
   * A POST is never repeated blindly: after a lost answer the message is read again and a document or file that was
   * not there before, and fits what we asked for, is the one we created.
   */
  const createOnce = async <T>(post: () => Promise<T>, find: () => Promise<T | undefined>): Promise<T> => {
    try {
      return await post();
    } catch (err) {
      if (!isOutcomeUnknown(err)) throw err;
      const found = await find();
      if (found === undefined) throw err;
      return found;
    }
  };

  const attach = async (req: AttachRequest) => {
    const { mailboxId, messageId, uploadId } = req;
    const documentType: DocumentType = req.documentType ?? 'ADDITIONAL';
    const filename = scrubFilename(req.filename).trim();
    const encodingFormat = normaliseEncodingFormat(req.encodingFormat ?? encodingFormatFromFilename(filename) ?? '');
    const size = base64Bytes(req.base64);
    const candidate = { documentType, encodingFormat, size, filename };

    // The file on its own first (format, size, name): no request at all for those.
    const fileErrors = checkAttachment(candidate, { documents: [] });
    if (fileErrors.length > 0) throw refusals(fileErrors);
    const bytes = new Uint8Array(Buffer.from(req.base64, 'base64'));
    if (encodingFormat === 'text/html') checkStrict(Buffer.from(bytes).toString('utf8'));

    const controller = new AbortController();
    state.uploads.set(uploadId, controller);
    const signal = controller.signal;
    const progress = (phase: Phase, sentBytes = 0, loaded?: number): void =>
      events.emit({
        type: 'compose.upload',
        uploadId,
        messageId,
        phase,
        sentBytes,
        totalBytes: size,
        ...(loaded !== undefined ? { loaded, total: size } : {}),
      });

    let created: DpDocument | undefined;
    let createdFile: { documentId: string; fileId: string } | undefined;
    try {
      const before = await fetchMessage(api, mailboxId, messageId, signal);
      requireDraft(before);
      const docs = before.documents ?? [];
      const index = req.documentId === undefined ? undefined : docs.findIndex((d) => d.id === req.documentId);
      if (index === -1)
        throw appRefusal(APP_ERROR_CODES.composeDocumentMissing, 'Bilaget findes ikke længere på kladden.');
      const existing = index === undefined ? undefined : docs[index];
      if (existing?.documentType === 'MAIN')
        throw appRefusal(APP_ERROR_CODES.composeMainDocument, 'Hoveddokumentet redigeres i editoren, ikke som bilag.');
      // Then against the message: counts and the 70 MB total, still before any upload.
      const messageErrors = checkAttachment(
        candidate,
        shapeOf(before),
        index === undefined ? {} : { documentIndex: index },
      );
      if (messageErrors.length > 0) throw refusals(messageErrors);
      const knownDocs = new Set(docs.map((d) => d.id));
      const label = req.label ?? filename;

      let doc: DpDocument;
      if (existing) doc = existing;
      else {
        progress('document');
        created = await createOnce(
          async () =>
            DocumentSchema.parse(
              (
                await api.post<unknown>(
                  documentsPath(mailboxId, messageId),
                  { documentType, label, files: [] },
                  { signal },
                )
              ).data,
            ),
          async () =>
            (await fetchMessage(api, mailboxId, messageId)).documents?.find(
              (d) => !knownDocs.has(d.id) && d.label === label && d.documentType === documentType,
            ),
        );
        doc = created;
      }
      const knownFiles = new Set(doc.files.map((f) => f.id));

      progress('file');
      const file = await createOnce(
        async () =>
          FileSchema.parse(
            (
              await api.post<unknown>(
                filesPath(mailboxId, messageId, doc.id),
                { encodingFormat, filename, language: 'da' },
                { signal },
              )
            ).data,
          ),
        async () =>
          (await fetchMessage(api, mailboxId, messageId)).documents
            ?.find((d) => d.id === doc.id)
            ?.files.find((f) => !knownFiles.has(f.id) && f.filename === filename),
      );
      createdFile = { documentId: doc.id, fileId: file.id };

      progress('content', 0, 0);
      // PUT with If-Match = the file version: the client may repeat it after a drop or a 503, and a repeat of an
      // upload that already landed is refused with a 409 rather than stored twice.
      // The client counts the multipart body; scaled to the file's bytes. Only what is new and short of the end is
      // told: the bar never runs back on a repeated upload, and the full count comes with `done`, once the server
      // has the content (so a small file still gives exactly one event per step).
      let shown = 0;
      const onUploadProgress = (loaded: number, total: number): void => {
        const fileLoaded = total > 0 ? Math.min(size, Math.round((loaded / total) * size)) : 0;
        if (fileLoaded <= shown || fileLoaded >= size) return;
        shown = fileLoaded;
        progress('content', 0, fileLoaded);
      };
      await api.putMultipart(
        fileContentPath(mailboxId, messageId, doc.id, file.id),
        { data: bytes, filename, contentType: encodingFormat },
        { ifMatch: file.version, signal, onUploadProgress },
      );
      progress('done', size, size);

      const draft = await openDraft(mailboxId, messageId);
      const document = draft.attachments.find((d) => d.documentId === doc.id) ?? documentView(doc);
      return { document, draft };
    } catch (err) {
      const cancelled = signal.aborted;
      progress(cancelled ? 'cancelled' : 'failed');
      // Leave no half-made attachment behind (an empty document or a file without content would block sending).
      if (created) await removeDocument(mailboxId, messageId, created.id).catch(() => undefined);
      else if (createdFile)
        await removeFile(mailboxId, messageId, createdFile.documentId, createdFile.fileId).catch(() => undefined);
      if (cancelled) throw appRefusal(APP_ERROR_CODES.composeUploadCancelled, 'Vedhæftningen blev annulleret.');
      throw err;
    } finally {
      state.uploads.delete(uploadId);
    }
  };

  const removeDocument = async (mailboxId: string, messageId: string, documentId: string): Promise<void> => {
    const res = await api.get<unknown>(documentPath(mailboxId, messageId, documentId));
    const doc = DocumentSchema.parse(res.data);
    await api.delete(documentPath(mailboxId, messageId, documentId), { ifMatch: doc.version });
  };

  const removeFile = async (
    mailboxId: string,
    messageId: string,
    documentId: string,
    fileId: string,
  ): Promise<void> => {
    const res = await api.get<unknown>(filePath(mailboxId, messageId, documentId, fileId));
    const file = FileSchema.parse(res.data);
    await api.delete(filePath(mailboxId, messageId, documentId, fileId), { ifMatch: file.version });
  };

  return {
    'compose.attach': async (req) => {
      try {
        return await attach(req);
      } catch (err) {
        if (err instanceof AppFault) throw err;
        if (err instanceof Error && err.name === 'AbortError')
          throw appRefusal(APP_ERROR_CODES.composeUploadCancelled, 'Vedhæftningen blev annulleret.');
        throw err;
      }
    },
    'compose.cancelUpload': async ({ uploadId }) => {
      const controller = state.uploads.get(uploadId);
      if (!controller) return { cancelled: false };
      controller.abort();
      return { cancelled: true };
    },
  };
};

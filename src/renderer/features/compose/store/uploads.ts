import { checkAttachment } from '../../../../shared/dp/files';
import { encodingFormatFromFilename } from '../../../../shared/dp/encoding-formats';
import { scrubFilename } from '../../../../shared/dp/filenames';
import { dp } from '../../../lib/api';
import { toUiError } from '../../../lib/ui-error';
import type { ComposeContext } from './context';
import type { ComposeSession, ComposeUploadActions, UploadView } from './types';

const newUploadId = (): string => `up-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The draft's documents as the attachment rules count them: the main text by what is left of the total. */
function documentShape(c: ComposeSession) {
  const attachmentBytes = c.draft.attachments.reduce(
    (n, d) => n + d.files.reduce((m, f) => m + (f.fileSize ?? 0), 0),
    0,
  );
  return {
    documents: [
      { documentType: 'MAIN' as const, files: [{ size: Math.max(0, c.draft.totalBytes - attachmentBytes) }] },
      ...c.draft.attachments.map((d) => ({
        documentType: d.documentType,
        files: d.files.map((f) => ({ size: f.fileSize ?? 0 })),
      })),
    ],
  };
}

/** Attachments: checked before any upload, progress from main's events, cancel and remove. */
export function uploadActions({ store, patch }: ComposeContext): ComposeUploadActions {
  const { get } = store;

  return {
    async attachFile(file) {
      const c = get().compose;
      if (!c) return false;
      const filename = scrubFilename(file.name).trim();
      const encodingFormat = file.type || encodingFormatFromFilename(filename) || '';
      const refusals = checkAttachment(
        { documentType: 'ADDITIONAL', encodingFormat, size: file.size, filename: file.name },
        documentShape(c),
      );
      if (refusals.length > 0) {
        patch(c.messageId, {
          attachErrors: [
            {
              reason: 'refused',
              name: filename || file.name,
              error: { code: refusals[0]!.code, fieldErrors: refusals },
            },
          ],
        });
        return false;
      }
      const uploadId = newUploadId();
      const upload: UploadView = { uploadId, filename, phase: 'reading', sentBytes: 0, totalBytes: file.size };
      patch(c.messageId, { uploads: [...c.uploads, upload], attachErrors: [] });
      const updateUpload = (changes: Partial<UploadView>) => {
        const now = get().compose;
        if (now?.messageId === c.messageId)
          patch(c.messageId, { uploads: now.uploads.map((u) => (u.uploadId === uploadId ? { ...u, ...changes } : u)) });
      };
      const dropUpload = () => {
        const now = get().compose;
        if (now?.messageId === c.messageId)
          patch(c.messageId, { uploads: now.uploads.filter((u) => u.uploadId !== uploadId) });
      };
      try {
        const base64 = await readBase64(file);
        if (get().compose?.uploads.find((u) => u.uploadId === uploadId)?.phase === 'cancelled') return false;
        updateUpload({ phase: 'document' });
        const { draft } = await dp().compose.attach({
          mailboxId: c.mailboxId,
          messageId: c.messageId,
          uploadId,
          filename,
          ...(encodingFormat ? { encodingFormat } : {}),
          documentType: 'ADDITIONAL',
          base64,
        });
        dropUpload();
        const now = get().compose;
        if (now?.messageId === c.messageId) patch(c.messageId, { draft: { ...draft, html: now.draft.html } });
        return true;
      } catch (e) {
        const cancelled = get().compose?.uploads.find((u) => u.uploadId === uploadId)?.phase === 'cancelled';
        dropUpload();
        const now = get().compose;
        if (now?.messageId === c.messageId) {
          patch(c.messageId, {
            attachErrors: [
              ...now.attachErrors,
              cancelled
                ? { reason: 'cancelled', name: filename }
                : { reason: 'failed', name: filename, error: toUiError(e) },
            ],
          });
        }
        return false;
      }
    },

    async cancelUpload(uploadId) {
      const c = get().compose;
      if (!c) return;
      patch(c.messageId, {
        uploads: c.uploads.map((u) => (u.uploadId === uploadId ? { ...u, phase: 'cancelled' } : u)),
      });
      try {
        await dp().compose.cancelUpload({ uploadId });
      } catch {
        // The attach call itself reports how it ended.
      }
    },

    async removeAttachment(documentId) {
      const c = get().compose;
      if (!c) return false;
      try {
        const draft = await dp().compose.removeAttachment({
          mailboxId: c.mailboxId,
          messageId: c.messageId,
          documentId,
        });
        const now = get().compose;
        if (now) patch(c.messageId, { draft: { ...draft, html: now.draft.html }, attachErrors: [] });
        return true;
      } catch (e) {
        patch(c.messageId, { attachErrors: [{ reason: 'remove', error: toUiError(e) }] });
        return false;
      }
    },

    onComposeEvent(event) {
      if (event.type !== 'compose.upload') return;
      const c = get().compose;
      if (!c || c.messageId !== event.messageId) return;
      const current = c.uploads.find((u) => u.uploadId === event.uploadId);
      // A cancel the user asked for stays cancelled, whatever step main reports on its way out.
      if (!current || current.phase === 'cancelled') return;
      patch(c.messageId, {
        uploads: c.uploads.map((u) => {
          if (u.uploadId !== event.uploadId) return u;
          const counted =
            event.loaded !== undefined ? { loaded: event.loaded, total: event.total ?? event.totalBytes } : {};
          return {
            ...u,
            phase: event.phase,
            sentBytes: event.sentBytes,
            totalBytes: event.totalBytes || u.totalBytes,
            ...counted,
          };
        }),
      });
    },
  };
}

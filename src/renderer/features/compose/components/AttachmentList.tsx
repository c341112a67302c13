import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftDocumentView } from '../../../../shared/ipc/channels/compose';
import { scrubFilename } from '../../../../shared/dp/filenames';
import type { UploadView } from '../store';
import { formatMegabytes } from '../lib/form-checks';

export interface AttachmentListProps {
  attachments: DraftDocumentView[];
  uploads: UploadView[];
  errors: string[];
  onAttach(file: File): void;
  onCancel(uploadId: string): void;
  onRemove(documentId: string): void;
}

const fraction = (part: number | undefined, whole: number | undefined): number =>
  part !== undefined && whole ? part / whole : 0;
/** Confirmed bytes, or bytes on their way during the content step when main counts them: whichever is further. */
const percent = (u: UploadView): number =>
  Math.min(100, Math.round(Math.max(fraction(u.sentBytes, u.totalBytes), fraction(u.loaded, u.total)) * 100));

/** Attachments with the name Digital Post will store (scrubbed, shown before upload), progress and cancel per upload. */
export function AttachmentList({ attachments, uploads, errors, onAttach, onCancel, onRemove }: AttachmentListProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [renamed, setRenamed] = useState<string | null>(null);
  const active = uploads.filter((u) => u.phase !== 'cancelled' && u.phase !== 'failed');

  return (
    <section className="attachments" aria-label={t('compose.attachments')}>
      <div className="attachments-head">
        <h3>{t('compose.attachments')}</h3>
        <button type="button" onClick={() => inputRef.current?.click()}>
          {t('compose.attach')}
        </button>
        <input
          ref={inputRef}
          type="file"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-label={t('compose.attach')}
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            const changed = files.find((f) => scrubFilename(f.name).trim() !== f.name);
            setRenamed(changed ? scrubFilename(changed.name).trim() : null);
            for (const f of files) onAttach(f);
          }}
        />
      </div>
      {renamed && (
        <p className="notice" role="status">
          {t('compose.attachRenamed', { name: renamed })}
        </p>
      )}
      {errors.map((e) => (
        <p key={e} className="error" role="alert">
          {e}
        </p>
      ))}
      {attachments.length === 0 && active.length === 0 && <p className="muted">{t('compose.attachNone')}</p>}
      <ul className="attachment-list">
        {attachments.map((d) => {
          const file = d.files[d.files.length - 1];
          const name = file?.filename ?? d.label ?? d.documentId;
          return (
            <li key={d.documentId}>
              <span className="file-name">{name}</span>
              {file?.fileSize !== undefined && <span className="muted">{formatMegabytes(file.fileSize)}</span>}
              <button
                type="button"
                className="link-button"
                aria-label={t('compose.attachRemove', { name })}
                onClick={() => onRemove(d.documentId)}
              >
                {t('compose.attachRemove', { name: '' }).trim()}
              </button>
            </li>
          );
        })}
        {active.map((u) => (
          <li key={u.uploadId} className="uploading">
            <span className="file-name">{u.filename}</span>
            <div
              className="upload-bar"
              role="progressbar"
              aria-label={t('compose.attachUploading', { name: u.filename })}
              aria-valuenow={percent(u)}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <span style={{ width: `${percent(u)}%` }} />
            </div>
            <button
              type="button"
              aria-label={t('compose.attachCancel', { name: u.filename })}
              onClick={() => onCancel(u.uploadId)}
            >
              {t('app.cancel')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

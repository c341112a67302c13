import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseEncodingFormat, openPolicyFor } from '../../shared/dp/encoding-formats';
import { offeredFilename, withoutHiddenCharacters } from '../../shared/dp/filenames';
import type { DpDocument, DpFile } from '../../shared/dp/resources';
import { mediaType } from '../lib/bytes';
import type { FileContent, FileRef } from '../store/message';
import { FileContentView } from './FileView';
import { Icon, type IconName } from './icons';

export interface AttachmentActions {
  loadFile(ref: FileRef): void;
  saveFile(ref: FileRef): void;
  openFile(ref: FileRef): void;
  openLink(url: string): void;
}

type Kind = 'pdf' | 'html' | 'text' | 'image' | 'other';
const kindOf = (encodingFormat: string): Kind => {
  const type = mediaType(encodingFormat);
  if (type === 'application/pdf') return 'pdf';
  if (type === 'text/html') return 'html';
  if (type === 'text/plain') return 'text';
  if (type.startsWith('image/')) return 'image';
  return 'other';
};
const ICONS: Record<Kind, IconName> = {
  pdf: 'filePdf',
  html: 'fileCode',
  text: 'fileText',
  image: 'fileImage',
  other: 'file',
};

/** File sizes the way the user's language writes them (1,5 MB / 1.5 MB). */
export function formatFileSize(bytes: number, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'da-DK';
  const [value, unit] =
    bytes >= 1024 * 1024
      ? [bytes / (1024 * 1024), 'megabyte']
      : bytes >= 1024
        ? [bytes / 1024, 'kilobyte']
        : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 && unit !== 'byte' ? 1 : 0,
  }).format(value);
}

/**
 * The letter's attachments: one row per file with its type, size and the scrubbed, format-forced name a save would
 * write, and its actions. Nothing is fetched until the user asks to see a file.
 */
export function AttachmentList({
  documents,
  files,
  canOpen,
  actions,
}: {
  documents: DpDocument[];
  files: Record<string, FileContent>;
  canOpen: boolean;
  actions: AttachmentActions;
}) {
  const { t } = useTranslation();
  const rows = documents.flatMap((d) => d.files.map((f) => ({ document: d, file: f })));
  if (rows.length === 0) return null;
  return (
    <section className="attachments" aria-label={t('reading.attachments')}>
      <h3 className="attachments-heading">
        <Icon name="paperclip" size={16} /> {t('reading.attachmentCount', { count: rows.length })}
      </h3>
      <ul className="attachment-list">
        {rows.map(({ document: d, file: f }) => (
          <AttachmentRow key={f.id} document={d} file={f} content={files[f.id]} canOpen={canOpen} actions={actions} />
        ))}
      </ul>
    </section>
  );
}

function AttachmentRow({
  document: d,
  file,
  content,
  canOpen,
  actions,
}: {
  document: DpDocument;
  file: DpFile;
  content: FileContent | undefined;
  canOpen: boolean;
  actions: AttachmentActions;
}) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(false);
  const name = offeredFilename(file.filename, file.encodingFormat);
  const policy = openPolicyFor(file.encodingFormat);
  const kind = kindOf(file.encodingFormat);
  const ref = { documentId: d.id, fileId: file.id };
  const label = withoutHiddenCharacters(d.label ?? '');
  const size = file.fileSize !== undefined ? formatFileSize(file.fileSize, i18n.language) : t('reading.sizeUnknown');
  const { loadFile } = actions;
  useEffect(() => {
    if (shown && !content) loadFile({ documentId: d.id, fileId: file.id });
  }, [shown, content, loadFile, d.id, file.id]);

  return (
    <li className="attachment-item">
      <section className="attachment" aria-label={name}>
        <div className="attachment-row">
          <span className={`attachment-icon kind-${kind}`}>
            <Icon name={ICONS[kind]} size={22} />
          </span>
          <span className="attachment-text">
            <span className="file-name">{name}</span>
            <span className="attachment-meta muted">
              {t(`reading.type.${kind}`)} · {size}
              {label && label !== name && label !== file.filename ? ` · ${label}` : ''}
            </span>
          </span>
          <span className="attachment-actions">
            {policy !== 'save-only' && (
              <button
                type="button"
                aria-expanded={shown}
                aria-label={t(shown ? 'reading.hideNamed' : 'reading.showNamed', { name })}
                onClick={() => setShown(!shown)}
              >
                <Icon name="eye" size={16} /> {shown ? t('reading.hide') : t('reading.show')}
              </button>
            )}
            {canOpen && policy !== 'save-only' && (
              <button type="button" onClick={() => actions.openFile(ref)}>
                <Icon name="external" size={16} /> {t('message.open')}
              </button>
            )}
            <button type="button" onClick={() => actions.saveFile(ref)}>
              <Icon name="download" size={16} /> {t('message.saveAs')}
            </button>
          </span>
        </div>
        {policy === 'save-only' && (
          <p className="muted file-save-only">
            {t('message.saveOnly', { format: normaliseEncodingFormat(file.encodingFormat) || '?' })}
          </p>
        )}
        {shown && (
          <div className="attachment-preview">
            <FileContentView file={file} name={name} content={content} onOpenLink={actions.openLink} />
          </div>
        )}
      </section>
    </li>
  );
}

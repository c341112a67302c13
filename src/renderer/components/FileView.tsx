import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseEncodingFormat, openPolicyFor } from '../../shared/dp/encoding-formats';
import { offeredFilename } from '../../shared/dp/filenames';
import type { DpFile } from '../../shared/dp/resources';
import { base64ToBytes, base64ToText, mediaType } from '../lib/bytes';
import { prepareLetter } from '../lib/letter-html';
import { useUiErrorText } from '../lib/ui-error';
import type { FileContent } from '../store/message';

// pdf.js is big: it is loaded when the app is idle after start (warmUpPdfViewer), or the first time a PDF is shown.
const loadPdfView = () => import('./PdfView');
const PdfView = lazy(loadPdfView);
let warmed = false;
/** Loads pdf.js and starts its worker in idle time, so the first PDF letter does not wait for either. */
export function warmUpPdfViewer(): void {
  // Without workers (tests in jsdom) there is nothing to warm.
  if (warmed || typeof Worker === 'undefined') return;
  warmed = true;
  const start = () =>
    void loadPdfView().then(
      (m) => m.warmUpPdf(),
      () => (warmed = false),
    );
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(start, { timeout: 2000 });
  else setTimeout(start, 500);
}

export interface FileViewProps {
  file: DpFile;
  content: FileContent | undefined;
  onLoad: () => void;
  onSave: () => void;
  onOpen: () => void;
  onOpenLink: (url: string) => void;
  canOpen: boolean;
}

/**
 * One file of a document: shown the way its encodingFormat calls for, always with "Gem som…". "Åbn" only where the
 * OS (or, for HTML, the app's own letter view) shows the file without running anything; other formats say why not.
 * The name shown is the scrubbed, format-forced one that a save or an open would write.
 */
export function FileView({ file, content, onLoad, onSave, onOpen, onOpenLink, canOpen }: FileViewProps) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!content) onLoad();
  }, [content, onLoad]);
  const name = offeredFilename(file.filename, file.encodingFormat);
  const policy = openPolicyFor(file.encodingFormat);

  return (
    <section className="file-view" aria-label={name}>
      <div className="file-bar">
        <span className="file-name">{name}</span>
        <button type="button" onClick={onSave}>
          {t('message.saveAs')}
        </button>
        {canOpen && policy !== 'save-only' && (
          <button type="button" onClick={onOpen}>
            {t('message.open')}
          </button>
        )}
      </div>
      {policy === 'save-only' && (
        <p className="muted file-save-only">
          {t('message.saveOnly', { format: normaliseEncodingFormat(file.encodingFormat) || '?' })}
        </p>
      )}
      <FileContentView file={file} name={name} content={content} onOpenLink={onOpenLink} />
    </section>
  );
}

/** A file's content once it is loaded (the caller asks for it): the letter, the PDF, the text or the picture. */
export function FileContentView({
  file,
  name,
  content,
  onOpenLink,
}: {
  file: DpFile;
  name: string;
  content: FileContent | undefined;
  onOpenLink: (url: string) => void;
}) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  if (!content || content.status === 'loading') return <p className="muted">{t('message.loadingFile')}</p>;
  if (content.status === 'error') {
    return (
      <p className="notice" role="alert">
        {t('message.fileError')} {say(content.error)}
      </p>
    );
  }
  return (
    <FileBody
      name={name}
      base64={content.base64}
      encodingFormat={content.encodingFormat || file.encodingFormat}
      onOpenLink={onOpenLink}
    />
  );
}

function FileBody({
  name,
  base64,
  encodingFormat,
  onOpenLink,
}: {
  name: string;
  base64: string;
  encodingFormat: string;
  onOpenLink: (url: string) => void;
}) {
  const { t } = useTranslation();
  const type = mediaType(encodingFormat);
  if (type === 'text/html') return <HtmlLetter base64={base64} name={name} onOpenLink={onOpenLink} />;
  if (type === 'application/pdf') {
    return (
      <Suspense fallback={<p className="muted">{t('message.loadingFile')}</p>}>
        <PdfView base64={base64} name={name} />
      </Suspense>
    );
  }
  if (type === 'text/plain') return <PlainText base64={base64} />;
  if (['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp'].includes(type)) {
    return <ImageFile base64={base64} type={type} name={name} />;
  }
  return (
    <div className="file-card">
      <span aria-hidden="true" className="file-icon">
        📄
      </span>
      <p>{t('message.unknownFormat', { format: type || '?' })}</p>
    </div>
  );
}

function decodeOrNull<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch {
    return null;
  }
}

/** The sanitised letter: used by the message view and by the app's own letter window ("Åbn"). */
export function HtmlLetter({
  base64,
  name,
  onOpenLink,
}: {
  base64: string;
  name: string;
  onOpenLink: (url: string) => void;
}) {
  const { t } = useTranslation();
  const letter = useMemo(() => decodeOrNull(() => prepareLetter(base64ToText(base64))), [base64]);
  if (!letter) {
    return (
      <p className="notice" role="alert">
        {t('message.fileError')}
      </p>
    );
  }
  if (letter.kind === 'empty') return <p className="notice">{t('message.emptyHtml')}</p>;
  if (letter.kind === 'too-large') return <p className="notice">{t('message.hugeHtml')}</p>;
  return (
    <div className="html-letter">
      {letter.blockedRemoteImages > 0 && (
        <p className="notice" role="status">
          {t('message.blockedImages', { count: letter.blockedRemoteImages })}
        </p>
      )}
      {/* No allow-scripts and no allow-same-origin: the letter can neither run code nor reach the app. */}
      <iframe className="letter-frame" sandbox="" srcDoc={letter.srcdoc} title={t('message.htmlFrame', { name })} />
      {letter.links.length > 0 && (
        <nav className="letter-links" aria-label={t('message.links')}>
          <h3>{t('message.links')}</h3>
          <ul>
            {letter.links.map((l) => (
              <li key={l.url}>
                <span className="link-text">{l.text}</span> <span className="link-url">{l.url}</span>{' '}
                <button
                  type="button"
                  aria-label={`${t('message.openLink')}: ${l.text}`}
                  onClick={() => onOpenLink(l.url)}
                >
                  {t('message.openLink')}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}

function PlainText({ base64 }: { base64: string }) {
  const { t } = useTranslation();
  const text = useMemo(() => decodeOrNull(() => base64ToText(base64)), [base64]);
  if (text === null) return <p className="notice">{t('message.fileError')}</p>;
  // React escapes text; pre-wrap keeps the sender's line breaks and wraps long lines.
  return <pre className="plain-text">{text}</pre>;
}

function ImageFile({ base64, type, name }: { base64: string; type: string; name: string }) {
  const { t } = useTranslation();
  const url = useMemo(
    () => decodeOrNull(() => URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }))),
    [base64, type],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return <p className="notice">{t('message.fileError')}</p>;
  return <img className="image-file" src={url} alt={t('message.image', { name })} />;
}

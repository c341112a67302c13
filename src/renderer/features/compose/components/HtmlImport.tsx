import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { validateStrictHtml, type StrictError } from '../../../../shared/html/validate-strict';
import type { Removal } from '../../../../shared/html/fix-strict';
import { bodyOf, cleanHtml, summariseRemovals } from '../lib/strict-html';
import { RemovalNote } from './RemovalNote';

/** Letters beyond this are not meant to be typed in a composer; the server caps the content at 10 MB anyway. */
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** FileReader rather than File.text(): the same in every engine the app and its tests run in. */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

interface Imported {
  name: string;
  html: string;
  errors: StrictError[];
  removed: Removal[] | null;
}

/**
 * "Importér HTML": the file is checked against STRICT and each finding listed in Digital Post's words; "Ret
 * automatisk" applies the fixer and says what it removed. Only content that validates can be taken into the letter.
 */
export function HtmlImport({ onUse }: { onUse: (html: string) => void }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setImported(null);
      setError(t('compose.importTooLarge'));
      return;
    }
    const html = await readText(file);
    const verdict = validateStrictHtml(html);
    setError(null);
    setImported({ name: file.name, html, errors: verdict.approved ? [] : verdict.errors, removed: null });
  };

  const fix = () => {
    if (!imported) return;
    const fixed = cleanHtml(imported.html);
    const verdict = validateStrictHtml(fixed.html);
    setImported({
      ...imported,
      html: fixed.html,
      errors: verdict.approved ? [] : verdict.errors,
      removed: fixed.removed,
    });
  };

  const approved = imported !== null && imported.errors.length === 0;
  const removal = imported?.removed ? summariseRemovals(imported.removed) : null;

  return (
    <div className="html-import">
      <button type="button" onClick={() => inputRef.current?.click()}>
        {t('compose.importHtml')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept=".html,.htm,text/html"
        className="sr-only"
        tabIndex={-1}
        aria-label={t('compose.importHtml')}
        onChange={(e) => {
          void onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {imported && (
        <section className="import-panel" aria-labelledby={headingId}>
          <h3 id={headingId}>{t('compose.importTitle')}</h3>
          {imported.errors.length > 0 ? (
            <div role="alert">
              <p>{t('compose.importErrors', { count: imported.errors.length, name: imported.name })}</p>
              <ul className="import-errors">
                {imported.errors.map((e) => (
                  <li key={`${e.code}:${e.message}`}>
                    {e.message} <span className="muted">({e.code})</span>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="success" role="status">
              {removal ? t('compose.importFixed') : t('compose.importApproved', { name: imported.name })}
            </p>
          )}
          {removal && removal.count > 0 && <RemovalNote count={removal.count} names={removal.names} />}
          <div className="button-row">
            <button type="button" onClick={() => setImported(null)}>
              {t('app.cancel')}
            </button>
            {!approved && (
              <button type="button" onClick={fix}>
                {t('compose.importFix')}
              </button>
            )}
            <button
              type="button"
              className="primary"
              disabled={!approved}
              onClick={() => {
                if (!approved) return;
                onUse(bodyOf(imported.html));
                setImported(null);
              }}
            >
              {t('compose.importUse')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

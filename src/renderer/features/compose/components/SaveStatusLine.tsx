import { useTranslation } from 'react-i18next';
import type { SaveState } from '../store';

const timeOf = (iso: string | null): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? ''
    : `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};

/** "Gemt 12:03" / "Gemmer…" / "Ikke gemt — prøver igen", announced politely as it changes. */
export function SaveStatusLine({
  state,
  savedAt,
  error,
  onRetry,
}: {
  state: SaveState;
  savedAt: string | null;
  error: string | null;
  onRetry: () => void;
}) {
  const { t } = useTranslation();
  let text = '';
  if (state === 'saving') text = t('compose.statusSaving');
  else if (state === 'saved') text = t('compose.statusSaved', { time: timeOf(savedAt) });
  else if (state === 'dirty')
    text = savedAt ? t('compose.statusSaved', { time: timeOf(savedAt) }) : t('compose.statusDirty');
  else if (state === 'error') text = t('compose.statusError');
  else if (state === 'conflict') text = t('compose.statusConflict');
  return (
    <div className={`save-status save-${state}`}>
      <span role="status" aria-live="polite">
        {text}
      </span>
      {state === 'error' && (
        <>
          {error && <span className="save-error"> {error}</span>}{' '}
          <button type="button" className="link-button" onClick={onRetry}>
            {t('compose.retry')}
          </button>
        </>
      )}
    </div>
  );
}

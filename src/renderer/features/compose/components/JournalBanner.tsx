import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../../../shared/ipc/channels/compose';
import { formatDateTime } from '../../../i18n';

/** After a crash or restart: drafts whose latest words only the local journal holds. */
export function JournalBanner({
  entries,
  error,
  inMemory = false,
  onRestore,
  onDismiss,
}: {
  entries: JournalEntry[];
  error: string | null;
  /** No secure key store: the words are kept only until the app closes. */
  inMemory?: boolean;
  onRestore: (e: JournalEntry) => void;
  onDismiss: (e: JournalEntry) => void;
}) {
  const { t } = useTranslation();
  if (entries.length === 0 && !error) return null;
  return (
    <section className="journal-banner notice" role="region" aria-label={t('compose.journalTitle')}>
      {entries.map((e) => (
        <div key={`${e.mailboxId}:${e.messageId}`} className="journal-entry">
          <p>
            {t('compose.journalFound', { label: e.label || t('compose.noSubject'), time: formatDateTime(e.savedAt) })}
            {e.excerpt && <span className="muted journal-excerpt"> “{e.excerpt.slice(0, 120)}”</span>}
          </p>
          <div className="inline-row">
            <button type="button" className="primary" onClick={() => onRestore(e)}>
              {t('compose.journalRestore')}
            </button>
            <button type="button" onClick={() => onDismiss(e)}>
              {t('compose.journalDismiss')}
            </button>
          </div>
        </div>
      ))}
      {inMemory && entries.length > 0 && <p className="muted journal-memory">{t('compose.journalMemoryOnly')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store';
import type { JournalStorage } from '../store';
import { selectKeptAtLogout } from '../store/selectors';

/** After logout: says that the person's unsent words are kept for them (sealed on disk, or until the app closes). */
export function JournalKeptNotice({ kept }: { kept: { count: number; storage: JournalStorage } | null }) {
  const { t } = useTranslation();
  if (!kept) return null;
  const key = kept.storage === 'memory' ? 'compose.journalKeptInMemory' : 'compose.journalKeptOnDisk';
  return (
    <p className="notice journal-kept" role="status" aria-label={t('compose.journalKeptTitle')}>
      {t(key, { count: kept.count })}
    </p>
  );
}

/** The notice as the login screen shows it, from what the compose store noted at logout. */
export function KeptAtLogoutNotice() {
  const kept = useAppStore(selectKeptAtLogout);
  return <JournalKeptNotice kept={kept} />;
}

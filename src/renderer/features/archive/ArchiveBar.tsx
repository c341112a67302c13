import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { dp } from '../../lib/api';
import { useAppStore } from '../../store';
import { ExportDialog } from './ExportDialog';
import './archive.css';
import { formatCount } from './format';
import { useIsOffline } from './offline';
import { archiveCovers, useArchiveStore, type SyncView } from './store/archive-store';

const PHASE_TEXT = {
  metadata: 'archive.progressMetadata',
  reconcile: 'archive.progressReconcile',
  documents: 'archive.progressDocuments',
} as const;

/**
 * In the main window: the archive's progress while it syncs ("Arkivering", "Henter 1.234 af 20.000", stop), what
 * became of a stopped sync, and "Eksportér…" when the archive holds the mailbox shown.
 */
export function ArchiveBar() {
  const { t } = useTranslation();
  const { status, sync } = useArchiveStore(useShallow((s) => ({ status: s.status, sync: s.sync })));
  // Also when main started offline, before any reading answer said so.
  const offline = useIsOffline();
  const mailboxId = useAppStore((a) => a.selectedMailboxId);
  const [exportOpen, setExportOpen] = useState(false);

  useEffect(() => {
    const archive = useArchiveStore.getState();
    void archive.loadStatus();
    const off = dp().events.subscribe((event) => useArchiveStore.getState().onEvent(event));
    return () => {
      off();
      useArchiveStore.getState().reset();
    };
  }, []);

  const kept = Boolean(mailboxId && status?.mailboxes.some((m) => m.mailboxId === mailboxId));
  const covers = archiveCovers(status, mailboxId);
  if (!sync && !kept && !offline) return null;
  return (
    <div className="archive-bar">
      {offline && (
        <div className="offline-banner" role="status" aria-label={t('archive.offline')}>
          <strong>{t('archive.offline')}</strong> {t('archive.offlineText')}
        </div>
      )}
      {sync && <SyncProgressView sync={sync} />}
      {covers && (
        <button type="button" className="archive-export" onClick={() => setExportOpen(true)}>
          {t('archive.export')}
        </button>
      )}
      {exportOpen && mailboxId && <ExportDialog mailboxId={mailboxId} onClose={() => setExportOpen(false)} />}
    </div>
  );
}

function SyncProgressView({ sync }: { sync: SyncView }) {
  const { t, i18n } = useTranslation();
  const n = (v: number) => formatCount(v, i18n.language);
  if (sync.state === 'done') return null;
  if (sync.state !== 'running') {
    return (
      <p className="hint" role="status">
        {sync.state === 'cancelled' ? t('archive.cancelled') : t('archive.failed')}
      </p>
    );
  }
  const text = t(PHASE_TEXT[sync.phase], { done: n(sync.done), total: n(sync.total) });
  const max = Math.max(sync.total, 1);
  return (
    <div className="archive-progress">
      <div
        role="progressbar"
        aria-label={t('archive.progress')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(sync.done, max)}
        aria-valuetext={text}
        className="archive-progress-track"
      >
        <span className="archive-progress-fill" style={{ width: `${(100 * Math.min(sync.done, max)) / max}%` }} />
      </div>
      <span className="archive-progress-text">{text}</span>
      <button type="button" onClick={() => void useArchiveStore.getState().cancelSync()}>
        {t('archive.cancel')}
      </button>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';

/**
 * The smart folder "Frister" under the folder tree: a toggle that lists the mailbox's letters with upcoming
 * deadlines, soonest first (store/message-list.ts says what it covers). Choosing a folder ends it.
 */
export function DeadlinesFolder() {
  const { t } = useTranslation();
  const active = useAppStore((s) => s.deadlinesView);
  const ready = useAppStore((s) => s.selectedMailboxId !== null && s.selectedFolderId !== null);
  return (
    <button
      type="button"
      className={`smart-folder${active ? ' selected' : ''}`}
      aria-pressed={active}
      title={t('letterActions.deadlinesFolderHint')}
      disabled={!ready}
      onClick={() => {
        useAppStore.getState().closeMessage();
        void useAppStore.getState().showDeadlines();
      }}
    >
      {t('letterActions.deadlinesFolder')}
    </button>
  );
}

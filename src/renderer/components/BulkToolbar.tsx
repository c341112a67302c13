import { useTranslation } from 'react-i18next';
import type { FolderSummaryEntry, Message } from '../../shared/dp/resources';
import { moveTargets } from '../lib/folder-rules';
import { buildFolderTree, flattenTree, folderName } from '../lib/folder-names';
import { useUiErrorText } from '../lib/ui-error';
import type { BulkRun } from '../store/selection';
import { Icon } from './icons';
import { MenuButton, type MenuItem } from './MenuButton';
import { useOfflineDisabled } from '../features/archive/offline';

export interface BulkToolbarProps {
  selected: Message[];
  folders: FolderSummaryEntry[];
  canWrite: boolean;
  canMoveToDeleted: boolean;
  bulk: BulkRun | null;
  onMarkRead: (read: boolean) => void;
  onMove: (folderId: string) => void;
  onDelete: () => void;
  onClear: () => void;
  onDismiss: () => void;
}

/**
 * What can be done with several letters at once, shown while more than one is chosen (or a run's result is still
 * to be read): read/unread, move, delete. The result says how many changed and names each letter that did not.
 */
export function BulkToolbar(p: BulkToolbarProps) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  // Offline: every bulk change needs Digital Post; the buttons stay, disabled with the reason.
  const needsDp = useOfflineDisabled();
  const { selected, bulk } = p;
  if (selected.length < 2 && !bulk) return null;
  const busy = bulk?.busy ?? false;
  // Folders any of the chosen letters may go to; Digital Post still decides per letter.
  const allowed = new Set(
    selected.flatMap((m) => moveTargets(p.folders, m, p.canMoveToDeleted).map((f) => f.folderId)),
  );
  const moveItems: MenuItem[] = flattenTree(buildFolderTree(p.folders))
    .filter((n) => allowed.has(n.folder.folderId))
    .map((n) => ({
      key: n.folder.folderId,
      label: folderName(t, n.folder),
      level: n.level,
      onSelect: () => p.onMove(n.folder.folderId),
    }));

  return (
    <div className="bulk-toolbar">
      {selected.length >= 2 && (
        <div className="bulk-actions" role="toolbar" aria-label={t('bulk.toolbar')}>
          <span className="bulk-count">{t('bulk.selected', { count: selected.length })}</span>
          {p.canWrite && (
            <>
              <button
                type="button"
                className="icon-button"
                aria-label={t('bulk.markRead')}
                title={t('bulk.markRead')}
                disabled={busy}
                onClick={() => p.onMarkRead(true)}
                {...needsDp}
              >
                <Icon name="mailOpen" />
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('bulk.markUnread')}
                title={t('bulk.markUnread')}
                disabled={busy}
                onClick={() => p.onMarkRead(false)}
                {...needsDp}
              >
                <Icon name="mail" />
              </button>
              {moveItems.length > 0 && !busy && (
                <MenuButton
                  label={t('bulk.move')}
                  icon="folderMove"
                  iconOnly
                  items={moveItems}
                  {...(needsDp.title ? { unavailable: needsDp.title } : {})}
                />
              )}
              {p.canMoveToDeleted && (
                <button
                  type="button"
                  className="icon-button danger"
                  aria-label={t('bulk.delete')}
                  title={t('bulk.delete')}
                  disabled={busy}
                  onClick={p.onDelete}
                  {...needsDp}
                >
                  <Icon name="trash" />
                </button>
              )}
            </>
          )}
          <button
            type="button"
            className="icon-button"
            aria-label={t('bulk.clear')}
            title={t('bulk.clear')}
            onClick={p.onClear}
          >
            <Icon name="close" />
          </button>
        </div>
      )}
      <p className="bulk-status" role="status">
        {bulk &&
          (bulk.busy
            ? t('bulk.working', { done: bulk.done, total: bulk.total })
            : t('bulk.done', { ok: bulk.ok, total: bulk.total }))}
      </p>
      {bulk && !bulk.busy && (
        <div className="bulk-result">
          {bulk.failures.length > 0 && (
            <ul className="error bulk-failures" role="alert">
              {bulk.failures.map((f) => (
                <li key={f.messageId}>
                  {t('bulk.failed', { subject: f.subject || t('message.noSubject'), error: say(f.error) })}
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="link-button" onClick={p.onDismiss}>
            {t('app.close')}
          </button>
        </div>
      )}
    </div>
  );
}

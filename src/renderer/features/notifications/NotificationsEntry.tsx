import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dp } from '../../lib/api';
import { useAppStore } from '../../store';
import { selectedMailbox } from '../../store/mailboxes';
import { NotificationSettings } from './NotificationSettings';
import { startWebAlerts } from './web-alerts';

/** Opens the message an alert was about: its mailbox, the inbox, then the letter. */
async function openFromAlert(mailboxId: string, messageId: string): Promise<void> {
  const store = useAppStore.getState;
  if (store().selectedMailboxId !== mailboxId) await store().selectMailbox(mailboxId);
  const inbox = store().folders.find((f) => f.folderType === 'INBOX');
  if (inbox && store().selectedFolderId !== inbox.folderId) await store().selectFolder(inbox.folderId);
  await store().openMessage(messageId);
}

/**
 * The "Notifikationer" button for the mailbox on screen, its dialog, and — while logged in — telling main which
 * mailbox is being read (no alert for that one) and, in browser mode, raising Web Notifications for new post.
 */
export function NotificationsEntry() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const mailbox = useAppStore(selectedMailbox);
  const mailboxId = mailbox?.id ?? null;
  const mode = useAppStore((s) => s.alertMode);

  useEffect(() => {
    if (!useAppStore.getState().alertMode) void useAppStore.getState().loadAlertSettings();
  }, []);

  useEffect(() => {
    // Best effort: without it main only alerts a little too eagerly.
    const report = () => {
      void Promise.resolve()
        .then(() => dp().notify.setFocus({ mailboxId, focused: document.hasFocus() }))
        .catch(() => undefined);
    };
    report();
    window.addEventListener('focus', report);
    window.addEventListener('blur', report);
    return () => {
      window.removeEventListener('focus', report);
      window.removeEventListener('blur', report);
    };
  }, [mailboxId]);

  useEffect(() => {
    if (mode !== 'browser') return;
    // The tab title stands in for the dock badge Electron gets from main.
    const baseTitle = document.title;
    const stopTitle = dp().events.subscribe((event) => {
      if (event.type === 'mail.unread') document.title = event.total > 0 ? `(${event.total}) ${baseTitle}` : baseTitle;
    });
    const stopAlerts = startWebAlerts({
      subscribe: (l) => dp().events.subscribe(l),
      readingMailbox: () => (document.hasFocus() ? useAppStore.getState().selectedMailboxId : null),
      title: (sender) => t('notifications.desktopTitle', { sender }),
      open: (m, id) => void openFromAlert(m, id),
    });
    return () => {
      stopAlerts();
      stopTitle();
      document.title = baseTitle;
    };
  }, [mode, t]);

  if (!mailbox) return null;
  return (
    <>
      <button type="button" className="notify-open" onClick={() => setOpen(true)}>
        {t('notifications.open')}
      </button>
      {open && <NotificationSettings mailbox={mailbox} onClose={() => setOpen(false)} />}
    </>
  );
}

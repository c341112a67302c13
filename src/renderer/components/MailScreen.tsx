import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../shared/ipc/channels/auth';
import { useAppStore } from '../store';
import { selectedMailbox } from '../store/mailboxes';
import { senderOverview } from '../store/messageList';
import { dp } from '../lib/api';
import { downloadBytes } from '../lib/bytes';
import type { Language } from '../i18n';
import type { FileRef } from '../store/message';
import { Header } from './Header';
import { MailboxSwitcher } from './MailboxSwitcher';
import { FolderTree } from './FolderTree';
import { FolderDialog } from './FolderDialog';
import { ListToolbar } from './ListToolbar';
import { MessageList } from './MessageList';
import { MessageView, type MessageActions } from './MessageView';
import { ComposeEntryButtons } from '../features/compose/components/ComposeEntryButtons';
import { ComposeHost } from '../features/compose/components/ComposeHost';
import { NotificationsEntry } from '../features/notifications/NotificationsEntry';

/** The logged-in frame: wires the store into the presentational parts. */
export function MailScreen({ status, onOpenSettings }: { status: AuthStatus; onOpenSettings: () => void }) {
  const { t, i18n } = useTranslation();
  const s = useAppStore();
  const store = useAppStore.getState;
  const [folderDialogOpen, setFolderDialogOpen] = useState(false);
  const mailbox = selectedMailbox(s);

  const saveFile = useCallback(
    async (ref: FileRef) => {
      if (await store().saveFile(ref)) return;
      // In Electron saved:false means the user cancelled the dialog.
      if (store().appMode !== 'browser') return;
      // Browser mode: main has no save dialog, so the page downloads the bytes it already has (or fetches them).
      let content = store().files[ref.fileId];
      if (content?.status !== 'ready') {
        await store().loadFile(ref);
        content = store().files[ref.fileId];
      }
      if (content?.status === 'ready') downloadBytes(content.base64, content.encodingFormat, content.filename);
    },
    [store],
  );

  const actions: MessageActions = useMemo(() => {
    const id = () => store().openMessageId ?? '';
    return {
      toggleRead: () => void store().toggleRead(id()),
      toggleFlag: () => void store().toggleFlag(id()),
      saveNote: (note) => store().saveNote(note),
      move: (folderId) => void store().moveMessage(id(), folderId),
      remove: () => void store().deleteMessage(id()),
      restore: () => void store().restoreMessage(id()),
      markLegallyNotified: () => void store().markLegallyNotified(),
      openThreadMessage: (messageId) => void store().openMessage(messageId),
      loadFile: (ref) => void store().loadFile(ref),
      saveFile: (ref) => void saveFile(ref),
      openFile: (ref) =>
        void store()
          .openFile(ref)
          .then((opened) => {
            if (!opened && store().appMode === 'browser')
              useAppStore.setState({ actionError: t('message.openNotAvailable') });
          }),
      openLink: (url) => void dp().app.openExternal({ url }),
      print: () => window.print(),
    };
  }, [store, saveFile, t]);

  const onLoadMore = useCallback(() => void store().loadMore(), [store]);

  return (
    <div className="app-frame">
      <Header
        status={status}
        language={(i18n.language === 'en' ? 'en' : 'da') as Language}
        onLanguage={(language) => void store().updateSettings({ language })}
        onOpenSettings={onOpenSettings}
        onLogout={() => void store().logout()}
      />
      <ComposeHost />
      <div className="mail-layout">
        <nav className="sidebar" aria-label={t('folders.tree')}>
          <ComposeEntryButtons />
          <MailboxSwitcher
            mailboxes={s.mailboxes}
            selectedId={s.selectedMailboxId}
            onSelect={(id) => void store().selectMailbox(id)}
            ownName={status.displayName}
          />
          {s.mailboxError && (
            <p className="error" role="alert">
              {s.mailboxError}{' '}
              <button type="button" onClick={() => void store().loadMailboxes()}>
                {t('app.retry')}
              </button>
            </p>
          )}
          <FolderTree
            folders={s.folders}
            selectedId={s.selectedFolderId}
            onSelect={(id) => void store().selectFolder(id)}
          />
          {s.folderError && (
            <p className="error" role="alert">
              {s.folderError}{' '}
              <button type="button" onClick={() => void store().loadFolders()}>
                {t('app.retry')}
              </button>
            </p>
          )}
          {mailbox?.canWrite && (
            <button type="button" className="manage-folders" onClick={() => setFolderDialogOpen(true)}>
              {t('folders.manage')}
            </button>
          )}
          <NotificationsEntry />
        </nav>
        <main className="list-pane">
          <ListToolbar
            sort={s.sort}
            dateFrom={s.dateFrom}
            dateTo={s.dateTo}
            search={s.search}
            searchError={s.searchError}
            senders={senderOverview(s)}
            senderLabel={s.senderLabel}
            onSort={(sort) => void store().setSort(sort)}
            onDateRange={(from, to) => void store().setDateRange(from, to)}
            onSearch={(text) => void store().setSearch(text)}
            onSender={(label) => void store().setSenderFilter(label)}
          />
          <MessageList
            messages={s.messages}
            totalElements={s.totalElements}
            hasMore={Boolean(s.nextCursor)}
            loading={s.listLoading || !s.selectedFolderId}
            loadingMore={s.loadingMore}
            error={s.listError}
            openId={s.openMessageId}
            onOpen={(id) => void store().openMessage(id)}
            onLoadMore={onLoadMore}
            onRetry={() => void store().retryList()}
            onDelete={(id) => void store().deleteMessage(id)}
            onToggleRead={(id) => void store().toggleRead(id)}
            onToggleFlag={(id) => void store().toggleFlag(id)}
          />
        </main>
        <MessageView
          message={s.message}
          loading={s.messageLoading}
          error={s.messageError}
          readPending={s.readPending}
          actionError={s.actionError}
          thread={s.thread}
          folders={s.folders}
          mailbox={mailbox}
          files={s.files}
          canOpenFiles
          actions={actions}
        />
      </div>
      {folderDialogOpen && (
        <FolderDialog
          folders={s.folders}
          onCreate={(name, parent) => store().createFolder(name, parent)}
          onRename={(id, name) => store().renameFolder(id, name)}
          onMove={(id, parent) => store().moveFolder(id, parent)}
          onDelete={(id) => store().deleteFolder(id)}
          onClose={() => setFolderDialogOpen(false)}
        />
      )}
    </div>
  );
}

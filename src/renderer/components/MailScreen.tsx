import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { AuthStatus } from '../../shared/ipc/channels/auth';
import { useAppStore } from '../store';
import { selectedMailbox } from '../store/mailboxes';
import { senderOverview } from '../store/message-list';
import { dp } from '../lib/api';
import { downloadBytes } from '../lib/bytes';
import { useUiErrorText, type UiError } from '../lib/ui-error';
import type { Language } from '../i18n';
import type { FileRef } from '../store/message';
import { Header } from './Header';
import { ArchiveBar } from '../features/archive/ArchiveBar';
import { MailboxSwitcher } from './MailboxSwitcher';
import { FolderTree } from './FolderTree';
import { FolderDialog } from './FolderDialog';
import { ListToolbar } from './ListToolbar';
import { MessageList } from './MessageList';
import { BulkToolbar } from './BulkToolbar';
import { selectedInList } from '../store/selection';
import { MessageView, type MessageActions } from './MessageView';
import { ComposeEntryButtons } from '../features/compose/components/ComposeEntryButtons';
import { ComposeHost } from '../features/compose/components/ComposeHost';
import { NotificationsEntry } from '../features/notifications/NotificationsEntry';
import { ShortcutLayer } from '../features/desktop/ShortcutLayer';
import { SandboxWelcome } from '../features/desktop/SandboxWelcome';
import { ListEmptyState } from '../features/desktop/EmptyState';
import { PaneResizers } from '../features/desktop/PaneResizers';

// Each pane subscribes to the state it shows and nothing else, so typing in the composer (or a list page arriving)
// re-renders only the part that changed. Actions are read at call time; they never change.
const store = useAppStore.getState;

/** The logged-in frame: the header, the composer host and the three panes. */
export function MailScreen({ status, onOpenSettings }: { status: AuthStatus; onOpenSettings: () => void }) {
  const { i18n } = useTranslation();
  const [folderDialogOpen, setFolderDialogOpen] = useState(false);
  const onManageFolders = useCallback(() => setFolderDialogOpen(true), []);
  return (
    <div className="app-frame">
      <Header
        status={status}
        language={(i18n.language === 'en' ? 'en' : 'da') as Language}
        onLanguage={(language) => void store().updateSettings({ language })}
        onOpenSettings={onOpenSettings}
        onLogout={() => void store().logout()}
      />
      <ArchiveBar />
      <ComposeHost />
      <ShortcutLayer />
      <SandboxWelcome environment={status.environment} />
      <MailLayout ownName={status.displayName} onManageFolders={onManageFolders} />
      {folderDialogOpen && <FolderDialogHost onClose={() => setFolderDialogOpen(false)} />}
    </div>
  );
}

function FolderDialogHost({ onClose }: { onClose: () => void }) {
  const folders = useAppStore((a) => a.folders);
  return (
    <FolderDialog
      folders={folders}
      onCreate={(name, parent) => store().createFolder(name, parent)}
      onRename={(id, name) => store().renameFolder(id, name)}
      onMove={(id, parent) => store().moveFolder(id, parent)}
      onDelete={(id) => store().deleteFolder(id)}
      onClose={onClose}
    />
  );
}

/** The three panes: sidebar, list and the open letter. */
export const MailLayout = memo(function MailLayout({
  ownName,
  onManageFolders,
}: {
  ownName: string | undefined;
  onManageFolders: () => void;
}) {
  return (
    <div className="mail-layout">
      <Sidebar ownName={ownName} onManageFolders={onManageFolders} />
      <ListPane />
      <MessagePane />
      <PaneResizers />
    </div>
  );
});

function ErrorWithRetry({ error, onRetry }: { error: UiError | null; onRetry: () => void }) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  if (!error) return null;
  return (
    <p className="error" role="alert">
      {say(error)}{' '}
      <button type="button" onClick={onRetry}>
        {t('app.retry')}
      </button>
    </p>
  );
}

function Sidebar({ ownName, onManageFolders }: { ownName: string | undefined; onManageFolders: () => void }) {
  const { t } = useTranslation();
  const s = useAppStore(
    useShallow((a) => ({
      mailboxes: a.mailboxes,
      selectedMailboxId: a.selectedMailboxId,
      mailboxError: a.mailboxError,
      folders: a.folders,
      selectedFolderId: a.selectedFolderId,
      folderError: a.folderError,
      canWrite: selectedMailbox(a)?.canWrite ?? false,
    })),
  );
  return (
    <nav className="sidebar" aria-label={t('folders.tree')}>
      <ComposeEntryButtons />
      <MailboxSwitcher
        mailboxes={s.mailboxes}
        selectedId={s.selectedMailboxId}
        onSelect={(id) => void store().selectMailbox(id)}
        ownName={ownName}
      />
      <ErrorWithRetry error={s.mailboxError} onRetry={() => void store().loadMailboxes()} />
      <FolderTree
        folders={s.folders}
        selectedId={s.selectedFolderId}
        onSelect={(id) => void store().selectFolder(id)}
        onDropMessages={(folderId, ids) => void store().bulkMove(folderId, ids)}
      />
      <ErrorWithRetry error={s.folderError} onRetry={() => void store().loadFolders()} />
      {s.canWrite && (
        <button type="button" className="manage-folders" onClick={onManageFolders}>
          {t('folders.manage')}
        </button>
      )}
      <NotificationsEntry />
    </nav>
  );
}

// The filters subscribe on their own: opening a letter or changing the selection re-rendered the search and both
// date fields with the list, which was a large part of a click's work (bench profile of open_message_html_ms).
function ListFilters() {
  const say = useUiErrorText();
  const s = useAppStore(
    useShallow((a) => ({
      sort: a.sort,
      dateFrom: a.dateFrom,
      dateTo: a.dateTo,
      search: a.search,
      searchError: a.searchError,
      senders: a.senders,
      senderLabel: a.senderLabel,
      messages: a.messages,
    })),
  );
  const senders = useMemo(() => senderOverview(s), [s]);
  return (
    <ListToolbar
      sort={s.sort}
      dateFrom={s.dateFrom}
      dateTo={s.dateTo}
      search={s.search}
      searchError={s.searchError ? say(s.searchError) : null}
      senders={senders}
      senderLabel={s.senderLabel}
      onSort={(sort) => void store().setSort(sort)}
      onDateRange={(from, to) => void store().setDateRange(from, to)}
      onSearch={(text) => void store().setSearch(text)}
      onSender={(label) => void store().setSenderFilter(label)}
    />
  );
}

function ListPane() {
  const say = useUiErrorText();
  const s = useAppStore(
    useShallow((a) => ({
      search: a.search,
      dateFrom: a.dateFrom,
      dateTo: a.dateTo,
      senderLabel: a.senderLabel,
      messages: a.messages,
      totalElements: a.totalElements,
      nextCursor: a.nextCursor,
      listLoading: a.listLoading,
      loadingMore: a.loadingMore,
      listError: a.listError,
      selectedFolderId: a.selectedFolderId,
      openMessageId: a.openMessageId,
      selectedIds: a.selectedIds,
      bulk: a.bulk,
      folders: a.folders,
      mailbox: selectedMailbox(a),
      compact: a.settings?.density === 'compact',
    })),
  );
  const onLoadMore = useCallback(() => void store().loadMore(), []);
  const selected = useMemo(
    () => selectedInList({ selectedIds: s.selectedIds, messages: s.messages }),
    [s.selectedIds, s.messages],
  );
  // A choice belongs to the list it was made in.
  useEffect(() => {
    store().clearSelection();
    store().dismissBulk();
  }, [s.selectedFolderId, s.search, s.senderLabel]);
  return (
    <main className="list-pane">
      <ListFilters />
      <BulkToolbar
        selected={selected}
        folders={s.folders}
        canWrite={s.mailbox?.canWrite ?? false}
        canMoveToDeleted={s.mailbox?.canMoveToDeleted ?? false}
        bulk={s.bulk}
        onMarkRead={(read) => void store().bulkSetRead(read)}
        onMove={(folderId) => void store().bulkMove(folderId)}
        onDelete={() => void store().bulkDelete()}
        onClear={() => store().clearSelection()}
        onDismiss={() => store().dismissBulk()}
      />
      <MessageList
        messages={s.messages}
        totalElements={s.totalElements}
        hasMore={Boolean(s.nextCursor)}
        loading={s.listLoading || !s.selectedFolderId}
        loadingMore={s.loadingMore}
        error={s.listError ? say(s.listError) : null}
        openId={s.openMessageId}
        onOpen={(id) => void store().openMessage(id)}
        onLoadMore={onLoadMore}
        onRetry={() => void store().retryList()}
        onDelete={(id) => void store().deleteMessage(id)}
        onToggleRead={(id) => void store().toggleRead(id)}
        onToggleFlag={(id) => void store().toggleFlag(id)}
        selectedIds={s.selectedIds}
        onSelect={(id, mode) => store().select(id, mode)}
        onSelectAll={() => store().selectAll()}
        onClearSelection={() => store().clearSelection()}
        compact={s.compact}
        empty={
          <ListEmptyState
            folderType={s.folders.find((f) => f.folderId === s.selectedFolderId)?.folderType}
            filtered={Boolean(s.search || s.dateFrom || s.dateTo || s.senderLabel)}
          />
        }
      />
    </main>
  );
}

async function saveFile(ref: FileRef): Promise<void> {
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
}

const openId = () => store().openMessageId ?? '';
const MESSAGE_ACTIONS: MessageActions = {
  toggleRead: () => void store().toggleRead(openId()),
  toggleFlag: () => void store().toggleFlag(openId()),
  saveNote: (note) => store().saveNote(note),
  move: (folderId) => void store().moveMessage(openId(), folderId),
  remove: () => void store().deleteMessage(openId()),
  restore: () => void store().restoreMessage(openId()),
  markLegallyNotified: () => void store().markLegallyNotified(),
  openThreadMessage: (messageId) => void store().openMessage(messageId),
  loadFile: (ref) => void store().loadFile(ref),
  saveFile: (ref) => void saveFile(ref),
  openFile: (ref) => void store().openFile(ref),
  openLink: (url) => void dp().app.openExternal({ url }),
  print: () => window.print(),
};

function MessagePane() {
  const say = useUiErrorText();
  const s = useAppStore(
    useShallow((a) => ({
      message: a.message,
      messageLoading: a.messageLoading,
      messageError: a.messageError,
      readPending: a.readPending,
      actionError: a.actionError,
      thread: a.thread,
      folders: a.folders,
      mailbox: selectedMailbox(a),
      files: a.files,
    })),
  );
  return (
    <MessageView
      message={s.message}
      loading={s.messageLoading}
      error={s.messageError ? say(s.messageError) : null}
      readPending={s.readPending}
      actionError={s.actionError ? say(s.actionError) : null}
      thread={s.thread}
      folders={s.folders}
      mailbox={s.mailbox}
      files={s.files}
      canOpenFiles
      actions={MESSAGE_ACTIONS}
    />
  );
}

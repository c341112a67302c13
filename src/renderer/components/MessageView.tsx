import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  isAttachmentDocument,
  isMarkedLegalNotification,
  type FolderSummaryEntry,
  type Message,
} from '../../shared/dp/resources';
import { withoutHiddenCharacters } from '../../shared/dp/filenames';
import type { MailboxView } from '../../shared/ipc/channels/mail';
import { formatDateTime } from '../i18n';
import { moveTargets } from '../lib/folder-rules';
import { isDraftIn } from '../lib/message-state';
import { buildFolderTree, flattenTree, folderName } from '../lib/folder-names';
import type { FileContent, FileRef } from '../store/message';
import { FileView, warmUpPdfViewer } from './FileView';
import { ConfirmDialog } from './Modal';
import { AttachmentList } from './AttachmentList';
import { Icon, IconButton } from './icons';
import { MenuButton, type MenuItem } from './MenuButton';
import { MessageComposeActions } from '../features/compose/components/MessageComposeActions';
import { LetterActions } from '../features/letter-actions/LetterActions';
import { ArchiveLetterText } from '../features/archive/ArchiveLetterText';
import { useOfflineDisabled } from '../features/archive/offline';

export interface MessageActions {
  toggleRead(): void;
  toggleFlag(): void;
  saveNote(note: string): Promise<boolean>;
  move(folderId: string): void;
  remove(): void;
  restore(): void;
  markLegallyNotified(): void;
  openThreadMessage(id: string): void;
  loadFile(ref: FileRef): void;
  saveFile(ref: FileRef): void;
  openFile(ref: FileRef): void;
  openLink(url: string): void;
  print(): void;
}

export interface MessageViewProps {
  message: Message | null;
  loading: boolean;
  error: string | null;
  readPending: boolean;
  actionError: string | null;
  thread: Message[];
  folders: FolderSummaryEntry[];
  mailbox: MailboxView | undefined;
  files: Record<string, FileContent>;
  canOpenFiles: boolean;
  actions: MessageActions;
}

/** MAIN first; the attachments (any other type, whatever it is called) keep Digital Post's order. */
const documentRank = (d: { documentType: string }): number => (isAttachmentDocument(d) ? 1 : 0);

export function MessageView(props: MessageViewProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { message, loading, error } = props;
  useEffect(() => warmUpPdfViewer(), []);
  let body;
  if (error) {
    body = (
      <p className="error" role="alert">
        {error}
      </p>
    );
  } else if (loading) {
    body = <p className="muted">{t('app.loading')}</p>;
  } else if (!message) {
    body = <p className="muted empty-view">{t('message.none')}</p>;
  } else {
    body = <OpenMessage key={message.id} {...props} message={message} headingId={headingId} />;
  }
  return (
    <section className="message-view" role="region" aria-label={t('message.region')}>
      {body}
    </section>
  );
}

function OpenMessage({
  message: m,
  readPending,
  actionError,
  thread,
  folders,
  mailbox,
  files,
  canOpenFiles,
  actions,
  headingId,
}: MessageViewProps & { message: Message; headingId: string }) {
  const { t } = useTranslation();
  const [confirmLegal, setConfirmLegal] = useState(false);
  const [confirmDraftDelete, setConfirmDraftDelete] = useState(false);
  const folder = folders.find((f) => f.folderId === m.folderId);
  const inDeleted = folder?.folderType === 'DELETED';
  const canWrite = mailbox?.canWrite ?? false;
  const isDraft = isDraftIn(m, folders);
  const canDelete = isDraft ? canWrite : (mailbox?.canMoveToDeleted ?? false);
  const documents = [...(m.documents ?? [])].sort((a, b) => documentRank(a) - documentRank(b));
  const letters = documents.filter((d) => !isAttachmentDocument(d));
  const attachments = documents.filter((d) => isAttachmentDocument(d));
  // Which letters are forkyndelser is not printed (assumptions.ts); a legallyNotified one is shown as such anyway.
  const legal = isMarkedLegalNotification(m);
  const [noteOpen, setNoteOpen] = useState(false);
  const [zoom, setZoom] = useState(ZOOM_DEFAULT);
  const noteId = useId();
  const note = m.note ?? '';

  return (
    <article aria-labelledby={headingId} className="open-message">
      <header className="message-header">
        <h2 id={headingId}>{m.label || t('message.noSubject')}</h2>
        <dl className="message-meta">
          <div>
            <dt>{t('message.from')}</dt>
            <dd>
              {m.sender?.label ?? ''}{' '}
              {m.sender?.senderId && (
                <span className="muted">
                  ({m.sender.senderIdType} {m.sender.senderId})
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('message.to')}</dt>
            <dd>
              {m.recipient?.label ?? ''}{' '}
              {m.recipient?.recipientId && <span className="muted">({m.recipient.recipientId})</span>}
            </dd>
          </div>
          <div>
            <dt>{t('message.date')}</dt>
            <dd>{formatDateTime(m.messageDateTime ?? m.sendDateTime)}</dd>
          </div>
        </dl>
        {note && !noteOpen && (
          <button
            type="button"
            className="note-chip"
            aria-controls={noteId}
            aria-expanded={false}
            onClick={() => setNoteOpen(true)}
          >
            <Icon name="note" size={14} />
            <span className="note-chip-text">{t('reading.noteChip', { note })}</span>
          </button>
        )}
        {readPending && <p className="muted">{t('message.readPending')}</p>}
      </header>

      {(m.legallyNotified || (legal && canWrite)) && (
        <div className={`legal-banner${m.legallyNotified ? ' done' : ''}`} role="note">
          {m.legallyNotified ? (
            <p>{t('message.legalDone')}</p>
          ) : (
            <>
              <p>{t('message.legalBanner')}</p>
              <button type="button" className="primary" onClick={() => setConfirmLegal(true)}>
                {t('message.markLegal')}
              </button>
            </>
          )}
        </div>
      )}

      <MessageToolbar
        message={m}
        folders={folders}
        canWrite={canWrite}
        canDelete={canDelete}
        canMoveToDeleted={mailbox?.canMoveToDeleted ?? false}
        inDeleted={inDeleted}
        noteOpen={noteOpen}
        noteId={noteId}
        zoom={zoom}
        onZoom={setZoom}
        onToggleNote={() => setNoteOpen(!noteOpen)}
        onToggleRead={actions.toggleRead}
        onToggleFlag={actions.toggleFlag}
        onMove={actions.move}
        onDelete={() => (isDraft ? setConfirmDraftDelete(true) : actions.remove())}
        onRestore={actions.restore}
        onPrint={actions.print}
      >
        <MessageComposeActions message={m} canWrite={canWrite} />
      </MessageToolbar>
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}

      {noteOpen && (
        <NoteEditor
          key={m.id}
          id={noteId}
          note={note}
          canWrite={canWrite}
          onSave={actions.saveNote}
          onClose={() => setNoteOpen(false)}
        />
      )}

      {thread.length > 1 && <ThreadList thread={thread} currentId={m.id} onOpen={actions.openThreadMessage} />}
      <ArchiveLetterText messageId={m.id} />

      <LetterActions message={m} />
      <div className="documents letter-sheet-area" style={zoom !== 1 ? { zoom } : undefined}>
        {documents.length === 0 && <p className="notice">{t('message.noDocuments')}</p>}
        {letters.map((d) => (
          <section
            key={d.id}
            className="document"
            aria-label={withoutHiddenCharacters(d.label ?? '') || t('message.documents')}
          >
            {d.label && letters.length > 1 && <h3>{withoutHiddenCharacters(d.label)}</h3>}
            {d.files.length === 0 && <p className="notice">{t('message.noFiles')}</p>}
            {d.files.map((f) => {
              const ref = { documentId: d.id, fileId: f.id };
              return (
                <FileView
                  key={f.id}
                  file={f}
                  content={files[f.id]}
                  canOpen={canOpenFiles}
                  onLoad={() => actions.loadFile(ref)}
                  onSave={() => actions.saveFile(ref)}
                  onOpen={() => actions.openFile(ref)}
                  onOpenLink={actions.openLink}
                />
              );
            })}
          </section>
        ))}
      </div>
      <AttachmentList documents={attachments} files={files} canOpen={canOpenFiles} actions={actions} />

      {confirmLegal && (
        <ConfirmDialog
          title={t('message.confirmLegalTitle')}
          text={t('message.confirmLegalText')}
          confirmLabel={t('message.markLegal')}
          cancelLabel={t('app.cancel')}
          onCancel={() => setConfirmLegal(false)}
          onConfirm={() => {
            setConfirmLegal(false);
            actions.markLegallyNotified();
          }}
        />
      )}
      {confirmDraftDelete && (
        <ConfirmDialog
          title={t('message.deleteDraft')}
          text={t('message.confirmDeleteDraft')}
          confirmLabel={t('message.deleteDraft')}
          cancelLabel={t('app.cancel')}
          onCancel={() => setConfirmDraftDelete(false)}
          onConfirm={() => {
            setConfirmDraftDelete(false);
            actions.remove();
          }}
        />
      )}
    </article>
  );
}

const ZOOMS = [0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];
const ZOOM_DEFAULT = 1;

/**
 * One compact row: the writing actions first, then read/flag/note/move/delete as icons (named, with tooltips), the
 * letter's zoom, and the rarer actions behind "Flere handlinger".
 */
function MessageToolbar(p: {
  message: Message;
  folders: FolderSummaryEntry[];
  canWrite: boolean;
  canDelete: boolean;
  canMoveToDeleted: boolean;
  inDeleted: boolean;
  noteOpen: boolean;
  noteId: string;
  zoom: number;
  onZoom: (zoom: number) => void;
  onToggleNote: () => void;
  onToggleRead: () => void;
  onToggleFlag: () => void;
  onMove: (folderId: string) => void;
  onDelete: () => void;
  onRestore: () => void;
  onPrint: () => void;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  // Offline (reading the archive): what would change the letter at Digital Post is disabled, with the reason.
  const needsDp = useOfflineDisabled();
  const targets = moveTargets(p.folders, p.message, p.canMoveToDeleted);
  const ordered = flattenTree(buildFolderTree(p.folders)).filter((n) => targets.includes(n.folder));
  const isDraft = isDraftIn(p.message, p.folders);
  const zoomAt = Math.max(0, ZOOMS.indexOf(p.zoom));
  const moveItems: MenuItem[] = ordered.map((n) => ({
    key: n.folder.folderId,
    label: folderName(t, n.folder),
    level: n.level,
    onSelect: () => p.onMove(n.folder.folderId),
  }));
  const moreItems: MenuItem[] = [
    { key: 'print', label: t('message.print'), onSelect: p.onPrint },
    {
      key: 'zoom-reset',
      label: t('reading.zoomReset', { pct: Math.round(ZOOM_DEFAULT * 100) }),
      onSelect: () => p.onZoom(ZOOM_DEFAULT),
      disabled: p.zoom === ZOOM_DEFAULT,
    },
  ];

  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('message.actions')}>
      {p.children}
      {p.canWrite && (
        <span className="toolbar-group">
          <IconButton
            icon={p.message.read ? 'mail' : 'mailOpen'}
            label={p.message.read ? t('message.markUnread') : t('message.markRead')}
            onClick={p.onToggleRead}
            {...needsDp}
          />
          <IconButton
            icon="flag"
            className={p.message.flag ? 'is-on' : undefined}
            label={p.message.flag ? t('message.unflag') : t('message.flag')}
            pressed={p.message.flag}
            onClick={p.onToggleFlag}
            {...needsDp}
          />
          {moveItems.length > 0 && (
            <MenuButton
              label={t('message.moveTo')}
              icon="folderMove"
              iconOnly
              items={moveItems}
              {...(needsDp.title ? { unavailable: needsDp.title } : {})}
            />
          )}
        </span>
      )}
      <span className="toolbar-group">
        <button
          type="button"
          className="note-button"
          aria-expanded={p.noteOpen}
          aria-controls={p.noteOpen ? p.noteId : undefined}
          title={t('message.note')}
          onClick={p.onToggleNote}
        >
          <Icon name="note" />
          <span>{t('reading.note')}</span>
        </button>
        {p.inDeleted
          ? p.canMoveToDeleted && (
              <IconButton icon="restore" label={t('message.restore')} onClick={p.onRestore} {...needsDp} />
            )
          : p.canDelete && (
              <IconButton
                icon="trash"
                className="danger"
                label={isDraft ? t('message.deleteDraft') : t('message.delete')}
                onClick={p.onDelete}
                {...needsDp}
              />
            )}
      </span>
      <span className="toolbar-spacer" />
      <span className="toolbar-group">
        <IconButton
          icon="zoomOut"
          label={t('reading.zoomOut')}
          disabled={zoomAt <= 0}
          onClick={() => p.onZoom(ZOOMS[zoomAt - 1] ?? p.zoom)}
        />
        <span className="zoom-level" aria-live="polite">
          {Math.round(p.zoom * 100)} %
        </span>
        <IconButton
          icon="zoomIn"
          label={t('reading.zoomIn')}
          disabled={zoomAt >= ZOOMS.length - 1}
          onClick={() => p.onZoom(ZOOMS[zoomAt + 1] ?? p.zoom)}
        />
        <MenuButton label={t('reading.more')} icon="more" iconOnly items={moreItems} />
      </span>
    </div>
  );
}

/** The personal note, behind the toolbar's "Note" button; read-only for someone who may not write. */
function NoteEditor({
  id,
  note,
  canWrite,
  onSave,
  onClose,
}: {
  id: string;
  note: string;
  canWrite: boolean;
  onSave: (note: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const [text, setText] = useState(note);
  const [saved, setSaved] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  useEffect(() => field.current?.focus(), []);
  return (
    <form
      id={id}
      className="note-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(await onSave(text));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <label htmlFor={fieldId}>{t('message.note')}</label>
      <textarea
        ref={field}
        id={fieldId}
        rows={2}
        maxLength={4000}
        readOnly={!canWrite}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      {canWrite && <button type="submit">{t('message.saveNote')}</button>}
      <button type="button" onClick={onClose}>
        {t('reading.closeNote')}
      </button>
      <span role="status">{saved ? t('message.noteSaved') : ''}</span>
    </form>
  );
}

function ThreadList({
  thread,
  currentId,
  onOpen,
}: {
  thread: Message[];
  currentId: string;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <nav className="thread" aria-label={t('message.thread')}>
      <h3>{t('message.thread')}</h3>
      <ol>
        {thread.map((m) => {
          const sender = m.sender?.label ?? m.sender?.senderId ?? '';
          const label = m.label || t('message.noSubject');
          return (
            <li key={m.id}>
              {m.id === currentId ? (
                <span aria-current="true">
                  {formatDateTime(m.messageDateTime)} · {sender}: {label} {t('message.current')}
                </span>
              ) : (
                <button
                  type="button"
                  className="link-button"
                  aria-label={t('message.openThread', { sender, label })}
                  onClick={() => onOpen(m.id)}
                >
                  {formatDateTime(m.messageDateTime)} · {sender}: {label}
                </button>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import { useId, useState } from 'react';
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
import { FileView } from './FileView';
import { ConfirmDialog } from './Modal';
import { MessageComposeActions } from '../features/compose/components/MessageComposeActions';

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
    body = <OpenMessage {...props} message={message} headingId={headingId} />;
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
  // Which letters are forkyndelser is not printed (assumptions.ts); a legallyNotified one is shown as such anyway.
  const legal = isMarkedLegalNotification(m);

  return (
    <article aria-labelledby={headingId} className="open-message">
      <header className="message-header">
        <h2 id={headingId}>{m.label || t('message.noSubject')}</h2>
        <dl>
          <dt>{t('message.from')}</dt>
          <dd>
            {m.sender?.label ?? ''}{' '}
            {m.sender?.senderId && (
              <span className="muted">
                ({m.sender.senderIdType} {m.sender.senderId})
              </span>
            )}
          </dd>
          <dt>{t('message.to')}</dt>
          <dd>
            {m.recipient?.label ?? ''}{' '}
            {m.recipient?.recipientId && <span className="muted">({m.recipient.recipientId})</span>}
          </dd>
          <dt>{t('message.date')}</dt>
          <dd>{formatDateTime(m.messageDateTime ?? m.sendDateTime)}</dd>
        </dl>
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
        onToggleRead={actions.toggleRead}
        onToggleFlag={actions.toggleFlag}
        onMove={actions.move}
        onDelete={() => (isDraft ? setConfirmDraftDelete(true) : actions.remove())}
        onRestore={actions.restore}
        onPrint={actions.print}
      />
      <MessageComposeActions message={m} canWrite={canWrite} />
      {actionError && (
        <p className="error" role="alert">
          {actionError}
        </p>
      )}

      {canWrite && <NoteEditor key={m.id} note={m.note ?? ''} onSave={actions.saveNote} />}

      {thread.length > 1 && <ThreadList thread={thread} currentId={m.id} onOpen={actions.openThreadMessage} />}

      <div className="documents">
        {documents.length === 0 && <p className="notice">{t('message.noDocuments')}</p>}
        {documents.map((d) => (
          <section
            key={d.id}
            className="document"
            aria-label={withoutHiddenCharacters(d.label ?? '') || t('message.documents')}
          >
            {d.label && documents.length > 1 && <h3>{withoutHiddenCharacters(d.label)}</h3>}
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

function MessageToolbar(p: {
  message: Message;
  folders: FolderSummaryEntry[];
  canWrite: boolean;
  canDelete: boolean;
  canMoveToDeleted: boolean;
  inDeleted: boolean;
  onToggleRead: () => void;
  onToggleFlag: () => void;
  onMove: (folderId: string) => void;
  onDelete: () => void;
  onRestore: () => void;
  onPrint: () => void;
}) {
  const { t } = useTranslation();
  const moveId = useId();
  const targets = moveTargets(p.folders, p.message, p.canMoveToDeleted);
  const ordered = flattenTree(buildFolderTree(p.folders)).filter((n) => targets.includes(n.folder));
  const [target, setTarget] = useState('');
  const chosen = ordered.some((n) => n.folder.folderId === target) ? target : '';

  return (
    <div className="message-toolbar" role="toolbar" aria-label={t('message.actions')}>
      {p.canWrite && (
        <>
          <button type="button" onClick={p.onToggleRead}>
            {p.message.read ? t('message.markUnread') : t('message.markRead')}
          </button>
          <button type="button" aria-pressed={p.message.flag} onClick={p.onToggleFlag}>
            {p.message.flag ? t('message.unflag') : t('message.flag')}
          </button>
        </>
      )}
      {p.canWrite && ordered.length > 0 && (
        <span className="move-group">
          <label htmlFor={moveId}>{t('message.moveTo')}</label>
          <select id={moveId} value={chosen} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('message.chooseFolder')}</option>
            {ordered.map((n) => (
              <option key={n.folder.folderId} value={n.folder.folderId}>
                {'\u00a0\u00a0'.repeat(n.level - 1) + folderName(t, n.folder)}
              </option>
            ))}
          </select>
          <button type="button" disabled={!chosen} onClick={() => chosen && p.onMove(chosen)}>
            {t('message.move')}
          </button>
        </span>
      )}
      {p.inDeleted
        ? p.canMoveToDeleted && (
            <button type="button" onClick={p.onRestore}>
              {t('message.restore')}
            </button>
          )
        : p.canDelete && (
            <button type="button" className="danger" onClick={p.onDelete}>
              {isDraftIn(p.message, p.folders) ? t('message.deleteDraft') : t('message.delete')}
            </button>
          )}
      <button type="button" onClick={p.onPrint}>
        {t('message.print')}
      </button>
    </div>
  );
}

function NoteEditor({ note, onSave }: { note: string; onSave: (note: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(note);
  const [saved, setSaved] = useState(false);
  return (
    <form
      className="note-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(await onSave(text));
      }}
    >
      <label htmlFor={id}>{t('message.note')}</label>
      <textarea
        id={id}
        rows={2}
        maxLength={4000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      <button type="submit">{t('message.saveNote')}</button>
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

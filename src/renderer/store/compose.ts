import i18next from 'i18next';
import type { FieldError } from '../../shared/ipc/app-error';
import { isAppErrorException } from '../../shared/ipc/app-error';
import type {
  ContactPointHit,
  DraftContent,
  DraftFormat,
  DraftRecipient,
  DraftView,
  JournalEntry,
  SaveResult,
} from '../../shared/ipc/channels/compose';
import type { AppEvent } from '../../shared/ipc/events';
import type { ChannelResponse } from '../../shared/ipc/contract';
import { checkAttachment } from '../../shared/dp/files';
import { encodingFormatFromFilename } from '../../shared/dp/encoding-formats';
import { scrubFilename } from '../../shared/dp/filenames';
import { dp, errorText } from '../lib/api';
import {
  checkBeforeSend,
  checkForward,
  checkLabel,
  DEFAULT_LIMITS,
  type ForwardFields,
} from '../features/compose/lib/form-checks';
import { htmlToText, isBlank, quoteOriginal, textToHtml } from '../features/compose/lib/strict-html';
import { formatDateTime } from '../i18n';
import type { SliceCreator } from './types';

/** How long typing must pause before the words are saved. */
export const AUTOSAVE_DELAY_MS = 1000;
/** After a failed save the words are tried again on their own, backing off to this at most. */
export const SAVE_RETRY_MS = [3000, 6000, 15000, 30000] as const;

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';
export type ComposeLimits = ChannelResponse<'compose.limits'>;

export interface UploadView {
  uploadId: string;
  filename: string;
  phase: 'reading' | 'document' | 'file' | 'content' | 'done' | 'cancelled' | 'failed';
  sentBytes: number;
  totalBytes: number;
  /** File bytes handed to the connection during the content step (main's `loaded` of `total`). */
  loaded?: number;
  total?: number;
}

export interface ComposeConflict {
  local: string;
  /** `html` is for showing; a text version also carries its own words, which "keep theirs" restores as text. */
  server: { html: string; fileVersion: number; lastUpdated?: string | undefined; format?: 'text'; text?: string };
}

type ServerSide = Extract<SaveResult, { status: 'conflict' }>['server'];

const conflictServer = (server: ServerSide): ComposeConflict['server'] => {
  const version = {
    fileVersion: server.fileVersion,
    ...(server.lastUpdated !== undefined ? { lastUpdated: server.lastUpdated } : {}),
  };
  return server.format === 'text'
    ? { html: textToHtml(server.text), format: 'text', text: server.text, ...version }
    : { html: server.html, ...version };
};

/** The words as the current format saves them. */
export const sessionContent = (c: Pick<ComposeSession, 'format' | 'html' | 'text'>): DraftContent =>
  c.format === 'text' ? { format: 'text', text: c.text } : { format: 'html', html: c.html };

const sameContent = (a: DraftContent, b: DraftContent): boolean =>
  a.format === b.format && (a.format === 'html' ? a.html === (b as typeof a).html : a.text === (b as typeof a).text);

const draftContent = (d: DraftView): DraftContent =>
  d.format === 'text' ? { format: 'text', text: d.text ?? '' } : { format: 'html', html: d.html };

export interface ComposeSession {
  mailboxId: string;
  messageId: string;
  draft: DraftView;
  isReply: boolean;
  /** 'text' saves `text` as text/plain ("Ren tekst"); 'html' saves `html`. */
  format: DraftFormat;
  /** The editor's latest output (STRICT-clean); in text mode the text as html, for the blank check and a switch back. */
  html: string;
  /** The plain text being written in text mode. */
  text: string;
  /** What the server has confirmed. */
  saved: DraftContent;
  /** The content the editor starts from; changes (with `contentKey`) only when the words are replaced wholesale. */
  initialHtml: string;
  contentKey: number;
  label: string;
  senderLabel: string;
  recipient: DraftRecipient | null;
  recipientName: string;
  saveState: SaveState;
  savedAt: string | null;
  saveError: string | null;
  conflict: ComposeConflict | null;
  /** After a conflict the next save names the server version it overrides. */
  baseFileVersion?: number | undefined;
  /** Label/recipient changes not yet written. */
  fieldsDirty: boolean;
  fieldErrors: FieldError[];
  sending: boolean;
  sendError: string | null;
  uploads: UploadView[];
  attachErrors: string[];
  /** Words from the local journal offered in place of the server's (a crash or a failed save). */
  restoredUnsaved: boolean;
}

export interface ComposeSlice {
  compose: ComposeSession | null;
  composeStarting: boolean;
  composeStartError: string | null;
  composeLimits: ComposeLimits | null;
  /** Shown once after send/forward ("Beskeden er sendt"). */
  composeNotice: string | null;
  journalEntries: JournalEntry[];
  journalError: string | null;
  /** Where main keeps this person's unsent words ('memory': no secure key store here); null until known. */
  journalStorage: JournalStorage | null;
  /** After a logout that left unsent words, kept for that person's next login: how many, and where. */
  journalKeptAtLogout: { count: number; storage: JournalStorage } | null;
  startNewMessage(recipient?: { hit: ContactPointHit }): Promise<boolean>;
  startReply(messageId: string): Promise<boolean>;
  openDraft(messageId: string): Promise<boolean>;
  setComposeHtml(html: string): void;
  /** The words of the plain-text editor. */
  setComposeText(text: string): void;
  /** Switches between html and plain text: the words are kept, the next save changes the main file's type. */
  setComposeFormat(format: DraftFormat): void;
  /** Replaces the words wholesale (an import, a switch of text mode): the editor reloads them. */
  replaceComposeContent(html: string): void;
  setComposeFields(fields: { label?: string; senderLabel?: string }): void;
  setComposeRecipient(recipient: DraftRecipient | null, name: string): void;
  /** Save now (blur, close, before send); resolves true when the server has the latest words. */
  flushCompose(): Promise<boolean>;
  retrySave(): Promise<boolean>;
  resolveConflict(keep: 'local' | 'server'): Promise<boolean>;
  sendCompose(): Promise<boolean>;
  discardCompose(): Promise<boolean>;
  /** Saves and closes; stays open (with the error) when the words could not be saved. */
  closeCompose(): Promise<boolean>;
  attachFile(file: File): Promise<boolean>;
  cancelUpload(uploadId: string): Promise<void>;
  removeAttachment(documentId: string): Promise<boolean>;
  onComposeEvent(event: AppEvent): void;
  forwardMessage(messageId: string, fields: ForwardFields): Promise<FieldError[] | null>;
  loadComposeLimits(): Promise<void>;
  loadJournal(): Promise<void>;
  restoreJournal(entry: JournalEntry): Promise<boolean>;
  dismissJournal(entry: JournalEntry): Promise<boolean>;
  clearComposeNotice(): void;
  /** Before logout: the words typed so far go to main, and whether any stay unsent is noted for the login screen. */
  prepareLogout(): Promise<void>;
  /** After logout: nothing of the last user's writing stays on screen (main keeps its journal). */
  resetCompose(): void;
}

export type JournalStorage = 'disk' | 'memory';

/** main's code when the journal no longer holds the entry (its words reached Digital Post meanwhile). */
const JOURNAL_ENTRY_MISSING = 'app.compose.journal-entry-missing';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`compose.${key}`, options ?? {}) as string;

const fieldErrorsOf = (e: unknown): FieldError[] =>
  isAppErrorException(e) && e.error.fieldErrors ? e.error.fieldErrors : [];

/** Refusals of the words themselves: trying again would fail the same way, so no automatic retry. */
const isRefusal = (e: unknown): boolean =>
  isAppErrorException(e) &&
  (/^html\./.test(e.error.code) ||
    (e.error.status !== undefined &&
      e.error.status >= 400 &&
      e.error.status < 500 &&
      e.error.status !== 409 &&
      e.error.status !== 429));

const newUploadId = (): string => `up-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result ?? '');
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

function recipientName(draft: DraftView): string {
  const r = draft.recipient;
  if (!r) return '';
  return r.label ? `${r.label} (${r.recipientIdType} ${r.recipientId})` : `${r.recipientIdType} ${r.recipientId}`;
}

export const createComposeSlice: SliceCreator<ComposeSlice> = (set, get) => {
  // Timers and the running save live per store, so every test store gets its own.
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let fieldsTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryIndex = 0;
  let saving: Promise<boolean> | null = null;
  let updating: Promise<boolean> | null = null;

  const clearTimers = () => {
    clearTimeout(saveTimer);
    clearTimeout(fieldsTimer);
    clearTimeout(retryTimer);
    saveTimer = fieldsTimer = retryTimer = undefined;
  };

  /** Patches the open session, but only if it is still the draft the caller worked on. */
  const patch = (messageId: string, changes: Partial<ComposeSession>) => {
    const c = get().compose;
    if (c && c.messageId === messageId) set({ compose: { ...c, ...changes } });
  };

  /** Opens the editor on `draft`; `start` replaces the words it starts from (a quoted reply, a restored conflict). */
  const begin = (draft: DraftView, start?: DraftContent, extra: Partial<ComposeSession> = {}) => {
    clearTimers();
    retryIndex = 0;
    const displayName = get().status?.displayName ?? '';
    const { savedAt: _when, ...unsaved } = draft.unsaved ?? { savedAt: '' };
    const saved = draftContent(draft);
    const first: DraftContent = draft.unsaved ? (unsaved as DraftContent) : (start ?? saved);
    const startHtml = first.format === 'html' ? first.html : textToHtml(first.text);
    const session: ComposeSession = {
      mailboxId: draft.mailboxId,
      messageId: draft.messageId,
      draft,
      isReply: draft.isReply,
      format: first.format,
      html: startHtml,
      text: first.format === 'text' ? first.text : '',
      saved,
      initialHtml: startHtml,
      contentKey: (get().compose?.contentKey ?? 0) + 1,
      label: draft.label ?? '',
      senderLabel: draft.senderLabel || displayName,
      recipient:
        draft.recipient && draft.recipient.recipientIdType !== 'EMAIL'
          ? { ...draft.recipient, recipientIdType: draft.recipient.recipientIdType }
          : null,
      recipientName: recipientName(draft),
      saveState: sameContent(first, saved) ? 'idle' : 'dirty',
      savedAt: null,
      saveError: null,
      conflict: null,
      fieldsDirty: !draft.senderLabel && displayName !== '',
      fieldErrors: [],
      sending: false,
      sendError: null,
      uploads: [],
      attachErrors: [],
      restoredUnsaved: draft.unsaved !== undefined,
      ...extra,
    };
    set({ compose: session, composeStarting: false, composeStartError: null, composeNotice: null });
    if (session.saveState === 'dirty') scheduleSave();
    if (session.fieldsDirty) scheduleFields();
    if (!get().composeLimits) void get().loadComposeLimits();
  };

  const scheduleSave = (delay = AUTOSAVE_DELAY_MS) => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void runSave();
    }, delay);
  };

  const scheduleRetry = () => {
    clearTimeout(retryTimer);
    const delay = SAVE_RETRY_MS[Math.min(retryIndex, SAVE_RETRY_MS.length - 1)]!;
    retryIndex += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void runSave();
    }, delay);
  };

  /** One save at a time; words typed meanwhile are saved right after. Resolves true when the server has them all. */
  const runSave = async (): Promise<boolean> => {
    while (saving) await saving;
    const c = get().compose;
    if (!c) return true;
    if (c.conflict) return false;
    const content = sessionContent(c);
    if (sameContent(content, c.saved) && c.baseFileVersion === undefined) {
      if (c.saveState !== 'saved' && c.saveState !== 'idle')
        patch(c.messageId, { saveState: c.savedAt ? 'saved' : 'idle', saveError: null });
      return true;
    }
    const { mailboxId, messageId, baseFileVersion } = c;
    clearTimeout(saveTimer);
    patch(messageId, { saveState: 'saving' });
    saving = (async () => {
      try {
        // The subject as typed rides along, so the journal names the draft by it even before its update lands.
        const result = await dp().compose.save({
          mailboxId,
          messageId,
          content,
          journalLabel: c.label.slice(0, 256),
          ...(baseFileVersion !== undefined ? { baseFileVersion } : {}),
        });
        if (result.status === 'conflict') {
          patch(messageId, {
            saveState: 'conflict',
            conflict: { local: get().compose?.html ?? c.html, server: conflictServer(result.server) },
          });
          return false;
        }
        retryIndex = 0;
        const now = get().compose;
        const upToDate = !!now && sameContent(sessionContent(now), content);
        patch(messageId, {
          saved: content,
          savedAt: result.savedAt,
          saveState: upToDate ? 'saved' : 'dirty',
          saveError: null,
          baseFileVersion: undefined,
        });
        return upToDate;
      } catch (e) {
        // The words stay in the editor (and in main's journal); only the status says they are not saved yet.
        patch(messageId, { saveState: 'error', saveError: errorText(e) });
        if (!isRefusal(e)) scheduleRetry();
        return false;
      }
    })();
    const ok = await saving;
    saving = null;
    const after = get().compose;
    if (ok && after && after.messageId === messageId && !sameContent(sessionContent(after), after.saved))
      return runSave();
    return ok;
  };

  const scheduleFields = () => {
    clearTimeout(fieldsTimer);
    fieldsTimer = setTimeout(() => {
      fieldsTimer = undefined;
      void runFieldsUpdate();
    }, AUTOSAVE_DELAY_MS);
  };

  const limits = () => get().composeLimits ?? DEFAULT_LIMITS;

  const runFieldsUpdate = async (): Promise<boolean> => {
    while (updating) await updating;
    const c = get().compose;
    if (!c || !c.fieldsDirty) return true;
    clearTimeout(fieldsTimer);
    const errors = checkLabel(c.label, limits());
    if (errors.length > 0) {
      patch(c.messageId, { fieldErrors: errors });
      return false;
    }
    const { mailboxId, messageId, label, senderLabel, recipient } = c;
    patch(messageId, { fieldsDirty: false });
    updating = (async () => {
      try {
        const draft = await dp().compose.update({
          mailboxId,
          messageId,
          ...(c.isReply ? {} : { label }),
          senderLabel,
          ...(c.isReply ? {} : { recipient }),
        });
        patch(messageId, { draft: { ...draft, html: get().compose?.draft.html ?? draft.html }, fieldErrors: [] });
        return true;
      } catch (e) {
        const fieldErrors = fieldErrorsOf(e);
        patch(messageId, {
          fieldsDirty: true,
          fieldErrors: fieldErrors.length > 0 ? fieldErrors : [{ code: 'app.compose.update', message: errorText(e) }],
        });
        return false;
      }
    })();
    const ok = await updating;
    updating = null;
    return ok;
  };

  /** The composer is gone: Kladder and Sendt (and a view of the draft itself) show what happened to it. */
  const leaveComposer = (messageId: string, draftGone: boolean) => {
    clearTimers();
    set({ compose: null });
    if (get().openMessageId === messageId) {
      if (draftGone) get().closeMessage();
      else void get().openMessage(messageId);
    }
    void get().loadFolders();
    const folder = get().folders.find((f) => f.folderId === get().selectedFolderId);
    if (folder && (folder.folderType === 'DRAFTS' || folder.folderType === 'SENT')) void get().loadFirstPage();
  };

  const starting = async (work: () => Promise<void>): Promise<boolean> => {
    set({ composeStarting: true, composeStartError: null, composeNotice: null });
    try {
      await work();
      return true;
    } catch (e) {
      set({ composeStarting: false, composeStartError: errorText(e) });
      return false;
    }
  };

  /** Closes the current session first, so its words are saved before another draft takes the editor. */
  const leaveCurrent = async (): Promise<boolean> => (get().compose ? get().closeCompose() : true);

  return {
    compose: null,
    composeStarting: false,
    composeStartError: null,
    composeLimits: null,
    composeNotice: null,
    journalEntries: [],
    journalError: null,
    journalStorage: null,
    journalKeptAtLogout: null,

    async startNewMessage(recipient) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId || !(await leaveCurrent())) return false;
      return starting(async () => {
        const hit = recipient?.hit;
        const name = hit
          ? (hit.contactPointName ? `${hit.authority} – ${hit.contactPointName}` : hit.authority).slice(0, 256)
          : undefined;
        const senderLabel = get().status?.displayName;
        const draft = await dp().compose.create({
          mailboxId,
          ...(senderLabel ? { senderLabel } : {}),
          ...(hit
            ? {
                recipient: {
                  recipientIdType: 'CVR',
                  recipientId: hit.cvr,
                  ...(name ? { label: name } : {}),
                  ...(hit.contactPointId ? { contactPointId: hit.contactPointId } : {}),
                },
              }
            : {}),
        });
        begin(draft);
      });
    },

    async startReply(messageId) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId || !(await leaveCurrent())) return false;
      return starting(async () => {
        const { draft, original } = await dp().compose.reply({ mailboxId, messageId });
        const header = t('quoteHeader', {
          date: formatDateTime(original.messageDateTime),
          sender: original.senderLabel ?? '',
        });
        const quoted = draft.html.trim() !== '' ? draft.html : quoteOriginal(header, original);
        begin(draft, { format: 'html', html: quoted });
        if (quoted !== draft.html) {
          patch(draft.messageId, { saveState: 'dirty' });
          scheduleSave();
        }
      });
    },

    async openDraft(messageId) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId) return false;
      if (get().compose?.messageId === messageId) return true;
      if (!(await leaveCurrent())) return false;
      return starting(async () => {
        const draft = await dp().compose.open({ mailboxId, messageId });
        begin(draft);
      });
    },

    setComposeHtml(html) {
      const c = get().compose;
      if (!c || html === c.html) return;
      const conflicted = c.saveState === 'conflict';
      set({
        compose: {
          ...c,
          html,
          saveState: conflicted ? 'conflict' : c.saveState === 'saving' ? 'saving' : 'dirty',
          sendError: null,
        },
      });
      // While a conflict waits for the user's choice, nothing is written over either version.
      if (!conflicted) scheduleSave();
    },

    setComposeText(text) {
      const c = get().compose;
      if (!c || c.format !== 'text' || text === c.text) return;
      const conflicted = c.saveState === 'conflict';
      set({
        compose: {
          ...c,
          text,
          html: textToHtml(text),
          saveState: conflicted ? 'conflict' : c.saveState === 'saving' ? 'saving' : 'dirty',
          sendError: null,
        },
      });
      if (!conflicted) scheduleSave();
    },

    setComposeFormat(format) {
      const c = get().compose;
      if (!c || format === c.format) return;
      const conflicted = c.saveState === 'conflict';
      // To text: the words without their markup. Back to html: the text as paragraphs, which the editor reloads.
      const text = format === 'text' ? htmlToText(c.html) : c.text;
      const html = textToHtml(text);
      const changes: Partial<ComposeSession> =
        format === 'text'
          ? { format, text, html }
          : { format, text: '', html, initialHtml: html, contentKey: c.contentKey + 1 };
      set({ compose: { ...c, ...changes, saveState: conflicted ? 'conflict' : 'dirty', sendError: null } });
      if (!conflicted) scheduleSave();
    },

    replaceComposeContent(html) {
      const c = get().compose;
      if (!c) return;
      set({
        compose: {
          ...c,
          html,
          initialHtml: html,
          contentKey: c.contentKey + 1,
          saveState: c.saveState === 'conflict' ? 'conflict' : 'dirty',
          sendError: null,
        },
      });
      if (c.saveState !== 'conflict') scheduleSave();
    },

    setComposeFields(fields) {
      const c = get().compose;
      if (!c) return;
      const next = { ...c, ...fields, fieldsDirty: true, sendError: null };
      set({
        compose: {
          ...next,
          fieldErrors: fields.label !== undefined ? checkLabel(next.label, limits()) : c.fieldErrors,
        },
      });
      scheduleFields();
    },

    setComposeRecipient(recipient, name) {
      const c = get().compose;
      if (!c || c.isReply) return;
      set({ compose: { ...c, recipient, recipientName: name, fieldsDirty: true, fieldErrors: [], sendError: null } });
      void runFieldsUpdate();
    },

    async flushCompose() {
      clearTimeout(saveTimer);
      clearTimeout(retryTimer);
      const [saved, updated] = await Promise.all([runSave(), runFieldsUpdate()]);
      return saved && updated;
    },

    retrySave() {
      retryIndex = 0;
      clearTimeout(retryTimer);
      return runSave();
    },

    async resolveConflict(keep) {
      const c = get().compose;
      if (!c?.conflict) return false;
      const { server } = c.conflict;
      const changes: Partial<ComposeSession> = {
        conflict: null,
        saveState: 'dirty',
        baseFileVersion: server.fileVersion,
      };
      if (keep === 'server') {
        const text = server.format === 'text' ? (server.text ?? '') : '';
        Object.assign(changes, {
          format: server.format ?? 'html',
          text,
          html: server.html,
          initialHtml: server.html,
          contentKey: c.contentKey + 1,
        });
      }
      // Either way one save names the server's version: it keeps the chosen words and clears main's journal.
      patch(c.messageId, changes);
      return runSave();
    },

    async sendCompose() {
      // A field update still on its way would answer after these checks and wipe their errors.
      while (updating) await updating;
      const c = get().compose;
      if (!c || c.sending) return false;
      const errors = checkBeforeSend(
        {
          label: c.label,
          senderLabel: c.senderLabel,
          hasRecipient: c.recipient !== null || c.draft.recipient !== undefined,
          hasContent: c.format === 'text' ? c.text.trim() !== '' : !isBlank(c.html),
          isReply: c.isReply,
        },
        limits(),
      );
      if (errors.length > 0) {
        patch(c.messageId, { fieldErrors: errors, sendError: errors.map((e) => e.message).join(' ') });
        return false;
      }
      patch(c.messageId, { sending: true, sendError: null, fieldErrors: [] });
      if (!(await get().flushCompose())) {
        const now = get().compose;
        patch(c.messageId, {
          sending: false,
          sendError: now?.saveError ?? now?.fieldErrors.map((e) => e.message).join(' ') ?? t('statusError'),
        });
        return false;
      }
      try {
        const { message, reconciled } = await dp().compose.send({ mailboxId: c.mailboxId, messageId: c.messageId });
        leaveComposer(c.messageId, true);
        set({ composeNotice: t(reconciled ? 'sentReconciled' : 'sent', { label: message.label ?? c.label }) });
        return true;
      } catch (e) {
        const fieldErrors = fieldErrorsOf(e);
        patch(c.messageId, {
          sending: false,
          sendError: errorText(e),
          ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
        });
        return false;
      }
    },

    async discardCompose() {
      const c = get().compose;
      if (!c) return false;
      clearTimers();
      try {
        while (saving) await saving;
        await dp().compose.discard({ mailboxId: c.mailboxId, messageId: c.messageId });
        leaveComposer(c.messageId, true);
        return true;
      } catch (e) {
        patch(c.messageId, { sendError: errorText(e) });
        return false;
      }
    },

    async closeCompose() {
      const c = get().compose;
      if (!c) return true;
      if (c.uploads.some((u) => u.phase !== 'failed' && u.phase !== 'cancelled' && u.phase !== 'done')) return false;
      if (!(await get().flushCompose())) return false;
      leaveComposer(c.messageId, false);
      return true;
    },

    async attachFile(file) {
      const c = get().compose;
      if (!c) return false;
      const filename = scrubFilename(file.name).trim();
      const encodingFormat = file.type || encodingFormatFromFilename(filename) || '';
      const attachmentBytes = c.draft.attachments.reduce(
        (n, d) => n + d.files.reduce((m, f) => m + (f.fileSize ?? 0), 0),
        0,
      );
      const shape = {
        documents: [
          { documentType: 'MAIN' as const, files: [{ size: Math.max(0, c.draft.totalBytes - attachmentBytes) }] },
          ...c.draft.attachments.map((d) => ({
            documentType: d.documentType,
            files: d.files.map((f) => ({ size: f.fileSize ?? 0 })),
          })),
        ],
      };
      const refusals = checkAttachment(
        { documentType: 'ADDITIONAL', encodingFormat, size: file.size, filename: file.name },
        shape,
      );
      if (refusals.length > 0) {
        patch(c.messageId, {
          attachErrors: [
            `${t('attachRefused', { name: filename || file.name })} ${refusals.map((r) => r.message).join(' ')}`,
          ],
        });
        return false;
      }
      const uploadId = newUploadId();
      const upload: UploadView = { uploadId, filename, phase: 'reading', sentBytes: 0, totalBytes: file.size };
      patch(c.messageId, { uploads: [...c.uploads, upload], attachErrors: [] });
      const updateUpload = (changes: Partial<UploadView>) => {
        const now = get().compose;
        if (now?.messageId === c.messageId)
          patch(c.messageId, { uploads: now.uploads.map((u) => (u.uploadId === uploadId ? { ...u, ...changes } : u)) });
      };
      const dropUpload = () => {
        const now = get().compose;
        if (now?.messageId === c.messageId)
          patch(c.messageId, { uploads: now.uploads.filter((u) => u.uploadId !== uploadId) });
      };
      try {
        const base64 = await readBase64(file);
        if (get().compose?.uploads.find((u) => u.uploadId === uploadId)?.phase === 'cancelled') return false;
        updateUpload({ phase: 'document' });
        const { draft } = await dp().compose.attach({
          mailboxId: c.mailboxId,
          messageId: c.messageId,
          uploadId,
          filename,
          ...(encodingFormat ? { encodingFormat } : {}),
          documentType: 'ADDITIONAL',
          base64,
        });
        dropUpload();
        const now = get().compose;
        if (now?.messageId === c.messageId) patch(c.messageId, { draft: { ...draft, html: now.draft.html } });
        return true;
      } catch (e) {
        const cancelled = get().compose?.uploads.find((u) => u.uploadId === uploadId)?.phase === 'cancelled';
        dropUpload();
        const now = get().compose;
        if (now?.messageId === c.messageId) {
          patch(c.messageId, {
            attachErrors: [
              ...now.attachErrors,
              cancelled
                ? t('attachCancelled', { name: filename })
                : t('attachFailed', { name: filename, error: errorText(e) }),
            ],
          });
        }
        return false;
      }
    },

    async cancelUpload(uploadId) {
      const c = get().compose;
      if (!c) return;
      patch(c.messageId, {
        uploads: c.uploads.map((u) => (u.uploadId === uploadId ? { ...u, phase: 'cancelled' } : u)),
      });
      try {
        await dp().compose.cancelUpload({ uploadId });
      } catch {
        // The attach call itself reports how it ended.
      }
    },

    async removeAttachment(documentId) {
      const c = get().compose;
      if (!c) return false;
      try {
        const draft = await dp().compose.removeAttachment({
          mailboxId: c.mailboxId,
          messageId: c.messageId,
          documentId,
        });
        const now = get().compose;
        if (now) patch(c.messageId, { draft: { ...draft, html: now.draft.html }, attachErrors: [] });
        return true;
      } catch (e) {
        patch(c.messageId, { attachErrors: [errorText(e)] });
        return false;
      }
    },

    onComposeEvent(event) {
      if (event.type !== 'compose.upload') return;
      const c = get().compose;
      if (!c || c.messageId !== event.messageId) return;
      const current = c.uploads.find((u) => u.uploadId === event.uploadId);
      // A cancel the user asked for stays cancelled, whatever step main reports on its way out.
      if (!current || current.phase === 'cancelled') return;
      patch(c.messageId, {
        uploads: c.uploads.map((u) => {
          if (u.uploadId !== event.uploadId) return u;
          const counted =
            event.loaded !== undefined ? { loaded: event.loaded, total: event.total ?? event.totalBytes } : {};
          return {
            ...u,
            phase: event.phase,
            sentBytes: event.sentBytes,
            totalBytes: event.totalBytes || u.totalBytes,
            ...counted,
          };
        }),
      });
    },

    async forwardMessage(messageId, fields) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId) return [{ code: 'app.internal', message: i18next.t('errors.generic') }];
      const errors = checkForward(fields, limits());
      if (errors.length > 0) return errors;
      const id =
        fields.recipientIdType === 'EMAIL' ? fields.recipientId.trim() : fields.recipientId.replace(/[\s-]/g, '');
      try {
        await dp().compose.forward({
          mailboxId,
          messageId,
          recipientIdType: fields.recipientIdType,
          recipientId: id,
          ...(fields.comment ? { comment: fields.comment } : {}),
          ...(fields.senderLabel ? { senderLabel: fields.senderLabel } : {}),
          ...(fields.recipientLabel ? { recipientLabel: fields.recipientLabel } : {}),
        });
      } catch (e) {
        const fieldErrors = fieldErrorsOf(e);
        return fieldErrors.length > 0
          ? fieldErrors
          : [{ code: isAppErrorException(e) ? e.error.code : 'app.internal', message: errorText(e) }];
      }
      set({ composeNotice: t('forwardDone') });
      try {
        // The original now carries FORWARDED; show it so the button explains why it is no longer offered.
        const updated = await dp().messages.get({ mailboxId, messageId });
        if (get().message?.id === messageId) set({ message: updated });
        get().applyMessage(updated);
      } catch {
        // The forward itself succeeded; the view catches up on the next refresh.
      }
      return null;
    },

    async loadComposeLimits() {
      try {
        set({ composeLimits: await dp().compose.limits() });
      } catch {
        // The form checks fall back to Digital Post's published limits.
      }
    },

    async loadJournal() {
      try {
        const { entries, storage } = await dp().journal.list();
        set({
          journalEntries: entries,
          journalError: null,
          journalStorage: storage ?? null,
          journalKeptAtLogout: null,
        });
      } catch (e) {
        set({ journalError: errorText(e) });
      }
    },

    async restoreJournal(entry) {
      if (!(await leaveCurrent())) return false;
      try {
        const { draft, result } = await dp().journal.restore({
          mailboxId: entry.mailboxId,
          messageId: entry.messageId,
        });
        set({
          journalEntries: get().journalEntries.filter((e) => e.messageId !== entry.messageId),
          journalError: null,
        });
        if (result.status === 'conflict') {
          const local = result.local;
          begin({ ...draft, unsaved: undefined }, local, {
            saveState: 'conflict',
            conflict: {
              local: local.format === 'html' ? local.html : textToHtml(local.text),
              server: conflictServer(result.server),
            },
          });
        } else {
          begin({ ...draft, unsaved: undefined }, undefined, { savedAt: result.savedAt, saveState: 'saved' });
        }
        void get().loadFolders();
        return true;
      } catch (e) {
        if (isAppErrorException(e) && e.error.code === JOURNAL_ENTRY_MISSING) {
          // A save still running when the list was read has since delivered the words: open the draft that has them.
          set({
            journalEntries: get().journalEntries.filter((x) => x.messageId !== entry.messageId),
            journalError: null,
          });
          if (get().selectedMailboxId === entry.mailboxId) return get().openDraft(entry.messageId);
          return false;
        }
        set({ journalError: errorText(e) });
        return false;
      }
    },

    async dismissJournal(entry) {
      try {
        await dp().journal.dismiss({ mailboxId: entry.mailboxId, messageId: entry.messageId });
        set({
          journalEntries: get().journalEntries.filter((e) => e.messageId !== entry.messageId),
          journalError: null,
        });
        return true;
      } catch (e) {
        set({ journalError: errorText(e) });
        return false;
      }
    },

    clearComposeNotice() {
      set({ composeNotice: null });
    },

    async prepareLogout() {
      // A debounced save not yet sent would be dropped with the session: main journals it before it uploads.
      if (get().compose) await get().flushCompose();
      try {
        const { entries, storage } = await dp().journal.list();
        set({
          journalKeptAtLogout: entries.length > 0 ? { count: entries.length, storage: storage ?? 'disk' } : null,
        });
      } catch {
        set({ journalKeptAtLogout: null });
      }
    },

    resetCompose() {
      clearTimers();
      set({
        journalStorage: null,
        compose: null,
        composeStarting: false,
        composeStartError: null,
        composeNotice: null,
        journalEntries: [],
        journalError: null,
      });
    },
  };
};

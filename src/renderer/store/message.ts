import { isAttachmentDocument, type FolderSummaryEntry, type Message } from '../../shared/dp/resources';
import type { MailboxView, MessagePatch } from '../../shared/ipc/channels/mail';
import { dp } from '../lib/api';
import { localRefusal, toUiError, type UiError } from '../lib/ui-error';
import { openLetterTab, startDownload } from '../lib/download';
import { isDraftIn, messageStateIn } from '../lib/message-state';
import { selectedMailbox } from './mailboxes';
import type { SliceCreator } from './slice';

export type FileContent =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'ready'; base64: string; encodingFormat: string; filename: string };

export interface FileRef {
  documentId: string;
  fileId: string;
}

export interface MessageSlice {
  openMessageId: string | null;
  message: Message | null;
  messageLoading: boolean;
  messageError: UiError | null;
  /** The read flag we asked for and the server has not confirmed yet. */
  readPending: boolean;
  actionError: UiError | null;
  thread: Message[];
  files: Record<string, FileContent>;
  openMessage(messageId: string): Promise<void>;
  closeMessage(): void;
  /** PATCH one message and put the answer into the list and the view; returns false on failure (actionError set). */
  patchMessage(messageId: string, patch: MessagePatch): Promise<boolean>;
  toggleRead(messageId: string): Promise<void>;
  toggleFlag(messageId: string): Promise<void>;
  saveNote(note: string): Promise<boolean>;
  moveMessage(messageId: string, folderId: string): Promise<boolean>;
  /** Move to Slettet, or delete for real when it is a draft. */
  deleteMessage(messageId: string): Promise<boolean>;
  restoreMessage(messageId: string): Promise<boolean>;
  markLegallyNotified(): Promise<boolean>;
  loadFile(ref: FileRef): Promise<void>;
  /** Resolves false when main could not save (browser mode): the caller downloads it itself. */
  saveFile(ref: FileRef): Promise<boolean>;
  /** Resolves false when nothing opened; in browser mode the page says why (main has no viewer to hand it to). */
  openFile(ref: FileRef): Promise<boolean>;
}

/** What the open letter needs from the rest: where it lives, the list it is shown in, and the folder counts. */
export interface MessageNeeds {
  appMode: 'electron' | 'browser' | null;
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
  folders: FolderSummaryEntry[];
  messages: Message[];
  applyMessage(message: Message): void;
  removeFromList(messageId: string): void;
  loadFolders(): Promise<void>;
}

let openGeneration = 0;

const RESTORE_TARGET = { RECEIVED: 'INBOX', DRAFT: 'DRAFTS', SENT: 'SENT' } as const;

export const createMessageSlice: SliceCreator<MessageSlice, MessageNeeds> = (set, get) => {
  const findMessage = (id: string): Message | undefined =>
    get().message?.id === id ? (get().message ?? undefined) : get().messages.find((m) => m.id === id);

  const fileRef = (ref: FileRef) => {
    const mailboxId = get().selectedMailboxId;
    const messageId = get().openMessageId;
    return mailboxId && messageId ? { mailboxId, messageId, ...ref } : null;
  };

  return {
    openMessageId: null,
    message: null,
    messageLoading: false,
    messageError: null,
    readPending: false,
    actionError: null,
    thread: [],
    files: {},

    async openMessage(messageId) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId) return;
      const mine = ++openGeneration;
      set({
        openMessageId: messageId,
        message: null,
        messageLoading: true,
        messageError: null,
        actionError: null,
        thread: [],
        files: {},
      });
      // The list entry already names the letter's documents: its main files are asked for now, alongside the
      // message, instead of one round trip later when the view mounts (what opening a letter mostly waited for).
      for (const d of findMessage(messageId)?.documents ?? []) {
        if (isAttachmentDocument(d)) continue;
        for (const f of d.files) void get().loadFile({ documentId: d.id, fileId: f.id });
      }
      try {
        const message = await dp().messages.get({ mailboxId, messageId });
        if (mine !== openGeneration) return;
        set({ message, messageLoading: false });
        if (!message.read && selectedMailbox(get())?.canWrite) {
          // Shown as read only once the server said so. Opening is not asking to change anything: where Digital
          // Post refuses (an access that may only read), the letter simply stays unread, without an error.
          set({ readPending: true });
          const marked = await get().patchMessage(messageId, { read: true });
          if (mine === openGeneration) set({ readPending: false, ...(marked ? {} : { actionError: null }) });
        }
        if (message.replyData && message.replyData.length > 0) {
          try {
            const { messages } = await dp().messages.thread({ mailboxId, messageId });
            if (mine === openGeneration) set({ thread: messages });
          } catch {
            // The conversation is extra context; the letter itself is already shown.
          }
        }
      } catch (e) {
        if (mine === openGeneration) set({ messageLoading: false, messageError: toUiError(e) });
      }
    },

    closeMessage() {
      openGeneration += 1;
      set({
        openMessageId: null,
        message: null,
        messageLoading: false,
        messageError: null,
        readPending: false,
        thread: [],
        files: {},
      });
    },

    async patchMessage(messageId, patch) {
      const mailboxId = get().selectedMailboxId;
      if (!mailboxId) return false;
      try {
        const updated = await dp().messages.update({ mailboxId, messageId, patch });
        set({ actionError: null });
        if (get().message?.id === messageId) set({ message: updated });
        set({ thread: get().thread.map((m) => (m.id === messageId ? updated : m)) });
        get().applyMessage(updated);
        void get().loadFolders();
        return true;
      } catch (e) {
        set({ actionError: toUiError(e) });
        return false;
      }
    },

    async toggleRead(messageId) {
      const m = findMessage(messageId);
      if (m) await get().patchMessage(messageId, { read: !m.read });
    },

    async toggleFlag(messageId) {
      const m = findMessage(messageId);
      if (m) await get().patchMessage(messageId, { flag: !m.flag });
    },

    async saveNote(note) {
      const id = get().openMessageId;
      return id ? get().patchMessage(id, { note }) : false;
    },

    moveMessage(messageId, folderId) {
      return get().patchMessage(messageId, { folderId });
    },

    async deleteMessage(messageId) {
      const m = findMessage(messageId);
      const mailboxId = get().selectedMailboxId;
      if (!m || !mailboxId) return false;
      if (isDraftIn(m, get().folders)) {
        try {
          await dp().messages.delete({ mailboxId, messageId });
          get().removeFromList(messageId);
          if (get().openMessageId === messageId) get().closeMessage();
          void get().loadFolders();
          return true;
        } catch (e) {
          set({ actionError: toUiError(e) });
          return false;
        }
      }
      if (!selectedMailbox(get())?.canMoveToDeleted) return false;
      const deleted = get().folders.find((f) => f.folderType === 'DELETED');
      if (!deleted || m.folderId === deleted.folderId) return false;
      return get().patchMessage(messageId, { folderId: deleted.folderId });
    },

    async restoreMessage(messageId) {
      const m = findMessage(messageId);
      if (!m) return false;
      // A state we cannot tell (or do not know) goes back to Indbakke; Digital Post refuses it if that is wrong.
      const state = messageStateIn(m, get().folders);
      const home = state === 'DRAFT' || state === 'SENT' ? RESTORE_TARGET[state] : RESTORE_TARGET.RECEIVED;
      const target = get().folders.find((f) => f.folderType === home);
      return target ? get().patchMessage(messageId, { folderId: target.folderId }) : false;
    },

    async markLegallyNotified() {
      const id = get().openMessageId;
      return id ? get().patchMessage(id, { legallyNotified: true }) : false;
    },

    async loadFile(ref) {
      const full = fileRef(ref);
      if (!full || get().files[ref.fileId]) return;
      const mine = openGeneration;
      set({ files: { ...get().files, [ref.fileId]: { status: 'loading' } } });
      try {
        const content = await dp().files.content(full);
        if (mine === openGeneration) set({ files: { ...get().files, [ref.fileId]: { status: 'ready', ...content } } });
      } catch (e) {
        if (mine === openGeneration)
          set({ files: { ...get().files, [ref.fileId]: { status: 'error', error: toUiError(e) } } });
      }
    },

    async saveFile(ref) {
      const full = fileRef(ref);
      if (!full) return false;
      try {
        const result = await dp().files.save(full);
        if (result.downloadPath) startDownload(result.downloadPath);
        return result.saved || result.downloadPath !== undefined;
      } catch (e) {
        set({ actionError: toUiError(e) });
        return false;
      }
    },

    async openFile(ref) {
      const full = fileRef(ref);
      if (!full) return false;
      try {
        const result = await dp().files.open(full);
        const opened = result.letterHash ? openLetterTab(result.letterHash) : result.opened;
        if (!opened && get().appMode === 'browser')
          set({ actionError: localRefusal('app.file.open-refused', 'message.openNotAvailable') });
        return opened;
      } catch (e) {
        set({ actionError: toUiError(e) });
        return false;
      }
    },
  };
};

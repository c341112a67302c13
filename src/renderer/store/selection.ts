import type { FolderSummaryEntry, Message } from '../../shared/dp/resources';
import { dp } from '../lib/api';
import { isDraftIn } from '../lib/message-state';
import { toUiError, type UiError } from '../lib/ui-error';
import type { SliceCreator } from './slice';

export type SelectMode = 'only' | 'toggle' | 'range';

export interface BulkFailure {
  messageId: string;
  subject: string;
  error: UiError;
}
export type BulkKind = 'read' | 'unread' | 'move' | 'delete';
export interface BulkRun {
  kind: BulkKind;
  total: number;
  done: number;
  ok: number;
  busy: boolean;
  failures: BulkFailure[];
}

/** What the selection works on: the list, the mailbox and folders, and the moves that keep them current. */
export interface SelectionNeeds {
  messages: Message[];
  message: Message | null;
  openMessageId: string | null;
  folders: FolderSummaryEntry[];
  selectedMailboxId: string | null;
  applyMessage(message: Message): void;
  removeFromList(messageId: string): void;
  closeMessage(): void;
  loadFolders(): Promise<void>;
}

export interface SelectionSlice {
  /** The letters chosen in the list, in the order they were chosen. */
  selectedIds: string[];
  /** Where a Shift range starts: the last letter chosen on its own or toggled. */
  selectionAnchor: string | null;
  bulk: BulkRun | null;
  select(messageId: string, mode: SelectMode): void;
  selectAll(): void;
  clearSelection(): void;
  bulkSetRead(read: boolean): Promise<void>;
  /** Moves the selection, or the given letters (a drag of a row that is not selected). */
  bulkMove(folderId: string, messageIds?: string[]): Promise<void>;
  bulkDelete(): Promise<void>;
  dismissBulk(): void;
}

/** The chosen letters that are still in the list (a page reload or a move takes others away). */
export const selectedInList = (s: { selectedIds: string[]; messages: Message[] }): Message[] => {
  if (s.selectedIds.length === 0) return [];
  const chosen = new Set(s.selectedIds);
  return s.messages.filter((m) => chosen.has(m.id));
};

export const createSelectionSlice: SliceCreator<SelectionSlice, SelectionNeeds> = (set, get) => {
  /**
   * One letter after the other through the same calls a single change makes: main's rate limiter queues them, so a
   * long selection waits rather than being refused. Each letter's outcome is kept; the folder counts are asked once.
   */
  const run = async (
    kind: BulkKind,
    targets: Message[],
    change: (m: Message, mailboxId: string) => Promise<void>,
  ): Promise<void> => {
    const mailboxId = get().selectedMailboxId;
    if (!mailboxId || targets.length === 0 || get().bulk?.busy) return;
    let state: BulkRun = { kind, total: targets.length, done: 0, ok: 0, busy: true, failures: [] };
    set({ bulk: state });
    for (const m of targets) {
      try {
        await change(m, mailboxId);
        state = { ...state, done: state.done + 1, ok: state.ok + 1 };
      } catch (e) {
        const failure = { messageId: m.id, subject: m.label ?? '', error: toUiError(e) };
        state = { ...state, done: state.done + 1, failures: [...state.failures, failure] };
      }
      set({ bulk: state });
    }
    set({ bulk: { ...state, busy: false } });
    const failed = new Set(state.failures.map((f) => f.messageId));
    // What failed stays chosen, so it can be tried again.
    set({ selectedIds: get().selectedIds.filter((id) => failed.has(id)) });
    void get().loadFolders();
  };

  const update = async (m: Message, mailboxId: string, patch: { read?: boolean; folderId?: string }) => {
    const updated = await dp().messages.update({ mailboxId, messageId: m.id, patch });
    if (get().message?.id === m.id) set({ message: updated });
    get().applyMessage(updated);
  };

  return {
    selectedIds: [],
    selectionAnchor: null,
    bulk: null,

    select(messageId, mode) {
      const s = get();
      if (mode === 'only') {
        set({ selectedIds: [messageId], selectionAnchor: messageId });
      } else if (mode === 'toggle') {
        const has = s.selectedIds.includes(messageId);
        set({
          selectedIds: has ? s.selectedIds.filter((id) => id !== messageId) : [...s.selectedIds, messageId],
          selectionAnchor: messageId,
        });
      } else {
        const ids = s.messages.map((m) => m.id);
        const from = ids.indexOf(s.selectionAnchor ?? s.openMessageId ?? messageId);
        const to = ids.indexOf(messageId);
        if (to < 0) return;
        const start = from < 0 ? to : Math.min(from, to);
        const end = from < 0 ? to : Math.max(from, to);
        set({ selectedIds: ids.slice(start, end + 1) });
      }
    },

    selectAll() {
      set({ selectedIds: get().messages.map((m) => m.id) });
    },

    clearSelection() {
      if (get().selectedIds.length > 0) set({ selectedIds: [] });
    },

    bulkSetRead(read) {
      const targets = selectedInList(get()).filter((m) => m.read !== read);
      return run(read ? 'read' : 'unread', targets, (m, mailboxId) => update(m, mailboxId, { read }));
    },

    bulkMove(folderId, messageIds) {
      const s = get();
      const ids = new Set(messageIds ?? s.selectedIds);
      const targets = s.messages.filter((m) => ids.has(m.id) && m.folderId !== folderId);
      if (messageIds && !messageIds.every((id) => s.selectedIds.includes(id))) set({ selectedIds: messageIds });
      return run('move', targets, (m, mailboxId) => update(m, mailboxId, { folderId }));
    },

    bulkDelete() {
      const s = get();
      const deleted = s.folders.find((f) => f.folderType === 'DELETED');
      const targets = selectedInList(s).filter((m) => m.folderId !== deleted?.folderId);
      return run('delete', targets, async (m, mailboxId) => {
        if (isDraftIn(m, get().folders)) {
          await dp().messages.delete({ mailboxId, messageId: m.id });
          get().removeFromList(m.id);
          if (get().openMessageId === m.id) get().closeMessage();
          return;
        }
        // A mailbox without Slettet cannot take this; the letter is reported as not changed.
        if (!deleted) throw new Error('no deleted folder');
        await update(m, mailboxId, { folderId: deleted.folderId });
      });
    },

    dismissBulk() {
      if (!get().bulk?.busy) set({ bulk: null });
    },
  };
};

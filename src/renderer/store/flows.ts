import type { Message } from '../../shared/dp/resources';
import type { MessageQuery } from '../../shared/ipc/channels/mail';
import { dp } from '../lib/api';
import { toUiError } from '../lib/ui-error';
import { readLastInbox, rememberLastInbox } from './last-inbox';
import type { FoldersSlice } from './folders';
import type { MailboxesSlice, PrefetchedMail, PrefetchedMailbox } from './mailboxes';
import { listQuery, type MessageListSlice, type PrefetchedPage } from './message-list';
import type { MessageSlice } from './message';
import type { SessionSlice } from './session';
import type { SliceCreator } from './slice';

// The moves that cross slices live here, in one place, so no slice reaches into another to make them: what choosing
// a mailbox or folder sets off, what a logout forgets, and what the views re-read when the composer is done.

export interface FlowsSlice {
  /**
   * App start: the status, the mailboxes and (for the inbox opened last time) its summary and first page are asked
   * for at once instead of one after another; the early answers are used only where they match what the status and
   * the mailbox list then decide.
   */
  startup(): Promise<void>;
  /** `prefetched` (app start): used only for the mailbox the usual rule picks. */
  loadMailboxes(prefetched?: PrefetchedMail): Promise<void>;
  selectMailbox(id: string, prefetched?: PrefetchedMailbox): Promise<void>;
  selectFolder(folderId: string, prefetched?: PrefetchedPage): Promise<void>;
  /** Forget everything about the signed-in person's post (logout, session lost). */
  resetMail(): void;
  logout(): Promise<void>;
  /** The composer closed; `draftGone`: sent or discarded, so a view of the draft itself must go. */
  composerClosed(messageId: string, draftGone: boolean): void;
  /** A journalled draft was written back to Digital Post: the folders show it. */
  draftRestored(): void;
  /** A forward went out: the original now carries FORWARDED, which the views show. */
  messageForwarded(message: Message): void;
}

/** What the flows drive: every slice but compose, of which only its logout step. */
export type FlowsNeeds = SessionSlice &
  MailboxesSlice &
  FoldersSlice &
  MessageListSlice &
  MessageSlice & {
    /** Saves what the composer holds before the session goes. */
    prepareLogout(): Promise<void>;
  };

/**
 * The remembered inbox's first page from the local archive, when it holds the mailbox: shown at start before Digital
 * Post answers. Null when the archive is off, does not cover the mailbox, or cannot answer.
 */
const archivedFirstPage = (query: MessageQuery): Promise<{ messages: Message[]; totalElements: number } | null> =>
  Promise.resolve()
    .then(() =>
      dp().archive.search({
        mailboxId: query.mailboxId,
        text: '',
        ...(query.folderId ? { folderId: query.folderId } : {}),
        limit: Math.min(query.size ?? 200, 500),
      }),
    )
    .then((r) => (r.covered ? { messages: r.messages, totalElements: r.total } : null))
    .catch(() => null);

/** A prefetch nobody may end up reading must not surface as an unhandled rejection. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined);
  return p;
};

export const createFlows: SliceCreator<FlowsSlice, FlowsNeeds> = (set, get) => ({
  async startup() {
    // main.tsx starts it before the first render and App's effect asks again: one start is enough.
    if (get().mailStarting) return;
    set({ mailStarting: true });
    try {
      const last = readLastInbox();
      const status = dp().auth.status();
      const prefetched: PrefetchedMail = { list: quiet(dp().mailboxes.list()) };
      if (last) {
        const query = listQuery({ ...get(), selectedMailboxId: last.mailboxId, selectedFolderId: last.inboxFolderId });
        const firstPage: PrefetchedPage | undefined = query
          ? { query, page: quiet(dp().messages.query(query)), early: archivedFirstPage(query) }
          : undefined;
        if (firstPage) {
          prefetched.mailbox = {
            mailboxId: last.mailboxId,
            summary: quiet(dp().folders.summary({ mailboxId: last.mailboxId })),
            firstPage,
          };
        }
      }
      await get().refreshStatus(status);
      // Logged out (or no answer): the early mail answers belong to no one and are dropped.
      if (!get().status?.loggedIn) return;
      await get().loadMailboxes(prefetched);
    } finally {
      set({ mailStarting: false });
    }
  },

  async loadMailboxes(prefetched) {
    try {
      const { mailboxes } = await (prefetched
        ? prefetched.list.catch(() => dp().mailboxes.list())
        : dp().mailboxes.list());
      set({ mailboxes, mailboxError: null });
      const current = get().selectedMailboxId;
      if (!current || !mailboxes.some((m) => m.id === current)) {
        const first = mailboxes.find((m) => m.own) ?? mailboxes[0];
        if (first) {
          const mine = prefetched?.mailbox?.mailboxId === first.id ? prefetched.mailbox : undefined;
          await get().selectMailbox(first.id, mine);
          // Remembered for the next start's head start: the mailbox this rule opens and its inbox.
          const s = get();
          const inbox = s.folders.find((f) => f.folderType === 'INBOX');
          if (s.selectedMailboxId === first.id && inbox && s.selectedFolderId === inbox.folderId) {
            rememberLastInbox({ mailboxId: first.id, inboxFolderId: inbox.folderId });
          }
        }
      }
    } catch (e) {
      set({ mailboxError: toUiError(e) });
    }
  },

  async selectMailbox(id, prefetched) {
    set({ selectedMailboxId: id, selectedFolderId: null, folders: [] });
    get().closeMessage();
    get().clearList();
    const mine = prefetched?.mailboxId === id ? prefetched : undefined;
    await get().loadFolders(mine?.summary);
    const inbox = get().folders.find((f) => f.folderType === 'INBOX');
    if (inbox) await get().selectFolder(inbox.folderId, mine?.firstPage);
    void get().loadSenders();
  },

  async selectFolder(folderId, prefetched) {
    set({ selectedFolderId: folderId, deadlinesView: false });
    get().closeMessage();
    await get().loadFirstPage(prefetched);
  },

  resetMail() {
    set({ mailboxes: [], selectedMailboxId: null, selectedFolderId: null, folders: [] });
    get().closeMessage();
    get().clearList();
  },

  async logout() {
    try {
      await get().prepareLogout();
      await dp().auth.logout();
      rememberLastInbox(null);
      get().resetMail();
    } catch (e) {
      set({ sessionError: toUiError(e) });
    }
    await get().refreshStatus();
  },

  composerClosed(messageId, draftGone) {
    if (get().openMessageId === messageId) {
      if (draftGone) get().closeMessage();
      else void get().openMessage(messageId);
    }
    void get().loadFolders();
    const folder = get().folders.find((f) => f.folderId === get().selectedFolderId);
    if (folder && (folder.folderType === 'DRAFTS' || folder.folderType === 'SENT')) void get().loadFirstPage();
  },

  draftRestored() {
    void get().loadFolders();
  },

  messageForwarded(message) {
    if (get().message?.id === message.id) set({ message });
    get().applyMessage(message);
  },
});

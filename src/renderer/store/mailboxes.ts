import type { MailboxView } from '../../shared/ipc/channels/mail';
import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { dp, errorText } from '../lib/api';
import { rememberLastInbox } from './last-inbox';
import type { PrefetchedPage } from './messageList';
import type { SliceCreator } from './types';

/** Answers asked for at app start, before it was known whether they would be wanted. */
export interface PrefetchedMailbox {
  mailboxId: string;
  summary: Promise<{ folders: FolderSummaryEntry[] }>;
  firstPage: PrefetchedPage;
}
export interface PrefetchedMail {
  list: Promise<{ mailboxes: MailboxView[] }>;
  mailbox?: PrefetchedMailbox;
}

export interface MailboxesSlice {
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
  mailboxError: string | null;
  /** `prefetched` (app start): used only for the mailbox the usual rule picks. */
  loadMailboxes(prefetched?: PrefetchedMail): Promise<void>;
  selectMailbox(id: string, prefetched?: PrefetchedMailbox): Promise<void>;
  /** Forget everything about the signed-in person's post (logout, session lost). */
  resetMail(): void;
}

export const selectedMailbox = (s: {
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
}): MailboxView | undefined => s.mailboxes.find((m) => m.id === s.selectedMailboxId);

export const createMailboxesSlice: SliceCreator<MailboxesSlice> = (set, get) => ({
  mailboxes: [],
  selectedMailboxId: null,
  mailboxError: null,

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
      set({ mailboxError: errorText(e) });
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

  resetMail() {
    set({ mailboxes: [], selectedMailboxId: null, selectedFolderId: null, folders: [] });
    get().closeMessage();
    get().clearList();
  },
});

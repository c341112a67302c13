import type { MailboxView } from '../../shared/ipc/channels/mail';
import { dp, errorText } from '../lib/api';
import type { SliceCreator } from './types';

export interface MailboxesSlice {
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
  mailboxError: string | null;
  loadMailboxes(): Promise<void>;
  selectMailbox(id: string): Promise<void>;
  /** Forget everything about the signed-in person's post (logout, session lost). */
  resetMail(): void;
}

export const selectedMailbox = (s: { mailboxes: MailboxView[]; selectedMailboxId: string | null }): MailboxView | undefined =>
  s.mailboxes.find((m) => m.id === s.selectedMailboxId);

export const createMailboxesSlice: SliceCreator<MailboxesSlice> = (set, get) => ({
  mailboxes: [],
  selectedMailboxId: null,
  mailboxError: null,

  async loadMailboxes() {
    try {
      const { mailboxes } = await dp().mailboxes.list();
      set({ mailboxes, mailboxError: null });
      const current = get().selectedMailboxId;
      if (!current || !mailboxes.some((m) => m.id === current)) {
        const first = mailboxes.find((m) => m.own) ?? mailboxes[0];
        if (first) await get().selectMailbox(first.id);
      }
    } catch (e) {
      set({ mailboxError: errorText(e) });
    }
  },

  async selectMailbox(id) {
    set({ selectedMailboxId: id, selectedFolderId: null, folders: [] });
    get().closeMessage();
    get().clearList();
    await get().loadFolders();
    const inbox = get().folders.find((f) => f.folderType === 'INBOX');
    if (inbox) await get().selectFolder(inbox.folderId);
    void get().loadSenders();
  },

  resetMail() {
    set({ mailboxes: [], selectedMailboxId: null, selectedFolderId: null, folders: [] });
    get().closeMessage();
    get().clearList();
  },
});

import type { MailboxView } from '../../shared/ipc/channels/mail';
import type { FolderSummaryEntry } from '../../shared/dp/resources';
import type { UiError } from '../lib/ui-error';
import type { PrefetchedPage } from './message-list';
import type { SliceCreator } from './slice';

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

/** The mailboxes the person may read; choosing one and what follows from it is a flow (flows.ts). */
export interface MailboxesSlice {
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
  mailboxError: UiError | null;
}

export const selectedMailbox = (s: {
  mailboxes: MailboxView[];
  selectedMailboxId: string | null;
}): MailboxView | undefined => s.mailboxes.find((m) => m.id === s.selectedMailboxId);

export const createMailboxesSlice: SliceCreator<MailboxesSlice> = () => ({
  mailboxes: [],
  selectedMailboxId: null,
  mailboxError: null,
});

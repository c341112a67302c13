import { join } from 'node:path';
import type { DraftFormat } from '../../../shared/ipc/channels/compose';
import type { DpClient } from '../../services/dp-client/dp-client';
import { AppFault } from '../../errors';
import { createDraftJournal, createMemoryStore } from '../../services/drafts/journal';
import { KeyedQueue } from '../../services/drafts/keyed-queue';
import { createPersonJournal, type JournalOwner, type PersonJournal } from '../../services/drafts/person-journal';
import type { EventHub, PlatformHooks } from '../../services/platform';
import type { SecretStore } from '../../services/secret-store';
import { fetchMessage } from './drafts-read';

/** What the compose handlers need from the composition root; a ServiceContext fits as is. */
export interface ComposeContext {
  api: DpClient;
  events: Pick<EventHub, 'emit'>;
  hooks: Pick<PlatformHooks, 'userDataDir'>;
  /** The logged-in person's journal (`createComposeJournal`); without one, words are journalled in memory only. */
  journal?: PersonJournal;
  /** The main log (ids and codes only, never a letter's words); console.warn when absent. */
  log?: (msg: string) => void;
}

/** Where autosave writes: the MAIN html or text file of a draft and the version the next upload is based on. */
export interface MainTarget {
  documentId: string;
  fileId: string;
  filename: string;
  fileVersion: number;
  /** The file's format now; a save in the other format switches the file first. */
  format: DraftFormat;
  /** The draft's label, so the journal can name the draft in its "restore?" list. */
  label?: string;
  /**
   * Set after a conflict: the server holds other words at this version. Autosaves keep answering `conflict` until
   * the user picks a side by saving with an explicit base version.
   */
  conflictAt?: number;
}

/** State shared by the compose handlers of one app instance. */
export interface ComposeState {
  ctx: ComposeContext;
  journal: PersonJournal;
  /** Saves (and sends, which wait for them) of one draft run one after another. */
  saves: KeyedQueue;
  targets: Map<string, MainTarget>;
  /** Drafts whose send went out without an answer: a repeated send reconciles instead of refusing. */
  sendAttempts: Set<string>;
  uploads: Map<string, AbortController>;
  /** Drafts sent or discarded in this run: a late autosave for them is refused instead of journalled. */
  closed: Set<string>;
}

export const draftKey = (mailboxId: string, messageId: string): string => `${mailboxId}/${messageId}`;

export const JOURNAL_FOLDER = 'draft-journal';

/** Words kept in this process only, for one unnamed person: what a context without a person's journal gets. */
const memoryJournal = (): PersonJournal => {
  const journal = createDraftJournal(createMemoryStore());
  return { ...journal, storage: () => Promise.resolve('memory') };
};

/**
 * The journal of whoever `owner` says is logged in, sealed under the user-data directory with a key from
 * `keyStoreFor`. Entries of earlier versions (which name no owner) go to a person only if Digital Post lets them open
 * that draft as a draft.
 */
export const createComposeJournal = <E extends string>(options: {
  api: DpClient;
  userDataDir: string;
  owner: () => Promise<JournalOwner<E> | undefined>;
  keyStoreFor: (environment: E) => Promise<SecretStore>;
  log?: (msg: string, err?: unknown) => void;
}): PersonJournal =>
  createPersonJournal({
    dir: join(options.userDataDir, JOURNAL_FOLDER),
    owner: options.owner,
    keyStoreFor: options.keyStoreFor,
    ...(options.log ? { log: options.log } : {}),
    canOpenDraft: async (mailboxId, messageId) => {
      try {
        return (await fetchMessage(options.api, mailboxId, messageId)).messageState === 'DRAFT';
      } catch (err) {
        // Digital Post answered no (not found, not yours); anything else means we cannot tell yet.
        const status = err instanceof AppFault ? err.appError.status : undefined;
        if (status !== undefined && status >= 400 && status < 500) return false;
        throw err;
      }
    },
  });

export const createComposeState = (ctx: ComposeContext, journal?: PersonJournal): ComposeState => ({
  ctx,
  journal: journal ?? ctx.journal ?? memoryJournal(),
  saves: new KeyedQueue(),
  targets: new Map(),
  sendAttempts: new Set(),
  uploads: new Map(),
  closed: new Set(),
});

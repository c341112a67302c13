import { join } from 'node:path';
import type { DraftFormat } from '../../../shared/ipc/channels/compose';
import type { DpClient } from '../../services/dp-client/dp-client';
import { createDraftJournal, type DraftJournal } from '../../services/drafts/journal';
import { KeyedQueue } from '../../services/drafts/keyed-queue';
import type { EventHub, PlatformHooks } from '../../services/platform';

/** What the compose handlers need from the composition root; a ServiceContext fits as is. */
export interface ComposeContext {
  api: DpClient;
  events: Pick<EventHub, 'emit'>;
  hooks: Pick<PlatformHooks, 'userDataDir'>;
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
  journal: DraftJournal;
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

export const createComposeState = (ctx: ComposeContext, journal?: DraftJournal): ComposeState => ({
  ctx,
  journal: journal ?? createDraftJournal(join(ctx.hooks.userDataDir, JOURNAL_FOLDER)),
  saves: new KeyedQueue(),
  targets: new Map(),
  sendAttempts: new Set(),
  uploads: new Map(),
  closed: new Set(),
});

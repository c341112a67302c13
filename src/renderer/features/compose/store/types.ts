import type { FieldError } from '../../../../shared/ipc/app-error';
import type {
  ContactPointHit,
  DraftContent,
  DraftFormat,
  DraftRecipient,
  DraftView,
  JournalEntry,
} from '../../../../shared/ipc/channels/compose';
import type { ChannelResponse } from '../../../../shared/ipc/contract';
import type { AppEvent } from '../../../../shared/ipc/events';
import type { Message } from '../../../../shared/dp/resources';
import type { UiError } from '../../../lib/ui-error';
import type { ForwardFields } from '../lib/form-checks';

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';
export type ComposeLimits = ChannelResponse<'compose.limits'>;
export type JournalStorage = 'disk' | 'memory';

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

/** Why a file is not (or no longer) attached, kept as data so it is worded in the language shown. */
export type AttachError =
  | { reason: 'refused'; name: string; error: UiError }
  | { reason: 'failed'; name: string; error: UiError }
  | { reason: 'cancelled'; name: string }
  | { reason: 'remove'; error: UiError };

export interface ComposeConflict {
  local: string;
  /** `html` is for showing; a text version also carries its own words, which "keep theirs" restores as text. */
  server: { html: string; fileVersion: number; lastUpdated?: string | undefined; format?: 'text'; text?: string };
}

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
  saveError: UiError | null;
  conflict: ComposeConflict | null;
  /** After a conflict the next save names the server version it overrides. */
  baseFileVersion?: number | undefined;
  /** Label/recipient changes not yet written. */
  fieldsDirty: boolean;
  fieldErrors: FieldError[];
  sending: boolean;
  sendError: UiError | null;
  uploads: UploadView[];
  attachErrors: AttachError[];
  /** Words from the local journal offered in place of the server's (a crash or a failed save). */
  restoredUnsaved: boolean;
  /**
   * A new message created when this composer opened, with no recipient chosen since: closed with no words, subject or
   * attachment, it is deleted rather than left empty in Kladder.
   */
  blankNew?: boolean;
}

/** A confirmation shown once, kept as its text key so it is worded in the language shown. */
export interface ComposeNotice {
  key: 'sent' | 'sentReconciled' | 'forwardDone';
  label?: string;
}

/** The compose feature's own state; nothing of another slice lives here. */
export interface ComposeState {
  compose: ComposeSession | null;
  composeStarting: boolean;
  composeStartError: UiError | null;
  composeLimits: ComposeLimits | null;
  /** Shown once after send/forward ("Beskeden er sendt"). */
  composeNotice: ComposeNotice | null;
  journalEntries: JournalEntry[];
  journalError: UiError | null;
  /** Where main keeps this person's unsent words ('memory': no secure key store here); null until known. */
  journalStorage: JournalStorage | null;
  /** After a logout that left unsent words, kept for that person's next login: how many, and where. */
  journalKeptAtLogout: { count: number; storage: JournalStorage } | null;
}

export interface ComposeSessionActions {
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
}

export interface ComposeUploadActions {
  attachFile(file: File): Promise<boolean>;
  cancelUpload(uploadId: string): Promise<void>;
  removeAttachment(documentId: string): Promise<boolean>;
  onComposeEvent(event: AppEvent): void;
}

export interface ComposeJournalActions {
  loadJournal(): Promise<void>;
  restoreJournal(entry: JournalEntry): Promise<boolean>;
  dismissJournal(entry: JournalEntry): Promise<boolean>;
  /** Before logout: the words typed so far go to main, and whether any stay unsent is noted for the login screen. */
  prepareLogout(): Promise<void>;
}

export interface ComposeActions extends ComposeSessionActions, ComposeUploadActions, ComposeJournalActions {
  forwardMessage(messageId: string, fields: ForwardFields): Promise<FieldError[] | null>;
  loadComposeLimits(): Promise<void>;
  clearComposeNotice(): void;
  /** After logout: nothing of the last user's writing stays on screen (main keeps its journal). */
  resetCompose(): void;
}

export type ComposeSlice = ComposeState & ComposeActions;

/**
 * What compose needs from the rest of the app, and nothing more: the store factory hands it in, so the slice never
 * reads another slice's state or calls its actions itself.
 */
export interface ComposeDeps {
  /** The signed-in person's name: the sender label a new draft starts with. */
  displayName(): string;
  selectedMailboxId(): string | null;
  /** The composer closed; `draftGone`: sent or discarded, so a view of the draft itself must go. */
  composerClosed(messageId: string, draftGone: boolean): void;
  /** A journalled draft was written back to Digital Post: the folders show it. */
  draftRestored(): void;
  /** A forward went out: the original now carries FORWARDED, which the views should show. */
  messageForwarded(message: Message): void;
}

/** The slice's own half of zustand's set/get: compose writes only its own state. */
export interface ComposeStore {
  get(): ComposeSlice;
  set(changes: Partial<ComposeState>): void;
}

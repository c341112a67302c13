import type { FieldError } from '../../../../shared/ipc/app-error';
import { isAppErrorException } from '../../../../shared/ipc/app-error';
import type { DraftContent, DraftView, SaveResult } from '../../../../shared/ipc/channels/compose';
import { textToHtml } from '../lib/strict-html';
import type { ComposeConflict, ComposeSession } from './types';

// Pure rules about one composer session: what it saves, how a draft becomes a session, which failures are final.

type ServerSide = Extract<SaveResult, { status: 'conflict' }>['server'];

export const conflictServer = (server: ServerSide): ComposeConflict['server'] => {
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

export const sameContent = (a: DraftContent, b: DraftContent): boolean =>
  a.format === b.format && (a.format === 'html' ? a.html === (b as typeof a).html : a.text === (b as typeof a).text);

const draftContent = (d: DraftView): DraftContent =>
  d.format === 'text' ? { format: 'text', text: d.text ?? '' } : { format: 'html', html: d.html };

function recipientName(draft: DraftView): string {
  const r = draft.recipient;
  if (!r) return '';
  return r.label ? `${r.label} (${r.recipientIdType} ${r.recipientId})` : `${r.recipientIdType} ${r.recipientId}`;
}

/**
 * The session the editor opens on `draft`. Unsaved words the journal kept win over `start` (a quoted reply, a
 * restored conflict), which wins over what the server has.
 */
export function newSession(
  draft: DraftView,
  options: { start?: DraftContent | undefined; displayName: string; previousKey: number },
  extra: Partial<ComposeSession> = {},
): ComposeSession {
  const { displayName } = options;
  const { savedAt: _when, ...unsaved } = draft.unsaved ?? { savedAt: '' };
  const saved = draftContent(draft);
  const first: DraftContent = draft.unsaved ? (unsaved as DraftContent) : (options.start ?? saved);
  const startHtml = first.format === 'html' ? first.html : textToHtml(first.text);
  return {
    mailboxId: draft.mailboxId,
    messageId: draft.messageId,
    draft,
    isReply: draft.isReply,
    format: first.format,
    html: startHtml,
    text: first.format === 'text' ? first.text : '',
    saved,
    initialHtml: startHtml,
    contentKey: options.previousKey + 1,
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
}

/** The save state after the words changed: a conflict waits for the user, a running save keeps saying so. */
export const stateAfterEdit = (c: ComposeSession): ComposeSession['saveState'] =>
  c.saveState === 'conflict' ? 'conflict' : c.saveState === 'saving' ? 'saving' : 'dirty';

export const fieldErrorsOf = (e: unknown): FieldError[] =>
  isAppErrorException(e) && e.error.fieldErrors ? e.error.fieldErrors : [];

/** Refusals of the words themselves: trying again would fail the same way, so no automatic retry. */
export const isRefusal = (e: unknown): boolean =>
  isAppErrorException(e) &&
  (/^html\./.test(e.error.code) ||
    (e.error.status !== undefined &&
      e.error.status >= 400 &&
      e.error.status < 500 &&
      e.error.status !== 409 &&
      e.error.status !== 429));

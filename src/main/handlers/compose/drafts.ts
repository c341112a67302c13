import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { dpFieldError } from '../../../shared/dp/error-codes';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import type { FieldError } from '../../../shared/ipc/app-error';
import type { DraftRecipient, DraftView } from '../../../shared/ipc/channels/compose';
import type { Handlers } from '../../ipc/dispatch';
import { draftKey, type ComposeState } from './context';
import {
  fetchMessage,
  isReplyDraft,
  journalContent,
  mainTargetOf,
  readMainContent,
  requireDraft,
  toDraftView,
} from './drafts-read';
import { appRefusal, isConflict, isNotFound, refusals } from '../../errors';
import { isMaskedCpr, isValidCpr, isValidCvr, maskCpr } from '../../../shared/dp/identifiers';
import { sameContent } from './content';
import { documentPath, messagePath, messagesPath } from '../../services/dp-client/api-paths';

type DraftHandlers = Pick<
  Handlers,
  'compose.create' | 'compose.open' | 'compose.update' | 'compose.discard' | 'compose.removeAttachment'
>;

export interface DraftChanges {
  label?: string | undefined;
  senderLabel?: string | undefined;
  recipient?: DraftRecipient | null | undefined;
}

/**
 * The recipient rules of §6.10–6.12 before any request: a CPR must be a possible number, and a masked CPR is only
 * acceptable as the echo of the one the draft already has (which leaves it unchanged); a CVR must be 8 digits
 * (Digital Post then checks that it exists).
 */
export const checkDraftRecipient = (input: DraftRecipient, current: Message['recipient']): FieldError[] => {
  const id = input.recipientId.trim();
  const field = { resource: 'message', field: 'recipient.recipientId' };
  if (input.recipientIdType === 'CPR') {
    if (isMaskedCpr(id)) {
      const echo = current?.recipientIdType === 'CPR' && current.recipientId === id;
      return echo
        ? []
        : [dpFieldError('message.recipient.recipientId.cpr.invalid', { ...field, rejectedValue: id, args: [id] })];
    }
    return isValidCpr(id)
      ? []
      : [
          dpFieldError('message.recipient.recipientId.cpr.invalid', {
            ...field,
            rejectedValue: maskCpr(id),
            args: [maskCpr(id)],
          }),
        ];
  }
  return isValidCvr(id)
    ? []
    : [dpFieldError('message.recipient.recipientId.cvr.invalid', { ...field, rejectedValue: id, args: [id] })];
};

const sameRecipient = (input: DraftRecipient, current: Message['recipient']): boolean =>
  !!current &&
  current.recipientIdType === input.recipientIdType &&
  current.recipientId === input.recipientId.trim() &&
  (input.label === undefined || input.label === current.label) &&
  (input.contactPointId === undefined || input.contactPointId === current.contactPointId);

/**
 * The full-body PUT (§6.11): the message as the server returned it, with the user's changes. Fields the app does not
 * know are kept, because PUT replaces the resource. The recipient as returned (masked) is an unchanged echo.
 */
export const putBody = (m: Message, changes: DraftChanges): Record<string, unknown> => {
  const body: Record<string, unknown> = { ...m };
  if (changes.label !== undefined) body.label = changes.label;
  if (changes.senderLabel !== undefined && m.sender) body.sender = { ...m.sender, label: changes.senderLabel };
  if (changes.recipient === null) delete body.recipient;
  else if (changes.recipient !== undefined && !sameRecipient(changes.recipient, m.recipient)) {
    const r = changes.recipient;
    body.recipient = {
      recipientId: r.recipientId.trim(),
      recipientIdType: r.recipientIdType,
      ...(r.label !== undefined ? { label: r.label } : {}),
      ...(r.contactPointId !== undefined ? { contactPointId: r.contactPointId } : {}),
    };
  }
  return body;
};

const checkChanges = (m: Message, changes: DraftChanges): void => {
  requireDraft(m);
  const errors: FieldError[] = [];
  if (isReplyDraft(m)) {
    // Digital Post fixes a reply's label and recipient (§6.13.2); refuse a change rather than send it to fail.
    if (changes.label !== undefined && changes.label !== m.label) {
      errors.push(dpFieldError('message.update.reply.label.not.allowed', { resource: 'message', field: 'label' }));
    }
    if (changes.recipient === null)
      errors.push(dpFieldError('message.update.reply.recipient.notNull', { resource: 'message', field: 'recipient' }));
    else if (changes.recipient && !sameRecipient(changes.recipient, m.recipient)) {
      errors.push(
        dpFieldError('message.update.reply.recipient.not.allowed', { resource: 'message', field: 'recipient' }),
      );
    }
  } else if (changes.recipient) {
    errors.push(...checkDraftRecipient(changes.recipient, m.recipient));
  }
  if (errors.length > 0) throw refusals(errors);
};

const hasChanges = (c: DraftChanges): boolean =>
  c.label !== undefined || c.senderLabel !== undefined || c.recipient !== undefined;

export const createDraftOps = (state: ComposeState) => {
  const { api } = state.ctx;

  /** Loads a draft for the editor and remembers where its autosaves go (a fresh start after any conflict). */
  const openDraft = async (mailboxId: string, messageId: string): Promise<DraftView> => {
    const m = await fetchMessage(api, mailboxId, messageId);
    requireDraft(m);
    const target = mainTargetOf(m);
    const key = draftKey(mailboxId, messageId);
    // Saves still running would move the version on under us.
    await state.saves.idle(key);
    state.targets.set(key, target);
    const content = await readMainContent(api, m, target);
    let journal = await state.journal.get(mailboxId, messageId);
    if (journal && sameContent(journalContent(journal), content)) {
      // The server has these words (a crash between upload and confirmation): nothing to restore.
      await state.journal.confirm(mailboxId, messageId, journal.seq);
      journal = undefined;
    }
    return toDraftView(m, target, content, journal);
  };

  /** PUT with If-Match; a 409 means someone else changed the message, so the change is reapplied once to theirs. */
  const applyChanges = async (
    mailboxId: string,
    messageId: string,
    changes: DraftChanges,
    known?: Message,
  ): Promise<void> => {
    const attempt = async (m: Message): Promise<void> => {
      checkChanges(m, changes);
      const body = putBody(m, changes);
      await api.put<unknown>(messagePath(mailboxId, messageId), body, { ifMatch: m.version });
    };
    try {
      await attempt(known ?? (await fetchMessage(api, mailboxId, messageId)));
    } catch (err) {
      if (!isConflict(err)) throw err;
      await attempt(await fetchMessage(api, mailboxId, messageId));
    }
  };

  const createDraft = async (mailboxId: string, changes: DraftChanges): Promise<DraftView> => {
    // Refuse an impossible recipient before the draft exists, not after.
    if (changes.recipient) {
      const errors = checkDraftRecipient(changes.recipient, undefined);
      if (errors.length > 0) throw refusals(errors);
    }
    // POST is not retried by the client; an empty draft left behind by a lost answer is harmless (Kladder shows it).
    const res = await api.post<unknown>(messagesPath(mailboxId), {});
    const created = MessageSchema.parse(res.data);
    if (hasChanges(changes)) await applyChanges(mailboxId, created.id, changes, created);
    return openDraft(mailboxId, created.id);
  };

  const handlers: DraftHandlers = {
    'compose.create': ({ mailboxId, label, senderLabel, recipient }) =>
      createDraft(mailboxId, { label, senderLabel, recipient }),

    'compose.open': ({ mailboxId, messageId }) => openDraft(mailboxId, messageId),

    'compose.update': async ({ mailboxId, messageId, label, senderLabel, recipient }) => {
      const changes: DraftChanges = { label, senderLabel, recipient };
      if (hasChanges(changes)) await applyChanges(mailboxId, messageId, changes);
      return openDraft(mailboxId, messageId);
    },

    'compose.discard': async ({ mailboxId, messageId }) => {
      const key = draftKey(mailboxId, messageId);
      await state.saves.idle(key);
      const remove = async (): Promise<void> => {
        const m = await fetchMessage(api, mailboxId, messageId);
        requireDraft(m);
        await api.delete(messagePath(mailboxId, messageId), { ifMatch: m.version });
      };
      try {
        try {
          await remove();
        } catch (err) {
          if (!isConflict(err)) throw err;
          await remove();
        }
      } catch (err) {
        // Already gone (discarded on another device): the wish is fulfilled.
        if (!isNotFound(err)) throw err;
      }
      state.targets.delete(key);
      state.closed.add(key);
      await state.journal.remove(mailboxId, messageId);
      return { discarded: true as const };
    },

    'compose.removeAttachment': async ({ mailboxId, messageId, documentId }) => {
      const remove = async (): Promise<void> => {
        const m = await fetchMessage(api, mailboxId, messageId);
        requireDraft(m);
        const doc = (m.documents ?? []).find((d) => d.id === documentId);
        if (!doc) return;
        if (doc.documentType === 'MAIN') {
          throw appRefusal(APP_ERROR_CODES.composeMainDocument, 'Hoveddokumentet kan ikke fjernes fra kladden.');
        }
        await api.delete(documentPath(mailboxId, messageId, documentId), { ifMatch: doc.version });
      };
      try {
        await remove();
      } catch (err) {
        if (!isConflict(err)) throw err;
        await remove();
      }
      return openDraft(mailboxId, messageId);
    },
  };

  return { handlers, openDraft, createDraft };
};

import i18next from 'i18next';
import { dp } from '../../../lib/api';
import { toUiError, type UiError } from '../../../lib/ui-error';
import { formatDateTime } from '../../../i18n';
import { checkBeforeSend, checkLabel } from '../lib/form-checks';
import { htmlToText, isBlank, quoteOriginal, textToHtml } from '../lib/strict-html';
import type { ComposeContext } from './context';
import { fieldErrorsOf, stateAfterEdit } from './session-model';
import type { ComposeSession, ComposeSessionActions } from './types';

const t = (key: string, options?: Record<string, unknown>) => i18next.t(`compose.${key}`, options ?? {}) as string;

/** Errors of the form itself, kept with their codes; the first names the whole. */
const formError = (errors: ComposeSession['fieldErrors']): UiError => ({ code: errors[0]!.code, fieldErrors: errors });

/** A new message with no words, subject, attachment or upload, and no recipient chosen in the composer. */
export const isUntouchedNew = (c: ComposeSession): boolean =>
  c.blankNew === true &&
  !c.restoredUnsaved &&
  c.label.trim() === '' &&
  (c.format === 'text' ? c.text.trim() === '' : isBlank(c.html)) &&
  c.draft.attachments.length === 0 &&
  !c.uploads.some((u) => u.phase !== 'failed' && u.phase !== 'cancelled');

/** The open composer: starting it, the words and fields as they are typed, and how it ends (send, discard, close). */
export function sessionActions(ctx: ComposeContext): ComposeSessionActions {
  const { store, deps, words, fields, patch, limits, begin, leaveComposer, leaveCurrent } = ctx;
  const { get, set } = store;

  const starting = async (work: () => Promise<void>): Promise<boolean> => {
    set({ composeStarting: true, composeStartError: null, composeNotice: null });
    try {
      await work();
      return true;
    } catch (e) {
      set({ composeStarting: false, composeStartError: toUiError(e) });
      return false;
    }
  };

  /** New words in the editor: saved once typing pauses, unless a conflict waits for the user's choice. */
  const edited = (c: ComposeSession, changes: Partial<ComposeSession>) => {
    const conflicted = c.saveState === 'conflict';
    set({ compose: { ...c, ...changes, sendError: null } });
    // While a conflict waits for the user's choice, nothing is written over either version.
    if (!conflicted) words.schedule();
  };

  return {
    async startNewMessage(recipient) {
      const mailboxId = deps.selectedMailboxId();
      if (!mailboxId || !(await leaveCurrent())) return false;
      return starting(async () => {
        const hit = recipient?.hit;
        const name = hit
          ? (hit.contactPointName ? `${hit.authority} – ${hit.contactPointName}` : hit.authority).slice(0, 256)
          : undefined;
        const senderLabel = deps.displayName();
        const draft = await dp().compose.create({
          mailboxId,
          ...(senderLabel ? { senderLabel } : {}),
          ...(hit
            ? {
                recipient: {
                  recipientIdType: 'CVR',
                  recipientId: hit.cvr,
                  ...(name ? { label: name } : {}),
                  ...(hit.contactPointId ? { contactPointId: hit.contactPointId } : {}),
                },
              }
            : {}),
        });
        begin(draft, undefined, { blankNew: true });
      });
    },

    async startReply(messageId) {
      const mailboxId = deps.selectedMailboxId();
      if (!mailboxId || !(await leaveCurrent())) return false;
      return starting(async () => {
        const { draft, original } = await dp().compose.reply({ mailboxId, messageId });
        const header = t('quoteHeader', {
          date: formatDateTime(original.messageDateTime),
          sender: original.senderLabel ?? '',
        });
        const quoted = draft.html.trim() !== '' ? draft.html : quoteOriginal(header, original);
        begin(draft, { format: 'html', html: quoted });
        if (quoted !== draft.html) {
          patch(draft.messageId, { saveState: 'dirty' });
          words.schedule();
        }
      });
    },

    async openDraft(messageId) {
      const mailboxId = deps.selectedMailboxId();
      if (!mailboxId) return false;
      if (get().compose?.messageId === messageId) return true;
      if (!(await leaveCurrent())) return false;
      return starting(async () => {
        const draft = await dp().compose.open({ mailboxId, messageId });
        begin(draft);
      });
    },

    setComposeHtml(html) {
      const c = get().compose;
      if (!c || html === c.html) return;
      edited(c, { html, saveState: stateAfterEdit(c) });
    },

    setComposeText(text) {
      const c = get().compose;
      if (!c || c.format !== 'text' || text === c.text) return;
      edited(c, { text, html: textToHtml(text), saveState: stateAfterEdit(c) });
    },

    setComposeFormat(format) {
      const c = get().compose;
      if (!c || format === c.format) return;
      // To text: the words without their markup. Back to html: the text as paragraphs, which the editor reloads.
      const text = format === 'text' ? htmlToText(c.html) : c.text;
      const html = textToHtml(text);
      const changes: Partial<ComposeSession> =
        format === 'text'
          ? { format, text, html }
          : { format, text: '', html, initialHtml: html, contentKey: c.contentKey + 1 };
      edited(c, { ...changes, saveState: c.saveState === 'conflict' ? 'conflict' : 'dirty' });
    },

    replaceComposeContent(html) {
      const c = get().compose;
      if (!c) return;
      edited(c, {
        html,
        initialHtml: html,
        contentKey: c.contentKey + 1,
        saveState: c.saveState === 'conflict' ? 'conflict' : 'dirty',
      });
    },

    setComposeFields(changes) {
      const c = get().compose;
      if (!c) return;
      const next = { ...c, ...changes, fieldsDirty: true, sendError: null };
      set({
        compose: {
          ...next,
          fieldErrors: changes.label !== undefined ? checkLabel(next.label, limits()) : c.fieldErrors,
        },
      });
      fields.schedule();
    },

    setComposeRecipient(recipient, name) {
      const c = get().compose;
      if (!c || c.isReply) return;
      set({
        compose: {
          ...c,
          recipient,
          recipientName: name,
          fieldsDirty: true,
          fieldErrors: [],
          sendError: null,
          blankNew: false,
        },
      });
      void fields.run();
    },

    async flushCompose() {
      const [saved, updated] = await Promise.all([words.flush(), fields.flush()]);
      return saved && updated;
    },

    retrySave() {
      return words.retryNow();
    },

    async resolveConflict(keep) {
      const c = get().compose;
      if (!c?.conflict) return false;
      const { server } = c.conflict;
      const changes: Partial<ComposeSession> = {
        conflict: null,
        saveState: 'dirty',
        baseFileVersion: server.fileVersion,
      };
      if (keep === 'server') {
        const text = server.format === 'text' ? (server.text ?? '') : '';
        Object.assign(changes, {
          format: server.format ?? 'html',
          text,
          html: server.html,
          initialHtml: server.html,
          contentKey: c.contentKey + 1,
        });
      }
      // Either way one save names the server's version: it keeps the chosen words and clears main's journal.
      patch(c.messageId, changes);
      return words.run();
    },

    async sendCompose() {
      // A field update still on its way would answer after these checks and wipe their errors.
      await fields.idle();
      const c = get().compose;
      if (!c || c.sending) return false;
      const errors = checkBeforeSend(
        {
          label: c.label,
          senderLabel: c.senderLabel,
          hasRecipient: c.recipient !== null || c.draft.recipient !== undefined,
          hasContent: c.format === 'text' ? c.text.trim() !== '' : !isBlank(c.html),
          isReply: c.isReply,
        },
        limits(),
      );
      if (errors.length > 0) {
        patch(c.messageId, { fieldErrors: errors, sendError: formError(errors) });
        return false;
      }
      patch(c.messageId, { sending: true, sendError: null, fieldErrors: [] });
      if (!(await get().flushCompose())) {
        const now = get().compose;
        // A conflict says so itself in the composer; a failed save or a refused field is repeated beside Send.
        const unsaved = now?.saveError ?? (now && now.fieldErrors.length > 0 ? formError(now.fieldErrors) : null);
        patch(c.messageId, { sending: false, sendError: unsaved });
        return false;
      }
      try {
        const { message, reconciled } = await dp().compose.send({ mailboxId: c.mailboxId, messageId: c.messageId });
        leaveComposer(c.messageId, true);
        set({ composeNotice: { key: reconciled ? 'sentReconciled' : 'sent', label: message.label ?? c.label } });
        return true;
      } catch (e) {
        const fieldErrors = fieldErrorsOf(e);
        patch(c.messageId, {
          sending: false,
          sendError: toUiError(e),
          ...(fieldErrors.length > 0 ? { fieldErrors } : {}),
        });
        return false;
      }
    },

    async discardCompose() {
      const c = get().compose;
      if (!c) return false;
      words.stop();
      fields.stop();
      try {
        await words.idle();
        await dp().compose.discard({ mailboxId: c.mailboxId, messageId: c.messageId });
        leaveComposer(c.messageId, true);
        return true;
      } catch (e) {
        patch(c.messageId, { sendError: toUiError(e) });
        return false;
      }
    },

    async closeCompose() {
      const c = get().compose;
      if (!c) return true;
      if (c.uploads.some((u) => u.phase !== 'failed' && u.phase !== 'cancelled' && u.phase !== 'done')) return false;
      // Opened and closed with nothing written: nothing is left behind in Kladder.
      if (isUntouchedNew(c)) return get().discardCompose();
      if (!(await get().flushCompose())) return false;
      leaveComposer(c.messageId, false);
      return true;
    },
  };
}

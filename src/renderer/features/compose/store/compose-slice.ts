import i18next from 'i18next';
import { APP_ERROR_CODES, isAppErrorException } from '../../../../shared/ipc/app-error';
import { dp } from '../../../lib/api';
import { toUiError, uiErrorText } from '../../../lib/ui-error';
import { checkForward } from '../lib/form-checks';
import { createComposeContext } from './context';
import { journalActions } from './journal';
import { fieldErrorsOf } from './session-model';
import { sessionActions } from './session';
import { uploadActions } from './uploads';
import type { ComposeDeps, ComposeSlice, ComposeState, ComposeStore } from './types';

const initialState = (): ComposeState => ({
  compose: null,
  composeStarting: false,
  composeStartError: null,
  composeLimits: null,
  composeNotice: null,
  journalEntries: [],
  journalError: null,
  journalStorage: null,
  journalKeptAtLogout: null,
});

const language = (): 'da' | 'en' => (i18next.language === 'en' ? 'en' : 'da');

/**
 * The compose slice: its own state and actions, reaching the rest of the app only through `deps`. Timers and the
 * running saves live per call, so every test store gets its own.
 */
export function createComposeSlice(store: ComposeStore, deps: ComposeDeps): ComposeSlice {
  const ctx = createComposeContext(store, deps);
  const { set } = store;

  return {
    ...initialState(),
    ...sessionActions(ctx),
    ...uploadActions(ctx),
    ...journalActions(ctx),

    async forwardMessage(messageId, fields) {
      const mailboxId = deps.selectedMailboxId();
      if (!mailboxId) return [{ code: APP_ERROR_CODES.internal, message: i18next.t('errors.generic') }];
      const errors = checkForward(fields, ctx.limits());
      if (errors.length > 0) return errors;
      const id =
        fields.recipientIdType === 'EMAIL' ? fields.recipientId.trim() : fields.recipientId.replace(/[\s-]/g, '');
      try {
        await dp().compose.forward({
          mailboxId,
          messageId,
          recipientIdType: fields.recipientIdType,
          recipientId: id,
          ...(fields.comment ? { comment: fields.comment } : {}),
          ...(fields.senderLabel ? { senderLabel: fields.senderLabel } : {}),
          ...(fields.recipientLabel ? { recipientLabel: fields.recipientLabel } : {}),
        });
      } catch (e) {
        const fieldErrors = fieldErrorsOf(e);
        return fieldErrors.length > 0
          ? fieldErrors
          : [
              {
                code: isAppErrorException(e) ? e.error.code : APP_ERROR_CODES.internal,
                message: uiErrorText(toUiError(e), language()),
              },
            ];
      }
      set({ composeNotice: { key: 'forwardDone' } });
      try {
        // The original now carries FORWARDED; show it so the button explains why it is no longer offered.
        deps.messageForwarded(await dp().messages.get({ mailboxId, messageId }));
      } catch {
        // The forward itself succeeded; the view catches up on the next refresh.
      }
      return null;
    },

    async loadComposeLimits() {
      try {
        set({ composeLimits: await dp().compose.limits() });
      } catch {
        // The form checks fall back to Digital Post's published limits.
      }
    },

    clearComposeNotice() {
      set({ composeNotice: null });
    },

    resetCompose() {
      ctx.words.stop();
      ctx.fields.stop();
      const { composeLimits: _limits, journalKeptAtLogout: _kept, ...fresh } = initialState();
      set(fresh);
    },
  };
}

import type { DraftContent, DraftView } from '../../../../shared/ipc/channels/compose';
import { dp } from '../../../lib/api';
import { toUiError } from '../../../lib/ui-error';
import { checkLabel, DEFAULT_LIMITS, type ComposeLimitsView } from '../lib/form-checks';
import { AutosaveLoop, type SaveAttempt } from './autosave-loop';
import { fieldErrorsOf, isRefusal, newSession, sameContent, sessionContent } from './session-model';
import { conflictServer } from './session-model';
import type { ComposeDeps, ComposeSession, ComposeStore } from './types';

/** What the compose modules share: the slice's own store, its deps, the two save loops and the session moves. */
export interface ComposeContext {
  store: ComposeStore;
  deps: ComposeDeps;
  /** The words: saved after typing pauses, retried after failures. */
  words: AutosaveLoop;
  /** Subject, sender and recipient: written after typing pauses, never retried on their own. */
  fields: AutosaveLoop;
  /** Patches the open session, but only if it is still the draft the caller worked on. */
  patch(messageId: string, changes: Partial<ComposeSession>): void;
  limits(): ComposeLimitsView;
  /** Opens the editor on `draft`; `start` replaces the words it starts from (a quoted reply, a restored conflict). */
  begin(draft: DraftView, start?: DraftContent, extra?: Partial<ComposeSession>): void;
  /** The composer is gone: nothing of it keeps running, and the rest of the app catches up. */
  leaveComposer(messageId: string, draftGone: boolean): void;
  /** Closes the current session first, so its words are saved before another draft takes the editor. */
  leaveCurrent(): Promise<boolean>;
}

export function createComposeContext(store: ComposeStore, deps: ComposeDeps): ComposeContext {
  const { get, set } = store;

  const patch = (messageId: string, changes: Partial<ComposeSession>) => {
    const c = get().compose;
    if (c && c.messageId === messageId) set({ compose: { ...c, ...changes } });
  };

  const limits = () => get().composeLimits ?? DEFAULT_LIMITS;

  const saveWords = async (): Promise<SaveAttempt> => {
    const c = get().compose;
    if (!c || c.conflict) return 'stopped';
    const content = sessionContent(c);
    if (sameContent(content, c.saved) && c.baseFileVersion === undefined) {
      if (c.saveState !== 'saved' && c.saveState !== 'idle')
        patch(c.messageId, { saveState: c.savedAt ? 'saved' : 'idle', saveError: null });
      return 'saved';
    }
    const { mailboxId, messageId, baseFileVersion } = c;
    patch(messageId, { saveState: 'saving' });
    try {
      // The subject as typed rides along, so the journal names the draft by it even before its update lands.
      const result = await dp().compose.save({
        mailboxId,
        messageId,
        content,
        journalLabel: c.label.slice(0, 256),
        ...(baseFileVersion !== undefined ? { baseFileVersion } : {}),
      });
      if (result.status === 'conflict') {
        patch(messageId, {
          saveState: 'conflict',
          conflict: { local: get().compose?.html ?? c.html, server: conflictServer(result.server) },
        });
        return 'stopped';
      }
      const now = get().compose;
      const upToDate = !!now && sameContent(sessionContent(now), content);
      patch(messageId, {
        saved: content,
        savedAt: result.savedAt,
        saveState: upToDate ? 'saved' : 'dirty',
        saveError: null,
        baseFileVersion: undefined,
      });
      return upToDate ? 'saved' : 'superseded';
    } catch (e) {
      // The words stay in the editor (and in main's journal); only the status says they are not saved yet.
      patch(messageId, { saveState: 'error', saveError: toUiError(e) });
      return isRefusal(e) ? 'stopped' : 'failed';
    }
  };

  const updateFields = async (): Promise<SaveAttempt> => {
    const c = get().compose;
    if (!c || !c.fieldsDirty) return 'saved';
    const errors = checkLabel(c.label, limits());
    if (errors.length > 0) {
      patch(c.messageId, { fieldErrors: errors });
      return 'stopped';
    }
    const { mailboxId, messageId, label, senderLabel, recipient } = c;
    patch(messageId, { fieldsDirty: false });
    try {
      const draft = await dp().compose.update({
        mailboxId,
        messageId,
        ...(c.isReply ? {} : { label }),
        senderLabel,
        ...(c.isReply ? {} : { recipient }),
      });
      patch(messageId, { draft: { ...draft, html: get().compose?.draft.html ?? draft.html }, fieldErrors: [] });
      return 'saved';
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      const error = toUiError(e);
      patch(messageId, {
        fieldsDirty: true,
        fieldErrors: fieldErrors.length > 0 ? fieldErrors : [{ code: error.code, message: error.message ?? '' }],
      });
      return 'stopped';
    }
  };

  const words = new AutosaveLoop({
    save: saveWords,
    hasUnsaved: () => {
      const c = get().compose;
      return !!c && !sameContent(sessionContent(c), c.saved);
    },
  });
  const fields = new AutosaveLoop({ save: updateFields, retryMs: [] });

  const begin = (draft: DraftView, start?: DraftContent, extra: Partial<ComposeSession> = {}) => {
    words.reset();
    fields.reset();
    const session = newSession(
      draft,
      { start, displayName: deps.displayName(), previousKey: get().compose?.contentKey ?? 0 },
      extra,
    );
    set({ compose: session, composeStarting: false, composeStartError: null, composeNotice: null });
    if (session.saveState === 'dirty') words.schedule();
    if (session.fieldsDirty) fields.schedule();
    if (!get().composeLimits) void get().loadComposeLimits();
  };

  const leaveComposer = (messageId: string, draftGone: boolean) => {
    words.stop();
    fields.stop();
    set({ compose: null });
    deps.composerClosed(messageId, draftGone);
  };

  const leaveCurrent = async (): Promise<boolean> => (get().compose ? get().closeCompose() : true);

  return { store, deps, words, fields, patch, limits, begin, leaveComposer, leaveCurrent };
}

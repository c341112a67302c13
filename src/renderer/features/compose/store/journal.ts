import { APP_ERROR_CODES, isAppErrorException } from '../../../../shared/ipc/app-error';
import type { JournalEntry } from '../../../../shared/ipc/channels/compose';
import { dp } from '../../../lib/api';
import { toUiError } from '../../../lib/ui-error';
import { textToHtml } from '../lib/strict-html';
import type { ComposeContext } from './context';
import { conflictServer } from './session-model';
import type { ComposeJournalActions } from './types';

/** Main's local journal of unsent words: offered back after a crash or a failed save, noted at logout. */
export function journalActions({ store, deps, begin, leaveCurrent }: ComposeContext): ComposeJournalActions {
  const { get, set } = store;

  const without = (entry: JournalEntry) => get().journalEntries.filter((e) => e.messageId !== entry.messageId);

  return {
    async loadJournal() {
      try {
        const { entries, storage } = await dp().journal.list();
        set({
          journalEntries: entries,
          journalError: null,
          journalStorage: storage ?? null,
          journalKeptAtLogout: null,
        });
      } catch (e) {
        set({ journalError: toUiError(e) });
      }
    },

    async restoreJournal(entry) {
      if (!(await leaveCurrent())) return false;
      try {
        const { draft, result } = await dp().journal.restore({
          mailboxId: entry.mailboxId,
          messageId: entry.messageId,
        });
        set({ journalEntries: without(entry), journalError: null });
        if (result.status === 'conflict') {
          const local = result.local;
          begin({ ...draft, unsaved: undefined }, local, {
            saveState: 'conflict',
            conflict: {
              local: local.format === 'html' ? local.html : textToHtml(local.text),
              server: conflictServer(result.server),
            },
          });
        } else {
          begin({ ...draft, unsaved: undefined }, undefined, { savedAt: result.savedAt, saveState: 'saved' });
        }
        deps.draftRestored();
        return true;
      } catch (e) {
        if (isAppErrorException(e) && e.error.code === APP_ERROR_CODES.composeJournalEntryMissing) {
          // A save still running when the list was read has since delivered the words: open the draft that has them.
          set({ journalEntries: without(entry), journalError: null });
          if (deps.selectedMailboxId() === entry.mailboxId) return get().openDraft(entry.messageId);
          return false;
        }
        set({ journalError: toUiError(e) });
        return false;
      }
    },

    async dismissJournal(entry) {
      try {
        await dp().journal.dismiss({ mailboxId: entry.mailboxId, messageId: entry.messageId });
        set({ journalEntries: without(entry), journalError: null });
        return true;
      } catch (e) {
        set({ journalError: toUiError(e) });
        return false;
      }
    },

    async prepareLogout() {
      // A debounced save not yet sent would be dropped with the session: main journals it before it uploads.
      if (get().compose) await get().flushCompose();
      try {
        const { entries, storage } = await dp().journal.list();
        set({
          journalKeptAtLogout: entries.length > 0 ? { count: entries.length, storage: storage ?? 'disk' } : null,
        });
      } catch {
        set({ journalKeptAtLogout: null });
      }
    },
  };
}

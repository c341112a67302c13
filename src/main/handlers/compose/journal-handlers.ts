import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { Handlers } from '../../ipc/dispatch';
import type { DraftContent, DraftView, SaveResult } from '../../../shared/ipc/channels/compose';
import type { JournalRecord } from '../../services/drafts/journal';
import type { SaveRequest } from './autosave';
import { draftKey, type ComposeState } from './context';
import { sameContent, wordsOf } from './content';
import { fetchMessage, journalContent } from './drafts-read';
import { AppFault, appRefusal, isNotFound } from '../../errors';

const EXCERPT = 140;

/** A plain-text start of the words, so the user recognises the draft in the "restore?" list. */
export const excerptOf = (html: string): string =>
  html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, EXCERPT);

/** Plain text is shown as it is: only its whitespace is folded, since `<` in a letter is a character, not a tag. */
const excerptOfContent = (c: DraftContent): string =>
  c.format === 'html' ? excerptOf(c.html) : c.text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT);

/** What the draft holds now, as content, from the editor's view of it. */
const viewContent = (d: DraftView): DraftContent =>
  d.format === 'text' ? { format: 'text', text: d.text ?? '' } : { format: 'html', html: d.html };

export interface JournalDeps {
  save: (req: SaveRequest) => Promise<SaveResult>;
  openDraft: (mailboxId: string, messageId: string) => Promise<DraftView>;
  createDraft: (mailboxId: string, changes: { label?: string | undefined }) => Promise<DraftView>;
}

export const createJournalHandlers = (
  state: ComposeState,
  deps: JournalDeps,
): Pick<Handlers, 'journal.list' | 'journal.restore' | 'journal.dismiss'> => {
  /** Where the journalled words can go: their own draft, or a new one when it was sent or deleted meanwhile. */
  const restoreInto = async (
    record: JournalRecord,
  ): Promise<{ mailboxId: string; messageId: string; fresh: boolean }> => {
    try {
      const m = await fetchMessage(state.ctx.api, record.mailboxId, record.messageId);
      if (m.messageState === 'DRAFT') return { mailboxId: record.mailboxId, messageId: record.messageId, fresh: false };
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
    const created = await deps.createDraft(record.mailboxId, { label: record.label });
    return { mailboxId: created.mailboxId, messageId: created.messageId, fresh: true };
  };

  const landedMeanwhile = async (
    mailboxId: string,
    messageId: string,
  ): Promise<{ draft: DraftView; result: SaveResult }> => {
    const missing = (): AppFault =>
      appRefusal(APP_ERROR_CODES.composeJournalEntryMissing, 'Der er ingen gemt kladde at gendanne.');
    let draft: DraftView;
    try {
      draft = await deps.openDraft(mailboxId, messageId);
    } catch (err) {
      if (isNotFound(err) || (err instanceof AppFault && err.appError.code === APP_ERROR_CODES.composeNotDraft))
        throw missing();
      throw err;
    }
    if (draft.unsaved) throw missing();
    return {
      draft,
      result: { status: 'saved', fileVersion: draft.main.fileVersion, savedAt: new Date().toISOString() },
    };
  };

  return {
    'journal.list': async () => {
      const storage = await state.journal.storage();
      const records = await state.journal.list();
      return {
        ...(storage ? { storage } : {}),
        entries: records.map((r) => {
          const content = journalContent(r);
          return {
            mailboxId: r.mailboxId,
            messageId: r.messageId,
            ...(r.label !== undefined ? { label: r.label } : {}),
            savedAt: r.savedAt,
            format: content.format,
            excerpt: excerptOfContent(content),
            bytes: Buffer.byteLength(wordsOf(content), 'utf8'),
          };
        }),
      };
    },

    'journal.restore': async ({ mailboxId, messageId }) => {
      // A retry still running from before a reload may land the words while the banner offers them: wait for it,
      // and if it landed, the draft itself holds them and opening it is the restore.
      await state.saves.idle(draftKey(mailboxId, messageId));
      const record = await state.journal.get(mailboxId, messageId);
      if (!record) return landedMeanwhile(mailboxId, messageId);
      const into = await restoreInto(record);
      const local = journalContent(record);
      const label = record.label !== undefined ? { journalLabel: record.label } : {};
      if (!into.fresh) {
        // Upload on top of the version the words were based on: if the draft moved on elsewhere, that is a
        // conflict with both versions, never an overwrite.
        const current = await deps.openDraft(mailboxId, messageId);
        const server = viewContent(current);
        if (record.baseFileVersion === undefined && wordsOf(server) !== '' && !sameContent(server, local)) {
          // No known base: the server's words may be newer than ours, so the user chooses.
          const key = draftKey(mailboxId, messageId);
          const target = state.targets.get(key);
          if (target) state.targets.set(key, { ...target, conflictAt: current.main.fileVersion });
          const result: SaveResult = {
            status: 'conflict',
            local,
            server: { ...server, fileVersion: current.main.fileVersion },
          };
          return { draft: current, result };
        }
        const result = await deps.save({
          mailboxId,
          messageId,
          content: local,
          ...label,
          ...(record.baseFileVersion !== undefined ? { baseFileVersion: record.baseFileVersion } : {}),
        });
        return { draft: await deps.openDraft(mailboxId, messageId), result };
      }
      const result = await deps.save({
        mailboxId: into.mailboxId,
        messageId: into.messageId,
        content: local,
        ...label,
      });
      if (result.status === 'saved') await state.journal.remove(mailboxId, messageId);
      return { draft: await deps.openDraft(into.mailboxId, into.messageId), result };
    },

    'journal.dismiss': async ({ mailboxId, messageId }) => ({
      dismissed: await state.journal.remove(mailboxId, messageId),
    }),
  };
};

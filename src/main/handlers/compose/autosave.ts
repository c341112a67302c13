import { FileSchema } from '../../../shared/dp/resources';
import type { SaveResult } from '../../../shared/ipc/channels/compose';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../ipc/dispatch';
import type { JournalRecord } from '../../services/drafts/journal';
import { draftKey, type ComposeState, type MainTarget } from './context';
import { fetchMessage, mainTargetOf, requireDraft } from './drafts-read';
import { COMPOSE_ERROR_CODES, appRefusal, isConflict } from './faults';
import { fileContentPath, filePath } from './paths';

const HTML = 'text/html';

/**
 * The STRICT check Digital Post makes on upload (§10.14), made in main because the renderer is not trusted: the
 * refusal carries the validator's own codes and nothing is sent.
 */
export const checkStrict = (html: string): void => {
  const verdict = validateStrictHtml(html);
  if (verdict.approved) return;
  throw new AppFault({
    code: verdict.errors[0]!.code,
    message: verdict.errors[0]!.message,
    fieldErrors: verdict.errors.map((e) => ({
      resource: 'file',
      field: 'content',
      code: e.code,
      message: e.message,
      ...(e.element !== undefined ? { rejectedValue: e.attributes ? `${e.element} ${e.attributes.join(' ')}` : e.element } : {}),
    })),
  });
};

export interface SaveRequest {
  mailboxId: string;
  messageId: string;
  html: string;
  baseFileVersion?: number | undefined;
}

export const createAutosave = (state: ComposeState) => {
  const { api } = state.ctx;

  const targetOf = async (mailboxId: string, messageId: string): Promise<MainTarget> => {
    const key = draftKey(mailboxId, messageId);
    const known = state.targets.get(key);
    if (known) return known;
    const m = await fetchMessage(api, mailboxId, messageId);
    requireDraft(m);
    const target = mainTargetOf(m);
    state.targets.set(key, target);
    return target;
  };

  const serverVersion = async (mailboxId: string, messageId: string, t: MainTarget) => {
    const meta = await api.get<unknown>(filePath(mailboxId, messageId, t.documentId, t.fileId));
    const file = FileSchema.parse(meta.data);
    let html = '';
    if (file.fileSize !== undefined) {
      const content = await api.getBytes(fileContentPath(mailboxId, messageId, t.documentId, t.fileId));
      html = Buffer.from(content.data.data).toString('utf8');
    }
    return { html, fileVersion: file.version, ...(file.lastUpdated ? { lastUpdated: file.lastUpdated } : {}) };
  };

  const confirmed = async (record: JournalRecord, target: MainTarget, key: string, fileVersion: number): Promise<SaveResult> => {
    const { conflictAt: _resolved, ...rest } = target;
    state.targets.set(key, { ...rest, fileVersion });
    await state.journal.confirm(record.mailboxId, record.messageId, record.seq, fileVersion);
    return { status: 'saved', fileVersion, savedAt: record.savedAt };
  };

  /** One upload, run in the draft's queue so versions follow one another. */
  const upload = async (record: JournalRecord, explicitBase: number | undefined): Promise<SaveResult> => {
    const { mailboxId, messageId, html } = record;
    const key = draftKey(mailboxId, messageId);
    const target = await targetOf(mailboxId, messageId);
    if (explicitBase === undefined && target.conflictAt !== undefined) {
      // Unresolved conflict: never let an autosave decide it by overwriting the other side.
      const server = await serverVersion(mailboxId, messageId, target);
      if (server.html === html) return confirmed(record, target, key, server.fileVersion);
      return { status: 'conflict', local: { html }, server };
    }
    const base = explicitBase ?? target.fileVersion;
    const bytes = new Uint8Array(Buffer.from(html, 'utf8'));
    try {
      const res = await api.putMultipart<unknown>(
        fileContentPath(mailboxId, messageId, target.documentId, target.fileId),
        { data: bytes, filename: target.filename, contentType: HTML },
        { ifMatch: base },
      );
      const body = res.data as { version?: unknown } | undefined;
      const version = typeof body?.version === 'number' ? body.version : (res.version ?? base + 1);
      return await confirmed(record, target, key, version);
    } catch (err) {
      if (!isConflict(err)) {
        if (err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network) {
          throw new AppFault({
            ...err.appError,
            message: 'Kladden er gemt på denne computer, men ikke i Digital Post endnu. Den gemmes, når forbindelsen er tilbage.',
          });
        }
        throw err;
      }
      const server = await serverVersion(mailboxId, messageId, target);
      // Our own earlier attempt may have landed before its answer was lost: the same words are not a conflict.
      if (server.html === html) return confirmed(record, target, key, server.fileVersion);
      state.targets.set(key, { ...target, conflictAt: server.fileVersion });
      return { status: 'conflict', local: { html }, server };
    }
  };

  /**
   * Journals the words before anything else (so a crash or a lost connection loses nothing), checks them against
   * STRICT, then queues the upload behind the draft's earlier saves.
   */
  const save = async (req: SaveRequest): Promise<SaveResult> => {
    // A debounced save that fires after send or discard has nothing left to save into; journalling it would only
    // offer the user to "restore" a letter that is already gone.
    if (state.closed.has(draftKey(req.mailboxId, req.messageId))) {
      throw appRefusal(COMPOSE_ERROR_CODES.notDraft, 'Kladden er allerede sendt eller slettet.');
    }
    const key = draftKey(req.mailboxId, req.messageId);
    const known = state.targets.get(key);
    const base = req.baseFileVersion ?? known?.fileVersion;
    // Started now, awaited before any request: the words are on disk before they travel.
    const journalled = state.journal.write({
      mailboxId: req.mailboxId,
      messageId: req.messageId,
      html: req.html,
      ...(known ? { documentId: known.documentId, fileId: known.fileId } : {}),
      ...(known?.label !== undefined ? { label: known.label } : {}),
      ...(base !== undefined ? { baseFileVersion: base } : {}),
    });
    // Awaited below or inside the queued upload; this only keeps an early disk failure from counting as unhandled.
    journalled.catch(() => undefined);
    try {
      checkStrict(req.html);
    } catch (err) {
      await journalled;
      throw err;
    }
    // Queued at once (not after the journal write), so a send that waits for this draft's saves sees this one too.
    return state.saves.run(key, async () => upload(await journalled, req.baseFileVersion));
  };

  return { save, upload };
};

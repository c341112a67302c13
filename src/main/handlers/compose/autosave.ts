import { dpFieldError } from '../../../shared/dp/error-codes';
import { LIMITS } from '../../../shared/dp/limits';
import { FileSchema } from '../../../shared/dp/resources';
import type { DraftContent, SaveResult } from '../../../shared/ipc/channels/compose';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, appRefusal, isConflict, refusals } from '../../errors';
import type { JournalRecord } from '../../services/drafts/journal';
import { draftKey, type ComposeState, type MainTarget } from './context';
import { MEDIA_TYPE, contentOf, filenameFor, formatOfFile, sameContent, wordsOf } from './content';
import { fetchMessage, journalContent, mainTargetOf, requireDraft } from './drafts-read';
import { fileContentPath, filePath } from '../../services/dp-client/api-paths';

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
      ...(e.element !== undefined
        ? { rejectedValue: e.attributes ? `${e.element} ${e.attributes.join(' ')}` : e.element }
        : {}),
    })),
  });
};

/**
 * What Digital Post would refuse on upload, refused here without a request: html must pass STRICT; text/plain has no
 * such check, but either is held to the 10 MB file limit.
 */
export const checkContent = (content: DraftContent): void => {
  if (content.format === 'html') checkStrict(content.html);
  const size = Buffer.byteLength(wordsOf(content), 'utf8');
  if (size > LIMITS.maxFileBytes) {
    throw refusals([
      dpFieldError('message.file.content.size', { resource: 'file', field: 'content', rejectedValue: size }),
    ]);
  }
};

export interface SaveRequest {
  mailboxId: string;
  messageId: string;
  content: DraftContent;
  baseFileVersion?: number | undefined;
  /** The subject as the user last typed it (see `compose.save`). */
  journalLabel?: string | undefined;
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

  /** The MAIN file as the server has it now: its words in its own format, its version and metadata. */
  const serverVersion = async (mailboxId: string, messageId: string, t: MainTarget) => {
    const meta = await api.get<unknown>(filePath(mailboxId, messageId, t.documentId, t.fileId));
    const file = FileSchema.parse(meta.data);
    let words = '';
    if (file.fileSize !== undefined) {
      const content = await api.getBytes(fileContentPath(mailboxId, messageId, t.documentId, t.fileId));
      words = Buffer.from(content.data.data).toString('utf8');
    }
    const format = formatOfFile(file.encodingFormat) ?? t.format;
    return {
      server: {
        ...contentOf(format, words),
        fileVersion: file.version,
        ...(file.lastUpdated ? { lastUpdated: file.lastUpdated } : {}),
      },
      file: { format, filename: file.filename },
    };
  };

  const confirmed = async (
    record: JournalRecord,
    target: MainTarget,
    key: string,
    fileVersion: number,
  ): Promise<SaveResult> => {
    const { conflictAt: _resolved, ...rest } = target;
    state.targets.set(key, { ...rest, fileVersion });
    await state.journal.confirm(record.mailboxId, record.messageId, record.seq, fileVersion);
    return { status: 'saved', fileVersion, savedAt: record.savedAt };
  };

  const versionOf = (res: { data: unknown; version?: number | undefined }, base: number): number => {
    const body = res.data as { version?: unknown } | undefined;
    return typeof body?.version === 'number' ? body.version : (res.version ?? base + 1);
  };

  /**
   * The MAIN file's encodingFormat and filename for `format`: a full-body PUT of the file as the server returned it
   * (PUT replaces the resource), If-Match = `base`. Returns the file's new version.
   */
  const switchFormat = async (
    mailboxId: string,
    messageId: string,
    target: MainTarget,
    format: DraftContent['format'],
    base: number,
  ): Promise<{ version: number; filename: string }> => {
    const path = filePath(mailboxId, messageId, target.documentId, target.fileId);
    const current = (await api.get<unknown>(path)).data as Record<string, unknown>;
    const filename = filenameFor(typeof current.filename === 'string' ? current.filename : target.filename, format);
    const res = await api.put<unknown>(
      path,
      { ...current, encodingFormat: MEDIA_TYPE[format], filename },
      { ifMatch: base },
    );
    return { version: versionOf(res, base), filename };
  };

  const putContent = async (
    mailboxId: string,
    messageId: string,
    target: MainTarget,
    filename: string,
    format: DraftContent['format'],
    words: string,
    base: number,
  ): Promise<number> => {
    const res = await api.putMultipart<unknown>(
      fileContentPath(mailboxId, messageId, target.documentId, target.fileId),
      { data: new Uint8Array(Buffer.from(words, 'utf8')), filename, contentType: MEDIA_TYPE[format] },
      { ifMatch: base },
    );
    return versionOf(res, base);
  };

  /**
   * Writes the words into the MAIN file, switching its format when they are in the other one. The order keeps every
   * step acceptable to Digital Post: html → text changes the type first (text content in an html file would be
   * judged by STRICT); text → html uploads the html first, because a switch to text/html is refused while the
   * existing content is not valid html (message.file.encoding.format.invalid.switch.to.html).
   */
  const write = async (
    record: JournalRecord,
    target: MainTarget,
    content: DraftContent,
    base: number,
  ): Promise<MainTarget> => {
    const { mailboxId, messageId } = record;
    const words = wordsOf(content);
    /** A step landed: a retry (or a restore after a restart) must build on the version it made. */
    const stepped = async (moved: MainTarget): Promise<void> => {
      state.targets.set(draftKey(mailboxId, messageId), moved);
      await state.journal.rebase(mailboxId, messageId, record.seq, moved.fileVersion);
    };
    if (content.format === target.format) {
      return {
        ...target,
        fileVersion: await putContent(mailboxId, messageId, target, target.filename, content.format, words, base),
      };
    }
    if (content.format === 'text') {
      const switched = await switchFormat(mailboxId, messageId, target, 'text', base);
      const moved = { ...target, format: 'text' as const, filename: switched.filename, fileVersion: switched.version };
      await stepped(moved);
      return {
        ...moved,
        fileVersion: await putContent(mailboxId, messageId, moved, moved.filename, 'text', words, switched.version),
      };
    }
    const uploaded = await putContent(mailboxId, messageId, target, target.filename, target.format, words, base);
    await stepped({ ...target, fileVersion: uploaded });
    const switched = await switchFormat(mailboxId, messageId, { ...target, fileVersion: uploaded }, 'html', uploaded);
    return { ...target, format: 'html', filename: switched.filename, fileVersion: switched.version };
  };

  /** One upload, run in the draft's queue so versions follow one another. */
  const upload = async (record: JournalRecord, explicitBase: number | undefined): Promise<SaveResult> => {
    const { mailboxId, messageId } = record;
    const local = journalContent(record);
    const key = draftKey(mailboxId, messageId);
    const target = await targetOf(mailboxId, messageId);
    if (explicitBase === undefined && target.conflictAt !== undefined) {
      // Unresolved conflict: never let an autosave decide it by overwriting the other side.
      const { server } = await serverVersion(mailboxId, messageId, target);
      if (sameContent(server, local)) return confirmed(record, target, key, server.fileVersion);
      return { status: 'conflict', local, server };
    }
    const base = explicitBase ?? target.fileVersion;
    try {
      const written = await write(record, target, local, base);
      return await confirmed(record, written, key, written.fileVersion);
    } catch (err) {
      if (!isConflict(err)) {
        if (err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network) {
          throw new AppFault({
            ...err.appError,
            message:
              'Kladden er gemt på denne computer, men ikke i Digital Post endnu. Den gemmes, når forbindelsen er tilbage.',
          });
        }
        throw err;
      }
      const now = state.targets.get(key) ?? target;
      const { server, file } = await serverVersion(mailboxId, messageId, now);
      const current = { ...now, format: file.format, filename: file.filename };
      // Our own earlier attempt may have landed before its answer was lost: the same words are not a conflict.
      if (sameContent(server, local)) return confirmed(record, current, key, server.fileVersion);
      state.targets.set(key, { ...current, conflictAt: server.fileVersion });
      return { status: 'conflict', local, server };
    }
  };

  /**
   * Journals the words before anything else (so a crash or a lost connection loses nothing), checks them the way
   * Digital Post would, then queues the upload behind the draft's earlier saves.
   */
  const save = async (req: SaveRequest): Promise<SaveResult> => {
    // A debounced save that fires after send or discard has nothing left to save into; journalling it would only
    // offer the user to "restore" a letter that is already gone.
    if (state.closed.has(draftKey(req.mailboxId, req.messageId))) {
      throw appRefusal(APP_ERROR_CODES.composeNotDraft, 'Kladden er allerede sendt eller slettet.');
    }
    const key = draftKey(req.mailboxId, req.messageId);
    const known = state.targets.get(key);
    const base = req.baseFileVersion ?? known?.fileVersion;
    // The subject the user typed last, even when its update has not reached Digital Post (or failed): the journal
    // must name the draft as the user knows it, not as the server last confirmed it.
    const label = req.journalLabel ?? known?.label;
    if (known && label !== undefined) state.targets.set(key, { ...known, label });
    // Started now, awaited before any request: the words are on disk before they travel.
    const journalled = state.journal.write({
      mailboxId: req.mailboxId,
      messageId: req.messageId,
      format: req.content.format,
      html: wordsOf(req.content),
      ...(known ? { documentId: known.documentId, fileId: known.fileId } : {}),
      ...(label !== undefined ? { label } : {}),
      ...(base !== undefined ? { baseFileVersion: base } : {}),
    });
    // Awaited below or inside the queued upload; this only keeps an early disk failure from counting as unhandled.
    journalled.catch(() => undefined);
    try {
      checkContent(req.content);
    } catch (err) {
      await journalled;
      throw err;
    }
    // Queued at once (not after the journal write), so a send that waits for this draft's saves sees this one too.
    return state.saves.run(key, async () => upload(await journalled, req.baseFileVersion));
  };

  return { save, upload };
};

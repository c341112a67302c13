import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MessageSchema, type Message } from '../../../shared/dp/resources';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import type { ArchiveExportScope, archiveChannels } from '../../../shared/ipc/channels/archive';
import { AppFault, appRefusal } from '../../errors';
import type { HandlersOf } from '../../ipc/dispatch';
import type { LocalArchive } from '../../services/archive';
import { offerDownload } from '../../services/files/download-offers';
import type { EventHub, ExportTargetPicker } from '../../services/platform';
import type { ArchiveSession } from './archive-session';

export { ArchiveSession, type ArchiveOwner, type ArchiveSessionOptions } from './archive-session';

export interface ArchiveHandlerContext {
  archive: ArchiveSession;
  events: EventHub;
  picker?: ExportTargetPicker;
  log?: (msg: string, err?: unknown) => void;
}

const SEARCH_PAGE = 500;

/** The message as Digital Post sent it, from the archive's raw copy; left out when it no longer parses. */
const messageOf = (archive: LocalArchive, id: string): Message | undefined => {
  const stored = archive.store.message(id);
  if (!stored) return undefined;
  try {
    const parsed = MessageSchema.safeParse(JSON.parse(stored.raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

const nothingToExport = (): AppFault =>
  appRefusal(APP_ERROR_CODES.archiveNothingToExport, 'Arkivet har ingen af de valgte breve helt.');

const unavailable = (): AppFault =>
  appRefusal(APP_ERROR_CODES.archiveUnavailable, 'Det lokale arkiv kan ikke bruges på denne computer.');

/** Every id a filter finds, newest first, page by page. */
const allIds = (archive: LocalArchive, query: Parameters<LocalArchive['search']>[0]): string[] => {
  const ids: string[] = [];
  for (let offset = 0; ; offset += SEARCH_PAGE) {
    const page = archive.search({ ...query, limit: SEARCH_PAGE, offset });
    ids.push(...page.hits.map((h) => h.message.id));
    if (page.hits.length < SEARCH_PAGE || ids.length >= page.total) return ids;
  }
};

const idsOf = (archive: LocalArchive, scope: ArchiveExportScope): string[] => {
  switch (scope.kind) {
    case 'mailbox':
      return allIds(archive, { mailboxIds: [scope.mailboxId] });
    case 'folder':
      return allIds(archive, { mailboxIds: [scope.mailboxId], folderIds: [scope.folderId] });
    case 'search':
      return allIds(archive, { mailboxIds: [scope.mailboxId], text: scope.text });
    case 'selection':
      return scope.messageIds;
  }
};

const filesUnder = async (dir: string): Promise<string[]> => {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
};

const stamp = (): string => new Date().toISOString().slice(0, 10);

export const createArchiveHandlers = (ctx: ArchiveHandlerContext): HandlersOf<typeof archiveChannels> => {
  const exports = new Map<string, AbortController>();
  const log = ctx.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));

  return {
    'archive.status': () => ctx.archive.status(),
    'archive.configure': async ({ mailboxId, enabled, withDocuments }) => {
      await ctx.archive.configure(mailboxId, enabled, withDocuments);
      const status = await ctx.archive.status();
      if (enabled && !status.available) throw unavailable();
      return status;
    },
    'archive.delete': async () => {
      await ctx.archive.deleteArchive();
      return ctx.archive.status();
    },
    'archive.sync': async (request) => {
      if (!(await ctx.archive.current(false))) return { started: false };
      return { started: ctx.archive.startSync(request?.reconcile ?? false) };
    },
    'archive.cancelSync': async () => ({ cancelled: await ctx.archive.cancelSync() }),
    'archive.search': async ({ mailboxId, text, folderId, dateFrom, dateTo, senderLabel, limit, offset }) => {
      const archive = await ctx.archive.covers(mailboxId);
      if (!archive) return { covered: false, messages: [], snippets: [], total: 0, terms: [] };
      const result = archive.search({
        text,
        mailboxIds: [mailboxId],
        ...(folderId ? { folderIds: [folderId] } : {}),
        ...(dateFrom ? { dateFrom: dateFrom.slice(0, 10) } : {}),
        ...(dateTo ? { dateTo: dateTo.slice(0, 10) } : {}),
        ...(senderLabel ? { sender: senderLabel } : {}),
        limit: limit ?? 200,
        offset: offset ?? 0,
      });
      const messages: Message[] = [];
      const snippets: { messageId: string; parts: { text: string; match: boolean }[] }[] = [];
      for (const hit of result.hits) {
        const message = messageOf(archive, hit.message.id);
        if (!message) continue;
        messages.push(message);
        if (hit.snippet) snippets.push({ messageId: message.id, parts: hit.snippet });
      }
      return { covered: true, messages, snippets, total: result.total, terms: result.terms };
    },
    'archive.export': async ({ exportId, format, scope }) => {
      const archive = await ctx.archive.current(false);
      if (!archive) throw unavailable();
      const ids = idsOf(archive, scope);
      const controller = new AbortController();
      exports.get(exportId)?.abort();
      exports.set(exportId, controller);
      const emit = (state: 'running' | 'done' | 'cancelled' | 'failed', done: number, total: number): void =>
        ctx.events.emit({ type: 'archive.progress', kind: 'export', exportId, phase: 'export', state, done, total });
      const options = {
        signal: controller.signal,
        onProgress: (p: { done: number; total: number }) => emit('running', p.done, p.total),
      };
      const nothing = { saved: false, cancelled: false, exported: 0, skipped: ids.length };
      try {
        emit('running', 0, ids.length);
        if (!ctx.picker) {
          const { exported, skipped, download } = await archive.exportDownload(format, ids, options);
          emit('done', ids.length, ids.length);
          if (exported.length === 0) throw nothingToExport();
          const token = offerDownload(download);
          return {
            saved: false,
            cancelled: false,
            exported: exported.length,
            skipped: skipped.length,
            downloadPath: `/download/${token}`,
            downloadName: download.name,
          };
        }
        const picker = ctx.picker;
        const name = `Digital Post ${stamp()}`;
        const target =
          format === 'mbox'
            ? await picker.pickFile(`${name}.mbox`, 'Eksportér postkasse')
            : await picker.pickFolder('Vælg en mappe til eksporten');
        if (!target) {
          emit('cancelled', 0, ids.length);
          return { ...nothing, skipped: 0, cancelled: true };
        }
        // Folder and eml go into a new folder inside the chosen one, so nothing already there is touched.
        const dir = format === 'mbox' ? target : join(target, `${name} ${exportId.slice(0, 6)}`);
        const summary =
          format === 'mbox'
            ? await archive.exportMbox(ids, target, options)
            : format === 'eml'
              ? await archive.exportEml(ids, dir, options)
              : await archive.exportFolder(ids, dir, options);
        if (picker.mark) {
          for (const f of format === 'mbox' ? [target] : await filesUnder(dir)) await picker.mark(f);
        }
        emit('done', ids.length, ids.length);
        return { saved: true, cancelled: false, exported: summary.exported.length, skipped: summary.skipped.length };
      } catch (err) {
        if (controller.signal.aborted) {
          emit('cancelled', 0, ids.length);
          return { ...nothing, skipped: 0, cancelled: true };
        }
        log('The archive export failed', err);
        emit('failed', 0, ids.length);
        throw err;
      } finally {
        if (exports.get(exportId) === controller) exports.delete(exportId);
      }
    },
    'archive.text': async ({ messageId }) => {
      const archive = await ctx.archive.current(false);
      if (!archive) return { files: [] };
      const files = archive.store.files(messageId).flatMap((f) => {
        const text = archive.store.fileText(f.messageId, f.documentId, f.id);
        return text ? [{ documentId: f.documentId, fileId: f.id, text }] : [];
      });
      return { files };
    },
    'archive.cancelExport': ({ exportId }) => {
      const controller = exports.get(exportId);
      controller?.abort();
      return Promise.resolve({ cancelled: controller !== undefined });
    },
  };
};

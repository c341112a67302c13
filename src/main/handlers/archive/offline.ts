import { MessageSchema, type Message } from '../../../shared/dp/resources';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import type { Handlers, PartialHandlers } from '../../ipc/dispatch';
import type { LocalArchive } from '../../services/archive';
import type { EventHub } from '../../services/platform';
import type { ArchiveSession } from './archive-session';

type Reading = 'mailboxes.list' | 'folders.summary' | 'messages.query' | 'messages.get' | 'files.content';

const isNetworkFault = (err: unknown): boolean =>
  err instanceof AppFault
    ? err.appError.code === APP_ERROR_CODES.network
    : (err as { appError?: { code?: string } } | null)?.appError?.code === APP_ERROR_CODES.network;

const parsed = (archive: LocalArchive, id: string): Message | undefined => {
  const stored = archive.store.message(id);
  if (!stored) return undefined;
  try {
    const m = MessageSchema.safeParse(JSON.parse(stored.raw));
    return m.success ? m.data : undefined;
  } catch {
    return undefined;
  }
};

const MAILBOXES = 'mailboxes.list';
const foldersKey = (mailboxId: string): string => `folders.summary:${mailboxId}`;

/**
 * Reading without a network: when Digital Post cannot be reached, the mailbox list, folders, lists, letters and
 * their files come from the local archive (where it holds them), read only, and main says so with `archive.offline`.
 * Every answer Digital Post does give refreshes the archive's copy of the mailbox list and folder summaries.
 */
export const withOfflineReading = <H extends PartialHandlers>(
  handlers: H & Pick<Handlers, Reading>,
  session: ArchiveSession,
  events: EventHub,
  log: (msg: string, err?: unknown) => void = () => undefined,
): H => {
  let offline = false;
  const say = (now: boolean): void => {
    if (offline === now) return;
    offline = now;
    events.emit({ type: 'archive.offline', offline: now });
  };

  // The latest answers to keep, held until an archive is open to take them: the mailbox list is usually fetched at
  // login, before anyone switched the archive on.
  const latest = new Map<string, { value: unknown; mailboxId?: string }>();
  const written = new WeakMap<LocalArchive, Set<string>>();
  const keep = (key: string, value: unknown, mailboxId?: string): void => {
    latest.set(key, { value, ...(mailboxId ? { mailboxId } : {}) });
    if (current) written.get(current)?.delete(key);
  };
  let current: LocalArchive | undefined;
  // What one person's Digital Post answered is never written into the next person's archive.
  events.subscribe((e) => {
    // A sync that ends is the archive taking the answers held for it, even if nothing is read after it: a restart
    // with no network needs the mailbox list and folders it saw.
    if (e.type === 'archive.progress' && e.kind === 'sync' && e.state === 'done') {
      void session
        .current(false)
        .then((archive) => archive && flush(archive))
        .catch((err: unknown) => log('The archive could not keep a copy for offline reading', err));
    }
    if (e.type !== 'auth.changed') return;
    latest.clear();
    current = undefined;
  });
  const flush = (archive: LocalArchive): void => {
    current = archive;
    let done = written.get(archive);
    if (!done) written.set(archive, (done = new Set()));
    for (const [key, { value, mailboxId }] of latest) {
      if (done.has(key)) continue;
      if (mailboxId && !archive.store.hasMailbox(mailboxId)) continue;
      archive.store.saveSnapshot(key, value);
      done.add(key);
    }
  };

  const wrap = <C extends Reading>(
    channel: C,
    remember: (request: Parameters<Handlers[C]>[0], answer: unknown) => void,
    fromArchive: (archive: LocalArchive, request: Parameters<Handlers[C]>[0]) => unknown,
  ): Handlers[C] =>
    (async (request: Parameters<Handlers[C]>[0], call: Parameters<Handlers[C]>[1]) => {
      const real = handlers[channel] as (r: typeof request, c: typeof call) => Promise<unknown>;
      try {
        const answer = await real(request, call);
        say(false);
        remember(request, answer);
        const archive = await session.current(false).catch(() => undefined);
        if (archive) {
          try {
            flush(archive);
          } catch (err) {
            log('The archive could not keep a copy for offline reading', err);
          }
        }
        return answer;
      } catch (err) {
        if (!isNetworkFault(err)) throw err;
        const archive = await session.current(false).catch(() => undefined);
        const answer = archive ? fromArchive(archive, request) : undefined;
        if (answer === undefined) throw err;
        say(true);
        return answer;
      }
    }) as Handlers[C];

  const covers = (archive: LocalArchive, mailboxId: string): boolean =>
    archive.store.mailboxSummaries().some((m) => m.mailboxId === mailboxId && m.fullPassDone);

  return {
    ...handlers,
    'mailboxes.list': wrap(
      'mailboxes.list',
      (_r, answer) => keep(MAILBOXES, answer),
      (archive) => {
        const snap = archive.store.snapshot(MAILBOXES) as { mailboxes?: { id: string }[] } | undefined;
        // Only the mailboxes the archive keeps, and nothing it could write to while offline.
        const mailboxes = (snap?.mailboxes ?? []).filter((m) => covers(archive, m.id));
        return mailboxes.length > 0 ? { mailboxes } : undefined;
      },
    ),
    'folders.summary': wrap(
      'folders.summary',
      (r, answer) => keep(foldersKey(r.mailboxId), answer, r.mailboxId),
      (archive, r) => (covers(archive, r.mailboxId) ? archive.store.snapshot(foldersKey(r.mailboxId)) : undefined),
    ),
    'messages.query': wrap(
      'messages.query',
      () => undefined,
      (archive, q) => {
        if (!covers(archive, q.mailboxId) || q.next) return undefined;
        const result = archive.search({
          mailboxIds: [q.mailboxId],
          ...(q.folderId ? { folderIds: [q.folderId] } : {}),
          ...(q.search ? { text: q.search } : {}),
          limit: Math.min(q.size ?? 200, 500),
        });
        const messages = result.hits.flatMap((h) => parsed(archive, h.message.id) ?? []);
        return { messages, totalElements: result.total };
      },
    ),
    'messages.get': wrap(
      'messages.get',
      () => undefined,
      (archive, r) => (covers(archive, r.mailboxId) ? parsed(archive, r.messageId) : undefined),
    ),
    'files.content': wrap(
      'files.content',
      () => undefined,
      (archive, r) => {
        const file = archive.store.files(r.messageId).find((f) => f.documentId === r.documentId && f.id === r.fileId);
        const bytes = file ? archive.store.fileContent(r.messageId, r.documentId, r.fileId) : null;
        if (!file || !bytes) return undefined;
        return {
          base64: bytes.toString('base64'),
          encodingFormat: file.encodingFormat ?? 'application/octet-stream',
          filename: file.filename ?? '',
        };
      },
    ),
  };
};

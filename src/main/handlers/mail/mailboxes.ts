import { z } from 'zod';
import { MailboxSchema, type Mailbox } from '../../../shared/dp/resources';
import type { MailboxView } from '../../../shared/ipc/channels/mail';
import type { Handlers } from '../../ipc/dispatch';
import type { MailCache } from './cache';
import type { MailContext } from './context';
import { mailboxesPath } from '../../services/dp-client/api-paths';
import { fetchFolderSummary, unreadOf } from './summary';

const PAGE_SIZE = 100;
/** A person reaches a handful of mailboxes; this only stops a server that never says it is done. */
const MAX_PAGES = 50;

const PageSchema = z.looseObject({
  totalPages: z.number().int().optional(),
  totalElements: z.number().int().optional(),
  mailboxes: z.array(z.unknown()).optional(),
});

/** CPRs must never be shown whole (§6.8.2); the server masks them, this holds even if it did not. */
export const maskOwnerId = (ownerId: string | undefined): string | undefined =>
  ownerId !== undefined && /^\d{10}$/.test(ownerId) ? `${ownerId.slice(0, 6)}****` : ownerId;

/**
 * The embedded access is the signed-in person's own way in, so OWNER there means the mailbox is theirs. What another
 * access type may do is not printed, so every action is offered and Digital Post's refusal is shown (assumptions.ts,
 * ACCESS_CAPABILITIES). A mailbox without an owner name keeps '' and the renderer names it from what it knows.
 */
export const toMailboxView = (mailbox: Mailbox, unread: number): MailboxView => {
  const accessType = mailbox.access?.accessType ?? '';
  const ownerId = maskOwnerId(mailbox.ownerId);
  return {
    id: mailbox.id,
    version: mailbox.version,
    ownerType: mailbox.ownerType,
    ownerName: mailbox.ownerName ?? '',
    ...(ownerId !== undefined ? { ownerId } : {}),
    accessType,
    own: accessType === 'OWNER',
    unread,
    canWrite: true,
    canMoveToDeleted: true,
    canManageNotifications: true,
  };
};

const fetchAllMailboxes = async (ctx: MailContext, log: (msg: string) => void): Promise<Mailbox[]> => {
  const all: Mailbox[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const res = await ctx.api.get<unknown>(mailboxesPath(), { query: { page, size: PAGE_SIZE } });
    const body = PageSchema.parse(res.data ?? {});
    const items = body.mailboxes ?? [];
    for (const item of items) {
      const parsed = MailboxSchema.safeParse(item);
      if (parsed.success) all.push(parsed.data);
      else log('A mailbox did not match the resource schema and was left out');
    }
    const done =
      items.length < PAGE_SIZE ||
      (body.totalPages !== undefined && page + 1 >= body.totalPages) ||
      (body.totalElements !== undefined && (page + 1) * PAGE_SIZE >= body.totalElements);
    if (done) break;
  }
  return all;
};

export const createMailboxHandlers = (
  ctx: MailContext,
  cache: MailCache,
  log: (msg: string) => void = console.warn,
): Pick<Handlers, 'mailboxes.list'> => ({
  'mailboxes.list': async () => {
    const mailboxes = await fetchAllMailboxes(ctx, log);
    // One summary per mailbox gives the unread count and warms the folder cache the move rules use.
    const views = await Promise.all(
      mailboxes.map(async (mb) => {
        if (mb.access) cache.rememberAccess(mb.id, mb.access.accessType);
        const folders = await fetchFolderSummary(ctx, cache, mb.id).catch((err: unknown) => {
          log(`Folder summary for a mailbox failed; its unread count shows 0 (${String(err)})`);
          return [];
        });
        return toMailboxView(mb, unreadOf(folders));
      }),
    );
    // Own mailbox first, then the others by owner name (unnamed ones last, in Digital Post's order).
    return {
      mailboxes: views.sort(
        (a, b) =>
          Number(b.own) - Number(a.own) ||
          Number(a.ownerName === '') - Number(b.ownerName === '') ||
          a.ownerName.localeCompare(b.ownerName, 'da'),
      ),
    };
  },
});

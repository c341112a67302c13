import { z } from 'zod';
import { FOLDER_SUMMARY_SHAPE } from '../../../shared/dp/assumptions';
import { FolderTypeSchema } from '../../../shared/dp/enums';
import { FolderSchema, type FolderSummaryEntry } from '../../../shared/dp/resources';
import type { MailContext } from './context';
import { folderSummaryPath, foldersPath } from '../../services/dp-client/api-paths';
import type { MailCache } from './cache';

// The folder tree comes from the documented folder list (GET /mailboxes/{id}/folders/, a SearchResult under
// `folders`). The folder summary only adds counts: its JSON is not printed (§6.6 names the endpoint), so its rows
// are read leniently (a bare array or one under a plural key, the id as `folderId` or `id`, either count spelling)
// and a summary that fails or says nothing we understand leaves the folders without counts.

const FOLDER_PAGE_SIZE = 500;
/** Only stops a server that never says it is done; a mailbox holds a few hundred folders at most. */
const MAX_FOLDER_PAGES = 20;

const RowSchema = z.looseObject({
  folderId: z.string().optional(),
  id: z.string().optional(),
  folderType: FolderTypeSchema.optional(),
  name: z.string().optional(),
  parentFolderId: z.string().nullable().optional(),
  totalMessages: z.number().int().optional(),
  total: z.number().int().optional(),
  unreadMessages: z.number().int().optional(),
  unread: z.number().int().optional(),
});

const FolderPageSchema = z.looseObject({
  totalPages: z.number().int().optional(),
  folders: z.array(z.unknown()).optional(),
});

const rowsOf = (data: unknown): unknown[] => {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of FOLDER_SUMMARY_SHAPE.values.rowKeys) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [];
};

/** Summary rows as folders; a row without a folder type or id is left out (it cannot be placed in the tree). */
export const parseFolderSummary = (data: unknown): FolderSummaryEntry[] =>
  rowsOf(data).flatMap((raw) => {
    const row = RowSchema.safeParse(raw);
    if (!row.success) return [];
    const { folderId, id, folderType, name, parentFolderId, totalMessages, total, unreadMessages, unread, ...rest } =
      row.data;
    const fid = folderId ?? id;
    if (!fid || folderType === undefined) return [];
    const entry: FolderSummaryEntry = { ...rest, folderId: fid, folderType, name: name ?? '' };
    const totalCount = totalMessages ?? total;
    const unreadCount = unreadMessages ?? unread;
    if (totalCount !== undefined) entry.totalMessages = totalCount;
    if (unreadCount !== undefined) entry.unreadMessages = unreadCount;
    if (parentFolderId) entry.parentFolderId = parentFolderId;
    return [entry];
  });

/** Counts per folder id from whatever summary rows parse, folder type or not. */
const countsOf = (data: unknown): Map<string, { total?: number; unread?: number }> => {
  const counts = new Map<string, { total?: number; unread?: number }>();
  for (const raw of rowsOf(data)) {
    const row = RowSchema.safeParse(raw);
    if (!row.success) continue;
    const fid = row.data.folderId ?? row.data.id;
    if (!fid) continue;
    const total = row.data.totalMessages ?? row.data.total;
    const unread = row.data.unreadMessages ?? row.data.unread;
    counts.set(fid, { ...(total !== undefined ? { total } : {}), ...(unread !== undefined ? { unread } : {}) });
  }
  return counts;
};

const fetchFolderList = async (ctx: MailContext, mailboxId: string): Promise<FolderSummaryEntry[]> => {
  const entries: FolderSummaryEntry[] = [];
  for (let page = 0; page < MAX_FOLDER_PAGES; page += 1) {
    const res = await ctx.api.get<unknown>(foldersPath(mailboxId), { query: { page, size: FOLDER_PAGE_SIZE } });
    const body = FolderPageSchema.parse(res.data ?? {});
    const items = body.folders ?? [];
    for (const item of items) {
      const folder = FolderSchema.safeParse(item);
      if (!folder.success) continue;
      const { id, folderType, name, parentFolderId, mailboxId: _mb, ...rest } = folder.data;
      entries.push({ ...rest, folderId: id, folderType, name, ...(parentFolderId ? { parentFolderId } : {}) });
    }
    if (items.length < FOLDER_PAGE_SIZE || (body.totalPages !== undefined && page + 1 >= body.totalPages)) break;
  }
  return entries;
};

/** The folder list with the summary's counts merged in where it gave them. */
export const mergeFolderCounts = (folders: FolderSummaryEntry[], summary: unknown): FolderSummaryEntry[] => {
  const counts = countsOf(summary);
  return folders.map((f) => {
    const c = counts.get(f.folderId);
    if (!c) return f;
    return {
      ...f,
      ...(c.total !== undefined ? { totalMessages: c.total } : {}),
      ...(c.unread !== undefined ? { unreadMessages: c.unread } : {}),
    };
  });
};

/**
 * Fetches the folder list and the summary at once and refreshes the folder-type cache the move rules read. The
 * summary is extra: if it fails the folders still show. If the list itself fails, a summary that names its folders
 * stands in for it, so a server without the list still gets a tree.
 */
export const fetchFolderSummary = async (
  ctx: MailContext,
  cache: MailCache,
  mailboxId: string,
): Promise<FolderSummaryEntry[]> => {
  const [list, summary] = await Promise.allSettled([
    fetchFolderList(ctx, mailboxId),
    ctx.api.get<unknown>(folderSummaryPath(mailboxId)).then((res) => res.data),
  ]);
  let folders: FolderSummaryEntry[];
  if (list.status === 'fulfilled') {
    folders = mergeFolderCounts(list.value, summary.status === 'fulfilled' ? summary.value : undefined);
  } else {
    const fallback = summary.status === 'fulfilled' ? parseFolderSummary(summary.value) : [];
    if (fallback.length === 0) throw list.reason;
    folders = fallback;
  }
  cache.rememberFolders(mailboxId, folders);
  return folders;
};

/** Unread post the user should see: received messages sit in Indbakke and own folders, not in Slettet. */
export const unreadOf = (folders: readonly FolderSummaryEntry[]): number =>
  folders
    .filter((f) => f.folderType === 'INBOX' || f.folderType === 'USER_DEFINED')
    .reduce((n, f) => n + (f.unreadMessages ?? 0), 0);

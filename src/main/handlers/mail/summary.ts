import { z } from 'zod';
import { FolderTypeSchema } from '../../../shared/dp/enums';
import type { FolderSummaryEntry } from '../../../shared/dp/resources';
import type { MailContext } from './context';
import { folderSummaryPath } from './paths';
import type { MailCache } from './cache';

// The folder summary's JSON is not printed in the document (§6.6 only names the endpoint), so rows are read
// leniently: a bare array or one under a plural key, the id as `folderId` or `id`, counts under either spelling.
const RowSchema = z.looseObject({
  folderId: z.string().optional(),
  id: z.string().optional(),
  folderType: FolderTypeSchema,
  name: z.string().optional(),
  parentFolderId: z.string().nullable().optional(),
  totalMessages: z.number().int().optional(),
  total: z.number().int().optional(),
  unreadMessages: z.number().int().optional(),
  unread: z.number().int().optional(),
});

const rowsOf = (data: unknown): unknown[] => {
  if (Array.isArray(data)) return data;
  if (data && typeof data === 'object') {
    for (const key of ['folders', 'folderSummaries', 'summaries', 'folderSummary']) {
      const value = (data as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [];
};

export const parseFolderSummary = (data: unknown): FolderSummaryEntry[] =>
  rowsOf(data).flatMap((raw) => {
    const row = RowSchema.safeParse(raw);
    if (!row.success) return [];
    const { folderId, id, folderType, name, parentFolderId, totalMessages, total, unreadMessages, unread, ...rest } =
      row.data;
    const fid = folderId ?? id;
    if (!fid) return [];
    const entry: FolderSummaryEntry = {
      ...rest,
      folderId: fid,
      folderType,
      name: name ?? '',
      totalMessages: totalMessages ?? total ?? 0,
      unreadMessages: unreadMessages ?? unread ?? 0,
    };
    if (parentFolderId) entry.parentFolderId = parentFolderId;
    return [entry];
  });

/** Fetches the summary and refreshes the folder-type cache the move rules read. */
export const fetchFolderSummary = async (
  ctx: MailContext,
  cache: MailCache,
  mailboxId: string,
): Promise<FolderSummaryEntry[]> => {
  const res = await ctx.api.get<unknown>(folderSummaryPath(mailboxId));
  const folders = parseFolderSummary(res.data);
  cache.rememberFolders(mailboxId, folders);
  return folders;
};

/** Unread post the user should see: received messages sit in Indbakke and own folders, not in Slettet. */
export const unreadOf = (folders: readonly FolderSummaryEntry[]): number =>
  folders
    .filter((f) => f.folderType === 'INBOX' || f.folderType === 'USER_DEFINED')
    .reduce((n, f) => n + f.unreadMessages, 0);

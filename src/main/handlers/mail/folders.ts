import { STANDARD_FOLDER_TYPES, isOneOf } from '../../../shared/dp/enums';
import { FolderSchema, type Folder } from '../../../shared/dp/resources';
import type { Handlers } from '../../ipc/dispatch';
import type { MailCache } from './cache';
import type { MailContext } from './context';
import {
  checkCreateFolder,
  checkDeleteFolder,
  checkFolderName,
  checkMoveFolder,
  checkRenameFolder,
} from './folder-rules';
import { dpRefusal, isConflict } from '../../errors';
import { folderPath, foldersPath } from '../../services/dp-client/api-paths';
import { fetchFolderSummary } from './summary';

type FolderHandlers = Pick<
  Handlers,
  'folders.summary' | 'folders.create' | 'folders.rename' | 'folders.move' | 'folders.delete'
>;

const fetchFolder = async (ctx: MailContext, mailboxId: string, folderId: string): Promise<Folder> => {
  const res = await ctx.api.get<unknown>(folderPath(mailboxId, folderId));
  const folder = FolderSchema.parse(res.data);
  return res.version !== undefined ? { ...folder, version: res.version } : folder;
};

/**
 * PUT replaces the folder, so the body is the whole folder as fetched (unknown fields included) with the change
 * applied. A 409 means someone changed it meanwhile: fetch it again and reapply the same change, once.
 */
const updateFolder = async (
  ctx: MailContext,
  mailboxId: string,
  folderId: string,
  change: (folder: Folder) => Folder,
): Promise<Folder> => {
  const put = async (): Promise<Folder> => {
    const current = await fetchFolder(ctx, mailboxId, folderId);
    // The summary may not have listed it; the folder itself says whether it is a standard one.
    if (isOneOf(STANDARD_FOLDER_TYPES, current.folderType)) {
      throw dpRefusal('folder.update.standard.folder.may.no.be.updated', {
        resource: 'folder',
        field: 'folderType',
        rejectedValue: current.folderType,
      });
    }
    const res = await ctx.api.put<unknown>(folderPath(mailboxId, folderId), change(current), {
      ifMatch: current.version,
    });
    const parsed = FolderSchema.safeParse(res.data);
    return parsed.success ? parsed.data : fetchFolder(ctx, mailboxId, folderId);
  };
  try {
    return await put();
  } catch (err) {
    if (!isConflict(err)) throw err;
    return put();
  }
};

export const createFolderHandlers = (ctx: MailContext, cache: MailCache): FolderHandlers => ({
  'folders.summary': async ({ mailboxId }) => ({ folders: await fetchFolderSummary(ctx, cache, mailboxId) }),

  // Name rules need no folder list, so a bad name costs no request at all.
  'folders.create': async ({ mailboxId, name, parentFolderId }) => {
    checkFolderName(name);
    const nodes = await fetchFolderSummary(ctx, cache, mailboxId);
    const checkedName = checkCreateFolder(nodes, { name, ...(parentFolderId !== undefined ? { parentFolderId } : {}) });
    const body = {
      folderType: 'USER_DEFINED',
      name: checkedName,
      ...(parentFolderId !== undefined ? { parentFolderId } : {}),
    };
    const res = await ctx.api.post<unknown>(foldersPath(mailboxId), body);
    const folder = FolderSchema.parse(res.data);
    cache.rememberFolder(mailboxId, folder.id, folder.folderType);
    return folder;
  },

  'folders.rename': async ({ mailboxId, folderId, name }) => {
    checkFolderName(name);
    const nodes = await fetchFolderSummary(ctx, cache, mailboxId);
    const checkedName = checkRenameFolder(nodes, folderId, name);
    return updateFolder(ctx, mailboxId, folderId, (f) => ({ ...f, name: checkedName }));
  },

  'folders.move': async ({ mailboxId, folderId, parentFolderId }) => {
    const nodes = await fetchFolderSummary(ctx, cache, mailboxId);
    checkMoveFolder(nodes, folderId, parentFolderId);
    return updateFolder(ctx, mailboxId, folderId, (f) => {
      const { parentFolderId: _old, ...rest } = f;
      return parentFolderId === null ? rest : { ...rest, parentFolderId };
    });
  },

  'folders.delete': async ({ mailboxId, folderId }) => {
    const nodes = await fetchFolderSummary(ctx, cache, mailboxId);
    checkDeleteFolder(nodes, folderId);
    const remove = async (): Promise<void> => {
      const current = await fetchFolder(ctx, mailboxId, folderId);
      await ctx.api.delete(folderPath(mailboxId, folderId), { ifMatch: current.version });
    };
    try {
      await remove();
    } catch (err) {
      if (!isConflict(err)) throw err;
      await remove();
    }
    cache.forgetFolder(mailboxId, folderId);
    return { deleted: true as const };
  },
});

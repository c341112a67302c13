import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { STANDARD_FOLDER_TYPES } from '../../shared/dp/enums';
import { dp } from '../lib/api';
import { toUiError, type UiError } from '../lib/ui-error';
import {
  canCreateFolder,
  canDeleteFolder,
  canMoveFolder,
  canRenameFolder,
  type FolderRuleResult,
} from '../lib/folder-rules';
import type { SliceCreator } from './slice';

export interface FoldersSlice {
  folders: FolderSummaryEntry[];
  selectedFolderId: string | null;
  folderError: UiError | null;
  /** `prefetched`: a summary of the selected mailbox already asked for (app start). */
  loadFolders(prefetched?: Promise<{ folders: FolderSummaryEntry[] }>): Promise<void>;
  /** Each returns the refusal (rule or server), null on success. */
  createFolder(name: string, parentId: string | null): Promise<UiError | null>;
  renameFolder(folderId: string, name: string): Promise<UiError | null>;
  moveFolder(folderId: string, parentId: string | null): Promise<UiError | null>;
  deleteFolder(folderId: string): Promise<UiError | null>;
}

/** What folders need from the rest: whose folders, and where to go when the open folder is deleted. */
export interface FoldersNeeds {
  selectedMailboxId: string | null;
  selectFolder(folderId: string): Promise<void>;
}

const standardRank = (f: FolderSummaryEntry): number => {
  const i = (STANDARD_FOLDER_TYPES as readonly string[]).indexOf(f.folderType);
  return i < 0 ? STANDARD_FOLDER_TYPES.length : i;
};

/** Standard folders in Digital Post's order, then user folders by name. */
export const sortFolders = (folders: FolderSummaryEntry[]): FolderSummaryEntry[] =>
  [...folders].sort((a, b) => standardRank(a) - standardRank(b) || a.name.localeCompare(b.name, 'da'));

export const createFoldersSlice: SliceCreator<FoldersSlice, FoldersNeeds> = (set, get) => {
  const mailboxId = (): string | null => get().selectedMailboxId;

  /** Runs a folder change after its rule passed, then re-reads the summary (counts and tree come from the server). */
  const change = async (
    rule: FolderRuleResult,
    run: (mailboxId: string) => Promise<unknown>,
  ): Promise<UiError | null> => {
    if (!rule.ok) return { code: rule.code, message: rule.message };
    const id = mailboxId();
    if (!id) return null;
    try {
      await run(id);
      await get().loadFolders();
      return null;
    } catch (e) {
      return toUiError(e);
    }
  };

  return {
    folders: [],
    selectedFolderId: null,
    folderError: null,

    async loadFolders(prefetched) {
      const id = mailboxId();
      if (!id) return;
      try {
        const { folders } = await (prefetched
          ? prefetched.catch(() => dp().folders.summary({ mailboxId: id }))
          : dp().folders.summary({ mailboxId: id }));
        if (mailboxId() !== id) return; // the user switched mailbox meanwhile
        set({ folders: sortFolders(folders), folderError: null });
      } catch (e) {
        set({ folderError: toUiError(e) });
      }
    },

    createFolder: (name, parentId) =>
      change(canCreateFolder(get().folders, name, parentId), (id) =>
        dp().folders.create({ mailboxId: id, name: name.trim(), ...(parentId ? { parentFolderId: parentId } : {}) }),
      ),
    renameFolder: (folderId, name) =>
      change(canRenameFolder(get().folders, folderId, name), (id) =>
        dp().folders.rename({ mailboxId: id, folderId, name: name.trim() }),
      ),
    moveFolder: (folderId, parentId) =>
      change(canMoveFolder(get().folders, folderId, parentId), (id) =>
        dp().folders.move({ mailboxId: id, folderId, parentFolderId: parentId }),
      ),
    async deleteFolder(folderId) {
      const result = await change(canDeleteFolder(get().folders, folderId), (id) =>
        dp().folders.delete({ mailboxId: id, folderId }),
      );
      if (result === null && get().selectedFolderId === folderId) {
        const inbox = get().folders.find((f) => f.folderType === 'INBOX');
        if (inbox) await get().selectFolder(inbox.folderId);
      }
      return result;
    },
  };
};

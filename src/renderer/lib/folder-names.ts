import type { TFunction } from 'i18next';
import { STANDARD_FOLDER_TYPES, isOneOf } from '../../shared/dp/enums';
import type { FolderSummaryEntry } from '../../shared/dp/resources';

/**
 * Standard folders get the app's (Danish) names whatever the server calls them; user folders keep theirs, and so does
 * a folder of a type the client does not know (or a neutral word when it has no name either).
 */
export const folderName = (t: TFunction, f: Pick<FolderSummaryEntry, 'folderType' | 'name'>): string =>
  isOneOf(STANDARD_FOLDER_TYPES, f.folderType) ? t(`folders.${f.folderType}`) : f.name || t('folders.unnamed');

export interface FolderNode {
  folder: FolderSummaryEntry;
  level: number;
  children: FolderNode[];
}

/** The summary as a tree; folders whose parent is missing are shown at the top rather than lost. */
export function buildFolderTree(folders: FolderSummaryEntry[]): FolderNode[] {
  const ids = new Set(folders.map((f) => f.folderId));
  const make = (f: FolderSummaryEntry, level: number): FolderNode => ({
    folder: f,
    level,
    children: folders.filter((c) => c.parentFolderId === f.folderId).map((c) => make(c, level + 1)),
  });
  return folders.filter((f) => !f.parentFolderId || !ids.has(f.parentFolderId)).map((f) => make(f, 1));
}

/** Folders in tree order with their level, for selects ("Flyt til", "Overmappe"). */
export function flattenTree(nodes: FolderNode[]): FolderNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

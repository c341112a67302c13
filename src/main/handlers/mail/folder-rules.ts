import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { FOLDER_LIMITS } from '../../../shared/dp/assumptions';
import { STANDARD_FOLDER_TYPES, isOneOf, type FolderType } from '../../../shared/dp/enums';
import { appRefusal, dpRefusal } from '../../errors';

// Folder rules checked before any request, with the codes Digital Post uses for them (§13.4.1 "Folder"). The
// document prints the codes but not the limits behind their {0}; the limits are assumptions (FOLDER_LIMITS), shared
// with the sandbox.

/** Longest folder name accepted (folder.createOrUpdate.name.size). */
export const FOLDER_NAME_MAX_LENGTH = FOLDER_LIMITS.values.maxNameLength;
/** Deepest nesting: a top-level user folder is level 1 (folder.createOrUpdate.too.many.levels). */
export const FOLDER_MAX_LEVELS = FOLDER_LIMITS.values.maxLevels;
/** Most user-defined folders in one mailbox (folder.create.too.many.folders). */
export const FOLDER_MAX_COUNT = FOLDER_LIMITS.values.maxFolders;
/** Characters a folder name may not contain (folder.createOrUpdate.name.illegal): path and wildcard characters. */
export const FOLDER_NAME_ILLEGAL_CHARACTERS = FOLDER_LIMITS.values.illegalCharacters;

/** The part of a folder-summary row the rules look at. */
export interface FolderNode {
  folderId: string;
  folderType: FolderType;
  name: string;
  parentFolderId?: string;
  /** Missing when the folder summary gave no counts; then Digital Post decides whether it is empty. */
  totalMessages?: number | undefined;
}

const RESOURCE = 'folder';

/** One of the printed standard types; a folder type the client does not know is not refused as standard. */
const isStandard = (node: FolderNode): boolean => isOneOf(STANDARD_FOLDER_TYPES, node.folderType);

/** Trims and checks a new name; returns the name to send. */
export const checkFolderName = (raw: string): string => {
  const name = raw.trim();
  if (name === '') throw dpRefusal('folder.name.notBlank', { resource: RESOURCE, field: 'name', rejectedValue: raw });
  if ([...name].length > FOLDER_NAME_MAX_LENGTH) {
    throw dpRefusal('folder.createOrUpdate.name.size', {
      resource: RESOURCE,
      field: 'name',
      rejectedValue: name,
      args: [FOLDER_NAME_MAX_LENGTH],
    });
  }
  // Control characters are refused with the same code: they cannot be shown in a folder list either.
  // eslint-disable-next-line no-control-regex
  if (FOLDER_NAME_ILLEGAL_CHARACTERS.some((c) => name.includes(c)) || /[\u0000-\u001f\u007f]/.test(name)) {
    throw dpRefusal('folder.createOrUpdate.name.illegal', {
      resource: RESOURCE,
      field: 'name',
      rejectedValue: name,
      args: [FOLDER_NAME_ILLEGAL_CHARACTERS.join(' ')],
    });
  }
  return name;
};

const byId = (nodes: readonly FolderNode[]): Map<string, FolderNode> => new Map(nodes.map((n) => [n.folderId, n]));

/** 1 for a top-level folder; bounded so a corrupt parent cycle cannot hang us. */
export const levelOf = (nodes: readonly FolderNode[], folderId: string): number => {
  const index = byId(nodes);
  let level = 0;
  let current: string | undefined = folderId;
  while (current !== undefined && level <= nodes.length) {
    level += 1;
    current = index.get(current)?.parentFolderId;
  }
  return level;
};

const childrenOf = (nodes: readonly FolderNode[], parentId: string | undefined): FolderNode[] =>
  nodes.filter((n) => n.parentFolderId === parentId);

/** Levels a folder and its subfolders occupy (1 for a folder without subfolders). */
export const heightOf = (nodes: readonly FolderNode[], folderId: string, guard = nodes.length): number => {
  if (guard <= 0) return 1;
  const kids = childrenOf(nodes, folderId);
  return 1 + (kids.length === 0 ? 0 : Math.max(...kids.map((k) => heightOf(nodes, k.folderId, guard - 1))));
};

const isDescendant = (nodes: readonly FolderNode[], candidate: string, ancestor: string): boolean => {
  const index = byId(nodes);
  let current: string | undefined = candidate;
  for (let i = 0; current !== undefined && i <= nodes.length; i += 1) {
    if (current === ancestor) return true;
    current = index.get(current)?.parentFolderId;
  }
  return false;
};

const sameName = (a: string, b: string): boolean =>
  a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');

/** Standard folders live beside user folders but are named by the app, so only user folders can clash. */
const checkUniqueAtLevel = (
  nodes: readonly FolderNode[],
  parentId: string | undefined,
  name: string,
  self?: string,
): void => {
  if (childrenOf(nodes, parentId).some((n) => n.folderId !== self && !isStandard(n) && sameName(n.name, name))) {
    throw dpRefusal('folder.createOrUpdate.name.exists.at.level', {
      resource: RESOURCE,
      field: 'name',
      rejectedValue: name,
      args: [name],
    });
  }
};

/** The parent must exist in this mailbox and be a user folder (standard folders have no subfolders). */
const checkParent = (nodes: readonly FolderNode[], parentId: string): FolderNode => {
  const parent = byId(nodes).get(parentId);
  if (!parent) {
    throw dpRefusal('folder.createOrUpdate.non.existing.parent', {
      resource: RESOURCE,
      field: 'parentFolderId',
      rejectedValue: parentId,
      args: [parentId],
    });
  }
  if (isStandard(parent)) {
    throw dpRefusal('folder.createOrUpdate.standard.parent.not.allowed', {
      resource: RESOURCE,
      field: 'parentFolderId',
      rejectedValue: parentId,
    });
  }
  return parent;
};

const checkLevels = (levels: number, rejectedValue: unknown): void => {
  if (levels > FOLDER_MAX_LEVELS) {
    throw dpRefusal('folder.createOrUpdate.too.many.levels', {
      resource: RESOURCE,
      field: 'parentFolderId',
      rejectedValue,
      args: [FOLDER_MAX_LEVELS],
    });
  }
};

export const checkCreateFolder = (
  nodes: readonly FolderNode[],
  input: { name: string; parentFolderId?: string },
): string => {
  const name = checkFolderName(input.name);
  if (nodes.filter((n) => !isStandard(n)).length >= FOLDER_MAX_COUNT) {
    throw dpRefusal('folder.create.too.many.folders', { resource: RESOURCE, args: [FOLDER_MAX_COUNT] });
  }
  if (input.parentFolderId !== undefined) {
    checkParent(nodes, input.parentFolderId);
    checkLevels(levelOf(nodes, input.parentFolderId) + 1, input.parentFolderId);
  }
  checkUniqueAtLevel(nodes, input.parentFolderId, name);
  return name;
};

const checkUserFolder = (nodes: readonly FolderNode[], folderId: string): FolderNode | undefined => {
  const folder = byId(nodes).get(folderId);
  if (folder && isStandard(folder)) {
    throw dpRefusal('folder.update.standard.folder.may.no.be.updated', {
      resource: RESOURCE,
      field: 'folderType',
      rejectedValue: folder.folderType,
    });
  }
  return folder;
};

/** Returns the name to send. A folder missing from the summary is left to the server (it answers 404). */
export const checkRenameFolder = (nodes: readonly FolderNode[], folderId: string, rawName: string): string => {
  const folder = checkUserFolder(nodes, folderId);
  const name = checkFolderName(rawName);
  if (folder) checkUniqueAtLevel(nodes, folder.parentFolderId, name, folderId);
  return name;
};

export const checkMoveFolder = (
  nodes: readonly FolderNode[],
  folderId: string,
  parentFolderId: string | null,
): void => {
  const folder = checkUserFolder(nodes, folderId);
  if (parentFolderId !== null) {
    if (isDescendant(nodes, parentFolderId, folderId)) {
      throw appRefusal(
        APP_ERROR_CODES.invalidRequest,
        'En mappe kan ikke flyttes ind i sig selv eller en af sine undermapper.',
        [
          {
            resource: RESOURCE,
            field: 'parentFolderId',
            code: APP_ERROR_CODES.folderMoveIntoItself,
            message: 'Ugyldig overmappe.',
            rejectedValue: parentFolderId,
          },
        ],
      );
    }
    checkParent(nodes, parentFolderId);
  }
  if (!folder) return;
  const parentLevel = parentFolderId === null ? 0 : levelOf(nodes, parentFolderId);
  checkLevels(parentLevel + heightOf(nodes, folderId), parentFolderId);
  checkUniqueAtLevel(nodes, parentFolderId ?? undefined, folder.name, folderId);
};

export const checkDeleteFolder = (nodes: readonly FolderNode[], folderId: string): void => {
  const folder = byId(nodes).get(folderId);
  if (!folder) return;
  if (isStandard(folder)) {
    throw dpRefusal('folder.delete.standard.folders.may.not.be.deleted', {
      resource: RESOURCE,
      field: 'folderType',
      rejectedValue: folder.folderType,
    });
  }
  if (childrenOf(nodes, folderId).length > 0) {
    throw dpRefusal('folder.delete.subfolders.exists', { resource: RESOURCE, rejectedValue: folderId });
  }
  if ((folder.totalMessages ?? 0) > 0) {
    throw dpRefusal('folder.delete.messages.exists', { resource: RESOURCE, rejectedValue: folderId });
  }
};

import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { STANDARD_FOLDER_TYPES, isOneOf, type FolderType } from '../../../shared/dp/enums';
import { appRefusal, dpRefusal } from '../../errors';

// Folder rules checked before any request, with the codes Digital Post uses for them (§13.4.1 "Folder"). Only rules
// the document prints are checked here. The limits behind name.size, too.many.levels, too.many.folders and
// name.illegal are not printed (only their {0} is), so they are left to Digital Post and its refusal is shown.

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

/** Each distinct control character in the name, spelled as a code point (U+000A) since it has no glyph. */
const controlCharactersIn = (name: string): string[] => {
  // eslint-disable-next-line no-control-regex
  const found = new Set(name.match(/[\u0000-\u001f\u007f]/g) ?? []);
  return [...found].map((c) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
};

/** Trims and checks a new name; returns the name to send. */
export const checkFolderName = (raw: string): string => {
  const name = raw.trim();
  if (name === '') throw dpRefusal('folder.name.notBlank', { resource: RESOURCE, field: 'name', rejectedValue: raw });
  // A control character cannot be shown in a folder list, so the user could never read back the name they saved;
  // that holds whatever Digital Post's own list of illegal characters is, so it is refused here with its code.
  const control = controlCharactersIn(name);
  if (control.length > 0) {
    throw dpRefusal('folder.createOrUpdate.name.illegal', {
      resource: RESOURCE,
      field: 'name',
      rejectedValue: name,
      args: [control.join(' ')],
    });
  }
  return name;
};

const byId = (nodes: readonly FolderNode[]): Map<string, FolderNode> => new Map(nodes.map((n) => [n.folderId, n]));

const childrenOf = (nodes: readonly FolderNode[], parentId: string | undefined): FolderNode[] =>
  nodes.filter((n) => n.parentFolderId === parentId);

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

export const checkCreateFolder = (
  nodes: readonly FolderNode[],
  input: { name: string; parentFolderId?: string },
): string => {
  const name = checkFolderName(input.name);
  if (input.parentFolderId !== undefined) checkParent(nodes, input.parentFolderId);
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
  if (folder) checkUniqueAtLevel(nodes, parentFolderId ?? undefined, folder.name, folderId);
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

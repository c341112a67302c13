import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import {
  FOLDER_MAX_COUNT,
  FOLDER_MAX_LEVELS,
  FOLDER_NAME_MAX_LENGTH,
  checkCreateFolder,
  checkDeleteFolder,
  checkFolderName,
  checkMoveFolder,
  checkRenameFolder,
  heightOf,
  levelOf,
  type FolderNode,
} from './folder-rules';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFault) return err.appError.code;
    throw err;
  }
  return 'no refusal';
};

const node = (folderId: string, name: string, parentFolderId?: string, totalMessages = 0): FolderNode => ({
  folderId,
  folderType: 'USER_DEFINED',
  name,
  totalMessages,
  ...(parentFolderId ? { parentFolderId } : {}),
});

const tree: FolderNode[] = [
  { folderId: 'inbox', folderType: 'INBOX', name: 'Indbakke', totalMessages: 3 },
  { folderId: 'deleted', folderType: 'DELETED', name: 'Slettet', totalMessages: 0 },
  node('a', 'Bolig'),
  node('b', 'Skat', 'a'),
  node('c', 'Årsopgørelser', 'b', 2),
  node('d', 'Bil'),
];

describe('folder names', () => {
  it('trims and accepts ordinary names', () => {
    expect(checkFolderName('  Ny mappe ')).toBe('Ny mappe');
  });
  it('refuses blank, too long and illegal names with DP codes and Danish messages', () => {
    expect(codeOf(() => checkFolderName('   '))).toBe('folder.name.notBlank');
    expect(codeOf(() => checkFolderName('x'.repeat(FOLDER_NAME_MAX_LENGTH + 1)))).toBe(
      'folder.createOrUpdate.name.size',
    );
    expect(checkFolderName('x'.repeat(FOLDER_NAME_MAX_LENGTH))).toHaveLength(FOLDER_NAME_MAX_LENGTH);
    expect(codeOf(() => checkFolderName('a/b'))).toBe('folder.createOrUpdate.name.illegal');
    expect(() => checkFolderName('a:b')).toThrow(/^Mappens navn må ikke indeholde en af følgende tegn: /);
  });
});

describe('levels', () => {
  it('counts from the top', () => {
    expect(levelOf(tree, 'a')).toBe(1);
    expect(levelOf(tree, 'c')).toBe(3);
    expect(heightOf(tree, 'a')).toBe(3);
    expect(heightOf(tree, 'd')).toBe(1);
  });
});

describe('create', () => {
  it('accepts a new name at a level and refuses a taken one (case-insensitive)', () => {
    expect(checkCreateFolder(tree, { name: 'Skat' })).toBe('Skat');
    expect(codeOf(() => checkCreateFolder(tree, { name: 'skat', parentFolderId: 'a' }))).toBe(
      'folder.createOrUpdate.name.exists.at.level',
    );
    expect(checkCreateFolder(tree, { name: 'indbakke' })).toBe('indbakke');
    expect(codeOf(() => checkCreateFolder(tree, { name: 'BIL' }))).toBe('folder.createOrUpdate.name.exists.at.level');
  });
  it('refuses a missing or standard parent and too deep nesting', () => {
    expect(codeOf(() => checkCreateFolder(tree, { name: 'x', parentFolderId: 'nope' }))).toBe(
      'folder.createOrUpdate.non.existing.parent',
    );
    expect(codeOf(() => checkCreateFolder(tree, { name: 'x', parentFolderId: 'inbox' }))).toBe(
      'folder.createOrUpdate.standard.parent.not.allowed',
    );
    expect(FOLDER_MAX_LEVELS).toBe(3);
    expect(codeOf(() => checkCreateFolder(tree, { name: 'x', parentFolderId: 'c' }))).toBe(
      'folder.createOrUpdate.too.many.levels',
    );
  });
  it('refuses more than the maximum number of folders', () => {
    const many = Array.from({ length: FOLDER_MAX_COUNT }, (_, i) => node(`f${i}`, `Mappe ${i}`));
    expect(codeOf(() => checkCreateFolder(many, { name: 'En til' }))).toBe('folder.create.too.many.folders');
  });
});

describe('rename / move / delete', () => {
  it('refuses to change a standard folder', () => {
    expect(codeOf(() => checkRenameFolder(tree, 'inbox', 'Post'))).toBe(
      'folder.update.standard.folder.may.no.be.updated',
    );
    expect(codeOf(() => checkMoveFolder(tree, 'inbox', 'a'))).toBe('folder.update.standard.folder.may.no.be.updated');
  });
  it('allows renaming to its own name and refuses a sibling name', () => {
    expect(checkRenameFolder(tree, 'a', 'bolig')).toBe('bolig');
    expect(codeOf(() => checkRenameFolder(tree, 'a', 'Bil'))).toBe('folder.createOrUpdate.name.exists.at.level');
  });
  it('refuses moving into itself or a subfolder, past the level limit or onto a taken name', () => {
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'c'))).toBe('app.ipc.invalid-request');
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'a'))).toBe('app.ipc.invalid-request');
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'd'))).toBe('folder.createOrUpdate.too.many.levels');
    expect(codeOf(() => checkMoveFolder([...tree, node('e', 'Skat', 'd')], 'b', 'd'))).toBe(
      'folder.createOrUpdate.name.exists.at.level',
    );
    expect(codeOf(() => checkMoveFolder(tree, 'b', 'd'))).toBe('no refusal');
    expect(codeOf(() => checkMoveFolder(tree, 'c', null))).toBe('no refusal');
  });
  it('refuses deleting standard, non-empty or parent folders', () => {
    expect(codeOf(() => checkDeleteFolder(tree, 'deleted'))).toBe('folder.delete.standard.folders.may.not.be.deleted');
    expect(codeOf(() => checkDeleteFolder(tree, 'a'))).toBe('folder.delete.subfolders.exists');
    expect(codeOf(() => checkDeleteFolder(tree, 'c'))).toBe('folder.delete.messages.exists');
    expect(codeOf(() => checkDeleteFolder(tree, 'd'))).toBe('no refusal');
  });
});

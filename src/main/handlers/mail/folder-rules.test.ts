import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import { FOLDER_LIMITS } from '../../../shared/dp/assumptions';
import {
  checkCreateFolder,
  checkDeleteFolder,
  checkFolderName,
  checkMoveFolder,
  checkRenameFolder,
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
  it('refuses a blank name and control characters with DP codes and Danish messages', () => {
    expect(codeOf(() => checkFolderName('   '))).toBe('folder.name.notBlank');
    expect(codeOf(() => checkFolderName('a\nb'))).toBe('folder.createOrUpdate.name.illegal');
    expect(() => checkFolderName('a\tb\t')).toThrow('Mappens navn må ikke indeholde en af følgende tegn: U+0009');
  });
  it('leaves the guessed limits (length, characters) to Digital Post', () => {
    const long = 'x'.repeat(FOLDER_LIMITS.values.maxNameLength + 1);
    expect(checkFolderName(long)).toBe(long);
    for (const c of FOLDER_LIMITS.values.illegalCharacters) expect(checkFolderName(`a${c}b`)).toBe(`a${c}b`);
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
  it('refuses a missing or standard parent', () => {
    expect(codeOf(() => checkCreateFolder(tree, { name: 'x', parentFolderId: 'nope' }))).toBe(
      'folder.createOrUpdate.non.existing.parent',
    );
    expect(codeOf(() => checkCreateFolder(tree, { name: 'x', parentFolderId: 'inbox' }))).toBe(
      'folder.createOrUpdate.standard.parent.not.allowed',
    );
  });
  it('leaves the guessed depth and folder count to Digital Post', () => {
    // c is at level 3, the guessed maximum: a folder under it is Digital Post's to refuse.
    expect(checkCreateFolder(tree, { name: 'x', parentFolderId: 'c' })).toBe('x');
    const many = Array.from({ length: FOLDER_LIMITS.values.maxFolders }, (_, i) => node(`f${i}`, `Mappe ${i}`));
    expect(checkCreateFolder(many, { name: 'En til' })).toBe('En til');
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
  it('refuses moving into itself or a subfolder or onto a taken name, and leaves the depth to Digital Post', () => {
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'c'))).toBe('app.ipc.invalid-request');
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'a'))).toBe('app.ipc.invalid-request');
    expect(codeOf(() => checkMoveFolder(tree, 'a', 'd'))).toBe('no refusal');
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

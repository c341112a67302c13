import { describe, expect, it } from 'vitest';
import type { FolderSummaryEntry } from '../../shared/dp/resources';
import { canCreateFolder, canDeleteFolder, canMoveFolder, canRenameFolder, moveTargets } from './folder-rules';
import { FOLDER_LIMITS } from '../../shared/dp/assumptions';

const f = (
  folderId: string,
  folderType: FolderSummaryEntry['folderType'],
  name: string,
  parentFolderId?: string,
  totalMessages = 0,
): FolderSummaryEntry => ({
  folderId,
  folderType,
  name,
  totalMessages,
  unreadMessages: 0,
  ...(parentFolderId ? { parentFolderId } : {}),
});

const folders = [
  f('inbox', 'INBOX', 'Inbox'),
  f('drafts', 'DRAFTS', 'Drafts'),
  f('sent', 'SENT', 'Sent'),
  f('deleted', 'DELETED', 'Deleted'),
  f('a', 'USER_DEFINED', 'Arkiv'),
  f('a1', 'USER_DEFINED', 'Bolig', 'a', 2),
  f('a11', 'USER_DEFINED', 'Lån', 'a1'),
  f('b', 'USER_DEFINED', 'Bil'),
];

const code = (r: ReturnType<typeof canCreateFolder>) => (r.ok ? 'ok' : r.code);

describe('folder rules', () => {
  it('checks names: blank, control characters, unique per level (case-insensitive)', () => {
    expect(code(canCreateFolder(folders, '  ', null))).toBe('folder.name.notBlank');
    const control = canCreateFolder(folders, 'a\u0000b\u001f', null);
    expect(control.ok ? '' : control.message).toBe('Mappens navn må ikke indeholde en af følgende tegn: U+0000 U+001F');
    expect(code(canCreateFolder(folders, 'arkiv', null))).toBe('folder.createOrUpdate.name.exists.at.level');
    expect(code(canCreateFolder(folders, 'Arkiv', 'b'))).toBe('ok');
    const refused = canCreateFolder(folders, 'bil', null);
    expect(refused.ok ? '' : refused.message).toBe('Der findes allerede en mappe der hedder bil på dette niveau.');
  });

  it('keeps standard folders immutable and out of the tree as parents', () => {
    expect(code(canCreateFolder(folders, 'Sub', 'inbox'))).toBe('folder.createOrUpdate.standard.parent.not.allowed');
    expect(code(canRenameFolder(folders, 'inbox', 'Post'))).toBe('folder.update.standard.folder.may.no.be.updated');
    expect(code(canMoveFolder(folders, 'sent', 'a'))).toBe('folder.update.standard.folder.may.no.be.updated');
    expect(code(canDeleteFolder(folders, 'deleted'))).toBe('folder.delete.standard.folders.may.not.be.deleted');
  });

  it('leaves the guessed limits (name length, characters, depth) to Digital Post', () => {
    expect(code(canCreateFolder(folders, 'x'.repeat(FOLDER_LIMITS.values.maxNameLength + 1), null))).toBe('ok');
    for (const c of FOLDER_LIMITS.values.illegalCharacters)
      expect(code(canCreateFolder(folders, `a${c}b`, null))).toBe('ok');
    // a11 sits at level 3, the guessed maximum; moving a (3 levels) under b makes 4.
    expect(code(canCreateFolder(folders, 'Dybt', 'a11'))).toBe('ok');
    expect(code(canMoveFolder(folders, 'a', 'b'))).toBe('ok');
  });

  it('refuses moving a folder into itself or its own subfolder', () => {
    expect(code(canMoveFolder(folders, 'a', 'a11'))).toBe('folder.createOrUpdate.non.existing.parent');
    expect(code(canMoveFolder(folders, 'a', 'a'))).toBe('folder.createOrUpdate.non.existing.parent');
    expect(code(canMoveFolder(folders, 'a11', 'b'))).toBe('ok');
  });

  it('refuses to delete folders with messages or subfolders', () => {
    expect(code(canDeleteFolder(folders, 'a'))).toBe('folder.delete.subfolders.exists');
    expect(
      code(
        canDeleteFolder(
          folders.filter((x) => x.folderId !== 'a11'),
          'a1',
        ),
      ),
    ).toBe('folder.delete.messages.exists');
    expect(code(canDeleteFolder(folders, 'b'))).toBe('ok');
  });

  it('offers only the move targets the message state allows', () => {
    const ids = (state: 'RECEIVED' | 'DRAFT' | 'SENT', canDelete = true) =>
      moveTargets(folders, { folderId: 'x', messageState: state }, canDelete).map((t) => t.folderId);
    expect(ids('RECEIVED')).toEqual(['inbox', 'deleted', 'a', 'a1', 'a11', 'b']);
    expect(ids('DRAFT')).toEqual(['drafts', 'deleted', 'a', 'a1', 'a11', 'b']);
    expect(ids('SENT')).toEqual(['sent', 'deleted', 'a', 'a1', 'a11', 'b']);
    expect(ids('RECEIVED', false)).not.toContain('deleted');
  });
});

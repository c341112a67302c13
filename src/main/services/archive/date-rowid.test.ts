import { afterEach, describe, expect, it } from 'vitest';
import { searchArchive } from './archive-search';
import { checkSearchIndex, fakeMessage, putLetters, tempArchive, type TempArchive } from './archive.test-support';
import { baseOfRowid, dateBase } from './date-rowid';

let archive: TempArchive | undefined;
afterEach(() => archive?.dispose());

const rowidOf = (a: TempArchive, id: string): number =>
  a.db.prepare('SELECT rowid FROM messages WHERE id = ?').pluck().get(id) as number;
const ftsRows = (a: TempArchive): number => a.db.prepare('SELECT count(*) FROM messages_fts').pluck().get() as number;

describe('rowids in date order', () => {
  it('letters of the same second get their own rowids, newest second first', () => {
    archive = tempArchive();
    const at = '2026-02-01T12:00:00Z';
    putLetters(archive.store, [
      { message: fakeMessage({ id: 'a', date: at, label: 'ens' }) },
      { message: fakeMessage({ id: 'b', date: at, label: 'ens' }) },
      { message: fakeMessage({ id: 'old', date: '2019-05-05T00:00:00Z', label: 'ens' }) },
      { message: { ...fakeMessage({ id: 'undated', label: 'ens' }), messageDateTime: undefined } },
    ]);
    expect(baseOfRowid(rowidOf(archive, 'a'))).toBe(dateBase(at));
    expect(rowidOf(archive, 'b')).toBe(rowidOf(archive, 'a') + 1);
    expect(searchArchive(archive.db, { text: 'ens' }).hits.map((h) => h.message.id)).toEqual([
      'b',
      'a',
      'old',
      'undated',
    ]);
  });

  it('a letter whose date changes moves to its new place, once, with its files and text', () => {
    archive = tempArchive();
    const letter = fakeMessage({
      id: 'm',
      date: '2025-01-01T00:00:00Z',
      files: [{ filename: 'b.txt', encodingFormat: 'text/plain' }],
    });
    putLetters(archive.store, [{ message: letter, contents: [{ bytes: Buffer.from('flyttet'), text: 'flyttet' }] }]);
    const before = rowidOf(archive, 'm');
    putLetters(archive.store, [{ message: { ...letter, version: 2, messageDateTime: '2026-06-01T00:00:00Z' } }]);
    expect(rowidOf(archive, 'm')).not.toBe(before);
    expect(baseOfRowid(rowidOf(archive, 'm'))).toBe(dateBase('2026-06-01T00:00:00Z'));
    expect(ftsRows(archive)).toBe(1);
    expect(archive.store.message('m')?.raw).toContain('2026-06-01');
    expect(searchArchive(archive.db, { text: 'flyttet' }).hits.map((h) => h.message.id)).toEqual(['m']);
    checkSearchIndex(archive.db);
  });
});

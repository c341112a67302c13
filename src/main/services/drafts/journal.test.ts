import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDraftJournal } from './journal';
import { KeyedQueue } from './keyed-queue';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (html: string, messageId = 'm-1') => ({
  mailboxId: 'mb-1',
  messageId,
  html,
  label: 'Overskrift',
  baseFileVersion: 3,
});

describe('draft journal', () => {
  it('has the words on disk when write resolves, one file per draft, no temp files left', async () => {
    const journal = createDraftJournal(dir);
    const record = await journal.write(entry('<p>Hej</p>'));
    const files = await readdir(dir);
    expect(files).toEqual(['mb-1__m-1.draft.json']);
    expect(JSON.parse(await readFile(join(dir, files[0]!), 'utf8'))).toEqual(record);
    expect(record).toMatchObject({ html: '<p>Hej</p>', baseFileVersion: 3, savedAt: expect.any(String) });
    // Private post: readable by the owner only.
    if (process.platform !== 'win32') expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);
  });

  it('keeps the last of many quick writes (writes of one draft are ordered)', async () => {
    const journal = createDraftJournal(dir);
    await Promise.all(Array.from({ length: 25 }, (_, i) => journal.write(entry(`<p>${i}</p>`))));
    expect((await journal.get('mb-1', 'm-1'))?.html).toBe('<p>24</p>');
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('a rebase moves the base of the words it names, never of newer words, and keeps their format', async () => {
    const journal = createDraftJournal(dir);
    const older = await journal.write({ ...entry('Tekst'), format: 'text' });
    expect(await journal.rebase('mb-1', 'm-1', older.seq, 7)).toBe(true);
    expect(await journal.get('mb-1', 'm-1')).toMatchObject({
      format: 'text',
      html: 'Tekst',
      baseFileVersion: 7,
      seq: older.seq,
    });
    await journal.write(entry('<p>nyere</p>'));
    expect(await journal.rebase('mb-1', 'm-1', older.seq, 9)).toBe(false);
    expect((await journal.get('mb-1', 'm-1'))?.baseFileVersion).toBe(3);
  });

  it('a confirmation clears only the words it confirmed; newer words are rebased onto the confirmed version', async () => {
    const journal = createDraftJournal(dir);
    const older = await journal.write(entry('<p>a</p>'));
    const newer = await journal.write(entry('<p>ab</p>'));
    expect(newer.seq).toBeGreaterThan(older.seq);
    expect(await journal.confirm('mb-1', 'm-1', older.seq, 4)).toBe(false);
    expect(await journal.get('mb-1', 'm-1')).toMatchObject({ html: '<p>ab</p>', baseFileVersion: 4 });
    expect(await journal.confirm('mb-1', 'm-1', newer.seq, 5)).toBe(true);
    expect(await journal.get('mb-1', 'm-1')).toBeUndefined();
    expect(await readdir(dir)).toEqual([]);
  });

  it('survives a restart: a new instance lists the entries, newest first, and writes after them', async () => {
    const first = createDraftJournal(dir);
    const a = await first.write(entry('<p>første</p>', 'm-1'));
    await first.write(entry('<p>anden</p>', 'm-2'));
    const second = createDraftJournal(dir, () => new Date(0));
    expect((await second.list()).map((r) => r.messageId)).toEqual(['m-2', 'm-1']);
    // Even with a clock that went backwards, the new entry orders after what was on disk for this run.
    const again = await second.write(entry('<p>tredje</p>', 'm-1'));
    expect(again.seq).toBeGreaterThan(a.seq);
    expect(await second.confirm('mb-1', 'm-1', a.seq)).toBe(false);
    expect((await second.get('mb-1', 'm-1'))?.html).toBe(again.html);
  });

  it('ignores unreadable files and refuses ids that could leave its folder', async () => {
    const journal = createDraftJournal(dir);
    await writeFile(join(dir, 'x__y.draft.json'), '{not json');
    await writeFile(join(dir, 'a__b.draft.json'), JSON.stringify({ html: 1 }));
    expect(await journal.list()).toEqual([]);
    expect(() => journal.write(entry('x', '../../etc'))).toThrow();
    expect(await createDraftJournal(join(dir, 'missing')).list()).toEqual([]);
  });

  it('remove reports whether there was an entry', async () => {
    const journal = createDraftJournal(dir);
    await journal.write(entry('x'));
    expect(await journal.remove('mb-1', 'm-1')).toBe(true);
    expect(await journal.remove('mb-1', 'm-1')).toBe(false);
  });
});

describe('KeyedQueue', () => {
  it('runs one key in order, other keys alongside, and goes on after a failure', async () => {
    const q = new KeyedQueue();
    const log: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = q.run('a', async () => {
      await gate;
      log.push('a1');
    });
    const a2 = q.run('a', async () => {
      log.push('a2');
      throw new Error('boom');
    });
    const a3 = q.run('a', async () => log.push('a3'));
    await q.run('b', async () => log.push('b1'));
    expect(log).toEqual(['b1']);
    release();
    await a1;
    await expect(a2).rejects.toThrow('boom');
    await a3;
    await q.idle('a');
    expect(log).toEqual(['b1', 'a1', 'a2', 'a3']);
  });
});

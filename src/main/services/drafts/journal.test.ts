import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createDiskStore, createDraftJournal, createMemoryStore, legacyPlainCodec, type JournalCodec } from './journal';
import { KeyedQueue } from './keyed-queue';
import { createSealedCodec, deriveJournalKeys } from './sealed-codec';

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

const sealed = createSealedCodec(deriveJournalKeys(randomBytes(32)), 'sandbox', 'a1b2c3');
const codecs: [string, JournalCodec][] = [
  ['sealed', sealed],
  ['legacy plain', legacyPlainCodec],
];

describe.each(codecs)('draft journal on disk (%s)', (name, codec) => {
  const createJournal = (at: string, now?: () => Date) => createDraftJournal(createDiskStore(at, codec), now);

  it('has the words on disk when write resolves, one file per draft, no temp files left', async () => {
    const journal = createJournal(dir);
    const record = await journal.write(entry('<p>Hej</p>'));
    const files = await readdir(dir);
    expect(files).toEqual([`${codec.stemOf('mb-1', 'm-1')}${codec.suffix}`]);
    const onDisk = await readFile(join(dir, files[0]!));
    if (name === 'legacy plain') expect(JSON.parse(onDisk.toString('utf8'))).toEqual(record);
    expect(codec.decode(codec.stemOf('mb-1', 'm-1'), onDisk)).toEqual(record);
    expect(record).toMatchObject({ html: '<p>Hej</p>', baseFileVersion: 3, savedAt: expect.any(String) });
    // Private post: readable by the owner only.
    if (process.platform !== 'win32') expect((await stat(join(dir, files[0]!))).mode & 0o777).toBe(0o600);
  });

  it('keeps the last of many quick writes (writes of one draft are ordered)', async () => {
    const journal = createJournal(dir);
    await Promise.all(Array.from({ length: 25 }, (_, i) => journal.write(entry(`<p>${i}</p>`))));
    expect((await journal.get('mb-1', 'm-1'))?.html).toBe('<p>24</p>');
    expect(await readdir(dir)).toHaveLength(1);
  });

  it('a rebase moves the base of the words it names, never of newer words, and keeps their format', async () => {
    const journal = createJournal(dir);
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
    const journal = createJournal(dir);
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
    const first = createJournal(dir);
    const a = await first.write(entry('<p>første</p>', 'm-1'));
    await first.write(entry('<p>anden</p>', 'm-2'));
    const second = createJournal(dir, () => new Date(0));
    expect((await second.list()).map((r) => r.messageId)).toEqual(['m-2', 'm-1']);
    // Even with a clock that went backwards, the new entry orders after what was on disk for this run.
    const again = await second.write(entry('<p>tredje</p>', 'm-1'));
    expect(again.seq).toBeGreaterThan(a.seq);
    expect(await second.confirm('mb-1', 'm-1', a.seq)).toBe(false);
    expect((await second.get('mb-1', 'm-1'))?.html).toBe(again.html);
  });

  it('ignores unreadable files and refuses ids that could leave its folder', async () => {
    const journal = createJournal(dir);
    await writeFile(join(dir, `x__y${codec.suffix}`), '{not json');
    await writeFile(join(dir, `a__b${codec.suffix}`), JSON.stringify({ html: 1 }));
    expect(await journal.list()).toEqual([]);
    expect(() => journal.write(entry('x', '../../etc'))).toThrow();
    expect(await createJournal(join(dir, 'missing')).list()).toEqual([]);
  });

  it('remove reports whether there was an entry', async () => {
    const journal = createJournal(dir);
    await journal.write(entry('x'));
    expect(await journal.remove('mb-1', 'm-1')).toBe(true);
    expect(await journal.remove('mb-1', 'm-1')).toBe(false);
  });
});

describe('draft journal in memory', () => {
  it('orders, confirms and rebases as on disk, and writes nothing anywhere', async () => {
    const journal = createDraftJournal(createMemoryStore());
    const older = await journal.write(entry('<p>a</p>'));
    const newer = await journal.write(entry('<p>ab</p>'));
    expect(await journal.confirm('mb-1', 'm-1', older.seq, 4)).toBe(false);
    expect(await journal.get('mb-1', 'm-1')).toMatchObject({ html: '<p>ab</p>', baseFileVersion: 4 });
    expect((await journal.list()).map((r) => r.seq)).toEqual([newer.seq]);
    expect(await journal.confirm('mb-1', 'm-1', newer.seq)).toBe(true);
    expect(await journal.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('adopts an entry from elsewhere with its order, unless newer words are kept', async () => {
    const journal = createDraftJournal(createMemoryStore());
    const kept = await journal.write(entry('<p>ny</p>'));
    expect(await journal.adopt({ ...kept, html: '<p>gammel</p>', seq: kept.seq - 1 })).toBe(false);
    expect(await journal.adopt({ ...kept, messageId: 'm-2', html: '<p>andet</p>' })).toBe(true);
    expect((await journal.list()).map((r) => r.html).sort()).toEqual(['<p>andet</p>', '<p>ny</p>']);
    // Writes after an adopted entry still order after it.
    expect((await journal.write(entry('x', 'm-2'))).seq).toBeGreaterThan(kept.seq);
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

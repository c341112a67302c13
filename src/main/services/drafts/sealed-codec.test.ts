import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDiskStore, createDraftJournal, type JournalRecord } from './journal';
import { createSealedCodec, deriveJournalKeys, ownerTagOf } from './sealed-codec';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-sealed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SUBJECT = 'Klage over min skatteansættelse';
const BODY = 'Jeg har modtaget en forkert årsopgørelse for 2025.';
const record: JournalRecord = {
  mailboxId: 'mb-1',
  messageId: 'm-1',
  label: SUBJECT,
  format: 'text',
  html: BODY,
  savedAt: '2026-01-02T03:04:05.000Z',
  seq: 17,
};

const keys = deriveJournalKeys(randomBytes(32));
const codec = createSealedCodec(keys, 'test', 'owner-a');
const stem = codec.stemOf('mb-1', 'm-1');

describe('sealed journal entries', () => {
  it('holds none of the subject or body bytes, and a fresh IV for every write', async () => {
    const journal = createDraftJournal(createDiskStore(dir, codec));
    await journal.write({ mailboxId: 'mb-1', messageId: 'm-1', label: SUBJECT, format: 'text', html: BODY });
    const [name] = await readdir(dir);
    const first = await readFile(join(dir, name!));
    await journal.write({ mailboxId: 'mb-1', messageId: 'm-1', label: SUBJECT, format: 'text', html: BODY });
    const second = await readFile(join(dir, name!));
    for (const data of [first, second]) {
      for (const words of [SUBJECT, BODY, 'skatteansættelse', 'årsopgørelse', 'mb-1', 'm-1']) {
        expect(data.includes(Buffer.from(words, 'utf8'))).toBe(false);
        expect(data.includes(Buffer.from(words, 'latin1'))).toBe(false);
      }
    }
    // Same words, new IV: nothing about the file says whether the words changed.
    expect(first.subarray(4, 16).equals(second.subarray(4, 16))).toBe(false);
    expect(name).not.toContain('mb-1');
    expect((await journal.get('mb-1', 'm-1'))?.html).toBe(BODY);
  });

  it('refuses a tampered entry, another key, another person, another environment or another draft — without throwing', () => {
    const sealed = Buffer.from(codec.encode(stem, record));
    expect(codec.decode(stem, sealed)).toEqual(record);
    for (const at of [5, 20, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[at] = tampered[at]! ^ 0x01;
      expect(codec.decode(stem, tampered)).toBeUndefined();
    }
    expect(codec.decode(stem, sealed.subarray(0, 20))).toBeUndefined();
    expect(codec.decode(stem, Buffer.from(JSON.stringify(record)))).toBeUndefined();
    expect(
      createSealedCodec(deriveJournalKeys(randomBytes(32)), 'test', 'owner-a').decode(stem, sealed),
    ).toBeUndefined();
    expect(createSealedCodec(keys, 'test', 'owner-b').decode(stem, sealed)).toBeUndefined();
    expect(createSealedCodec(keys, 'prod', 'owner-a').decode(stem, sealed)).toBeUndefined();
    expect(codec.decode(codec.stemOf('mb-1', 'm-2'), sealed)).toBeUndefined();
  });

  it('an entry copied into another person’s folder is not shown there', async () => {
    const mine = createDraftJournal(createDiskStore(join(dir, 'a'), codec));
    await mine.write({ mailboxId: 'mb-1', messageId: 'm-1', html: BODY });
    const other = createSealedCodec(keys, 'test', 'owner-b');
    const [name] = await readdir(join(dir, 'a'));
    // Renamed to what the other person's entry for the same draft would be called.
    await writeFile(join(dir, `${other.stemOf('mb-1', 'm-1')}${other.suffix}`), await readFile(join(dir, 'a', name!)));
    const theirs = createDraftJournal(createDiskStore(dir, other));
    expect(await theirs.list()).toEqual([]);
    expect(await theirs.get('mb-1', 'm-1')).toBeUndefined();
  });

  it('names a person by a keyed hash: stable, per environment, and not the sub', () => {
    const sub = '5f0c3a2e-6a3b-4d1e-9c7a-1b2d3e4f5a61';
    const tag = ownerTagOf(keys, 'test', sub);
    expect(tag).toMatch(/^[0-9a-f]{32}$/);
    expect(ownerTagOf(keys, 'test', sub)).toBe(tag);
    expect(ownerTagOf(keys, 'prod', sub)).not.toBe(tag);
    expect(ownerTagOf(keys, 'test', '0101701231')).not.toBe(tag);
    expect(ownerTagOf(deriveJournalKeys(randomBytes(32)), 'test', sub)).not.toBe(tag);
    expect(tag).not.toContain(sub.slice(0, 8));
  });
});

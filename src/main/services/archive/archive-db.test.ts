import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openArchiveDatabase } from './archive-db';
import { ArchiveUnavailable } from './archive-errors';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { checkSearchIndex, fakeMessage, putLetters, tempArchive, type TempArchive } from './archive.test-support';
import { searchArchive } from './archive-search';

let archive: TempArchive | undefined;
afterEach(() => {
  archive?.dispose();
  archive = undefined;
});

/** Every byte SQLite keeps for the archive: the file and its WAL/SHM companions. */
const rawBytes = (dir: string): Buffer => Buffer.concat(readdirSync(dir).map((name) => readFileSync(join(dir, name))));

describe('the archive file', () => {
  it('holds no subject, name, CPR or document text in plain text, and is not even recognisably SQLite', () => {
    archive = tempArchive();
    putLetters(archive.store, [
      {
        message: {
          ...fakeMessage({
            label: 'Hemmeligt emne Zebrafinke',
            sender: 'Afsender Kvækerhus',
            recipient: 'Lone Ørnebjerg',
          }),
          recipient: { recipientId: '0101901234', recipientIdType: 'CPR', label: 'Lone Ørnebjerg' },
        },
        contents: [{ bytes: Buffer.from('Brødtekst Papegøjeøkonomi 0101901234'), text: 'Brødtekst Papegøjeøkonomi' }],
      },
    ]);
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    const raw = rawBytes(archive.dir);
    expect(raw.length).toBeGreaterThan(4096);
    for (const secret of ['Zebrafinke', 'Kvækerhus', 'Ørnebjerg', '0101901234', 'Papegøjeøkonomi', 'SQLite format 3']) {
      expect(raw.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
      expect(raw.includes(Buffer.from(secret, 'utf16le')), secret).toBe(false);
    }
    // …while the archive itself finds it, so the test above is not passing on an empty file.
    expect(searchArchive(archive.db, { text: 'zebrafinke' }).total).toBe(1);
  });

  it('does not open with another key, and says so with a reason', () => {
    archive = tempArchive();
    putLetters(archive.store, [{ message: fakeMessage() }]);
    archive.db.close();
    let error: unknown;
    try {
      openArchiveDatabase({ file: archive.file, key: randomBytes(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ArchiveUnavailable);
    expect((error as ArchiveUnavailable).reason).toBe('wrong-key');
    // The right key still opens it: the failure was the key, not damage.
    const again = openArchiveDatabase({ file: archive.file, key: archive.key });
    expect(again.prepare('SELECT count(*) AS n FROM messages').get()).toEqual({ n: 1 });
    again.close();
  });
});

describe('schema migrations', () => {
  it('brings a v1 file forward, keeping its messages and making them searchable', () => {
    archive = tempArchive();
    archive.db.close();
    const file = join(archive.dir, 'v1.db');
    const v1 = openArchiveDatabase({ file, key: archive.key, migrations: MIGRATIONS.slice(0, 1) });
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    const raw = JSON.stringify({ id: 'm1', legallyNotified: true, label: 'Årsopgørelse' });
    v1.prepare(
      `INSERT INTO messages (id, mailbox_id, subject, sender_label, raw) VALUES ('m1', 'mb', 'Årsopgørelse', 'Skat', ?)`,
    ).run(raw);
    v1.prepare(
      `INSERT INTO files (id, message_id, document_id, filename, position, content, text)
       VALUES ('f1', 'm1', 'd1', 'brev.pdf', 0, x'00', 'Restskat betales'), ('f2', 'm1', 'd2', 'bilag.csv', 1, NULL, NULL)`,
    ).run();
    v1.close();

    const migrated = openArchiveDatabase({ file, key: archive.key });
    expect(migrated.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const row = migrated
      .prepare('SELECT legally_notified, has_attachments FROM messages WHERE id = ?')
      .get('m1') as Record<string, number>;
    expect(row).toEqual({ legally_notified: 1, has_attachments: 1 });
    const states = migrated.prepare('SELECT id, content_state FROM files ORDER BY id').all();
    expect(states).toEqual([
      { id: 'f1', content_state: 'done' },
      { id: 'f2', content_state: 'pending' },
    ]);
    expect(searchArchive(migrated, { text: 'restskat' }).hits.map((h) => h.message.id)).toEqual(['m1']);
    expect(searchArchive(migrated, { text: 'bilag' }).total).toBe(1);
    checkSearchIndex(migrated);
    migrated.close();
  });

  it('refuses a file from a newer release instead of damaging it', () => {
    archive = tempArchive();
    archive.db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    archive.db.close();
    expect(() => openArchiveDatabase({ file: archive!.file, key: archive!.key })).toThrow(
      expect.objectContaining({ reason: 'newer-schema' }),
    );
  });
});

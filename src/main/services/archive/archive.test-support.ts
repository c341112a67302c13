import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openArchiveDatabase, type ArchiveDatabase } from './archive-db';
import { ArchiveStore } from './archive-store';
import { toArchivedMessage } from './message-record';

/** A fresh encrypted archive in a temp folder, for tests and the benchmark. */
export interface TempArchive {
  dir: string;
  file: string;
  key: Buffer;
  db: ArchiveDatabase;
  store: ArchiveStore;
  dispose(): void;
}

export const tempArchive = (): TempArchive => {
  const dir = mkdtempSync(join(tmpdir(), 'dp-archive-'));
  const file = join(dir, 'archive.db');
  const key = randomBytes(32);
  const db = openArchiveDatabase({ file, key });
  return {
    dir,
    file,
    key,
    db,
    store: new ArchiveStore(db),
    dispose: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

let counter = 0;

export interface FakeLetter {
  id?: string;
  mailboxId?: string;
  folderId?: string;
  label?: string;
  sender?: string;
  recipient?: string;
  note?: string;
  date?: string;
  read?: boolean;
  flag?: boolean;
  legallyNotified?: boolean;
  files?: { filename: string; encodingFormat: string; documentType?: string }[];
  version?: number;
}

/** A message as the API returns it (§6.9 shape), with one document per file. */
export const fakeMessage = (l: FakeLetter = {}): Record<string, unknown> => {
  counter += 1;
  const id = l.id ?? `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  return {
    id,
    version: l.version ?? 1,
    mailboxId: l.mailboxId ?? 'mb-1',
    folderId: l.folderId ?? 'inbox',
    lastUpdated: l.date ?? '2026-01-02T10:00:00Z',
    messageDateTime: l.date ?? '2026-01-02T10:00:00Z',
    messageType: 'REGULAR',
    label: l.label ?? 'Brev',
    forward: false,
    reply: false,
    flag: l.flag ?? false,
    legallyNotified: l.legallyNotified ?? false,
    read: l.read ?? false,
    welcomeMessage: false,
    errorMessage: false,
    ...(l.note !== undefined ? { note: l.note } : {}),
    sender: { senderId: '12345678', senderIdType: 'CVR', label: l.sender ?? 'Skattestyrelsen' },
    recipient: { recipientId: '010190****', recipientIdType: 'CPR', label: l.recipient ?? 'Lone Hansen' },
    documents: (l.files ?? []).map((f, i) => ({
      id: `${id}-d${i}`,
      version: 1,
      documentType: f.documentType ?? (i === 0 ? 'MAIN' : 'ADDITIONAL'),
      files: [{ id: `${id}-f${i}`, version: 1, filename: f.filename, encodingFormat: f.encodingFormat }],
    })),
  };
};

/** Stores messages as a sync would, and the given file bytes and texts. */
export const putLetters = (
  store: ArchiveStore,
  letters: { message: Record<string, unknown>; contents?: { bytes: Buffer; text: string | null }[] }[],
): void => {
  const mailboxes = new Set<string>();
  for (const { message, contents } of letters) {
    const record = toArchivedMessage(message, 'mb-1')!;
    if (!mailboxes.has(record.mailboxId)) store.setMailboxOption(record.mailboxId, true);
    mailboxes.add(record.mailboxId);
    store.storePage(record.mailboxId, [record], undefined);
    record.files.forEach((f, i) => {
      const c = contents?.[i];
      if (c) store.storeContent({ messageId: record.id, documentId: f.documentId, id: f.id }, c.bytes, c.text);
    });
  }
};

/** FTS5's own check that the index matches the rows it is computed from; throws when it does not. */
export const checkSearchIndex = (db: ArchiveDatabase): void => {
  db.prepare(`INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)`).run();
};

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KeyedQueue } from './keyed-queue';

// The local draft journal: the latest words of each draft, on disk before any request carries them, until Digital
// Post has confirmed them. One file per draft, replaced atomically, so a crash leaves either the old or the new
// words and never half of them.

const SafeId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);

export const JournalRecordSchema = z.object({
  mailboxId: SafeId,
  messageId: SafeId,
  /** The MAIN document and file the words belong to, when known. */
  documentId: z.string().optional(),
  fileId: z.string().optional(),
  /** The server file version the words were written on top of (If-Match of their upload). */
  baseFileVersion: z.number().int().optional(),
  /** The subject as the user last typed it, to name the draft in the "restore?" list. */
  label: z.string().optional(),
  /** 'text' for a plain-text draft; absent in entries written before plain text existed, which are html. */
  format: z.enum(['html', 'text']).optional(),
  /** The words: STRICT html, or the plain text itself when `format` is 'text'. */
  html: z.string(),
  savedAt: z.string(),
  /** Orders writes: a confirmation only clears the entry it confirmed, never newer words. */
  seq: z.number(),
});
export type JournalRecord = z.infer<typeof JournalRecordSchema>;
export type JournalInput = Omit<JournalRecord, 'savedAt' | 'seq'>;

export interface DraftJournal {
  /** Writes the words to disk; resolves once they are there. */
  write(input: JournalInput): Promise<JournalRecord>;
  /**
   * The server confirmed the words of `seq` as `fileVersion`: drop the entry, unless newer words were journalled
   * meanwhile — those now build on `fileVersion`, which becomes their base.
   */
  confirm(mailboxId: string, messageId: string, seq: number, fileVersion?: number): Promise<boolean>;
  /**
   * A step of uploading the words of `seq` landed (a format switch) but the words are not confirmed yet: they now
   * build on `fileVersion`. Newer words are left alone.
   */
  rebase(mailboxId: string, messageId: string, seq: number, fileVersion: number): Promise<boolean>;
  get(mailboxId: string, messageId: string): Promise<JournalRecord | undefined>;
  list(): Promise<JournalRecord[]>;
  remove(mailboxId: string, messageId: string): Promise<boolean>;
}

const SUFFIX = '.draft.json';

/**
 * Temp file, fsync, rename, fsync of the folder: after a crash or a power cut the entry holds the old words or the
 * new ones, never an empty file (a rename alone can reach the disk before the data does). Owner-only: drafts are
 * private post.
 */
const writeDurably = async (path: string, dir: string, data: string): Promise<void> => {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  // Not every platform can open a folder for fsync (Windows); the rename is already done, so this is best effort.
  const folder = await open(dir, 'r').catch(() => undefined);
  if (folder)
    await folder
      .sync()
      .catch(() => undefined)
      .finally(() => folder.close());
};

export const createDraftJournal = (dir: string, now: () => Date = () => new Date()): DraftJournal => {
  const queue = new KeyedQueue();
  let lastSeq = 0;
  const nextSeq = (): number => {
    // Above anything written before a restart (time based) and strictly increasing within this run.
    lastSeq = Math.max(lastSeq + 1, now().getTime() * 1000);
    return lastSeq;
  };

  const key = (mailboxId: string, messageId: string): string =>
    `${SafeId.parse(mailboxId)}__${SafeId.parse(messageId)}`;
  const fileOf = (k: string): string => join(dir, `${k}${SUFFIX}`);

  const read = async (path: string): Promise<JournalRecord | undefined> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw err;
    }
    try {
      const parsed = JournalRecordSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };

  const readKey = (k: string) => read(fileOf(k));

  return {
    write(input) {
      const k = key(input.mailboxId, input.messageId);
      return queue.run(k, async () => {
        // After what is on disk even if the clock went back since an earlier run wrote it.
        const onDisk = await readKey(k);
        const record: JournalRecord = {
          ...input,
          savedAt: now().toISOString(),
          seq: Math.max(nextSeq(), (onDisk?.seq ?? 0) + 1),
        };
        lastSeq = Math.max(lastSeq, record.seq);
        await writeDurably(fileOf(k), dir, JSON.stringify(record));
        return record;
      });
    },

    confirm(mailboxId, messageId, seq, fileVersion) {
      const k = key(mailboxId, messageId);
      return queue.run(k, async () => {
        const current = await readKey(k);
        if (!current) return false;
        if (current.seq !== seq) {
          if (current.seq > seq && fileVersion !== undefined) {
            await writeDurably(fileOf(k), dir, JSON.stringify({ ...current, baseFileVersion: fileVersion }));
          }
          return false;
        }
        await rm(fileOf(k), { force: true });
        return true;
      });
    },

    rebase(mailboxId, messageId, seq, fileVersion) {
      const k = key(mailboxId, messageId);
      return queue.run(k, async () => {
        const current = await readKey(k);
        if (!current || current.seq !== seq) return false;
        await writeDurably(fileOf(k), dir, JSON.stringify({ ...current, baseFileVersion: fileVersion }));
        return true;
      });
    },

    get(mailboxId, messageId) {
      const k = key(mailboxId, messageId);
      return queue.run(k, () => readKey(k));
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
      const records = await Promise.all(
        names
          .filter((n) => n.endsWith(SUFFIX))
          .map((n) => queue.run(n.slice(0, -SUFFIX.length), () => read(join(dir, n)))),
      );
      return records.filter((r): r is JournalRecord => r !== undefined).sort((a, b) => b.seq - a.seq);
    },

    remove(mailboxId, messageId) {
      const k = key(mailboxId, messageId);
      return queue.run(k, async () => {
        const existed = (await readKey(k)) !== undefined;
        await rm(fileOf(k), { force: true });
        return existed;
      });
    },
  };
};

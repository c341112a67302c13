import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { IdSchema } from '../../../shared/ipc/ids';
import { writeDurably } from './durable-write';
import { KeyedQueue } from './keyed-queue';

// The local draft journal: the latest words of each draft, kept before any request carries them, until Digital Post
// has confirmed them. One entry per draft, replaced atomically, so a crash leaves either the old or the new words
// and never half of them. Where and how an entry is kept (sealed on disk, or in memory only) is the store's business.

/** Ids become file names and sealed-name tags, so they take the contract's id shape (no path characters). */
export const SafeId = IdSchema;

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
  /** Keeps the words; resolves once they are kept (on disk, for a disk store). */
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

/** Where entries live. `stem` names one draft's entry; a store never sees two operations on one stem at once. */
export interface JournalStore {
  stemOf(mailboxId: string, messageId: string): string;
  read(stem: string): Promise<JournalRecord | undefined>;
  write(stem: string, record: JournalRecord): Promise<void>;
  remove(stem: string): Promise<void>;
  stems(): Promise<string[]>;
}

/** How a disk store turns an entry into bytes and back. `decode` answers undefined for anything it cannot trust. */
export interface JournalCodec {
  suffix: string;
  stemOf(mailboxId: string, messageId: string): string;
  encode(stem: string, record: JournalRecord): Uint8Array;
  decode(stem: string, data: Buffer): JournalRecord | undefined;
}

/** The format of earlier versions: readable JSON named after the ids. Read for migration only; never written. */
export const legacyPlainCodec: JournalCodec = {
  suffix: '.draft.json',
  stemOf: (mailboxId, messageId) => `${SafeId.parse(mailboxId)}__${SafeId.parse(messageId)}`,
  encode: (_stem, record) => Buffer.from(JSON.stringify(record), 'utf8'),
  decode: (_stem, data) => {
    try {
      const parsed = JournalRecordSchema.safeParse(JSON.parse(data.toString('utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  },
};

export const createDiskStore = (dir: string, codec: JournalCodec): JournalStore => {
  const fileOf = (stem: string): string => join(dir, `${stem}${codec.suffix}`);
  return {
    stemOf: codec.stemOf,
    async read(stem) {
      let data: Buffer;
      try {
        data = await readFile(fileOf(stem));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
      try {
        return codec.decode(stem, data);
      } catch {
        return undefined;
      }
    },
    write: (stem, record) => writeDurably(fileOf(stem), codec.encode(stem, record)),
    remove: (stem) => rm(fileOf(stem), { force: true }),
    async stems() {
      try {
        return (await readdir(dir))
          .filter((n) => n.endsWith(codec.suffix))
          .map((n) => n.slice(0, -codec.suffix.length));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    },
  };
};

/** For a machine without a secure key store: the words stay in this process and are gone when it ends. */
export const createMemoryStore = (): JournalStore => {
  const entries = new Map<string, JournalRecord>();
  return {
    stemOf: legacyPlainCodec.stemOf,
    read: (stem) => Promise.resolve(entries.has(stem) ? structuredClone(entries.get(stem)) : undefined),
    write: (stem, record) => {
      entries.set(stem, structuredClone(record));
      return Promise.resolve();
    },
    remove: (stem) => {
      entries.delete(stem);
      return Promise.resolve();
    },
    stems: () => Promise.resolve([...entries.keys()]),
  };
};

/** A journal that can also take in an entry written elsewhere (migration), keeping its words, base and order. */
export interface AdoptingJournal extends DraftJournal {
  /** Keeps `record` unless newer words for that draft are already kept; true when it was kept. */
  adopt(record: JournalRecord): Promise<boolean>;
}

export const createDraftJournal = (store: JournalStore, now: () => Date = () => new Date()): AdoptingJournal => {
  const queue = new KeyedQueue();
  let lastSeq = 0;
  const nextSeq = (): number => {
    // Above anything written before a restart (time based) and strictly increasing within this run.
    lastSeq = Math.max(lastSeq + 1, now().getTime() * 1000);
    return lastSeq;
  };

  return {
    write(input) {
      const k = store.stemOf(input.mailboxId, input.messageId);
      return queue.run(k, async () => {
        // After what is kept even if the clock went back since an earlier run wrote it.
        const kept = await store.read(k);
        const record: JournalRecord = {
          ...input,
          savedAt: now().toISOString(),
          seq: Math.max(nextSeq(), (kept?.seq ?? 0) + 1),
        };
        lastSeq = Math.max(lastSeq, record.seq);
        await store.write(k, record);
        return record;
      });
    },

    confirm(mailboxId, messageId, seq, fileVersion) {
      const k = store.stemOf(mailboxId, messageId);
      return queue.run(k, async () => {
        const current = await store.read(k);
        if (!current) return false;
        if (current.seq !== seq) {
          if (current.seq > seq && fileVersion !== undefined) {
            await store.write(k, { ...current, baseFileVersion: fileVersion });
          }
          return false;
        }
        await store.remove(k);
        return true;
      });
    },

    rebase(mailboxId, messageId, seq, fileVersion) {
      const k = store.stemOf(mailboxId, messageId);
      return queue.run(k, async () => {
        const current = await store.read(k);
        if (!current || current.seq !== seq) return false;
        await store.write(k, { ...current, baseFileVersion: fileVersion });
        return true;
      });
    },

    get(mailboxId, messageId) {
      const k = store.stemOf(mailboxId, messageId);
      return queue.run(k, () => store.read(k));
    },

    async list() {
      const stems = await store.stems();
      const records = await Promise.all(stems.map((k) => queue.run(k, () => store.read(k))));
      return records.filter((r): r is JournalRecord => r !== undefined).sort((a, b) => b.seq - a.seq);
    },

    adopt(record) {
      const k = store.stemOf(record.mailboxId, record.messageId);
      return queue.run(k, async () => {
        const kept = await store.read(k);
        if (kept && kept.seq >= record.seq) return false;
        lastSeq = Math.max(lastSeq, record.seq);
        await store.write(k, record);
        return true;
      });
    },

    remove(mailboxId, messageId) {
      const k = store.stemOf(mailboxId, messageId);
      return queue.run(k, async () => {
        const existed = (await store.read(k)) !== undefined;
        await store.remove(k);
        return existed;
      });
    },
  };
};

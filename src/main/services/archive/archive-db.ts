import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { ArchiveUnavailable } from './archive-errors';
import { migrate, MIGRATIONS, type Migration } from './migrations';

export type ArchiveDatabase = Database.Database;

export interface OpenDatabaseOptions {
  file: string;
  key: Buffer;
  /** Path of the addon built for this runtime (Electron); undefined = the one npm installed (Node). */
  nativeBinding?: string | undefined;
  /** Tests bring a file to an older schema by passing a prefix of MIGRATIONS. */
  migrations?: readonly Migration[];
}

const isNotADatabase = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: string }).code === 'SQLITE_NOTADB';

/**
 * Opens (or creates) the encrypted archive file. SQLCipher 4 format (the same on-disk format Signal Desktop uses), with
 * the 32 random bytes as a raw key, so no passphrase derivation stands between the key store and the file.
 */
export const openArchiveDatabase = (options: OpenDatabaseOptions): ArchiveDatabase => {
  const isNew = !existsSync(options.file);
  if (isNew) mkdirSync(dirname(options.file), { recursive: true });
  let db: ArchiveDatabase;
  try {
    db = new Database(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    if (isNotADatabase(err))
      throw new ArchiveUnavailable('wrong-key', 'The archive could not be decrypted', { cause: err });
    throw new ArchiveUnavailable('native-module', 'The SQLite module for the archive could not be loaded', {
      cause: err,
    });
  }
  try {
    db.pragma(`cipher = 'sqlcipher'`);
    db.pragma('legacy = 4');
    db.pragma(`key = "x'${options.key.toString('hex')}'"`);
    // The first read is where a wrong key shows: the header does not decrypt.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    db.close();
    if (isNotADatabase(err))
      throw new ArchiveUnavailable('wrong-key', 'The archive could not be decrypted', { cause: err });
    throw err;
  }
  // Sorting and FTS merges may spill to temp files, which the cipher does not cover: keep them in memory.
  db.pragma('temp_store = MEMORY');
  // Every page read from the file is decrypted; a larger cache keeps the pages searches use decrypted in memory.
  db.pragma('cache_size = -32768');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  // SQLite's lower() folds only ASCII; Danish names need Æ, Ø and Å folded too.
  db.function('dp_fold', { deterministic: true }, (v: unknown) =>
    typeof v === 'string' ? v.toLocaleLowerCase('da') : null,
  );
  try {
    migrate(db, options.migrations ?? MIGRATIONS);
  } catch (err) {
    db.close();
    if (err instanceof Error && /newer than this app/.test(err.message)) {
      throw new ArchiveUnavailable('newer-schema', err.message, { cause: err });
    }
    throw err;
  }
  return db;
};

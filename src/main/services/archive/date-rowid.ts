import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * A message's rowid is its date: seconds since 1970 times 4096, plus a counter for letters of the same second. The
 * full-text index then lists matches newest first by itself, so a search stops after the first page of hits instead
 * of looking up and sorting the date of every match.
 */
const PER_SECOND = 4096;

export const dateBase = (messageDate: string | null | undefined): number => {
  const ms = messageDate ? Date.parse(messageDate) : NaN;
  return Number.isNaN(ms) || ms < 0 ? 0 : Math.floor(ms / 1000);
};

export const baseOfRowid = (rowid: number): number => Math.floor(rowid / PER_SECOND);

/** The next free rowid for a date; a second with 4096 letters already (never seen) goes to the end, never lost. */
export const allocateRowid = (db: Database, base: number): number => {
  const low = base * PER_SECOND;
  const max = db
    .prepare('SELECT max(rowid) FROM messages WHERE rowid >= ? AND rowid < ?')
    .pluck()
    .get(low, low + PER_SECOND) as number | null;
  if (max === null) return low;
  if (max + 1 < low + PER_SECOND) return max + 1;
  return ((db.prepare('SELECT max(rowid) FROM messages').pluck().get() as number | null) ?? low) + 1;
};

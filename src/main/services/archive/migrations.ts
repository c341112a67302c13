import type { Database } from 'better-sqlite3-multiple-ciphers';
import { allocateRowid, dateBase } from './date-rowid';

/**
 * The archive's schema, one step per release that changed it. `PRAGMA user_version` is the number of steps applied,
 * so a file written by any earlier release is brought forward in order and never re-created (it holds the user's only
 * offline copy). Append only: a step that shipped is never edited.
 */
export interface Migration {
  version: number;
  up(db: Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    up(db) {
      db.exec(`
        CREATE TABLE mailboxes (
          id TEXT PRIMARY KEY,
          with_documents INTEGER NOT NULL DEFAULT 0,
          label TEXT
        );
        CREATE TABLE messages (
          rowid INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          mailbox_id TEXT NOT NULL,
          folder_id TEXT,
          version INTEGER,
          last_updated TEXT,
          message_date TEXT,
          subject TEXT,
          sender_label TEXT,
          sender_id TEXT,
          recipient_label TEXT,
          recipient_id TEXT,
          note TEXT,
          is_read INTEGER NOT NULL DEFAULT 0,
          flagged INTEGER NOT NULL DEFAULT 0,
          raw TEXT NOT NULL
        );
        CREATE INDEX messages_mailbox_date ON messages (mailbox_id, message_date DESC);
        CREATE TABLE files (
          id TEXT NOT NULL,
          message_id TEXT NOT NULL,
          document_id TEXT NOT NULL,
          document_type TEXT,
          filename TEXT,
          encoding_format TEXT,
          version INTEGER,
          position INTEGER NOT NULL,
          content BLOB,
          text TEXT,
          PRIMARY KEY (message_id, document_id, id)
        );
        CREATE TABLE sync_state (
          mailbox_id TEXT PRIMARY KEY,
          cursor TEXT,
          full_pass_done INTEGER NOT NULL DEFAULT 0,
          last_reconciled_at INTEGER
        );
      `);
    },
  },
  {
    // v2: the legal-notification and attachment filters, full-text search over what v1 stored, rowids in date order,
    // and the raw JSON moved out of the rows that searches scan.
    version: 2,
    up(db) {
      db.exec(`
        ALTER TABLE messages ADD COLUMN legally_notified INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE messages ADD COLUMN has_attachments INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE files ADD COLUMN content_state TEXT NOT NULL DEFAULT 'pending';
        ALTER TABLE files ADD COLUMN sha256 TEXT;
        CREATE INDEX files_pending ON files (content_state, message_id);
      `);
      // Renumber in date order (see date-rowid.ts): first out of the way to negative ids, then each to its place.
      db.exec('UPDATE messages SET rowid = -rowid - 1');
      const rows = db.prepare('SELECT rowid, message_date FROM messages ORDER BY rowid DESC').all() as {
        rowid: number;
        message_date: string | null;
      }[];
      const move = db.prepare('UPDATE messages SET rowid = ? WHERE rowid = ?');
      for (const row of rows) move.run(allocateRowid(db, dateBase(row.message_date)), row.rowid);
      db.exec(`
        -- What is indexed, computed from the rows themselves: the index keeps no second copy of every letter's text
        -- (FTS5 external content). Every change to these inputs is bracketed by an unindex and an index (store).
        CREATE VIEW messages_fts_source AS
          SELECT m.rowid AS rowid,
                 coalesce(m.subject, '') AS subject,
                 trim(coalesce(m.sender_label, '') || ' ' || coalesce(m.sender_id, '')) AS sender,
                 trim(coalesce(m.recipient_label, '') || ' ' || coalesce(m.recipient_id, '')) AS recipient,
                 coalesce(m.note, '') AS note,
                 coalesce((SELECT group_concat(t.text, char(10)) FROM (SELECT f.text FROM files f
                   WHERE f.message_id = m.id AND f.text <> '' ORDER BY f.position) t), '') AS body,
                 coalesce((SELECT group_concat(n.filename, ' ') FROM (SELECT f.filename FROM files f
                   WHERE f.message_id = m.id AND f.filename <> '' ORDER BY f.position) n), '') AS attachments
          FROM messages m;
        -- remove_diacritics 0: æ, ø and å are letters of their own in Danish, not a, o and a with marks.
        CREATE VIRTUAL TABLE messages_fts USING fts5(
          subject, sender, recipient, note, body, attachments,
          content = 'messages_fts_source', content_rowid = 'rowid',
          tokenize = 'unicode61 remove_diacritics 0'
        );
        INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
        UPDATE messages SET legally_notified = coalesce(json_extract(raw, '$.legallyNotified'), 0);
        UPDATE messages SET has_attachments = 1
          WHERE (SELECT count(*) FROM files f WHERE f.message_id = messages.id) > 1;
        UPDATE files SET content_state = 'done' WHERE content IS NOT NULL;
        -- The raw JSON is kept apart, so listing, filtering and sorting read narrow rows.
        CREATE TABLE message_raw (rowid INTEGER PRIMARY KEY, raw TEXT NOT NULL);
        INSERT INTO message_raw (rowid, raw) SELECT rowid, raw FROM messages;
        ALTER TABLE messages DROP COLUMN raw;
      `);
    },
  },
  {
    // v3: when each mailbox last finished a sync, for the settings and the offline banner.
    version: 3,
    up(db) {
      db.exec('ALTER TABLE mailboxes ADD COLUMN last_sync_at INTEGER');
    },
  },
  {
    // v4: the last mailbox list and folder summaries Digital Post gave, so the app can show them offline.
    version: 4,
    up(db) {
      db.exec('CREATE TABLE snapshots (key TEXT PRIMARY KEY, json TEXT NOT NULL, saved_at INTEGER NOT NULL)');
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** Applies every step above the file's version, each in its own transaction with its version bump. */
export const migrate = (db: Database, migrations: readonly Migration[] = MIGRATIONS): number => {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations[migrations.length - 1]?.version ?? 0;
  if (current > latest) {
    throw new Error(`archive schema ${current} is newer than this app understands (${latest})`);
  }
  for (const step of migrations) {
    if (step.version <= current) continue;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
  return db.pragma('user_version', { simple: true }) as number;
};

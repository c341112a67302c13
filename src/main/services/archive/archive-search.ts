import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { ArchiveDatabase } from './archive-db';
import { toStoredMessage, type StoredMessage } from './archive-store';
import { parseSearch, type SearchTerm } from './fts-query';

export interface ArchiveSearchQuery {
  text?: string;
  mailboxIds?: readonly string[];
  folderIds?: readonly string[];
  /** The sender's label or id, as shown on the letter (whole value, case-insensitive). */
  sender?: string;
  /** Inclusive, `yyyy-MM-dd`, on the message date. */
  dateFrom?: string;
  dateTo?: string;
  unread?: boolean;
  flagged?: boolean;
  legallyNotified?: boolean;
  hasAttachments?: boolean;
  order?: 'date' | 'relevance';
  limit?: number;
  offset?: number;
}

/** A piece of the snippet; `match` pieces are what the search found, for the UI to mark. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

export interface ArchiveSearchHit {
  message: Omit<StoredMessage, 'raw'>;
  /** Null when the search had no text (filters only). */
  snippet: SnippetPart[] | null;
}

export interface ArchiveSearchResult {
  hits: ArchiveSearchHit[];
  total: number;
  /** What to highlight in the opened letter: words that start with (prefix) or equal these. */
  terms: SearchTerm[];
}

export const MAX_SEARCH_LIMIT = 500;
const OPEN = '\u0002';
const CLOSE = '\u0003';
const SNIPPET_TOKENS = 14;

export const parseSnippet = (marked: string): SnippetPart[] => {
  const parts: SnippetPart[] = [];
  for (const [i, piece] of marked.split(OPEN).entries()) {
    const close = i === 0 ? -1 : piece.indexOf(CLOSE);
    if (close >= 0) {
      if (close > 0) parts.push({ text: piece.slice(0, close), match: true });
      const rest = piece
        .slice(close + 1)
        .split(CLOSE)
        .join('');
      if (rest) parts.push({ text: rest, match: false });
    } else if (piece) parts.push({ text: piece.split(CLOSE).join(''), match: false });
  }
  return parts;
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Compiled statements per database: the SQL differs only by which filters are set, so there are few of them. */
const statements = new WeakMap<ArchiveDatabase, Map<string, Statement>>();
const prepared = (db: ArchiveDatabase, sql: string): Statement => {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size > 200) cache.clear();
    cache.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
};

/** Filters as SQL over `m` (messages), with their parameters; nothing the user typed is spliced into the text. */
const filterSql = (q: ArchiveSearchQuery): { where: string[]; params: unknown[] } => {
  const where: string[] = [];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly string[] | undefined): void => {
    if (!values || values.length === 0) return;
    where.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  inList('m.mailbox_id', q.mailboxIds);
  inList('m.folder_id', q.folderIds);
  if (q.sender !== undefined && q.sender.trim() !== '') {
    const sender = q.sender.trim().toLocaleLowerCase('da');
    where.push('(dp_fold(m.sender_label) = ? OR dp_fold(m.sender_id) = ?)');
    params.push(sender, sender);
  }
  if (q.dateFrom !== undefined && DATE.test(q.dateFrom)) {
    where.push('substr(m.message_date, 1, 10) >= ?');
    params.push(q.dateFrom);
  }
  if (q.dateTo !== undefined && DATE.test(q.dateTo)) {
    where.push('substr(m.message_date, 1, 10) <= ?');
    params.push(q.dateTo);
  }
  const flag = (column: string, value: boolean | undefined): void => {
    if (value === undefined) return;
    where.push(`${column} = ?`);
    params.push(value ? 1 : 0);
  };
  flag('m.is_read', q.unread === undefined ? undefined : !q.unread);
  flag('m.flagged', q.flagged);
  flag('m.legally_notified', q.legallyNotified);
  flag('m.has_attachments', q.hasAttachments);
  return { where, params };
};

type Row = Parameters<typeof toStoredMessage>[0];

const summary = (row: Row): Omit<StoredMessage, 'raw'> => {
  const { raw: _raw, ...rest } = toStoredMessage(row);
  return rest;
};

/**
 * Full-text search with filters. Two steps, so snippets are made only for the page shown: the ordered page of row
 * ids first (the sort would otherwise build a snippet for every match), then snippets for those rows.
 */
export const searchArchive = (db: ArchiveDatabase, q: ArchiveSearchQuery): ArchiveSearchResult => {
  const { terms, match } = parseSearch(q.text ?? '');
  const { where, params } = filterSql(q);
  const limit = Math.max(1, Math.min(q.limit ?? 50, MAX_SEARCH_LIMIT));
  const offset = Math.max(0, q.offset ?? 0);
  // Rowids are in date order (date-rowid.ts), so newest first is a backwards walk of the index, not a sort.
  const byDate = 'm.rowid DESC';

  // Only row ids go through the sort: whole rows (with their raw JSON) in the sorter cost more than the search.
  let total: number;
  let order: number[];
  if (match === null) {
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    total = (prepared(db, `SELECT count(*) AS n FROM messages m ${clause}`).get(...params) as { n: number }).n;
    order = prepared(db, `SELECT m.rowid FROM messages m ${clause} ORDER BY ${byDate} LIMIT ? OFFSET ?`)
      .pluck()
      .all(...params, limit, offset) as number[];
  } else {
    const clause = ['messages_fts MATCH ?', ...where].join(' AND ');
    // CROSS JOIN keeps FTS5 as the outer loop: the other order runs the MATCH once per message.
    const from = 'FROM messages_fts CROSS JOIN messages m ON m.rowid = messages_fts.rowid';
    const sort =
      q.order === 'relevance'
        ? 'bm25(messages_fts, 10, 4, 4, 3, 1, 3), messages_fts.rowid DESC'
        : 'messages_fts.rowid DESC';
    total = (
      where.length === 0
        ? prepared(db, 'SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?').pluck().get(match)
        : prepared(db, `SELECT count(*) ${from} WHERE ${clause}`)
            .pluck()
            .get(match, ...params)
    ) as number;
    order = prepared(db, `SELECT m.rowid ${from} WHERE ${clause} ORDER BY ${sort} LIMIT ? OFFSET ?`)
      .pluck()
      .all(match, ...params, limit, offset) as number[];
  }
  if (order.length === 0) return { hits: [], total, terms };
  const marks = order.map(() => '?').join(', ');
  const byRowid = new Map(
    (prepared(db, `SELECT m.* FROM messages m WHERE m.rowid IN (${marks})`).all(...order) as Row[]).map((r) => [
      r.rowid,
      r,
    ]),
  );
  const rows = order.map((id) => byRowid.get(id)).filter((r): r is Row => r !== undefined);
  if (match === null) return { hits: rows.map((r) => ({ message: summary(r), snippet: null })), total, terms };
  // `+rowid` keeps the id list away from FTS5: given it, FTS5 restarts the MATCH once per id, and a prefix term
  // rebuilds its merged doclist every time. One pass over the matches, with snippets only for the page, is cheaper.
  const snippets = new Map(
    (
      prepared(
        db,
        `SELECT rowid, snippet(messages_fts, -1, ?, ?, '…', ${SNIPPET_TOKENS}) AS s FROM messages_fts
           WHERE messages_fts MATCH ? AND +rowid IN (${marks})`,
      ).all(OPEN, CLOSE, match, ...order) as { rowid: number; s: string }[]
    ).map((r) => [r.rowid, r.s]),
  );
  return {
    hits: rows.map((r) => ({ message: summary(r), snippet: parseSnippet(snippets.get(r.rowid) ?? '') })),
    total,
    terms,
  };
};

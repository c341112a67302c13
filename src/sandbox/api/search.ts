import type { Request } from 'express';
import { dpError } from './errors';

// The generic query language of §3.3: paging (page/size/next), sortFields, fields, `any`, field search with
// `|`/`&`/`!` operators, `*`/`?` wildcards, quotes and the 100-character limit. Endpoints pass their fixed filters
// (e.g. folderId, dateFrom) as reserved names and apply them before calling this.

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10_000;
const MAX_VALUE_LENGTH = 100;
const PAGING_PARAMS = new Set(['page', 'size', 'next', 'sortFields', 'fields', 'any']);

type Item = Record<string, unknown>;

export const queryValues = (query: Request['query'], name: string): string[] => {
  const raw = query[name];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.filter((v): v is string => typeof v === 'string').flatMap(splitValues);
};

/** Splits on commas outside quotes: `"Kommune, Borger",Skat` is two values. */
const splitValues = (value: string): string[] => {
  const out: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (const ch of value) {
    if (quote) {
      if (ch === quote) quote = null;
      current += ch;
    } else if (ch === '"' || ch === "'" || ch === '\u201c' || ch === '\u201d') {
      quote = ch === '\u201c' ? '\u201d' : ch;
      current += ch;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out.map((v) => v.trim()).filter((v) => v !== '');
};

const badArgument = (message: string) => dpError(400, `IllegalArgumentException: ${message}`, []);

/** Values at a dotted path; arrays along the way fan out (replyData.parentMessageId). */
export const valuesAt = (item: unknown, path: string): unknown[] => {
  let current: unknown[] = [item];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      if (Array.isArray(value)) {
        for (const element of value) if (element && typeof element === 'object') next.push((element as Item)[key]);
      } else if (value && typeof value === 'object' && Object.hasOwn(value, key)) {
        next.push((value as Item)[key]);
      }
    }
    current = next.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined && v !== null);
  }
  return current;
};

const textCache = new WeakMap<object, string>();
const allText = (item: object): string => {
  let text = textCache.get(item);
  if (text === undefined) {
    const parts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') parts.push(value);
      else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
      else if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    walk(item);
    text = parts.join('\u0001').toLowerCase();
    textCache.set(item, text);
  }
  return text;
};

type Matcher = (value: string) => boolean;

const wildcardRegex = (term: string): RegExp =>
  new RegExp(
    `^${term
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
    'is',
  );

const termMatcher = (raw: string, allowWildcards: boolean): Matcher => {
  const quoted = /^(["'\u201c\u201d])(.*)\1$/s.exec(raw) ?? /^\u201c(.*)\u201d$/s.exec(raw);
  if (quoted) {
    const exact = (quoted[2] ?? quoted[1] ?? '').toLowerCase();
    return (value) => value.toLowerCase() === exact;
  }
  if (allowWildcards && /[*?]/.test(raw)) {
    const regex = wildcardRegex(raw);
    return (value) => regex.test(value);
  }
  const words = raw.toLowerCase().split(/\s+/).filter(Boolean);
  return (value) => {
    const lower = value.toLowerCase();
    return words.every((w) => lower.includes(w));
  };
};

interface Term {
  op: '|' | '&' | '!' | null;
  field: string | null;
  match: Matcher;
  /** For `any`: the raw lowercased needle. */
  needle: string;
}

const itemMatches = (item: Item, term: Term): boolean => {
  if (term.field === null) {
    const quoted = /^(["'\u201c\u201d])(.*)\1$/s.exec(term.needle);
    const text = allText(item);
    if (quoted) return text.split('\u0001').some((v) => v === (quoted[2] ?? ''));
    return term.needle
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => text.includes(w));
  }
  return valuesAt(item, term.field).some((v) => term.match(String(v)));
};

const parseTerms = (query: Request['query'], reserved: ReadonlySet<string>): Term[] => {
  const terms: Term[] = [];
  for (const name of Object.keys(query)) {
    if (PAGING_PARAMS.has(name) && name !== 'any') continue;
    if (reserved.has(name)) continue;
    if (!/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/.test(name))
      throw badArgument(`unknown search parameter ${name.slice(0, 50)}`);
    for (const value of queryValues(query, name)) {
      if (value.length > MAX_VALUE_LENGTH) {
        throw badArgument(`${name} length of (${value.length}) exceeds limit of ${MAX_VALUE_LENGTH}`);
      }
      const op = value[0] === '|' || value[0] === '&' || value[0] === '!' ? (value[0] as Term['op']) : null;
      const rest = op ? value.slice(1).trim() : value;
      if (rest === '') continue;
      const field = name === 'any' ? null : name;
      terms.push({ op, field, match: termMatcher(rest, field !== null), needle: rest.toLowerCase() });
    }
  }
  return terms;
};

/** Fields without an operator OR their own values and AND each other; `|` terms OR across fields; `!` excludes. */
const buildFilter = (terms: Term[]): ((item: Item) => boolean) => {
  const plainByField = new Map<string, Term[]>();
  const ors: Term[] = [];
  const ands: Term[] = [];
  const nots: Term[] = [];
  for (const term of terms) {
    if (term.op === '|') ors.push(term);
    else if (term.op === '&') ands.push(term);
    else if (term.op === '!') nots.push(term);
    else {
      const key = term.field ?? '\u0000any';
      plainByField.set(key, [...(plainByField.get(key) ?? []), term]);
    }
  }
  return (item) =>
    [...plainByField.values()].every((group) => group.some((t) => itemMatches(item, t))) &&
    ands.every((t) => itemMatches(item, t)) &&
    (ors.length === 0 || ors.some((t) => itemMatches(item, t))) &&
    !nots.some((t) => itemMatches(item, t));
};

interface SortField {
  path: string;
  desc: boolean;
}

const parseSort = (query: Request['query'], fallback: SortField[]): SortField[] => {
  const specs = queryValues(query, 'sortFields');
  if (specs.length === 0) return fallback;
  return specs.map((spec) => {
    const [path = '', order = 'asc', extra] = spec.split(':');
    if (extra !== undefined || !/^[A-Za-z][A-Za-z0-9_.]*$/.test(path) || !/^(asc|desc)$/i.test(order)) {
      throw badArgument(`invalid sortFields value ${spec.slice(0, 100)}`);
    }
    return { path, desc: order.toLowerCase() === 'desc' };
  });
};

type Key = (string | number | boolean | null)[];

/** Sort values plus a tiebreak: the id, or the input position when the endpoint keeps its own order. */
const keyOf = (item: Item, sort: SortField[], index: number): Key => [
  ...sort.map((s) => {
    const v = valuesAt(item, s.path)[0];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  }),
  sort.length === 0 ? index : String(item.id ?? ''),
];

const compareValues = (a: Key[number], b: Key[number]): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
};

const compareKeys =
  (sort: SortField[]) =>
  (a: Key, b: Key): number => {
    for (let i = 0; i < a.length; i += 1) {
      const c = compareValues(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return i < sort.length && sort[i]!.desc ? -c : c;
    }
    return 0;
  };

const intParam = (query: Request['query'], name: string, fallback: number, min: number, max: number): number => {
  const values = queryValues(query, name);
  if (values.length === 0) return fallback;
  const value = values[0]!;
  if (!/^\d{1,9}$/.test(value)) throw badArgument(`${name} must be a whole number`);
  const n = Number(value);
  if (n < min || n > max) throw badArgument(`${name} must be between ${min} and ${max}`);
  return n;
};

const pickFields = (item: Item, fields: string[]): Item => {
  const out: Item = {};
  for (const path of fields) {
    const keys = path.split('.');
    let src: unknown = item;
    let dst: Item = out;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      if (!src || typeof src !== 'object' || !Object.hasOwn(src, key)) break;
      src = (src as Item)[key];
      if (i === keys.length - 1) dst[key] = src;
      else {
        dst[key] = (dst[key] as Item | undefined) ?? {};
        dst = dst[key] as Item;
      }
    }
  }
  return out;
};

export interface SearchOptions {
  plural: string;
  /** Empty: the order the endpoint passes items in. */
  defaultSort: SortField[];
  /** Endpoint-specific filters the caller already applied. */
  reserved?: readonly string[];
}

export const search = (items: Item[], query: Request['query'], options: SearchOptions): Record<string, unknown> => {
  const size = intParam(query, 'size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const nextToken = queryValues(query, 'next')[0];
  const page = nextToken ? 0 : intParam(query, 'page', 0, 0, MAX_PAGE_SIZE);
  if (!nextToken && (page + 1) * size > MAX_PAGE_SIZE) {
    throw badArgument(`page ${page} of size ${size} is beyond the ${MAX_PAGE_SIZE} window; use next`);
  }
  const sort = parseSort(query, options.defaultSort);
  const filter = buildFilter(parseTerms(query, new Set(options.reserved ?? [])));
  const compare = compareKeys(sort);
  const keyed = items.filter(filter).map((item, index) => ({ item, key: keyOf(item, sort, index) }));
  keyed.sort((a, b) => compare(a.key, b.key));

  let start = page * size;
  if (nextToken) {
    let cursor: Key;
    try {
      cursor = JSON.parse(Buffer.from(nextToken, 'base64').toString('utf8')) as Key;
      if (!Array.isArray(cursor) || cursor.length !== sort.length + 1) throw new Error('shape');
    } catch {
      throw badArgument('next is not a value returned by this query');
    }
    start = keyed.findIndex((k) => compare(k.key, cursor) > 0);
    if (start < 0) start = keyed.length;
  }
  const slice = keyed.slice(start, start + size);
  const fields = queryValues(query, 'fields');
  const result: Record<string, unknown> = {
    currentPage: page,
    totalPages: Math.ceil(keyed.length / size),
    elementsOnPage: slice.length,
    totalElements: keyed.length,
  };
  const last = slice[slice.length - 1];
  // §3.3.2 prints next as an empty string when there is no further page.
  result.next = last && start + size < keyed.length ? Buffer.from(JSON.stringify(last.key)).toString('base64') : '';
  result[options.plural] = fields.length > 0 ? slice.map((k) => pickFields(k.item, fields)) : slice.map((k) => k.item);
  return result;
};

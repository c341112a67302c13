import type { Request } from 'express';
import { DpHttpError } from '../../http/dp-error';

// Search parameters as §3.3 describes them: comma-separated or repeated values are OR'ed, each value at most 100
// characters, `*` and `?` are wildcards, a quoted value must match the whole field, and an unquoted one matches a
// whole word of the field (the way a full-text index would) or the whole field.

export const MAX_SEARCH_VALUE_LENGTH = 100;
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 10000;

/** The values of a search parameter, or undefined when the parameter is absent. */
export const searchValues = (req: Request, name: string): string[] | undefined => {
  const raw = req.query[name];
  if (raw === undefined) return undefined;
  const list = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  const values = list
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const value of values) {
    if (value.length > MAX_SEARCH_VALUE_LENGTH) {
      throw new DpHttpError(
        400,
        `IllegalArgumentException: ${name} length of ${value.length} exceeds limit of ${MAX_SEARCH_VALUE_LENGTH}`,
      );
    }
  }
  return values;
};

export const booleanParam = (req: Request, name: string): boolean | undefined => {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new DpHttpError(400, `IllegalArgumentException: ${name} must be true or false`);
};

const escapeRegExp = (s: string): string => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
const words = (value: string): string[] => value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Does one field value match one search term? Case-insensitive throughout. */
export const matchesTerm = (fieldValue: string, term: string): boolean => {
  const value = fieldValue.toLocaleLowerCase('da');
  const quoted = /^(["'])(.*)\1$/s.exec(term);
  if (quoted) return value === (quoted[2] ?? '').toLocaleLowerCase('da');
  const t = term.toLocaleLowerCase('da');
  if (/[*?]/.test(t)) {
    const pattern = new RegExp(
      `^${t
        .split('')
        .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : escapeRegExp(c)))
        .join('')}$`,
      'su',
    );
    return pattern.test(value) || words(value).some((w) => pattern.test(w));
  }
  return (
    value === t ||
    words(value).includes(t) ||
    (words(t).length > 1 && ` ${words(value).join(' ')} `.includes(` ${words(t).join(' ')} `))
  );
};

/** Any of the field values matches any of the terms (no terms given = no restriction). */
export const matchesAny = (fieldValues: readonly string[], terms: readonly string[] | undefined): boolean =>
  terms === undefined || terms.some((term) => fieldValues.some((value) => matchesTerm(value, term)));

const intParam = (req: Request, name: string, fallback: number, min: number, max: number): number => {
  const raw = req.query[name];
  if (raw === undefined) return fallback;
  const n = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DpHttpError(400, `IllegalArgumentException: ${name} must be an integer between ${min} and ${max}`);
  }
  return n;
};

/** A §3.3.2 SearchResult page of `items` under the resource's plural name. */
export const page = <T>(req: Request, plural: string, items: readonly T[]) => {
  const size = intParam(req, 'size', DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  const current = intParam(req, 'page', 0, 0, 1_000_000);
  const slice = items.slice(current * size, current * size + size);
  return {
    currentPage: current,
    totalPages: Math.ceil(items.length / size),
    elementsOnPage: slice.length,
    totalElements: items.length,
    [plural]: slice,
  };
};

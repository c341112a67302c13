import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, appRefusal } from '../../errors';
import type { MessageQuery } from '../../../shared/ipc/channels/mail';
import type { QueryValue } from '../../services/dp-client/dp-client';

/** Digital Post refuses any search value longer than this (§3.3.6). */
export const SEARCH_VALUE_MAX_LENGTH = 100;
export const DEFAULT_MESSAGE_SORT = 'messageDateTime:desc';

/**
 * The same refusal Digital Post answers an over-long search value with (§3.3.6: the generic `digital.post.error`
 * with an IllegalArgumentException text), raised before the request. The user-facing message is Danish; the
 * server's wording is kept in the field error.
 */
export const searchTooLong = (param: string, value: string): AppFault =>
  new AppFault({
    code: 'digital.post.error',
    message: `Søgningen må højst være på ${SEARCH_VALUE_MAX_LENGTH} tegn.`,
    fieldErrors: [
      {
        field: param,
        code: 'digital.post.error',
        message: `IllegalArgumentException: ${param} length of ${[...value].length} exceeds limit of ${SEARCH_VALUE_MAX_LENGTH}`,
      },
    ],
  });

const checkLength = (param: string, value: string): void => {
  if ([...value].length > SEARCH_VALUE_MAX_LENGTH) throw searchTooLong(param, value);
};

/**
 * Free text → `any` values (§3.3.6). Loose words travel together in one value; a quoted phrase (either quote
 * character) is a value of its own, since quoting asks for a full match; with more than one value each gets the `&`
 * operator, because plain repeated values are OR-ed. A comma outside quotes would split a value and a leading
 * |, & or ! would become an operator, so both are neutralised. Wildcards do not work with `any`, which already
 * matches parts of words, so a trailing `*` (the user's "starts with") is dropped rather than sent as a literal.
 */
export const toAnySearch = (raw: string): string[] => {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return [];
  checkLength('any', text);
  const phrases: string[] = [];
  const words: string[] = [];
  const pattern = /(["'])(.*?)\1|(\S+)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[2] !== undefined) {
      const phrase = m[2].trim();
      if (phrase !== '') phrases.push(`${m[1]}${phrase}${m[1]}`);
      continue;
    }
    const cleaned = (m[3] ?? '').replace(/[,"'*?]/g, ' ').replace(/(^|\s)[|&!]+/g, '$1');
    words.push(...cleaned.split(' ').filter((w) => w !== ''));
  }
  const values = [...(words.length > 0 ? [words.join(' ')] : []), ...phrases];
  return values.length > 1 ? values.map((v) => `&${v}`) : values;
};

/** Exact sender match for the senders overview: a quoted value is a full match, not a fuzzy one (§3.3.6). */
export const toSenderLabelSearch = (raw: string): string | undefined => {
  const label = raw.trim();
  if (label === '') return undefined;
  checkLength('sender.label', label);
  const quote = label.includes('"') ? "'" : '"';
  return `${quote}${label}${quote}`;
};

/** §6.8.1 dates are yyyy-MM-dd; an ISO date-time from a date picker is cut to its date. */
export const toQueryDate = (field: 'dateFrom' | 'dateTo', raw: string): string => {
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(raw.trim());
  const date = m?.[1];
  if (!date || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw appRefusal(APP_ERROR_CODES.invalidRequest, 'Datoen skal have formatet åååå-mm-dd.', [
      { field, code: APP_ERROR_CODES.queryDateInvalid, message: 'Ugyldig dato.', rejectedValue: raw },
    ]);
  }
  return date;
};

/** The unique field that breaks ties between messages with equal sort values. */
export const SORT_TIEBREAKER = 'id';

/**
 * Paging with `next` skips or repeats messages unless the sort is deterministic (§3.3.3), so the sort ends with a
 * unique field, in the direction of the last one. Every query gets it, since any first page may be continued by `next`.
 */
export const withTiebreaker = (sortFields: string): string => {
  const specs = sortFields.split(',').filter((s) => s.trim() !== '');
  if (specs.some((s) => s.split(':')[0]?.trim() === SORT_TIEBREAKER)) return specs.join(',');
  const lastDirection = specs.at(-1)?.split(':')[1]?.trim().toLowerCase() === 'desc' ? 'desc' : 'asc';
  return [...specs, `${SORT_TIEBREAKER}:${lastDirection}`].join(',');
};

/** The contract's message query → GET /mailboxes/{id}/messages/ parameters. */
export const toMessageQueryParams = (q: Omit<MessageQuery, 'mailboxId'>): Record<string, QueryValue> => {
  const params: Record<string, QueryValue> = {};
  if (q.folderId !== undefined) params.folderId = q.folderId;
  if (q.size !== undefined) params.size = q.size;
  // `next` replaces page; the server's currentPage is always 0 with it (§3.3.3).
  if (q.next !== undefined && q.next !== '') params.next = q.next;
  else if (q.page !== undefined) params.page = q.page;
  params.sortFields = withTiebreaker(q.sort ? `${q.sort.field}:${q.sort.direction}` : DEFAULT_MESSAGE_SORT);
  if (q.dateFrom !== undefined && q.dateFrom.trim() !== '') params.dateFrom = toQueryDate('dateFrom', q.dateFrom);
  if (q.dateTo !== undefined && q.dateTo.trim() !== '') params.dateTo = toQueryDate('dateTo', q.dateTo);
  if (q.search !== undefined) {
    const any = toAnySearch(q.search);
    if (any.length === 1) params.any = any[0];
    else if (any.length > 1) params.any = any;
  }
  if (q.senderLabel !== undefined) {
    const label = toSenderLabelSearch(q.senderLabel);
    if (label !== undefined) params['sender.label'] = label;
  }
  return params;
};

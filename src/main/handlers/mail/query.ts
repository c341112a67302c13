import { AppFault } from '../../ipc/dispatch';
import type { MessageQuery } from '../../../shared/ipc/channels/mail';
import type { QueryValue } from '../../services/dp-client/dp-client';
import { appRefusal } from './faults';

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
 * Free text → one `any` value. A comma would split it into OR-ed terms and a leading |, & or ! would turn a word
 * into an operator (§3.3.6), so those are neutralised; quoted phrases are kept whole (either quote character); a `*`
 * survives only as a trailing wildcard on a word, and `?` is dropped outside quotes.
 */
export const toAnySearch = (raw: string): string | undefined => {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text === '') return undefined;
  checkLength('any', text);
  const terms: string[] = [];
  const pattern = /(["'])(.*?)\1|(\S+)/g;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[2] !== undefined) {
      const phrase = m[2].replace(/,/g, ' ').trim();
      if (phrase !== '') terms.push(`${m[1]}${phrase}${m[1]}`);
      continue;
    }
    const word = (m[3] ?? '')
      .replace(/,/g, ' ')
      .replace(/^[|&!]+/, '')
      .replace(/\?/g, '')
      .replace(/["']/g, '');
    for (const part of word.split(' ')) {
      const trailing = part.endsWith('*');
      const core = part.replace(/\*/g, '');
      if (core !== '') terms.push(trailing ? `${core}*` : core);
    }
  }
  return terms.length > 0 ? terms.join(' ') : undefined;
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
    throw appRefusal('Datoen skal have formatet åååå-mm-dd.', [
      { field, code: 'app.query.date.invalid', message: 'Ugyldig dato.', rejectedValue: raw },
    ]);
  }
  return date;
};

/** The contract's message query → GET /mailboxes/{id}/messages/ parameters. */
export const toMessageQueryParams = (q: Omit<MessageQuery, 'mailboxId'>): Record<string, QueryValue> => {
  const params: Record<string, QueryValue> = {};
  if (q.folderId !== undefined) params.folderId = q.folderId;
  if (q.size !== undefined) params.size = q.size;
  // `next` replaces page; the server's currentPage is always 0 with it (§3.3.3).
  if (q.next !== undefined && q.next !== '') params.next = q.next;
  else if (q.page !== undefined) params.page = q.page;
  params.sortFields = q.sort ? `${q.sort.field}:${q.sort.direction}` : DEFAULT_MESSAGE_SORT;
  if (q.dateFrom !== undefined && q.dateFrom.trim() !== '') params.dateFrom = toQueryDate('dateFrom', q.dateFrom);
  if (q.dateTo !== undefined && q.dateTo.trim() !== '') params.dateTo = toQueryDate('dateTo', q.dateTo);
  if (q.search !== undefined) {
    const any = toAnySearch(q.search);
    if (any !== undefined) params.any = any;
  }
  if (q.senderLabel !== undefined) {
    const label = toSenderLabelSearch(q.senderLabel);
    if (label !== undefined) params['sender.label'] = label;
  }
  return params;
};

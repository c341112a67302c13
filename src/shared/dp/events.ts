import { z } from 'zod';

// The event log (§7): GET /events/, a paginated EventSearchResult with `events` and an opaque `next`. The event's
// fields are the ones §7.2 lists and prints; every one is optional here, as events "look slightly different"
// depending on the component that sent them.

/** §7.1.1: without dateFrom/dateTo the log answers for the past three weeks. */
export const EVENT_LOG_DEFAULT_DAYS = 21;
/** §7.1.1: a custom interval may span at most three months. */
export const EVENT_LOG_MAX_MONTHS = 3;
/** §7.1: default results per page. */
export const EVENT_LOG_DEFAULT_PAGE_SIZE = 100;

/** The subjects §7.2.1 groups its fields of interest by (printed spellings). */
export const EVENT_SUBJECTS = [
  'MEMO',
  'MESSAGE',
  'TECHNICAL_RECEIPT',
  'BUSINESS_RECEIPT',
  'MAILBOX',
  'ACCESS',
  'ACCESS_REQUEST',
  'FOLDER',
  'NOTIFICATION',
  'REGISTRATION_STATUS',
  'EMAIL_NOTIFICATION_SUBSCRIPTION',
  'SMS_NOTIFICATION_SUBSCRIPTION',
  'PUSH_NOTIFICATION_SUBSCRIPTION',
  'NEM_SMS',
  'CONTACT',
  'PRIVILEGES',
] as const;

const Props = z.record(z.string(), z.unknown());

export const DpEventSchema = z.looseObject({
  id: z.string(),
  eventId: z.string().optional(),
  version: z.number().optional(),
  transactionId: z.string().optional(),
  subject: z.string().optional(),
  type: z.string().optional(),
  eventTime: z.string().optional(),
  created: z.string().optional(),
  owner: z.string().optional(),
  actor: z.string().optional(),
  message: z.string().optional(),
  eventProperties: Props.optional(),
  metaProperties: Props.optional(),
  searchEventProperties: Props.optional(),
  eventTag: z.string().optional(),
});
export type DpEvent = z.infer<typeof DpEventSchema>;

export const EventSearchResultSchema = z.looseObject({
  currentPage: z.number().optional(),
  next: z.string().nullable().optional(),
  totalPages: z.number().optional(),
  elementsOnPage: z.number().optional(),
  totalElements: z.number().optional(),
  events: z.array(z.unknown()).optional(),
});

/** `from` plus n calendar months in UTC, the day clamped to the target month's last day. */
export const addUtcMonths = (from: Date, months: number): Date => {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const out = new Date(from.getTime());
  out.setUTCFullYear(y, m, Math.min(from.getUTCDate(), lastDay));
  return out;
};

/**
 * Whether an interval is one §7.1.1 allows: dateTo not before dateFrom, and no more than three months apart
 * (the printed example, 2023-05-11T13:52:16.713Z to 2023-08-11T13:52:16.713Z, is exactly three and allowed).
 */
export const eventRangeProblem = (from: Date, to: Date): 'order' | 'tooLong' | undefined => {
  if (to.getTime() < from.getTime()) return 'order';
  if (to.getTime() > addUtcMonths(from, EVENT_LOG_MAX_MONTHS).getTime()) return 'tooLong';
  return undefined;
};

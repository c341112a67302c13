import { Router, type Request } from 'express';
import { EVENT_LOG_RANGE_REFUSAL, EVENT_TYPES } from '../../../shared/dp/assumptions';
import { EVENT_LOG_DEFAULT_DAYS, EVENT_LOG_MAX_MONTHS, eventRangeProblem } from '../../../shared/dp/events';
import { callerOf } from '../access-control';
import { dpError, fieldError } from '../errors';
import { queryValues, search, valuesAt } from '../search';
import type { EventLog, EventRecord } from './event-log';

const PAGING = new Set(['page', 'size', 'next', 'sortFields', 'fields']);
const DAY = 86_400_000;

const badArgument = (message: string) => dpError(400, `IllegalArgumentException: ${message}`, []);

/** dateFrom/dateTo as §7.1.1 prints them (ISO date-time), or a plain yyyy-MM-dd as elsewhere in the API. */
const parseDate = (req: Request, name: string): Date | undefined => {
  const raw = queryValues(req.query, name)[0];
  if (raw === undefined) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? new Date(`${raw}T00:00:00.000Z`) : new Date(raw);
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw) || Number.isNaN(date.getTime())) throw badArgument(`${name} is not a date`);
  return date;
};

/** The guessed types and tags (EVENT_TYPES) as spec-minimal mode spells them: no client could know them. */
const GUESSED_TYPES = new Set<string>(Object.values(EVENT_TYPES.values).map((t) => t.type));
const GUESSED_TAGS = new Set<string>(Object.values(EVENT_TYPES.values).map((t) => t.eventTag));
const minimalEvent = (e: EventRecord): EventRecord => ({
  ...e,
  type: GUESSED_TYPES.has(e.type) ? `${e.type}_X` : e.type,
  eventTag: GUESSED_TAGS.has(e.eventTag) ? `HAENDELSE_${e.eventTag}_X` : e.eventTag,
});

/**
 * §7.1: GET /events/ — the caller's events, the past three weeks unless dateFrom/dateTo say otherwise (at most three
 * months), every event property searchable by its dotted path with exact values (wildcards are plain characters),
 * newest first, paged by `next`.
 */
export const createEventRoutes = (log: EventLog, options: { now: () => Date; specMinimal: boolean }): Router => {
  const router = Router();
  router.get(['/events', '/events/'], (req, res) => {
    const identity = callerOf(res);
    const givenFrom = parseDate(req, 'dateFrom');
    const givenTo = parseDate(req, 'dateTo');
    const to = givenTo ?? options.now();
    const from = givenFrom ?? new Date(to.getTime() - EVENT_LOG_DEFAULT_DAYS * DAY);
    const problem = eventRangeProblem(from, to);
    if (problem === 'order') throw badArgument('dateFrom is after dateTo');
    if (problem === 'tooLong') {
      throw dpError(400, `ValidationException: the interval may span at most ${EVENT_LOG_MAX_MONTHS} months`, [
        fieldError(EVENT_LOG_RANGE_REFUSAL.value, {
          resource: 'event',
          field: 'dateTo',
          rejectedValue: to.toISOString(),
          args: [EVENT_LOG_MAX_MONTHS],
        }),
      ]);
    }
    const filters = Object.keys(req.query)
      .filter((k) => !PAGING.has(k) && k !== 'dateFrom' && k !== 'dateTo')
      .map((path) => ({ path, values: queryValues(req.query, path) }));
    const events = log
      .visibleTo(identity.id)
      .map((e) => (options.specMinimal ? minimalEvent(e) : e))
      .filter((e) => {
        const t = Date.parse(e.eventTime);
        return t >= from.getTime() && t <= to.getTime();
      })
      .filter((e) => filters.every(({ path, values }) => valuesAt(e, path).some((v) => values.includes(String(v)))));
    res.json(
      search(events as unknown as Record<string, unknown>[], req.query, {
        plural: 'events',
        defaultSort: [
          { path: 'eventTime', desc: true },
          { path: 'id', desc: false },
        ],
        reserved: filters.map((f) => f.path).concat(['dateFrom', 'dateTo']),
      }),
    );
  });
  return router;
};

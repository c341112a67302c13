import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import { DpEventSchema, EventSearchResultSchema, eventRangeProblem, type DpEvent } from '../../../shared/dp/events';
import { IdSchema } from '../../../shared/ipc/ids';
import type { EventPage, EventQuery, EventView } from '../../../shared/ipc/channels/access';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault, isUnreadable } from '../../errors';
import type { DpClient } from '../../services/dp-client/dp-client';
import { eventsPath, messagePathOf } from './paths';

/** Small pages keep "Vis flere" meaningful; Digital Post's default is 100. */
export const EVENT_PAGE_SIZE = 25;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What the renderer needs of one event; a message link only where the event names both message and mailbox. */
export const toEventView = (e: DpEvent): EventView => {
  const mailboxId = str(e.eventProperties?.mailboxId);
  const messageId = str(e.message) ?? str(e.metaProperties?.messageUUID);
  const linkable =
    mailboxId && messageId && IdSchema.safeParse(messageId).success && IdSchema.safeParse(mailboxId).success;
  const title = str(e.metaProperties?.title);
  return {
    id: e.id,
    ...(e.subject ? { subject: e.subject } : {}),
    ...(e.type ? { type: e.type } : {}),
    ...(e.eventTag ? { eventTag: e.eventTag } : {}),
    ...(e.eventTime ? { eventTime: e.eventTime } : {}),
    ...(e.actor ? { actor: e.actor } : {}),
    ...(title ? { title } : {}),
    ...(mailboxId ? { mailboxId } : {}),
    ...(linkable ? { messageId } : {}),
  };
};

/**
 * One page of GET /events/. The three-month rule is printed (§7.1.1), so a longer range is refused here before any
 * request, under the code Digital Post is assumed to use (EVENT_LOG_RANGE_REFUSAL).
 */
export const queryEvents = async (api: DpClient, q: EventQuery, log: (m: string) => void): Promise<EventPage> => {
  const problem = eventRangeProblem(new Date(q.dateFrom), new Date(q.dateTo));
  if (problem === 'tooLong')
    throw new AppFault({ code: EVENT_LOG_RANGE_REFUSAL.value, message: 'Perioden må højst være tre måneder.' });
  if (problem === 'order')
    throw new AppFault({ code: APP_ERROR_CODES.queryDateInvalid, message: 'Fra-datoen ligger efter til-datoen.' });
  const res = await api.get<unknown>(eventsPath(), {
    query: {
      dateFrom: new Date(q.dateFrom).toISOString(),
      dateTo: new Date(q.dateTo).toISOString(),
      size: EVENT_PAGE_SIZE,
      ...(q.subject ? { subject: q.subject } : {}),
      ...(q.mailboxId ? { 'eventProperties.mailboxId': q.mailboxId } : {}),
      ...(q.next ? { next: q.next } : {}),
    },
  });
  const body = EventSearchResultSchema.safeParse(res.data ?? {});
  if (!body.success)
    throw new AppFault({ code: APP_ERROR_CODES.internal, message: 'Hændelsesloggen kunne ikke læses.' });
  const events: EventView[] = [];
  for (const raw of body.data.events ?? []) {
    const parsed = DpEventSchema.safeParse(raw);
    if (parsed.success) events.push(toEventView(parsed.data));
    else log('An event did not match the event schema and was left out');
  }
  const next = str(body.data.next ?? undefined);
  return { events, next: next && events.length > 0 ? next : null, total: body.data.totalElements ?? null };
};

/** Whether the message an event names is still there: gone (404) or no longer ours (403) both read as no. */
export const eventMessageExists = async (api: DpClient, mailboxId: string, messageId: string): Promise<boolean> => {
  try {
    await api.get<unknown>(messagePathOf(mailboxId, messageId));
    return true;
  } catch (err) {
    if (isUnreadable(err)) return false;
    throw err;
  }
};

import { z } from 'zod';
import { IdSchema as Id } from '../ids';
import { channel, noInput, type ChannelDef } from '../define';

// Who sees my post: the event log of a mailbox (§7), who holds access to mine and which I hold (trustees, §9
// privileges), and access requests (§11). Values Digital Post sends are kept as sent (open strings); the renderer
// words the ones it knows and shows the others verbatim.

/** An ISO date-time as §7.1.1 prints dateFrom/dateTo. */
const IsoDateTime = z.string().datetime({ offset: true });
/** A subject or type as the event log spells them: capitals and underscores. */
const Token = z.string().regex(/^[A-Za-z_]{1,60}$/);

export const EventViewSchema = z.object({
  id: z.string(),
  subject: z.string().optional(),
  type: z.string().optional(),
  eventTag: z.string().optional(),
  eventTime: z.string().optional(),
  actor: z.string().optional(),
  /** metaProperties.title: the letter's title when the event is about one. */
  title: z.string().optional(),
  /** The event's `message`, when it names one and the event says which mailbox it lies in. */
  messageId: z.string().optional(),
  mailboxId: z.string().optional(),
});
export type EventView = z.infer<typeof EventViewSchema>;

export const EventPageSchema = z.object({
  events: z.array(EventViewSchema),
  /** Opaque cursor for "Vis flere"; null when Digital Post says there is no further page. */
  next: z.string().nullable(),
  total: z.number().int().nullable(),
});
export type EventPage = z.infer<typeof EventPageSchema>;

export const EventQuerySchema = z.strictObject({
  /** Absent: every event the person may see; else eventProperties.mailboxId. */
  mailboxId: Id.optional(),
  dateFrom: IsoDateTime,
  dateTo: IsoDateTime,
  subject: Token.optional(),
  next: z.string().max(2000).optional(),
});
export type EventQuery = z.infer<typeof EventQuerySchema>;

export const TrusteeViewSchema = z.object({
  /** Stable key for the list. */
  key: z.string(),
  name: z.string().optional(),
  /** The trustee's masked CPR when Digital Post sends one. */
  maskedId: z.string().optional(),
  accessType: z.string().optional(),
  /** Privilege types from the identity registry (§9), e.g. LEGAL_REPRESENTATIVE. */
  privilegeTypes: z.array(z.string()),
  /** What revoking removes (DELETE /privileges/direct/{id}); empty when nothing here can be revoked. */
  privilegeIds: z.array(z.string()),
  since: z.string().optional(),
});
export type TrusteeView = z.infer<typeof TrusteeViewSchema>;

export const RequestViewSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  state: z.string(),
  requestType: z.string(),
  privileges: z.array(z.string()),
  /** Who asked: a masked CPR (the request prints no name for the requester). */
  requester: z.string().optional(),
  /** Whom access is asked to: the resolved name, else what was typed. */
  accessTo: z.string().optional(),
  targetState: z.string().optional(),
  created: z.string().optional(),
  rejectionReason: z.string().optional(),
});
export type RequestView = z.infer<typeof RequestViewSchema>;

export const RequestListsSchema = z.object({
  mine: z.array(RequestViewSchema),
  toMe: z.array(RequestViewSchema),
});
export type RequestLists = z.infer<typeof RequestListsSchema>;

export const NewRequestSchema = z.strictObject({
  cpr: z.string().regex(/^\d{10}$/),
  firstName: z.string().trim().min(1).max(256),
  lastName: z.string().trim().min(1).max(256),
  privilege: Token,
});
export type NewRequest = z.infer<typeof NewRequestSchema>;

export const RequestAnswerSchema = z.enum(['approve', 'reject', 'withdraw']);
export type RequestAnswer = z.infer<typeof RequestAnswerSchema>;

export const accessChannels = {
  /** One page of the event log; a range over three months is refused before any request. */
  'access.events': channel(EventQuerySchema, EventPageSchema),
  /** Whether the message an event names still exists in its mailbox. */
  'access.eventMessage': channel(z.strictObject({ mailboxId: Id, messageId: Id }), z.object({ exists: z.boolean() })),
  /** Who holds access to the signed-in person's own mailbox. */
  'access.trustees': channel(noInput, z.object({ trustees: z.array(TrusteeViewSchema) })),
  /** Revokes privileges the person has given (§9.2 Delete Direct Privilege). */
  'access.revoke': channel(
    z.strictObject({ privilegeIds: z.array(Id).min(1).max(20) }),
    z.object({ ok: z.literal(true) }),
  ),
  'access.requests': channel(noInput, RequestListsSchema),
  'access.requestAccess': channel(NewRequestSchema, RequestViewSchema),
  'access.answerRequest': channel(
    z.strictObject({ id: Id, answer: RequestAnswerSchema, reason: z.string().trim().max(1000).optional() }),
    RequestViewSchema,
  ),
} satisfies Record<string, ChannelDef>;

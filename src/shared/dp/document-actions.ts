import { DOCUMENT_ACTION_SHAPE } from './assumptions';
import { toSafeExternalUrl } from '../external-url';

// A document's actions (pay, self-service, appointment, a deadline), read from the unprinted action object whose
// guessed field names live in DOCUMENT_ACTION_SHAPE. Tolerant reader: anything that does not read as an action is
// skipped, nothing here throws, and the letter is shown whatever its actions look like.

const F = DOCUMENT_ACTION_SHAPE.values.fields;
const CODES = DOCUMENT_ACTION_SHAPE.values.codes;

export type DocumentActionKind = 'payment' | 'selfService' | 'appointment' | 'other';

export interface DocumentAction {
  documentId: string;
  /** Position in the document's `actions` array: with the ids, what main uses to find the action again. */
  index: number;
  kind: DocumentActionKind;
  label: string;
  /** Only an https URL, rebuilt by the external-link allowlist; anything else is dropped (the button is not shown). */
  url?: string;
  /** ISO instants, only when they parse. */
  start?: string;
  end?: string;
  place?: string;
  /** The last moment to act (payment, self-service, information); an appointment has none. */
  deadline?: string;
  /** The action's status code as Digital Post gives it (shown neutrally, never interpreted). */
  status?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

const instant = (v: unknown): string | undefined => {
  const s = text(v);
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

const kindOf = (code: string | undefined): DocumentActionKind => {
  switch (code?.toUpperCase()) {
    case CODES.payment:
      return 'payment';
    case CODES.selfService:
      return 'selfService';
    case CODES.appointment:
      return 'appointment';
    default:
      return 'other';
  }
};

const httpsOnly = (v: unknown): string | undefined => {
  const raw = text(v);
  if (!raw) return undefined;
  const safe = toSafeExternalUrl(raw);
  return safe?.startsWith('https:') ? safe : undefined;
};

/** One action, or null when the object does not say what it is (no label, no link, no time: nothing to show). */
export const readDocumentAction = (raw: unknown, documentId: string, index: number): DocumentAction | null => {
  if (!isObject(raw)) return null;
  const kind = kindOf(text(raw[F.code]));
  const url = httpsOnly(raw[F.url]);
  const start = instant(raw[F.start]);
  const end = instant(raw[F.end]);
  const deadline = instant(raw[F.deadline]) ?? (kind !== 'appointment' ? end : undefined);
  const label = text(raw[F.label]);
  if (!label && !url && !start && !deadline) return null;
  const place = text(raw[F.place]);
  const statusObject = raw[F.status];
  const status = isObject(statusObject) ? text(statusObject[F.statusCode]) : undefined;
  return {
    documentId,
    index,
    kind,
    label: label ?? '',
    ...(url ? { url } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(place ? { place } : {}),
    ...(deadline ? { deadline } : {}),
    ...(status ? { status } : {}),
  };
};

interface WithDocuments {
  documents?: readonly { id: string; actions?: readonly unknown[] | null }[] | null;
}

/** Every readable action of a message, in document order. */
export const readMessageActions = (message: WithDocuments): DocumentAction[] => {
  const out: DocumentAction[] = [];
  for (const doc of message.documents ?? []) {
    const actions: readonly unknown[] = Array.isArray(doc.actions) ? doc.actions : [];
    actions.forEach((raw, i) => {
      const action = readDocumentAction(raw, doc.id, i);
      if (action) out.push(action);
    });
  }
  return out;
};

/**
 * The soonest deadline of a message that has not passed yet (a deadline counts until its end), or undefined.
 * `now` is passed in so the list and "Frister" agree on one moment.
 */
export const upcomingDeadlineOf = (message: WithDocuments, now: number): string | undefined => {
  let soonest: string | undefined;
  for (const a of readMessageActions(message)) {
    if (!a.deadline || Date.parse(a.deadline) < now) continue;
    if (!soonest || a.deadline < soonest) soonest = a.deadline;
  }
  return soonest;
};

/** The messages with an upcoming deadline, soonest first (ties keep their order). */
export const byUpcomingDeadline = <M extends WithDocuments>(messages: readonly M[], now: number): M[] =>
  messages
    .map((m, i) => ({ m, i, d: upcomingDeadlineOf(m, now) }))
    .filter((x): x is { m: M; i: number; d: string } => x.d !== undefined)
    .sort((a, b) => (a.d < b.d ? -1 : a.d > b.d ? 1 : a.i - b.i))
    .map((x) => x.m);

import type { Identity } from '../../identity';
import { EVENT_TYPES } from '../../../shared/dp/assumptions';
import type { MailboxRecord, MailStore, MessageRecord } from '../context';
import { createPrng, maskCpr } from '../util';

// The sandbox's event log (§7): events kept as §7.2 prints them, plus who may see each. Seeded events are placed
// relative to the clock at reset, so the default three-week window always holds some and paging has work to do;
// a few name messages that no longer exist, as a real log keeps events of deleted letters.

export type EventKind = keyof typeof EVENT_TYPES.values;

export interface EventRecord {
  id: string;
  eventId: string;
  version: 0;
  transactionId: string;
  channel: 'output';
  channels: ['output'];
  subject: string;
  type: string;
  eventTime: string;
  created: string;
  owner: string;
  ownerIdentityId?: string;
  actor: string;
  actorIdentityId?: string;
  system: { id: string; name: string; user: string };
  message?: string;
  eventProperties: Record<string, string>;
  metaProperties: Record<string, string>;
  searchEventProperties: Record<string, string>;
  eventTag: string;
}

interface Stored {
  event: EventRecord;
  /** Sandbox identity ids that may see the event besides whoever holds access to its mailbox. */
  visibleTo: string[];
  mailboxId?: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TRANSACTION_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface AppendInput {
  kind: EventKind;
  at?: Date;
  owner: string;
  ownerIdentityId?: string;
  actor: string;
  actorIdentityId?: string;
  mailboxId?: string;
  message?: string;
  eventProperties?: Record<string, string>;
  metaProperties?: Record<string, string>;
  visibleTo?: string[];
  systemName?: string;
}

export class EventLog {
  private stored: Stored[] = [];
  private uuid: () => string;
  private int: (min: number, max: number) => number;

  constructor(
    private readonly store: MailStore,
    private readonly now: () => Date,
    private readonly identities: readonly Identity[],
    private readonly seedValue: number,
  ) {
    const prng = createPrng(seedValue);
    this.uuid = prng.uuid;
    this.int = prng.int;
  }

  private transactionId(): string {
    return Array.from({ length: 32 }, () => TRANSACTION_CHARS[this.int(0, TRANSACTION_CHARS.length - 1)]).join('');
  }

  append(input: AppendInput): EventRecord {
    const t = EVENT_TYPES.values[input.kind];
    const at = input.at ?? this.now();
    const event: EventRecord = {
      id: this.uuid(),
      eventId: this.uuid(),
      version: 0,
      transactionId: this.transactionId(),
      channel: 'output',
      channels: ['output'],
      subject: t.subject,
      type: t.type,
      eventTime: at.toISOString(),
      created: new Date(at.getTime() + 200).toISOString(),
      owner: input.owner,
      ...(input.ownerIdentityId ? { ownerIdentityId: input.ownerIdentityId } : {}),
      actor: input.actor,
      ...(input.actorIdentityId ? { actorIdentityId: input.actorIdentityId } : {}),
      system: {
        id: SYSTEM_IDS[t.subject] ?? SYSTEM_IDS.MESSAGE!,
        name: input.systemName ?? systemOf(t.subject),
        user: input.actorIdentityId ?? input.actor,
      },
      ...(input.message ? { message: input.message } : {}),
      eventProperties: {
        ...(input.mailboxId ? { mailboxId: input.mailboxId } : {}),
        ...input.eventProperties,
      },
      metaProperties: input.metaProperties ?? {},
      searchEventProperties: {},
      eventTag: t.eventTag,
    };
    this.stored.push({
      event,
      visibleTo: input.visibleTo ?? [],
      ...(input.mailboxId ? { mailboxId: input.mailboxId } : {}),
    });
    return event;
  }

  /** Events the identity may see: those of mailboxes it holds access to, and those naming it. */
  visibleTo(identityId: string): EventRecord[] {
    return this.stored
      .filter(
        (s) =>
          s.visibleTo.includes(identityId) ||
          (s.mailboxId !== undefined && this.store.accessFor(identityId, s.mailboxId) !== undefined),
      )
      .map((s) => s.event);
  }

  clear(): void {
    this.stored = [];
  }

  /** Fills the log from the store as it was just seeded. */
  seed(): void {
    this.clear();
    const prng = createPrng(this.seedValue);
    this.uuid = prng.uuid;
    this.int = prng.int;
    const now = this.now().getTime();
    for (const mailbox of this.store.mailboxes.values()) this.seedMailbox(mailbox, now);
  }

  private ownerOf(mailbox: MailboxRecord): { owner: string; ownerIdentityId?: string } {
    const identity = this.identities.find((i) => i.id === mailbox.ownerIdentityId);
    return {
      owner: mailbox.ownerType === 'CITIZEN' ? maskCpr(mailbox.ownerId) : mailbox.ownerId,
      ...(identity ? { ownerIdentityId: identity.dpiid } : {}),
    };
  }

  private messageEvent(
    kind: EventKind,
    mailbox: MailboxRecord,
    at: number,
    id: string,
    title: string,
    sender?: string,
  ) {
    const owner = this.ownerOf(mailbox);
    this.append({
      kind,
      at: new Date(at),
      ...owner,
      actor: kind === 'messageReceived' ? (sender ?? owner.owner) : owner.owner,
      ...(kind !== 'messageReceived' && owner.ownerIdentityId ? { actorIdentityId: owner.ownerIdentityId } : {}),
      mailboxId: mailbox.id,
      message: id,
      eventProperties: { owner: owner.ownerIdentityId ?? mailbox.id, 'message-id': id },
      metaProperties: {
        messageUUID: id,
        title,
        ...(sender ? { sender } : {}),
        recipient: owner.owner,
        legalNotification: 'false',
        mandatory: 'false',
      },
    });
  }

  private seedMailbox(mailbox: MailboxRecord, now: number): void {
    const received = [...this.store.messages.values()]
      .filter((m) => m.mailboxId === mailbox.id && m.messageState === 'RECEIVED')
      .sort((a, b) => b.messageDateTime.localeCompare(a.messageDateTime))
      .slice(0, 30);
    received.forEach((m: MessageRecord, i) => {
      const at = now - (i + 1) * 13 * HOUR;
      const title = m.label ?? '';
      this.messageEvent('messageReceived', mailbox, at, m.id, title, m.sender?.idValue);
      if (m.read) this.messageEvent('messageRead', mailbox, at + 2 * HOUR, m.id, title);
    });
    // Letters deleted since: their events stay, their messages are gone.
    const gone = ['Parkeringsafgift', 'Kontingent – påmindelse'];
    gone.forEach((title, i) => {
      const id = this.uuid();
      const at = now - (3 + i * 4) * DAY;
      this.messageEvent('messageReceived', mailbox, at, id, title, '29189846');
      this.messageEvent('messageDeleted', mailbox, at + 6 * HOUR, id, title);
    });
    // Who was given access, and when: older than the default window, inside three months.
    const owner = this.ownerOf(mailbox);
    for (const access of this.store.accesses.values()) {
      if (access.mailboxId !== mailbox.id || access.accessType === 'OWNER') continue;
      const holder = this.identities.find((i) => i.id === access.identityId);
      this.append({
        kind: 'accessCreated',
        at: new Date(now - 40 * DAY),
        ...owner,
        actor: owner.owner,
        ...(owner.ownerIdentityId ? { actorIdentityId: owner.ownerIdentityId } : {}),
        mailboxId: mailbox.id,
        eventProperties: { clientId: 'sandbox-seed', ...(holder ? { granteeId: holder.dpiid } : {}) },
      });
    }
    // And one letter outside any three-month window that ends now.
    const oldest = received.at(-1);
    if (oldest) this.messageEvent('messageReceived', mailbox, now - 120 * DAY, oldest.id, oldest.label ?? '');
  }
}

const SYSTEM_IDS: Record<string, string> = {
  MESSAGE: '0d6b8e8c-3f0a-4c55-9d7e-1c2b3a4d5e61',
  ACCESS: '1e7c9f9d-4a1b-4d66-8e8f-2d3c4b5e6f72',
  ACCESS_REQUEST: '2f8dae0e-5b2c-4e77-9f90-3e4d5c6f7083',
};
const systemOf = (subject: string): string =>
  subject === 'ACCESS_REQUEST'
    ? 'access-request-registry'
    : subject === 'ACCESS'
      ? 'identity-registry'
      : 'mailbox-store';

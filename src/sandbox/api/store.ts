import { randomUUID } from 'node:crypto';
import type {
  AccessRecord,
  FolderRecord,
  MailboxRecord,
  MailStore,
  MessageRecord,
  Outbox,
  OutboxEntry,
  VersionedRecord,
} from './context';

/** A plain list with a clock; the registry part exposes it over HTTP. */
export const createOutbox = (now: () => Date): Outbox => {
  const entries: OutboxEntry[] = [];
  return {
    entries,
    push(entry) {
      const full: OutboxEntry = { ...entry, sentAt: entry.sentAt ?? now().toISOString() };
      entries.push(full);
      return full;
    },
    clear() {
      entries.length = 0;
    },
  };
};

export class InMemoryMailStore implements MailStore {
  readonly mailboxes = new Map<string, MailboxRecord>();
  readonly accesses = new Map<string, AccessRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly outbox: Outbox;
  /** Deterministic ids during seeding; random afterwards so tests cannot guess ids. */
  idSource: () => string = randomUUID;

  constructor(readonly now: () => Date) {
    this.outbox = createOutbox(now);
  }

  accessesOf(identityId: string): AccessRecord[] {
    return [...this.accesses.values()].filter((access) => access.identityId === identityId);
  }

  accessFor(identityId: string, mailboxId: string): AccessRecord | undefined {
    for (const access of this.accesses.values()) {
      if (access.identityId === identityId && access.mailboxId === mailboxId) return access;
    }
    return undefined;
  }

  touch(record: VersionedRecord): void {
    record.version += 1;
    record.lastUpdated = this.now().toISOString();
  }

  newId(): string {
    return this.idSource();
  }

  clear(): void {
    this.mailboxes.clear();
    this.accesses.clear();
    this.folders.clear();
    this.messages.clear();
    this.outbox.clear();
  }
}

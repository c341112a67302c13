import { randomUUID } from 'node:crypto';
import type { KnownFolderType as FolderType } from '../../shared/dp/enums';
import type {
  AccessRecord,
  FileRecord,
  FolderRecord,
  MailboxRecord,
  MailStore,
  MessageRecord,
  Outbox,
  OutboxEntry,
  VersionedRecord,
} from './context';
import { messageView, type MessageView } from './views';

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

interface QueryState {
  /** What queries show until `until` (wall clock ms); null = not yet visible (created within the lag). */
  stale: MessageView | null;
  until: number;
}

export class InMemoryMailStore implements MailStore {
  readonly mailboxes = new Map<string, MailboxRecord>();
  readonly accesses = new Map<string, AccessRecord>();
  readonly folders = new Map<string, FolderRecord>();
  readonly messages = new Map<string, MessageRecord>();
  readonly outbox: Outbox;
  /** Deterministic ids while seeding; random afterwards. */
  idSource: () => string = randomUUID;
  /** Eventual consistency of queries (§3.3.1): writes reach queries only after this many ms. */
  queryLagMs = 0;
  private readonly lagged = new Map<string, QueryState>();
  /** Deleted messages stay visible to queries for the lag. */
  private readonly tombstones = new Map<string, { view: MessageView; until: number; mailboxId: string }>();
  private readonly viewCache = new WeakMap<MessageRecord, { version: number; folderId: string; view: MessageView }>();
  /** Survive clear(): they are wiring (the registry's notifications), not data. */
  private readonly deliveryListeners: ((message: MessageRecord) => void)[] = [];

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

  nowIso(): string {
    return this.now().toISOString();
  }

  standardFolder(mailboxId: string, type: Exclude<FolderType, 'USER_DEFINED'>): FolderRecord {
    for (const folder of this.folders.values()) {
      if (folder.mailboxId === mailboxId && folder.folderType === type) return folder;
    }
    throw new Error(`mailbox ${mailboxId} has no ${type} folder`);
  }

  foldersOf(mailboxId: string): FolderRecord[] {
    return [...this.folders.values()].filter((f) => f.mailboxId === mailboxId);
  }

  messagesOf(mailboxId: string): MessageRecord[] {
    const out: MessageRecord[] = [];
    for (const m of this.messages.values()) if (m.mailboxId === mailboxId) out.push(m);
    return out;
  }

  view(message: MessageRecord): MessageView {
    const cached = this.viewCache.get(message);
    if (cached && cached.version === message.version && cached.folderId === message.folderId) return cached.view;
    const view = messageView(message);
    this.viewCache.set(message, { version: message.version, folderId: message.folderId, view });
    return view;
  }

  addMessage(message: MessageRecord): MessageRecord {
    this.messages.set(message.id, message);
    if (this.queryLagMs > 0) this.lagged.set(message.id, { stale: null, until: Date.now() + this.queryLagMs });
    return message;
  }

  /**
   * Adds a message that Digital Post delivers to its mailbox now (a sender system's letter, a copy of a send or
   * forward), so listeners can act as on new post. Seeded history goes through addMessage and notifies no one.
   */
  deliver(message: MessageRecord): MessageRecord {
    this.addMessage(message);
    for (const listener of this.deliveryListeners) listener(message);
    return message;
  }

  onDelivery(listener: (message: MessageRecord) => void): void {
    this.deliveryListeners.push(listener);
  }

  /** Every change to a message goes through here: version, lastUpdated and query lag move together. */
  updateMessage(
    message: MessageRecord,
    mutate: (m: MessageRecord) => void,
    options: { bumpVersion?: boolean } = {},
  ): MessageRecord {
    if (this.queryLagMs > 0) {
      const pending = this.lagged.get(message.id);
      const stale = pending && pending.until > Date.now() ? pending.stale : this.view(message);
      this.lagged.set(message.id, { stale, until: Date.now() + this.queryLagMs });
    }
    mutate(message);
    // Documents and files carry their own versions; changing them leaves the message version alone, so a client
    // autosaving content does not collide with its own message edits. The cached view must still go.
    if (options.bumpVersion === false) message.lastUpdated = this.nowIso();
    else this.touch(message);
    this.viewCache.delete(message);
    return message;
  }

  deleteMessage(message: MessageRecord): void {
    if (this.queryLagMs > 0) {
      const pending = this.lagged.get(message.id);
      const stale = pending && pending.until > Date.now() ? pending.stale : this.view(message);
      if (stale)
        this.tombstones.set(message.id, {
          view: stale,
          until: Date.now() + this.queryLagMs,
          mailboxId: message.mailboxId,
        });
      this.lagged.delete(message.id);
    }
    this.messages.delete(message.id);
  }

  /** What a query may see right now: the current views, except writes younger than the lag. */
  queryableMessages(mailboxId: string): MessageView[] {
    const nowMs = Date.now();
    const out: MessageView[] = [];
    for (const m of this.messages.values()) {
      if (m.mailboxId !== mailboxId) continue;
      const pending = this.lagged.get(m.id);
      if (pending && pending.until > nowMs) {
        if (pending.stale) out.push(pending.stale);
        continue;
      }
      if (pending) this.lagged.delete(m.id);
      out.push(this.view(m));
    }
    for (const [id, tomb] of this.tombstones) {
      if (tomb.until <= nowMs) this.tombstones.delete(id);
      else if (tomb.mailboxId === mailboxId) out.push(tomb.view);
    }
    return out;
  }

  /** Bytes of a file, rendering lazily generated content on first use. */
  async readContent(file: FileRecord): Promise<Buffer | null> {
    if (file.content === null) return null;
    if (Buffer.isBuffer(file.content)) return file.content;
    const bytes = await file.content();
    return bytes;
  }

  clear(): void {
    this.mailboxes.clear();
    this.accesses.clear();
    this.folders.clear();
    this.messages.clear();
    this.lagged.clear();
    this.tombstones.clear();
    this.outbox.clear();
  }
}

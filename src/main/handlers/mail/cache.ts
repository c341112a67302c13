import type { AccessType, FolderType } from '../../../shared/dp/enums';
import type { Message } from '../../../shared/dp/resources';
import type { MessageFacts } from './move-rules';

/** A bounded map that forgets the least recently used entry first. */
export class LruMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  get(key: K): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }
  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) {
      const oldest = this.map.keys().next();
      if (!oldest.done) this.map.delete(oldest.value);
    }
  }
  delete(key: K): void {
    this.map.delete(key);
  }
  get size(): number {
    return this.map.size;
  }
}

export interface CachedMessage extends MessageFacts {
  mailboxId: string;
  version: number;
}

/**
 * What recent responses told us, so the common update (mark read, flag, move from the list) is one PATCH: the
 * message version and state, folder types per mailbox, and our access type per mailbox. A stale entry costs a 409
 * and one refetch, never a wrong write (If-Match guards it).
 */
export class MailCache {
  private readonly messages = new LruMap<string, CachedMessage>(5000);
  private readonly folderTypes = new Map<string, Map<string, FolderType>>();
  private readonly accessTypes = new Map<string, AccessType>();

  private key(mailboxId: string, messageId: string): string {
    return `${mailboxId}/${messageId}`;
  }

  rememberMessage(m: Message): void {
    const facts: CachedMessage = {
      mailboxId: m.mailboxId,
      version: m.version,
      folderId: m.folderId,
      legallyNotified: m.legallyNotified,
      ...(m.messageState !== undefined ? { messageState: m.messageState } : {}),
    };
    this.messages.set(this.key(m.mailboxId, m.id), facts);
  }

  message(mailboxId: string, messageId: string): CachedMessage | undefined {
    return this.messages.get(this.key(mailboxId, messageId));
  }

  forgetMessage(mailboxId: string, messageId: string): void {
    this.messages.delete(this.key(mailboxId, messageId));
  }

  rememberFolders(mailboxId: string, folders: readonly { folderId: string; folderType: FolderType }[]): void {
    this.folderTypes.set(mailboxId, new Map(folders.map((f) => [f.folderId, f.folderType])));
  }

  rememberFolder(mailboxId: string, folderId: string, folderType: FolderType): void {
    const map = this.folderTypes.get(mailboxId);
    if (map) map.set(folderId, folderType);
  }

  forgetFolder(mailboxId: string, folderId: string): void {
    this.folderTypes.get(mailboxId)?.delete(folderId);
  }

  folders(mailboxId: string): ReadonlyMap<string, FolderType> | undefined {
    return this.folderTypes.get(mailboxId);
  }

  rememberAccess(mailboxId: string, accessType: AccessType): void {
    this.accessTypes.set(mailboxId, accessType);
  }

  access(mailboxId: string): AccessType | undefined {
    return this.accessTypes.get(mailboxId);
  }
}

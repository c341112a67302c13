// Which mailbox and inbox the app opened last, so the next start can ask for the list before the chain
// auth.status → mailboxes.list → folders.summary has answered. Ids only: no tokens, names or content.

const KEY = 'dp.lastInbox';

export interface LastInbox {
  mailboxId: string;
  inboxFolderId: string;
}

export function readLastInbox(): LastInbox | null {
  try {
    const raw: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null');
    if (raw && typeof raw === 'object') {
      const { mailboxId, inboxFolderId } = raw as Record<string, unknown>;
      if (typeof mailboxId === 'string' && typeof inboxFolderId === 'string') return { mailboxId, inboxFolderId };
    }
  } catch {
    // A broken or blocked storage only costs the head start.
  }
  return null;
}

export function rememberLastInbox(value: LastInbox | null): void {
  try {
    if (value)
      globalThis.localStorage?.setItem(
        KEY,
        JSON.stringify({ mailboxId: value.mailboxId, inboxFolderId: value.inboxFolderId }),
      );
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // See readLastInbox.
  }
}

import { describe, expect, it } from 'vitest';
import { FolderSchema, MailboxSchema, MessageSchema } from '../../shared/dp/resources';
import { defaultSandboxConfig } from '../config';
import { SANDBOX_IDENTITIES } from '../identities';
import { seedStore } from './seed';
import { InMemoryMailStore } from './store';
import { folderView, mailboxView, messageView } from './views';

// The app parses what the sandbox sends with the shared resource schemas; every seeded resource must pass them.
describe('views', () => {
  const store = new InMemoryMailStore(() => new Date('2026-11-23T08:00:00Z'));
  void seedStore(store, defaultSandboxConfig(), SANDBOX_IDENTITIES);

  it('match the shared resource schemas', () => {
    for (const m of store.messages.values()) expect(MessageSchema.safeParse(messageView(m)).success).toBe(true);
    for (const f of store.folders.values()) expect(FolderSchema.safeParse(folderView(f)).success).toBe(true);
    for (const a of store.accesses.values()) {
      expect(MailboxSchema.safeParse(mailboxView(store.mailboxes.get(a.mailboxId)!, a)).success).toBe(true);
    }
  });

  it('never carry an unmasked CPR', () => {
    const cprs = SANDBOX_IDENTITIES.map((i) => i.cpr);
    const text =
      JSON.stringify([...store.messages.values()].map(messageView)) +
      JSON.stringify([...store.mailboxes.values()].map((m) => mailboxView(m, undefined)));
    for (const cpr of cprs) expect(text).not.toContain(cpr);
  });
});

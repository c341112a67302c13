import { describe, expect, it } from 'vitest';
import { defaultSandboxConfig } from '../../config';
import { SANDBOX_IDENTITIES } from '../../identities';
import { InMemoryMailStore } from '../store';
import { seedStore } from './index';

const seeded = (messages = 0, seed = defaultSandboxConfig().seed) => {
  const store = new InMemoryMailStore(() => new Date('2026-11-23T08:00:00Z'));
  const pdfs = seedStore(store, { ...defaultSandboxConfig(), messages, seed }, SANDBOX_IDENTITIES);
  return { store, pdfs };
};
const loneMailbox = (store: InMemoryMailStore) =>
  [...store.mailboxes.values()].find((m) => m.ownerIdentityId === 'lone')!;

describe('seed', () => {
  it('is deterministic for a seed and different for another', () => {
    const a = seeded().store;
    const b = seeded().store;
    const c = seeded(0, 7).store;
    expect([...a.messages.keys()]).toEqual([...b.messages.keys()]);
    expect([...a.messages.keys()]).not.toEqual([...c.messages.keys()]);
  });

  it('gives Lone ~40 received letters from ~10 authorities with every special kind of message', async () => {
    const { store, pdfs } = seeded();
    await pdfs;
    const mb = loneMailbox(store);
    const messages = store.messagesOf(mb.id);
    const received = messages.filter((m) => m.messageState === 'RECEIVED');
    expect(received.length).toBeGreaterThanOrEqual(38);
    expect(new Set(received.map((m) => m.sender?.label)).size).toBeGreaterThanOrEqual(9);
    expect(received.some((m) => m.legalNotification)).toBe(true);
    expect(received.some((m) => !m.reply)).toBe(true);
    expect(received.some((m) => !m.forward)).toBe(true);
    expect(received.some((m) => m.welcomeMessage)).toBe(true);
    expect(received.some((m) => m.errorMessage)).toBe(true);
    expect(messages.filter((m) => m.messageState === 'DRAFT').length).toBe(2);
    expect(messages.filter((m) => m.messageState === 'SENT').length).toBeGreaterThanOrEqual(2);
    const formats = new Set(messages.flatMap((m) => m.documents.flatMap((d) => d.files.map((f) => f.encodingFormat))));
    for (const f of ['text/html', 'application/pdf', 'text/plain', 'image/png', 'text/csv'])
      expect(formats).toContain(f);
    const months = new Set(received.map((m) => m.messageDateTime.slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(5);
    for (const m of messages)
      for (const d of m.documents)
        for (const f of d.files) {
          if (f.content !== null) expect(f.fileSize).toBeGreaterThan(0);
        }
  });

  it('gives every access an e-mail, an SMS and two push subscriptions', () => {
    const { store } = seeded();
    expect(store.accesses.size).toBeGreaterThanOrEqual(5);
    for (const a of store.accesses.values()) {
      expect(a.emailNotificationSubscriptions).toHaveLength(1);
      expect(a.smsNotificationSubscription).not.toBeNull();
      expect(a.pushNotificationSubscriptions).toHaveLength(2);
    }
  });

  it('seeds 20 000 extra messages in well under 10 s', () => {
    const started = performance.now();
    const { store } = seeded(20_000);
    const elapsed = performance.now() - started;
    expect(store.messagesOf(loneMailbox(store).id).length).toBeGreaterThan(20_000);
    expect(elapsed).toBeLessThan(10_000);
  });
});

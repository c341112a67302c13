import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from './api-test-client.test-support';

let api: ApiClient;
let lone: string;

beforeAll(async () => {
  api = await startApi({ messages: 12_000 });
  lone = await api.mailboxOf('lone', 'Lone Defaultssen');
}, 60_000);
afterAll(async () => api.close());

const q = (query: string) => api.request('lone', 'GET', `/mailboxes/${lone}/messages/?${query}`);

describe('GET /mailboxes/{id}/messages (§3.3, §6.8)', () => {
  it('defaults to 100 per page and returns the SearchResult shape', async () => {
    const res = await q('');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentPage: 0, elementsOnPage: 100 });
    expect(res.body.totalElements).toBeGreaterThan(12_000);
    expect(res.body.messages).toHaveLength(100);
    expect(typeof res.body.next).toBe('string');
  });

  it('returns a 10 000-element page and refuses a bigger one', async () => {
    const res = await q('size=10000&fields=id');
    expect(res.body.messages).toHaveLength(10_000);
    expect((await q('size=10001')).status).toBe(400);
    expect((await q('page=1&size=10000')).status).toBe(400);
  });

  it('pages past 10 000 with next, ascending', async () => {
    const first = await q('size=10000&sortFields=messageDateTime:asc&fields=id');
    const second = await q(
      `size=10000&sortFields=messageDateTime:asc&fields=id&next=${encodeURIComponent(first.body.next)}`,
    );
    expect(second.status).toBe(200);
    const all = new Set([...first.body.messages, ...second.body.messages].map((m: { id: string }) => m.id));
    expect(all.size).toBe(first.body.totalElements);
  });

  it('filters by folderId (comma list or repeated) and by date range', async () => {
    const summary = (await api.request('lone', 'GET', `/mailboxes/${lone}/folders/summary/`)).body.folders as any[];
    const sent = summary.find((f) => f.folderType === 'SENT');
    const drafts = summary.find((f) => f.folderType === 'DRAFTS');
    const both = await q(`folderId=${sent.folderId},${drafts.folderId}`);
    expect(both.body.totalElements).toBe(sent.totalMessages + drafts.totalMessages);
    const repeated = await q(`folderId=${sent.folderId}&folderId=${drafts.folderId}`);
    expect(repeated.body.totalElements).toBe(both.body.totalElements);
    expect((await q('folderId=nope')).status).toBe(400);

    const range = await q('dateFrom=2026-11-01&dateTo=2026-11-10&size=10000&fields=messageDateTime');
    expect(range.body.totalElements).toBeGreaterThan(0);
    for (const m of range.body.messages)
      expect(m.messageDateTime.slice(0, 10) >= '2026-11-01' && m.messageDateTime.slice(0, 10) <= '2026-11-10').toBe(
        true,
      );
    expect((await q('dateFrom=01-11-2026')).status).toBe(400);
  });

  it('searches with any, field search and the 100-character limit', async () => {
    const any = await q('any=Bødeforelæg');
    expect(any.body.messages.map((m: any) => m.label)).toContain('Bødeforelæg – hastighedsovertrædelse');
    const field = await q(`sender.label=${encodeURIComponent('"Københavns Byret"')}`);
    expect(field.body.messages.every((m: any) => m.sender.label === 'Københavns Byret')).toBe(true);
    const long = await q(`label=${'a'.repeat(101)}`);
    expect(long.status).toBe(400);
    expect(long.body.message).toMatch(/exceeds limit of 100/);
  });

  it('sorts by sortFields', async () => {
    const res = await q('sortFields=label:asc&size=50&fields=label');
    const labels = res.body.messages.map((m: any) => m.label.toLowerCase());
    expect([...labels].sort()).toEqual(labels);
  });
});

describe('eventual consistency (config.queryLagMs)', () => {
  it('shows a write to queries only after the lag, but at once to fetch by id', async () => {
    const lagged = await startApi({ queryLagMs: 400 });
    try {
      const mb = await lagged.mailboxOf('lone', 'Lone Defaultssen');
      const created = await lagged.request('lone', 'POST', `/mailboxes/${mb}/messages/`, {
        body: { label: 'Forsinket' },
      });
      expect((await lagged.request('lone', 'GET', `/mailboxes/${mb}/messages/${created.body.id}`)).status).toBe(200);
      const before = await lagged.request('lone', 'GET', `/mailboxes/${mb}/messages/?label=Forsinket`);
      expect(before.body.totalElements).toBe(0);
      await new Promise((r) => setTimeout(r, 500));
      const after = await lagged.request('lone', 'GET', `/mailboxes/${mb}/messages/?label=Forsinket`);
      expect(after.body.totalElements).toBe(1);
    } finally {
      await lagged.close();
    }
  });
});

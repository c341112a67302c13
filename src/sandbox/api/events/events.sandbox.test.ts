import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import { startApi, type ApiClient } from '../api-test-client.test-support';

// §7.1: the event log answers for three weeks by default, refuses more than three months, pages by `next`, and filters
// on any event property by its dotted path.

let api: ApiClient;
let loneMailbox: string;
beforeAll(async () => {
  api = await startApi();
  loneMailbox = await api.mailboxOf('lone', 'Lone Defaultssen');
});
afterAll(() => api.close());

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /events/', () => {
  it('answers for the past three weeks by default, newest first, as an EventSearchResult', async () => {
    const res = await api.request('lone', 'GET', '/events/');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currentPage: 0, totalElements: expect.any(Number), events: expect.any(Array) });
    const times = (res.body.events as { eventTime: string }[]).map((e) => Date.parse(e.eventTime));
    expect(times.length).toBeGreaterThan(10);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.now() - 21 * DAY - 60_000);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(res.body.events[0]).toMatchObject({
      id: expect.any(String),
      subject: expect.any(String),
      channel: 'output',
    });
  });

  it('allows exactly three months and refuses one day more with the assumed code', async () => {
    const from = Date.parse('2026-08-04T10:00:00.000Z');
    const ok = await api.request('lone', 'GET', `/events/?dateFrom=${iso(from)}&dateTo=2026-11-04T10:00:00.000Z`);
    expect(ok.status).toBe(200);
    const tooLong = await api.request('lone', 'GET', `/events/?dateFrom=${iso(from)}&dateTo=2026-11-05T10:00:00.000Z`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fieldErrors[0].code).toBe(EVENT_LOG_RANGE_REFUSAL.value);
  });

  it('shows older events only for a custom range', async () => {
    const now = Date.now();
    const wide = await api.request(
      'lone',
      'GET',
      `/events/?dateFrom=${iso(now - 80 * DAY)}&dateTo=${iso(now)}&size=500`,
    );
    const narrow = await api.request('lone', 'GET', '/events/?size=500');
    expect(wide.body.totalElements).toBeGreaterThan(narrow.body.totalElements);
    expect((wide.body.events as { subject: string }[]).some((e) => e.subject === 'ACCESS')).toBe(true);
  });

  it('pages by next until next is empty, without repeating an event', async () => {
    const seen: string[] = [];
    let next = '';
    let pages = 0;
    do {
      const res = await api.request('lone', 'GET', `/events/?size=7${next ? `&next=${encodeURIComponent(next)}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...(res.body.events as { id: string }[]).map((e) => e.id));
      next = res.body.next;
      pages += 1;
    } while (next && pages < 50);
    const all = await api.request('lone', 'GET', '/events/?size=500');
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual((all.body.events as { id: string }[]).map((e) => e.id));
  });

  it('filters by subject and by a mailbox id inside eventProperties, exactly', async () => {
    const res = await api.request(
      'lone',
      'GET',
      `/events/?subject=MESSAGE&eventProperties.mailboxId=${loneMailbox}&size=500`,
    );
    const events = res.body.events as { subject: string; eventProperties: { mailboxId: string } }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.subject === 'MESSAGE' && e.eventProperties.mailboxId === loneMailbox)).toBe(true);
    const wildcard = await api.request('lone', 'GET', `/events/?eventProperties.mailboxId=${loneMailbox.slice(0, 8)}*`);
    expect(wildcard.body.events).toEqual([]);
  });

  it('links events to messages that exist, and keeps those of deleted letters', async () => {
    const res = await api.request(
      'lone',
      'GET',
      `/events/?subject=MESSAGE&eventProperties.mailboxId=${loneMailbox}&size=500`,
    );
    const ids = [...new Set((res.body.events as { message: string }[]).map((e) => e.message))];
    const found = await Promise.all(
      ids.map(async (id) => (await api.request('lone', 'GET', `/mailboxes/${loneMailbox}/messages/${id}`)).status),
    );
    expect(found.filter((s) => s === 200).length).toBeGreaterThan(5);
    expect(found.filter((s) => s === 404).length).toBeGreaterThan(0);
  });

  it("shows no one another person's mailbox events", async () => {
    const res = await api.request('mette', 'GET', `/events/?eventProperties.mailboxId=${loneMailbox}`);
    expect(res.body.events).toEqual([]);
  });
});

describe('spec-minimal mode', () => {
  let minimal: ApiClient;
  beforeAll(async () => {
    minimal = await startApi({ specMinimal: true });
  });
  afterAll(() => minimal.close());

  it('keeps printed subjects and fields but spells the guessed types and tags so no client could know them', async () => {
    const res = await minimal.request('lone', 'GET', '/events/?subject=MESSAGE&size=500');
    const events = res.body.events as { subject: string; type: string; eventTag: string; message: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.subject === 'MESSAGE' && e.type.endsWith('_X') && e.eventTag.endsWith('_X'))).toBe(
      true,
    );
    expect(events.every((e) => typeof e.message === 'string')).toBe(true);
  });

  it('answers access requests with the guessed states respelled and does not take the guess in', async () => {
    const karl = await minimal.request('karl', 'GET', '/mailboxes/');
    expect(karl.status).toBe(200);
    const body = {
      requestType: 'PRIVILEGE_REQUEST',
      requestState: 'SUBMITTED',
      requester: { citizenIdentityId: '8b7e2d41-0c9f-4e3a-a5b6-2c3d4e5f6a72' },
      accessTo: {
        externalId: '0101701231',
        externalIdType: 'CPR',
        firstNameProvided: 'Lone',
        lastNameProvided: 'Defaultssen',
      },
      privileges: ['LEGAL_REPRESENTATIVE'],
      target: { requestParticipant: { citizenIdentityId: '8b7e2d41-0c9f-4e3a-a5b6-2c3d4e5f6a72' } },
    };
    const created = await minimal.request('karl', 'POST', '/access-requests/', { body });
    expect(created.status).toBe(201);
    const guessed = await minimal.request('karl', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...created.body, requestState: 'WITHDRAWN' },
      ifMatch: 0,
    });
    expect(guessed.body.fieldErrors[0].code).toBe('accessRequest.requestState.invalid');
    const minimalSpelling = await minimal.request('karl', 'PUT', `/access-requests/${created.body.id}`, {
      body: { ...created.body, requestState: 'TRUKKET_TILBAGE_X' },
      ifMatch: 0,
    });
    expect(minimalSpelling.body.requestState).toBe('TRUKKET_TILBAGE_X');
  });
});

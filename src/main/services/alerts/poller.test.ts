import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppEvent } from '../../../shared/ipc/events';
import { AlertPoller } from './poller';
import { memoryAlertPrefs } from './prefs';

const START = Date.parse('2026-11-23T10:00:00Z');
interface Msg {
  id: string;
  label: string;
  messageDateTime: string;
}

const setup = (opts: { prefs?: Record<string, boolean> } = {}) => {
  const inbox: Record<string, Msg[]> = { 'mb-a': [], 'mb-b': [] };
  const gets: string[] = [];
  const api = {
    get: vi.fn(async (path: string, o?: { query?: Record<string, unknown> }) => {
      gets.push(path);
      if (path === 'mailboxes/')
        return { status: 200, headers: new Headers(), data: { mailboxes: Object.keys(inbox).map((id) => ({ id })) } };
      const id = decodeURIComponent(path.split('/')[1]!);
      expect(o?.query).toMatchObject({ size: 1, read: false, sortFields: 'messageDateTime:desc' });
      const unread = [...(inbox[id] ?? [])].sort((a, b) => b.messageDateTime.localeCompare(a.messageDateTime));
      return {
        status: 200,
        headers: new Headers(),
        data: {
          totalElements: unread.length,
          messages: unread.slice(0, 1).map((m) => ({ ...m, sender: { label: 'Skattestyrelsen' } })),
        },
      };
    }),
  };
  const events: AppEvent[] = [];
  const shown: { title: string; body: string; onClick: () => void }[] = [];
  const badges: number[] = [];
  const poller = new AlertPoller({
    api: api as never,
    events: { emit: (e) => events.push(e) },
    hooks: { showNotification: (n) => shown.push(n), setBadgeCount: (n) => badges.push(n) },
    prefs: memoryAlertPrefs(opts.prefs),
    intervalMs: 60_000,
  });
  const deliver = (mailboxId: string, id: string, minutesAfterStart: number) =>
    inbox[mailboxId]!.push({
      id,
      label: `Brev ${id}`,
      messageDateTime: new Date(START + minutesAfterStart * 60_000).toISOString(),
    });
  const tick = async () => {
    await vi.advanceTimersByTimeAsync(60_000);
    await poller.settled();
  };
  return { poller, api, gets, events, shown, badges, inbox, deliver, tick };
};

describe('AlertPoller', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('post that was there before start never alerts; a new message alerts once', async () => {
    const t = setup();
    t.deliver('mb-a', 'old', -60);
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    expect(t.shown).toHaveLength(0);

    t.deliver('mb-a', 'm1', 1);
    await t.tick();
    expect(t.shown.map((n) => [n.title, n.body])).toEqual([['Ny post fra Skattestyrelsen', 'Brev m1']]);
    expect(t.events).toContainEqual({
      type: 'mail.new',
      mailboxId: 'mb-a',
      messageId: 'm1',
      senderLabel: 'Skattestyrelsen',
      label: 'Brev m1',
    });
    expect(t.badges.at(-1)).toBe(2);
    expect(t.events.at(-1)).toEqual({ type: 'mail.unread', total: 2 });

    await t.tick();
    expect(t.shown).toHaveLength(1);
    expect(t.events.filter((e) => e.type === 'mail.new')).toHaveLength(1);

    // Clicking the alert asks the window to open that message.
    t.shown[0]!.onClick();
    expect(t.events.at(-1)).toEqual({ type: 'mail.open', mailboxId: 'mb-a', messageId: 'm1' });
    t.poller.stop();
  });

  it('costs at most one request per mailbox per poll (plus the mailbox list now and then)', async () => {
    const t = setup();
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    t.gets.length = 0;
    await t.tick();
    await t.tick();
    expect(t.gets.filter((p) => p !== 'mailboxes/')).toHaveLength(4);
    t.poller.stop();
  });

  it('a mailbox with alerts turned off gives no alert and no event', async () => {
    const t = setup({ prefs: { 'mb-b': false } });
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    t.deliver('mb-b', 'quiet', 1);
    await t.tick();
    expect(t.shown).toHaveLength(0);
    expect(t.events.filter((e) => e.type === 'mail.new')).toHaveLength(0);
    t.poller.stop();
  });

  it('the mailbox the user is reading gets the event (to refresh) but no OS alert; another mailbox still alerts', async () => {
    const t = setup();
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    t.poller.setFocus('mb-a', true);
    t.deliver('mb-a', 'seen', 1);
    t.deliver('mb-b', 'other', 1);
    await t.tick();
    expect(t.events.filter((e) => e.type === 'mail.new').map((e) => (e as { messageId: string }).messageId)).toEqual([
      'seen',
      'other',
    ]);
    expect(t.shown.map((n) => n.body)).toEqual(['Brev other']);

    // Window in the background: the same mailbox alerts again.
    t.poller.setFocus('mb-a', false);
    t.deliver('mb-a', 'later', 2);
    await t.tick();
    expect(t.shown.map((n) => n.body)).toEqual(['Brev other', 'Brev later']);
    t.poller.stop();
  });

  it('an old letter marked unread again is not new post', async () => {
    const t = setup();
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    t.deliver('mb-a', 'from-last-year', -500_000);
    await t.tick();
    expect(t.shown).toHaveLength(0);
    t.poller.stop();
  });

  it('stop ends polling and clears the badge', async () => {
    const t = setup();
    t.poller.start();
    await vi.advanceTimersByTimeAsync(0);
    await t.poller.settled();
    t.poller.stop();
    const before = t.api.get.mock.calls.length;
    await vi.advanceTimersByTimeAsync(300_000);
    expect(t.api.get.mock.calls.length).toBe(before);
    expect(t.badges.at(-1)).toBe(0);
  });
});

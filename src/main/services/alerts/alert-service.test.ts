import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../event-hub';
import { alertIntervalFrom, createAlertService } from './alert-service';
import { ALERT_PREFS_FILE, loadAlertPrefs, memoryAlertPrefs } from './prefs';

const dirs: string[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('alert preferences', () => {
  it('persist per mailbox and survive a restart; a broken file means all on', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dp-alerts-'));
    dirs.push(dir);
    const prefs = await loadAlertPrefs(dir);
    expect(prefs.isEnabled('mb-1')).toBe(true);
    await prefs.set('mb-1', false);
    expect(JSON.parse(await readFile(join(dir, ALERT_PREFS_FILE), 'utf8'))).toEqual({ mailboxes: { 'mb-1': false } });
    expect((await loadAlertPrefs(dir)).isEnabled('mb-1')).toBe(false);
    await writeFile(join(dir, ALERT_PREFS_FILE), '{nope');
    expect((await loadAlertPrefs(dir)).isEnabled('mb-1')).toBe(true);
  });

  it('the interval comes from DP_ALERT_INTERVAL_MS, else 60 s', () => {
    expect(alertIntervalFrom({ DP_ALERT_INTERVAL_MS: '1500' })).toBe(1500);
    expect(alertIntervalFrom({ DP_ALERT_INTERVAL_MS: 'soon' })).toBe(60_000);
    expect(alertIntervalFrom({})).toBe(60_000);
  });
});

describe('alert service', () => {
  it('polls only while logged in: auth.changed starts and stops it, and logout clears the badge', async () => {
    vi.useFakeTimers();
    let loggedIn = false;
    const events = createEventHub();
    const get = vi.fn(async (path: string) => ({
      status: 200,
      headers: new Headers(),
      data: path === 'mailboxes/' ? { mailboxes: [{ id: 'mb-1' }] } : { totalElements: 0, messages: [] },
    }));
    const badge = vi.fn();
    const service = createAlertService({
      api: { get } as never,
      auth: { status: async () => ({ loggedIn, environment: 'sandbox', pending: false, secretStore: 'memory' }) },
      events,
      hooks: { mode: 'browser', userDataDir: '', appVersion: '0', setBadgeCount: badge },
      prefs: memoryAlertPrefs(),
      intervalMs: 1000,
    });
    await service.sync();
    await vi.advanceTimersByTimeAsync(5000);
    expect(get).not.toHaveBeenCalled();

    loggedIn = true;
    events.emit({ type: 'auth.changed' });
    await vi.advanceTimersByTimeAsync(2500);
    expect(get.mock.calls.filter(([p]) => p !== 'mailboxes/').length).toBe(3);

    loggedIn = false;
    events.emit({ type: 'auth.changed' });
    await vi.advanceTimersByTimeAsync(0);
    const calls = get.mock.calls.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(get.mock.calls.length).toBe(calls);
    expect(badge).toHaveBeenLastCalledWith(0);
    service.dispose();
  });
});

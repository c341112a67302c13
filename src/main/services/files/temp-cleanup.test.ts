import { describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../event-hub';
import { removeTempFilesAtLogout } from './temp-cleanup';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('removeTempFilesAtLogout', () => {
  it('removes the temp files when the session ends, not while someone is logged in', async () => {
    const events = createEventHub();
    let loggedIn = true;
    const remove = vi.fn(async () => undefined);
    const stop = removeTempFilesAtLogout({ events, loggedIn: async () => loggedIn, remove, log: vi.fn() });

    events.emit({ type: 'auth.changed' });
    events.emit({ type: 'mail.unread', total: 3 });
    await settle();
    expect(remove).not.toHaveBeenCalled();

    loggedIn = false;
    events.emit({ type: 'auth.changed' });
    await settle();
    expect(remove).toHaveBeenCalledTimes(1);

    stop();
    events.emit({ type: 'auth.changed' });
    await settle();
    expect(remove).toHaveBeenCalledTimes(1);
  });

  it('logs a failure instead of leaving an unhandled rejection', async () => {
    const events = createEventHub();
    const log = vi.fn();
    removeTempFilesAtLogout({
      events,
      loggedIn: async () => false,
      remove: async () => Promise.reject(new Error('busy')),
      log,
    });
    events.emit({ type: 'auth.changed' });
    await settle();
    await settle();
    expect(log).toHaveBeenCalled();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS, AutosaveLoop, SAVE_RETRY_MS, type SaveAttempt } from './autosave-loop';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A save whose attempts end as scripted, in order; after the script every attempt is 'saved'. */
const scripted = (...attempts: SaveAttempt[]) => vi.fn(async (): Promise<SaveAttempt> => attempts.shift() ?? 'saved');

describe('AutosaveLoop', () => {
  it('saves once, after typing has paused for the delay', async () => {
    const save = scripted();
    const loop = new AutosaveLoop({ save });
    loop.schedule();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100);
    loop.schedule();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('never runs two saves at once: a flush during a save waits for it, then saves again', async () => {
    let release!: () => void;
    let inFlight = 0;
    let most = 0;
    const save = vi.fn(async (): Promise<SaveAttempt> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      if (save.mock.calls.length === 1) await new Promise<void>((r) => (release = r));
      inFlight -= 1;
      return 'saved';
    });
    const loop = new AutosaveLoop({ save });
    const first = loop.run();
    const second = loop.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    release();
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(most).toBe(1);
  });

  it('a save starts in the same tick as run(), so idle() right after waits for it', async () => {
    let release!: () => void;
    const save = vi.fn(() => new Promise<SaveAttempt>((r) => (release = () => r('saved'))));
    const loop = new AutosaveLoop({ save });
    void loop.run();
    expect(save).toHaveBeenCalledTimes(1);
    let idle = false;
    void loop.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(false);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(true);
  });

  it('retries a failed save on its own, backing off, and starts the back-off over after a success', async () => {
    const save = scripted('failed', 'failed', 'saved', 'failed');
    const loop = new AutosaveLoop({ save });
    expect(await loop.run()).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[0] - 1);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[1] - 1);
    expect(save).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    // Saved: the next failure waits the first delay again.
    expect(await loop.run()).toBe(false);
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[0]);
    expect(save).toHaveBeenCalledTimes(5);
  });

  it('caps the back-off at its last delay', async () => {
    const save = vi.fn(async (): Promise<SaveAttempt> => 'failed');
    const loop = new AutosaveLoop({ save });
    await loop.run();
    const total = SAVE_RETRY_MS.reduce((a, b) => a + b, 0);
    await vi.advanceTimersByTimeAsync(total);
    expect(save).toHaveBeenCalledTimes(1 + SAVE_RETRY_MS.length);
    const last = SAVE_RETRY_MS[SAVE_RETRY_MS.length - 1]!;
    await vi.advanceTimersByTimeAsync(last);
    expect(save).toHaveBeenCalledTimes(2 + SAVE_RETRY_MS.length);
  });

  it('does not retry what was stopped (a conflict, a refusal), nor anything with an empty back-off', async () => {
    const stopped = scripted('stopped');
    await new AutosaveLoop({ save: stopped }).run();
    const noRetry = scripted('failed');
    await new AutosaveLoop({ save: noRetry, retryMs: [] }).run();
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[SAVE_RETRY_MS.length - 1]! * 2);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(noRetry).toHaveBeenCalledTimes(1);
  });

  it('saves again at once when newer words wait after a save, and reports superseded saves as not done', async () => {
    let unsaved = true;
    const save = vi.fn(async (): Promise<SaveAttempt> => {
      if (save.mock.calls.length === 2) unsaved = false;
      return 'saved';
    });
    const loop = new AutosaveLoop({ save, hasUnsaved: () => unsaved });
    expect(await loop.run()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);

    const superseded = new AutosaveLoop({ save: scripted('superseded') });
    expect(await superseded.run()).toBe(false);
  });

  it('retryNow starts the back-off over; stop and reset cancel what is pending', async () => {
    const save = scripted('failed', 'failed', 'failed');
    const loop = new AutosaveLoop({ save });
    await loop.run();
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[0]);
    expect(save).toHaveBeenCalledTimes(2);
    await loop.retryNow();
    expect(save).toHaveBeenCalledTimes(3);
    // After retryNow the next automatic try is the first delay again, not the third.
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[0]);
    expect(save).toHaveBeenCalledTimes(4);

    loop.schedule();
    loop.stop();
    const afterStop = save.mock.calls.length;
    await vi.advanceTimersByTimeAsync(SAVE_RETRY_MS[SAVE_RETRY_MS.length - 1]! * 2);
    expect(save).toHaveBeenCalledTimes(afterStop);
  });

  it('an unexpected throw counts as a failed save and does not block the next one', async () => {
    const save = vi.fn(async (): Promise<SaveAttempt> => {
      if (save.mock.calls.length === 1) throw new Error('boom');
      return 'saved';
    });
    const loop = new AutosaveLoop({ save, retryMs: [] });
    expect(await loop.run()).toBe(false);
    expect(await loop.run()).toBe(true);
  });
});

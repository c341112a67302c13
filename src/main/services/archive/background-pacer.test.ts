import { describe, expect, it } from 'vitest';
import { BackgroundPacer } from './background-pacer';

describe('BackgroundPacer', () => {
  it('spaces the archive requests at least the interval apart, so the bucket keeps tokens for the UI', async () => {
    const pacer = new BackgroundPacer(40);
    const times: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      await pacer.turn();
      times.push(performance.now());
    }
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(38);
  });

  it('stops waiting when the sync is cancelled', async () => {
    const pacer = new BackgroundPacer(10_000);
    await pacer.turn();
    const controller = new AbortController();
    const waiting = pacer.turn(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
  });
});

import { abortError } from './archive-errors';

/**
 * Keeps the archive's requests in the background. The app's token bucket serves callers in arrival order and has no
 * priorities, so the sync never queues more than one request and leaves gaps between them: it takes at most a share
 * of the view-client rate, the bucket stays topped up, and a request from the UI finds tokens at once instead of
 * waiting behind a backlog of archive pages.
 */
export class BackgroundPacer {
  private last = -Infinity;

  constructor(
    private readonly minIntervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async turn(signal?: AbortSignal): Promise<void> {
    const wait = this.last + this.minIntervalMs - this.now();
    if (wait > 0) await abortableSleep(wait, signal);
    if (signal?.aborted) throw abortError(signal);
    this.last = this.now();
  }
}

export const abortableSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

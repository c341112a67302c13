/**
 * Runs tasks one after another per key (one draft's saves, one journal file's writes) while different keys run in
 * parallel. A failed task does not block the ones queued after it.
 */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }

  /** Resolves when everything queued for `key` so far has finished (successfully or not). */
  async idle(key: string): Promise<void> {
    await (this.tails.get(key) ?? Promise.resolve());
  }
}

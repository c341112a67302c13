/** How long typing must pause before the words are saved. */
export const AUTOSAVE_DELAY_MS = 1000;
/** After a failed save the words are tried again on their own, backing off to this at most. */
export const SAVE_RETRY_MS = [3000, 6000, 15000, 30000] as const;

/**
 * How one save attempt ended. `saved`: the server has everything. `superseded`: it has this save, but newer words
 * came in meanwhile. `failed`: not saved, worth trying again later. `stopped`: not saved, and trying again on its
 * own would not help (a conflict waits for the user, the words were refused, nothing is open).
 */
export type SaveAttempt = 'saved' | 'superseded' | 'failed' | 'stopped';

export interface AutosaveOptions {
  /** One save of whatever is newest at the moment it runs. */
  save(): Promise<SaveAttempt>;
  /** Whether words newer than the last confirmed save are waiting (checked after a successful save). */
  hasUnsaved?(): boolean;
  delayMs?: number;
  /** Back-off after failures; empty: no automatic retry. */
  retryMs?: readonly number[];
}

/**
 * Saves after typing pauses, never two saves at once, and retries a failed save on its own with back-off. Plain
 * timers and promises, so it runs (and is tested) without the store.
 */
export class AutosaveLoop {
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryIndex = 0;
  private running: Promise<boolean> | null = null;
  private readonly delayMs: number;
  private readonly retryMs: readonly number[];

  constructor(private readonly options: AutosaveOptions) {
    this.delayMs = options.delayMs ?? AUTOSAVE_DELAY_MS;
    this.retryMs = options.retryMs ?? SAVE_RETRY_MS;
  }

  /** Saves once typing has paused for the delay; each call restarts the wait. */
  schedule(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.run();
    }, this.delayMs);
  }

  /** Saves now instead of waiting; resolves true when the server has the latest words. */
  flush(): Promise<boolean> {
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    return this.run();
  }

  /** The user asked to try again: from the start of the back-off. */
  retryNow(): Promise<boolean> {
    this.retryIndex = 0;
    clearTimeout(this.retryTimer);
    return this.run();
  }

  /** Nothing more starts on its own; a save already on its way still finishes. */
  stop(): void {
    clearTimeout(this.saveTimer);
    clearTimeout(this.retryTimer);
    this.saveTimer = this.retryTimer = undefined;
  }

  /** A new session: no pending timers and a fresh back-off. */
  reset(): void {
    this.stop();
    this.retryIndex = 0;
  }

  /** Resolves once no save is on its way. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One save at a time; a call made during a save waits for it, then saves what is newest. */
  async run(): Promise<boolean> {
    // Inline rather than `await this.idle()`: with nothing running, the save must start in this same tick, so a
    // caller that checks `idle()` right after sees it.
    while (this.running) await this.running;
    clearTimeout(this.saveTimer);
    this.running = this.options
      .save()
      .catch((): SaveAttempt => 'failed')
      .then((attempt) => {
        if (attempt === 'saved' || attempt === 'superseded') this.retryIndex = 0;
        else if (attempt === 'failed') this.scheduleRetry();
        return attempt === 'saved';
      });
    const ok = await this.running;
    this.running = null;
    if (ok && this.options.hasUnsaved?.()) return this.run();
    return ok;
  }

  private scheduleRetry(): void {
    if (this.retryMs.length === 0) return;
    clearTimeout(this.retryTimer);
    const delay = this.retryMs[Math.min(this.retryIndex, this.retryMs.length - 1)]!;
    this.retryIndex += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.run();
    }, delay);
  }
}

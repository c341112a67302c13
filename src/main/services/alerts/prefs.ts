import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs-atomic';

export const ALERT_PREFS_FILE = 'alerts.json';

const PrefsSchema = z.object({ mailboxes: z.record(z.string(), z.boolean()) });

export interface AlertPrefs {
  /** Desktop alerts are on for a mailbox unless the user turned them off. */
  isEnabled(mailboxId: string): boolean;
  all(): Record<string, boolean>;
  set(mailboxId: string, enabled: boolean): Promise<void>;
}

/** In memory only (tests, or when there is nowhere to write). */
export const memoryAlertPrefs = (initial: Record<string, boolean> = {}): AlertPrefs => {
  const map = { ...initial };
  return {
    isEnabled: (id) => map[id] !== false,
    all: () => ({ ...map }),
    async set(id, enabled) {
      map[id] = enabled;
    },
  };
};

/** Per-mailbox on/off, kept beside the settings in userDataDir; an unreadable file means "all on". */
export const loadAlertPrefs = async (
  userDataDir: string,
  log: (msg: string, err?: unknown) => void = () => undefined,
): Promise<AlertPrefs> => {
  const file = join(userDataDir, ALERT_PREFS_FILE);
  let initial: Record<string, boolean> = {};
  try {
    const parsed = PrefsSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) initial = parsed.data.mailboxes;
    else log('Alert preferences invalid; all mailboxes alert');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log('Alert preferences unreadable; all mailboxes alert', err);
  }
  const prefs = memoryAlertPrefs(initial);
  let chain: Promise<unknown> = Promise.resolve();
  return {
    ...prefs,
    set(id, enabled) {
      const result = chain.then(async () => {
        await prefs.set(id, enabled);
        await writeFileAtomic(file, `${JSON.stringify({ mailboxes: prefs.all() }, null, 2)}\n`);
      });
      chain = result.catch(() => undefined);
      return result;
    },
  };
};

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  SettingsSchema,
  type Settings,
  type SettingsUpdateSchema,
  type WindowState,
} from '../../shared/ipc/channels/auth';
import { writeFileAtomic } from './fs-atomic';

/** What the renderer may change, plus the window's bounds, which only main writes. */
export type SettingsPatch = z.output<typeof SettingsUpdateSchema> & { window?: WindowState };

export interface SettingsService {
  get(): Settings;
  update(patch: SettingsPatch): Promise<Settings>;
  /** Called after every successful update with the old and new settings (e.g. the environment switched). */
  onChange(listener: (next: Settings, previous: Settings) => void | Promise<void>): () => void;
}

export const SETTINGS_FILE = 'settings.json';

export const defaultSettings = (): Settings => ({ environment: 'sandbox', registrations: {}, language: 'da' });

/**
 * Only Windows is sure to show a tray icon. Linux desktops without a StatusNotifier host (GNOME without the
 * AppIndicator extension) show none, and an app left running there would be invisible; macOS keeps its dock anyway.
 */
export const defaultKeepRunningInTray = (platform: NodeJS.Platform): boolean => platform === 'win32';

export interface SettingsOptions {
  /** The OS the tray default is decided for; a seam for tests. */
  platform?: NodeJS.Platform;
}

const clone = (s: Settings): Settings => structuredClone(s);

/**
 * Settings live as JSON in userDataDir. A missing or invalid file means defaults (logged), so a hand-edited typo
 * never keeps the app from starting.
 */
export const createSettings = async (
  userDataDir: string,
  log: (msg: string, err?: unknown) => void = (m, e) => console.warn(m, e ?? ''),
  options: SettingsOptions = {},
): Promise<SettingsService> => {
  const file = join(userDataDir, SETTINGS_FILE);
  const keepRunningInTrayDefault = defaultKeepRunningInTray(options.platform ?? process.platform);
  // `current` is what the user chose and what the file holds: an unchosen tray setting stays unset there, so the
  // platform default is never frozen into the file. Callers always see the effective value.
  const effective = (s: Settings): Settings => ({
    ...clone(s),
    keepRunningInTray: s.keepRunningInTray ?? keepRunningInTrayDefault,
  });
  let current = defaultSettings();
  try {
    const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
    const parsed = SettingsSchema.safeParse({ ...defaultSettings(), ...(raw as object) });
    if (parsed.success) current = parsed.data;
    else log('Settings file invalid; using defaults', parsed.error);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') log('Settings file unreadable; using defaults', err);
  }
  const listeners = new Set<(next: Settings, previous: Settings) => void | Promise<void>>();
  // Updates are serialised so two quick edits cannot interleave their writes.
  let chain: Promise<unknown> = Promise.resolve();

  const apply = async (patch: SettingsPatch): Promise<Settings> => {
    const previous = current;
    const next = SettingsSchema.parse({
      ...current,
      ...(patch.environment !== undefined ? { environment: patch.environment } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.keepRunningInTray !== undefined ? { keepRunningInTray: patch.keepRunningInTray } : {}),
      ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
      ...(patch.density !== undefined ? { density: patch.density } : {}),
      ...(patch.paneWidths !== undefined ? { paneWidths: { ...current.paneWidths, ...patch.paneWidths } } : {}),
      ...(patch.welcomeDismissed !== undefined ? { welcomeDismissed: patch.welcomeDismissed } : {}),
      ...(patch.window !== undefined ? { window: patch.window } : {}),
      registrations: { ...current.registrations, ...(patch.registrations ?? {}) },
    });
    await writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
    current = next;
    for (const l of listeners) await l(effective(next), effective(previous));
    return effective(next);
  };

  return {
    get: () => effective(current),
    update(patch) {
      const result = chain.then(() => apply(patch));
      chain = result.catch(() => undefined);
      return result;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

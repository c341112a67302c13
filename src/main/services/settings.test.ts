import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSettings, defaultSettings, SETTINGS_FILE } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const registration = { clientId: 'my-client', idp: 'nemlogin', scopes: ['openid', 'native'] };

describe('settings', () => {
  it('starts from defaults, persists updates atomically and reloads them', async () => {
    const s = await createSettings(dir, () => undefined, { platform: 'linux' });
    expect(s.get()).toEqual({ ...defaultSettings(), keepRunningInTray: false });
    const seen: string[] = [];
    s.onChange((next, prev) => void seen.push(`${prev.environment}->${next.environment}`));
    await s.update({ environment: 'test', registrations: { test: registration } });
    await s.update({ language: 'en', registrations: { prod: { ...registration, clientId: 'prod-client' } } });
    expect(seen).toEqual(['sandbox->test', 'test->test']);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    const again = await createSettings(dir, () => undefined, { platform: 'linux' });
    expect(again.get()).toEqual({
      environment: 'test',
      language: 'en',
      keepRunningInTray: false,
      registrations: { test: registration, prod: { ...registration, clientId: 'prod-client' } },
    });
  });

  it('refuses an invalid update without touching the file', async () => {
    const s = await createSettings(dir, () => undefined);
    await s.update({ language: 'en' });
    const before = await readFile(join(dir, SETTINGS_FILE), 'utf8');
    await expect(s.update({ registrations: { test: { ...registration, scopes: [] } } })).rejects.toThrow();
    expect(await readFile(join(dir, SETTINGS_FILE), 'utf8')).toBe(before);
    expect(s.get().language).toBe('en');
  });

  it('falls back to defaults for a broken or invalid file', async () => {
    await writeFile(join(dir, SETTINGS_FILE), '{ not json');
    const logs: string[] = [];
    const defaults = { ...defaultSettings(), keepRunningInTray: true };
    expect((await createSettings(dir, (m) => void logs.push(m), { platform: 'win32' })).get()).toEqual(defaults);
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ environment: 'moon' }));
    expect((await createSettings(dir, (m) => void logs.push(m), { platform: 'win32' })).get()).toEqual(defaults);
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ ...defaultSettings(), keepRunningInTray: 'yes' }));
    expect((await createSettings(dir, (m) => void logs.push(m), { platform: 'win32' })).get()).toEqual(defaults);
    expect(logs).toHaveLength(3);
  });

  it('remembers pane widths (merged), the dismissed welcome and the window, and drops only unreadable layout', async () => {
    const s = await createSettings(dir, () => undefined, { platform: 'linux' });
    await s.update({ paneWidths: { sidebar: 300 } });
    await s.update({ paneWidths: { list: 500 }, welcomeDismissed: true });
    const window = { x: 10, y: 20, width: 1400, height: 900, maximized: true };
    await s.update({ window });
    const again = await createSettings(dir, () => undefined, { platform: 'linux' });
    expect(again.get()).toMatchObject({ paneWidths: { sidebar: 300, list: 500 }, welcomeDismissed: true, window });

    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ ...defaultSettings(), language: 'en', paneWidths: { sidebar: 5 }, window: { x: 'left' } }),
    );
    const logs: string[] = [];
    const read = (await createSettings(dir, (m) => void logs.push(m), { platform: 'linux' })).get();
    expect(read.language).toBe('en');
    expect(read.paneWidths).toBeUndefined();
    expect(read.window).toBeUndefined();
    expect(logs).toEqual([]);
  });

  describe('keep running in the tray', () => {
    it('defaults to yes only on Windows, where a tray icon is sure to be seen', async () => {
      expect((await createSettings(dir, () => undefined, { platform: 'win32' })).get().keepRunningInTray).toBe(true);
      expect((await createSettings(dir, () => undefined, { platform: 'linux' })).get().keepRunningInTray).toBe(false);
      expect((await createSettings(dir, () => undefined, { platform: 'darwin' })).get().keepRunningInTray).toBe(false);
    });

    it('reads a settings file from before the option with the platform default', async () => {
      const old = { environment: 'test', registrations: { test: registration }, language: 'en' };
      await writeFile(join(dir, SETTINGS_FILE), JSON.stringify(old));
      const logs: string[] = [];
      expect((await createSettings(dir, (m) => void logs.push(m), { platform: 'win32' })).get()).toEqual({
        ...old,
        keepRunningInTray: true,
      });
      expect((await createSettings(dir, (m) => void logs.push(m), { platform: 'linux' })).get()).toEqual({
        ...old,
        keepRunningInTray: false,
      });
      expect(logs).toEqual([]);
    });

    it('persists the choice either way, over the platform default', async () => {
      const onWindows = await createSettings(dir, () => undefined, { platform: 'win32' });
      expect((await onWindows.update({ keepRunningInTray: false })).keepRunningInTray).toBe(false);
      expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).toMatchObject({ keepRunningInTray: false });
      expect((await createSettings(dir, () => undefined, { platform: 'win32' })).get().keepRunningInTray).toBe(false);

      const onLinux = await createSettings(dir, () => undefined, { platform: 'linux' });
      await onLinux.update({ keepRunningInTray: true });
      // Other edits leave the choice alone.
      await onLinux.update({ language: 'en' });
      expect((await createSettings(dir, () => undefined, { platform: 'linux' })).get().keepRunningInTray).toBe(true);
    });

    it('leaves an unchosen default out of the file, so it follows the platform rather than being frozen', async () => {
      const s = await createSettings(dir, () => undefined, { platform: 'win32' });
      await s.update({ language: 'en' });
      expect(JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8'))).not.toHaveProperty('keepRunningInTray');
    });
  });
});

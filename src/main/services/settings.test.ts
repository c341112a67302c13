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
    const s = await createSettings(dir, () => undefined);
    expect(s.get()).toEqual(defaultSettings());
    const seen: string[] = [];
    s.onChange((next, prev) => void seen.push(`${prev.environment}->${next.environment}`));
    await s.update({ environment: 'test', registrations: { test: registration } });
    await s.update({ language: 'en', registrations: { prod: { ...registration, clientId: 'prod-client' } } });
    expect(seen).toEqual(['sandbox->test', 'test->test']);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    const again = await createSettings(dir, () => undefined);
    expect(again.get()).toEqual({
      environment: 'test',
      language: 'en',
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
    expect((await createSettings(dir, (m) => void logs.push(m))).get()).toEqual(defaultSettings());
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ environment: 'moon' }));
    expect((await createSettings(dir, (m) => void logs.push(m))).get()).toEqual(defaultSettings());
    expect(logs).toHaveLength(2);
  });
});

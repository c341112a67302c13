import { describe, expect, it } from 'vitest';
import { createMemorySecretStore, type SecretStore } from '../secret-store';
import { ArchiveUnavailable } from './archive-errors';
import { archiveFilePath, archiveKeyAccount } from './archive-file';
import { loadArchiveKey } from './archive-key';
import { resolveNativeBinding } from './native-binding';

const keychain = (): SecretStore & { value: string | null } => {
  const store = {
    kind: 'keychain' as const,
    value: null as string | null,
    get: () => Promise.resolve(store.value),
    set: (v: string) => {
      store.value = v;
      return Promise.resolve();
    },
    delete: () => {
      store.value = null;
      return Promise.resolve();
    },
  };
  return store;
};

const reasonOf = async (p: Promise<unknown>): Promise<string | undefined> => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ArchiveUnavailable) return e.reason;
    throw e;
  }
  return undefined;
};

describe('the archive key', () => {
  it('is 32 random bytes, made once and then read back from the key store', async () => {
    const store = keychain();
    const key = await loadArchiveKey(store, { archiveExists: false });
    expect(key).toHaveLength(32);
    expect(Buffer.from(store.value!, 'base64').equals(key)).toBe(true);
    expect((await loadArchiveKey(store, { archiveExists: true })).equals(key)).toBe(true);
    expect((await loadArchiveKey(keychain(), { archiveExists: false })).equals(key)).toBe(false);
  });

  it('is refused without a secure store, and not replaced when an archive already exists', async () => {
    const memory = createMemorySecretStore();
    expect(await reasonOf(loadArchiveKey(memory, { archiveExists: false }))).toBe('no-secure-store');
    expect(await memory.get()).toBeNull();
    const empty = keychain();
    expect(await reasonOf(loadArchiveKey(empty, { archiveExists: true }))).toBe('key-missing');
    expect(empty.value).toBeNull();
  });
});

describe('names and builds', () => {
  it('file and key account carry a hash of env:sub, never the sub or a CPR', () => {
    const sub = 'cpr-0101901234';
    const file = archiveFilePath('/data/archive', 'prod', sub);
    expect(file).toMatch(/^\/data\/archive\/archive-[0-9a-f]{32}\.db$/);
    expect(file).not.toContain('0101901234');
    expect(archiveKeyAccount('prod', sub)).toMatch(/^archive-key\.prod\.[0-9a-f]{32}$/);
    expect(archiveFilePath('/d', 'test', sub)).not.toBe(archiveFilePath('/d', 'prod', sub));
  });

  it('Node uses the installed addon; Electron its own build, packaged or from a checkout', () => {
    const node = { ...process.versions };
    expect(resolveNativeBinding({ versions: node, packaged: false, appRoot: '/app' })).toBeUndefined();
    const electron = { ...process.versions, electron: '45.4.1' };
    expect(resolveNativeBinding({ versions: electron, packaged: false, appRoot: '/app' })).toBe(
      '/app/out/native-electron/better_sqlite3.node',
    );
    expect(
      resolveNativeBinding({ versions: electron, packaged: true, resourcesPath: '/opt/dp/resources', appRoot: '/x' }),
    ).toBe('/opt/dp/resources/native/better_sqlite3.node');
  });
});

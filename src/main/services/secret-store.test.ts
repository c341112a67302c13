import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SafeStorageLike } from './platform';
import { createSecretStore, type KeytarLike } from './secret-store';

const SECRET = 'rt-0123456789abcdef-secret';

/** Reversible but not plain: lets the test see that the file never holds the secret as written. */
const fakeSafeStorage = (backend = 'gnome_libsecret', available = true): SafeStorageLike => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (plain) => Buffer.concat([Buffer.from('ENC1'), Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
  decryptString: (enc) => {
    if (enc.subarray(0, 4).toString() !== 'ENC1') throw new Error('bad ciphertext');
    return Buffer.from(enc.subarray(4).map((b) => b ^ 0x5a)).toString('utf8');
  },
});

const noKeytar = (): Promise<KeytarLike> => Promise.reject(new Error('Cannot find module keytar'));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dp-secret-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createSecretStore', () => {
  it('uses the real OS keychain when it works (throwaway keyring under with-keyring.sh)', async () => {
    const service = `dp-test-${process.pid}-${Date.now()}`;
    const store = await createSecretStore({ userDataDir: dir, account: 'refresh-token.sandbox', service });
    // Under scripts/with-keyring.sh a throwaway Secret Service is there and must be used; elsewhere (no D-Bus) the
    // chain falls through, which the tests below pin down.
    if (process.env.DP_IN_KEYRING_SESSION === '1') expect(store.kind).toBe('keychain');
    if (store.kind !== 'keychain') {
      expect(store.kind).toBe('memory');
      return;
    }
    expect(await store.get()).toBeNull();
    await store.set(SECRET);
    expect(await store.get()).toBe(SECRET);
    const again = await createSecretStore({ userDataDir: dir, account: 'refresh-token.sandbox', service });
    expect(await again.get()).toBe(SECRET);
    await store.delete();
    expect(await again.get()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back to safeStorage when keytar cannot load, and never writes the token in plain text', async () => {
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: noKeytar,
      safeStorage: fakeSafeStorage(),
    });
    expect(store.kind).toBe('safeStorage');
    await store.set(SECRET);
    const files = await readdir(dir);
    expect(files).toHaveLength(1);
    const raw = await readFile(join(dir, files[0]!));
    expect(raw.toString('latin1')).not.toContain(SECRET);
    expect(await store.get()).toBe(SECRET);
    await store.delete();
    expect(await store.get()).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('falls back past a keychain whose probe fails (locked / no Secret Service)', async () => {
    const broken: KeytarLike = {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus')),
      setPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus')),
      deletePassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus')),
    };
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: () => Promise.resolve(broken),
      safeStorage: fakeSafeStorage(),
    });
    expect(store.kind).toBe('safeStorage');
  });

  it('refuses safeStorage on the basic_text backend and keeps the secret in memory only', async () => {
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: noKeytar,
      safeStorage: fakeSafeStorage('basic_text'),
    });
    expect(store.kind).toBe('memory');
    await store.set(SECRET);
    expect(await store.get()).toBe(SECRET);
    expect(await readdir(dir)).toEqual([]);
  });

  it('uses memory when neither keychain nor encryption is available', async () => {
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: null,
      safeStorage: fakeSafeStorage('gnome_libsecret', false),
    });
    expect(store.kind).toBe('memory');
    const other = await createSecretStore({ userDataDir: dir, account: 'a', keytarLoader: null });
    expect(other.kind).toBe('memory');
  });

  it('reads a corrupted encrypted file as "no secret" instead of throwing', async () => {
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: noKeytar,
      safeStorage: fakeSafeStorage(),
    });
    await store.set(SECRET);
    const [file] = await readdir(dir);
    await writeFile(join(dir, file!), Buffer.from('garbage that does not decrypt'));
    await expect(store.get()).resolves.toBeNull();
  });

  it('reads a failing keychain as "no secret"', async () => {
    let fail = false;
    const map = new Map<string, string>();
    const flaky: KeytarLike = {
      getPassword: (s, a) =>
        fail ? Promise.reject(new Error('locked')) : Promise.resolve(map.get(`${s}/${a}`) ?? null),
      setPassword: (s, a, p) => {
        map.set(`${s}/${a}`, p);
        return Promise.resolve();
      },
      deletePassword: (s, a) => Promise.resolve(map.delete(`${s}/${a}`)),
    };
    const store = await createSecretStore({
      userDataDir: dir,
      account: 'a',
      keytarLoader: () => Promise.resolve(flaky),
    });
    expect(store.kind).toBe('keychain');
    await store.set(SECRET);
    fail = true;
    await expect(store.get()).resolves.toBeNull();
  });
});

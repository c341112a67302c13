import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { SecretStoreKind } from '../../shared/ipc/channels/auth';
import { writeFileAtomic } from './fs-atomic';
import type { SafeStorageLike } from './platform';

/**
 * Holds ONE secret (the refresh token, a pending revocation or the client secret of one environment). Reads never
 * throw: an unreadable secret is no secret.
 */
export interface SecretStore {
  kind: SecretStoreKind;
  get(): Promise<string | null>;
  set(value: string): Promise<void>;
  delete(): Promise<void>;
}

/** The part of keytar we use (so tests can hand in a fake and a missing native module is just a failed load). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface SecretStoreOptions {
  /** Defaults to a dynamic import of `keytar`; pass `null` to skip the OS keychain altogether. */
  keytarLoader?: (() => Promise<KeytarLike>) | null;
  safeStorage?: SafeStorageLike;
  userDataDir: string;
  account: string;
  /** Keychain service name; tests use their own so they never meet a real entry. */
  service?: string;
  log?: (msg: string, err?: unknown) => void;
}

export const DEFAULT_KEYCHAIN_SERVICE = 'digital-post-desktop';

/** The local archive's database key: 32 random bytes (base64), one per person and environment (account prefix). */
export const ARCHIVE_KEY_PURPOSE = 'archive-key';

const defaultKeytarLoader = async (): Promise<KeytarLike> => {
  const mod = (await import('keytar')) as unknown as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
};

const defaultLog = (msg: string, err?: unknown): void => console.warn(msg, err ?? '');

/**
 * A locked or absent Secret Service only shows when used, so we write, read back and delete a probe entry before
 * trusting the keychain with a token.
 */
const probeKeychain = async (keytar: KeytarLike, service: string, account: string): Promise<boolean> => {
  const probeAccount = `${account}.probe`;
  const value = `probe-${Date.now()}`;
  await keytar.setPassword(service, probeAccount, value);
  const back = await keytar.getPassword(service, probeAccount);
  await keytar.deletePassword(service, probeAccount);
  return back === value;
};

const keychainStore = (
  keytar: KeytarLike,
  service: string,
  account: string,
  log: SecretStoreOptions['log'] & {},
): SecretStore => ({
  kind: 'keychain',
  async get() {
    try {
      return await keytar.getPassword(service, account);
    } catch (err) {
      log('Keychain read failed; treating as logged out', err);
      return null;
    }
  },
  async set(value) {
    await keytar.setPassword(service, account, value);
  },
  async delete() {
    try {
      await keytar.deletePassword(service, account);
    } catch (err) {
      log('Keychain delete failed', err);
    }
  },
});

/** The file name keeps the account readable but safe on every file system. */
const secretFileName = (account: string): string => `secret-${account.replace(/[^A-Za-z0-9._-]/g, '_')}.bin`;

const safeStorageStore = (
  safeStorage: SafeStorageLike,
  file: string,
  log: SecretStoreOptions['log'] & {},
): SecretStore => ({
  kind: 'safeStorage',
  async get() {
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return null;
    }
    try {
      const value = safeStorage.decryptString(data);
      return value.length > 0 ? value : null;
    } catch (err) {
      // A file from another machine/user or a damaged one: forget it rather than fail every start.
      log('Could not decrypt the stored secret; treating as logged out', err);
      await rm(file, { force: true });
      return null;
    }
  },
  async set(value) {
    await writeFileAtomic(file, safeStorage.encryptString(value));
  },
  async delete() {
    await rm(file, { force: true });
  },
});

export const createMemorySecretStore = (): SecretStore => {
  let value: string | null = null;
  return {
    kind: 'memory',
    get: () => Promise.resolve(value),
    set: (v) => {
      value = v;
      return Promise.resolve();
    },
    delete: () => {
      value = null;
      return Promise.resolve();
    },
  };
};

/** `basic_text` (Linux without a keyring) is obfuscation with a hard-coded key, so it counts as not encrypted. */
export const safeStorageUsable = (safeStorage: SafeStorageLike | undefined): safeStorage is SafeStorageLike => {
  if (!safeStorage) return false;
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    const backend = safeStorage.getSelectedStorageBackend?.();
    return backend !== 'basic_text';
  } catch {
    return false;
  }
};

/** OS keychain → Electron safeStorage (real encryption only) → memory. A token is never written in plain text. */
export const createSecretStore = async (options: SecretStoreOptions): Promise<SecretStore> => {
  const log = options.log ?? defaultLog;
  const service = options.service ?? DEFAULT_KEYCHAIN_SERVICE;
  const loader = options.keytarLoader === undefined ? defaultKeytarLoader : options.keytarLoader;
  if (loader) {
    try {
      const keytar = await loader();
      if (await probeKeychain(keytar, service, options.account))
        return keychainStore(keytar, service, options.account, log);
    } catch (err) {
      log('OS keychain unavailable; trying the next secret store', err);
    }
  }
  if (safeStorageUsable(options.safeStorage)) {
    return safeStorageStore(options.safeStorage, join(options.userDataDir, secretFileName(options.account)), log);
  }
  return createMemorySecretStore();
};

import { randomBytes } from 'node:crypto';
import type { SecretStore } from '../secret-store';
import { ArchiveUnavailable } from './archive-errors';

export const ARCHIVE_KEY_BYTES = 32;

const decode = (stored: string): Buffer | null => {
  const key = Buffer.from(stored, 'base64');
  return key.length === ARCHIVE_KEY_BYTES ? key : null;
};

/**
 * The archive's 32-byte key from the OS store, created on first use. A memory-only store is refused: the key would
 * die with the process, leaving an unreadable file, and writing it anywhere else would put it beside the data.
 */
export const loadArchiveKey = async (
  store: SecretStore,
  { archiveExists }: { archiveExists: boolean },
): Promise<Buffer> => {
  if (store.kind === 'memory') {
    throw new ArchiveUnavailable('no-secure-store', 'No secure key store is available for the local archive');
  }
  const stored = await store.get();
  const existing = stored === null ? null : decode(stored);
  if (existing) return existing;
  if (archiveExists) {
    // Making a new key would not open the old file; the caller decides whether to start a new archive.
    throw new ArchiveUnavailable('key-missing', 'The key of the local archive is missing from the key store');
  }
  const key = randomBytes(ARCHIVE_KEY_BYTES);
  await store.set(key.toString('base64'));
  return key;
};

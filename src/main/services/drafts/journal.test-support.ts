import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createMemorySecretStore, type SecretStore } from '../secret-store';
import { createPersonJournal, type JournalOwner, type PersonJournal } from './person-journal';

// For handler tests: the journal as the app builds it (sealed, one folder per person), for one fixed person, with a
// key that survives a "restart" on the same user-data directory as a keychain entry would.

const keychains = new Map<string, SecretStore>();
const keychainFor = (id: string): SecretStore => {
  let store = keychains.get(id);
  if (!store) keychains.set(id, (store = { ...createMemorySecretStore(), kind: 'keychain' }));
  return store;
};

export const TEST_JOURNAL_OWNER: JournalOwner = { environment: 'sandbox', sub: 'test-person' };

export const sealedTestJournal = (journalDir: string, owner: JournalOwner = TEST_JOURNAL_OWNER): PersonJournal =>
  createPersonJournal({
    dir: journalDir,
    owner: () => Promise.resolve(owner),
    keyStoreFor: (env) => Promise.resolve(keychainFor(`${journalDir}\u0000${env}`)),
    log: () => undefined,
  });

/** Every sealed entry file under the journal folder, whoever it belongs to. */
export const journalEntryFiles = async (journalDir: string): Promise<string[]> => {
  const entries = await readdir(journalDir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((f) => f.endsWith('.draft.sealed')).map((f) => join(journalDir, f));
};

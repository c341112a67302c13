import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import type { SecretStore } from '../secret-store';
import {
  createDiskStore,
  createDraftJournal,
  createMemoryStore,
  legacyPlainCodec,
  type AdoptingJournal,
  type DraftJournal,
} from './journal';
import {
  createSealedCodec,
  deriveJournalKeys,
  JOURNAL_KEY_BYTES,
  ownerTagOf,
  UNCLAIMED_TAG,
  type JournalKeys,
} from './sealed-codec';

/** The person the words belong to: the id token's `sub` in one environment. */
export interface JournalOwner<E extends string = string> {
  environment: E;
  sub: string;
}

/** 'disk': sealed with a key from the OS keychain / safeStorage. 'memory': no secure store, gone when the app ends. */
export type JournalStorage = 'disk' | 'memory';

export interface PersonJournal extends DraftJournal {
  /** Where the logged-in person's words are kept; undefined while nobody is logged in. */
  storage(): Promise<JournalStorage | undefined>;
}

export interface PersonJournalOptions<E extends string = string> {
  /** The journal's root folder in the user-data directory. */
  dir: string;
  /** Who is logged in now (undefined: nobody). */
  owner: () => Promise<JournalOwner<E> | undefined>;
  /** The SecretStore holding the journal key of one environment. */
  keyStoreFor: (environment: E) => Promise<SecretStore>;
  /**
   * Whether Digital Post lets the logged-in person open this draft as a draft. Entries of earlier versions name no
   * owner; only one the server lets this person edit is offered to them. Throws when it cannot tell (offline).
   */
  canOpenDraft?: (mailboxId: string, messageId: string) => Promise<boolean>;
  now?: () => Date;
  log?: (msg: string, err?: unknown) => void;
}

interface EnvironmentKeys {
  storage: JournalStorage;
  keys: JournalKeys;
}

interface OwnedJournal {
  journal: AdoptingJournal;
  storage: JournalStorage;
  /** Runs the migration of entries that name no owner once per person and run. */
  migrated?: Promise<void>;
}

const notLoggedIn = (): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.notLoggedIn, message: 'Du er ikke logget ind.' });

/**
 * The journal of whoever is logged in: one sealed folder per person and environment, so the next person on this
 * computer is offered none of the previous person's words, and logging out keeps them for that person's return.
 */
export const createPersonJournal = <E extends string>(options: PersonJournalOptions<E>): PersonJournal => {
  const log = options.log ?? ((m: string, e?: unknown) => console.warn(m, e ?? ''));
  const now = options.now ?? (() => new Date());
  const keysByEnv = new Map<string, Promise<EnvironmentKeys>>();
  const journals = new Map<string, OwnedJournal>();
  /** Saves and confirmations still in flight when the session ends belong to the person who typed them. */
  let lastOwner: JournalOwner<E> | undefined;

  const loadKeys = async (environment: E): Promise<EnvironmentKeys> => {
    const store = await options.keyStoreFor(environment);
    const fresh = (): Buffer => randomBytes(JOURNAL_KEY_BYTES);
    if (store.kind === 'memory') return { storage: 'memory', keys: deriveJournalKeys(fresh()) };
    const stored = await store.get();
    const existing = stored ? Buffer.from(stored, 'base64') : undefined;
    if (existing?.length === JOURNAL_KEY_BYTES) return { storage: 'disk', keys: deriveJournalKeys(existing) };
    if (stored) log('The stored journal key is unusable; starting a new one (older entries cannot be read)');
    const key = fresh();
    try {
      await store.set(key.toString('base64'));
    } catch (err) {
      // Without a stored key sealed entries could not be read after a restart, so they are not written at all.
      log('Could not store the journal key; drafts are journalled in memory only', err);
      return { storage: 'memory', keys: deriveJournalKeys(key) };
    }
    return { storage: 'disk', keys: deriveJournalKeys(key) };
  };

  const keysFor = (environment: E): Promise<EnvironmentKeys> => {
    let k = keysByEnv.get(environment);
    if (!k) {
      k = loadKeys(environment);
      keysByEnv.set(environment, k);
      k.catch(() => keysByEnv.delete(environment));
    }
    return k;
  };

  const sealedJournal = (keys: JournalKeys, environment: string, tag: string): AdoptingJournal =>
    createDraftJournal(
      createDiskStore(join(options.dir, environment, tag), createSealedCodec(keys, environment, tag)),
      now,
    );

  const journalOf = async (owner: JournalOwner<E>): Promise<OwnedJournal> => {
    const { storage, keys } = await keysFor(owner.environment);
    const tag = ownerTagOf(keys, owner.environment, owner.sub);
    const id = `${owner.environment}\u0000${tag}`;
    let owned = journals.get(id);
    if (!owned) {
      owned = {
        storage,
        journal:
          storage === 'disk'
            ? sealedJournal(keys, owner.environment, tag)
            : createDraftJournal(createMemoryStore(), now),
      };
      journals.set(id, owned);
    }
    if (storage === 'disk' && options.canOpenDraft && !owned.migrated) {
      const target = owned;
      target.migrated = migrate(keys, owner.environment, target.journal).catch((err: unknown) => {
        log('Could not migrate journal entries of an earlier version', err);
        target.migrated = undefined;
      });
    }
    return owned;
  };

  /**
   * Entries of earlier versions are plain JSON with no owner and no environment. Each one is offered to the first
   * person Digital Post lets open its draft as a draft (in this environment) and re-sealed for them; one that person
   * cannot open is sealed into a shared "unclaimed" folder of the environment, so no plaintext stays on disk, and is
   * offered later to whoever the server does let open it. Offline, entries stay where they are until the next try.
   */
  const migrate = async (keys: JournalKeys, environment: string, mine: AdoptingJournal): Promise<void> => {
    const canOpen = options.canOpenDraft;
    if (!canOpen) return;
    const legacy = createDiskStore(options.dir, legacyPlainCodec);
    const unclaimedStore = createDiskStore(
      join(options.dir, environment, UNCLAIMED_TAG),
      createSealedCodec(keys, environment, UNCLAIMED_TAG),
    );
    const unclaimed = createDraftJournal(unclaimedStore, now);
    const claim = async (record: Parameters<AdoptingJournal['adopt']>[0]): Promise<'mine' | 'not-mine' | 'unknown'> => {
      try {
        return (await canOpen(record.mailboxId, record.messageId)) ? 'mine' : 'not-mine';
      } catch {
        return 'unknown';
      }
    };
    for (const stem of await legacy.stems()) {
      const record = await legacy.read(stem);
      if (!record) continue;
      const verdict = await claim(record);
      if (verdict === 'unknown') continue;
      await (verdict === 'mine' ? mine : unclaimed).adopt(record);
      await legacy.remove(stem);
    }
    for (const record of await unclaimed.list()) {
      if ((await claim(record)) !== 'mine') continue;
      await mine.adopt(record);
      await unclaimed.remove(record.mailboxId, record.messageId);
    }
  };

  /** The person now; for writes also the person of the session that just ended in this run. */
  const ownerFor = async (writing: boolean): Promise<JournalOwner<E> | undefined> => {
    const owner = await options.owner();
    if (owner) lastOwner = owner;
    return owner ?? (writing ? lastOwner : undefined);
  };

  const reading = async (): Promise<AdoptingJournal | undefined> => {
    const owner = await ownerFor(false);
    if (!owner) return undefined;
    const owned = await journalOf(owner);
    await owned.migrated;
    return owned.journal;
  };

  const writing = async (): Promise<AdoptingJournal> => {
    const owner = await ownerFor(true);
    if (!owner) throw notLoggedIn();
    return (await journalOf(owner)).journal;
  };

  return {
    async storage() {
      const owner = await ownerFor(false);
      return owner ? (await keysFor(owner.environment)).storage : undefined;
    },
    write: async (input) => (await writing()).write(input),
    confirm: async (mailboxId, messageId, seq, fileVersion) =>
      (await writing()).confirm(mailboxId, messageId, seq, fileVersion),
    rebase: async (mailboxId, messageId, seq, fileVersion) =>
      (await writing()).rebase(mailboxId, messageId, seq, fileVersion),
    get: async (mailboxId, messageId) => (await reading())?.get(mailboxId, messageId),
    list: async () => (await reading())?.list() ?? [],
    remove: async (mailboxId, messageId) => (await reading())?.remove(mailboxId, messageId) ?? false,
  };
};

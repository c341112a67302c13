import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { ArchiveStatus, ArchiveUnavailableReason } from '../../../shared/ipc/channels/archive';
import type { AppEvent } from '../../../shared/ipc/events';
import type { DpClient } from '../../services/dp-client/dp-client';
import type { EventHub } from '../../services/platform';
import type { SecretStore } from '../../services/secret-store';
import {
  ArchiveUnavailable,
  archiveFilePath,
  openLocalArchive,
  type LocalArchive,
  type OpenArchiveOptions,
  type SyncProgress,
} from '../../services/archive';

export interface ArchiveOwner {
  environment: string;
  sub: string;
}

export interface ArchiveSessionOptions {
  /** Folder of the archive files (under the app's user data). */
  dir: string;
  api: DpClient;
  events: EventHub;
  /** Who is logged in, in which environment; undefined when nobody is. */
  owner: () => Promise<ArchiveOwner | undefined>;
  /** The OS key store entry of this person's archive key. */
  keyStoreFor: (owner: ArchiveOwner) => Promise<SecretStore>;
  open?: (options: OpenArchiveOptions) => Promise<LocalArchive>;
  now?: () => number;
  log?: (msg: string, err?: unknown) => void;
}

type Opened = { owner: ArchiveOwner; archive: LocalArchive; keyStore: SecretStore };

const sameOwner = (a: ArchiveOwner, b: ArchiveOwner): boolean => a.environment === b.environment && a.sub === b.sub;

const isAbort = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { name?: string }).name === 'AbortError';

/**
 * The archive of whoever is logged in: opened after login (when it exists, or when a mailbox is switched on), synced
 * in the background, closed at logout. One archive per person and environment, so another person on this computer
 * never sees it (file name and key are per person, see services/archive/archive-file.ts).
 */
export class ArchiveSession {
  private opened: Opened | undefined;
  private reason: ArchiveUnavailableReason | undefined;
  private sync: { controller: AbortController; done: Promise<void>; progress: SyncProgress | undefined } | undefined;
  private readonly open: (options: OpenArchiveOptions) => Promise<LocalArchive>;
  private readonly now: () => number;
  private readonly log: (msg: string, err?: unknown) => void;
  /** Serialises open and close, so a login and a logout arriving together never leave two handles. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ArchiveSessionOptions) {
    this.open = options.open ?? openLocalArchive;
    this.now = options.now ?? Date.now;
    this.log = options.log ?? ((m, e) => console.warn(m, e ?? ''));
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The open archive of the person logged in now. `create`: make it (and its key) when there is none yet; otherwise
   * undefined until someone switches a mailbox on.
   */
  current(create = false): Promise<LocalArchive | undefined> {
    return this.serial(async () => {
      const owner = await this.options.owner();
      if (!owner) {
        this.closeNow();
        this.reason = 'not-logged-in';
        return undefined;
      }
      if (this.opened && sameOwner(this.opened.owner, owner)) return this.opened.archive;
      this.closeNow();
      this.reason = undefined;
      const keyStore = await this.keyStore(owner);
      if (keyStore.kind === 'memory') {
        this.reason = 'no-secure-store';
        return undefined;
      }
      if (!create && !existsSync(archiveFilePath(this.options.dir, owner.environment, owner.sub))) return undefined;
      try {
        const archive = await this.open({ dir: this.options.dir, env: owner.environment, sub: owner.sub, keyStore });
        this.opened = { owner, archive, keyStore };
        return archive;
      } catch (err) {
        if (!(err instanceof ArchiveUnavailable)) throw err;
        this.log(`The local archive could not be opened (${err.reason})`, err);
        this.reason = err.reason;
        return undefined;
      }
    });
  }

  /**
   * The key store of a person, made once: making one probes the OS keychain, and the reading handlers ask for the
   * archive on every answer.
   */
  private readonly keyStores = new Map<string, Promise<SecretStore>>();
  private keyStore(owner: ArchiveOwner): Promise<SecretStore> {
    const id = `${owner.environment}:${owner.sub}`;
    let store = this.keyStores.get(id);
    if (!store) {
      store = this.options.keyStoreFor(owner);
      this.keyStores.set(id, store);
      store.catch(() => this.keyStores.delete(id));
    }
    return store;
  }

  private closeNow(): void {
    this.sync?.controller.abort();
    this.sync = undefined;
    if (this.opened) {
      try {
        this.opened.archive.close();
      } catch (err) {
        this.log('Closing the local archive failed', err);
      }
    }
    this.opened = undefined;
  }

  /** Logout and quit: stop the sync and close the file. */
  close(): Promise<void> {
    return this.serial(() => {
      this.closeNow();
      return Promise.resolve();
    });
  }

  async status(): Promise<ArchiveStatus> {
    const archive = await this.current(false);
    const reason = this.reason;
    if (!archive) return { available: reason === undefined, ...(reason ? { reason } : {}), mailboxes: [] };
    const progress = this.sync?.progress;
    return {
      available: true,
      mailboxes: archive.store.mailboxSummaries().map((m) => ({
        mailboxId: m.mailboxId,
        withDocuments: m.withDocuments,
        messages: m.messages,
        documents: m.documents,
        documentsPending: m.documentsPending,
        complete: m.fullPassDone,
        ...(m.lastSyncAt !== null ? { lastSyncAt: new Date(m.lastSyncAt).toISOString() } : {}),
      })),
      ...(progress && this.sync ? { sync: { ...progress } } : {}),
    };
  }

  /** Whether the archive holds this mailbox completely (its first full pass is done). */
  async covers(mailboxId: string): Promise<LocalArchive | undefined> {
    const archive = await this.current(false);
    if (!archive) return undefined;
    return archive.store.mailboxSummaries().some((m) => m.mailboxId === mailboxId && m.fullPassDone)
      ? archive
      : undefined;
  }

  async configure(mailboxId: string, enabled: boolean, withDocuments: boolean): Promise<void> {
    const archive = await this.current(enabled);
    if (!archive) return;
    await this.cancelSync();
    if (enabled) archive.store.setMailboxOption(mailboxId, withDocuments);
    else archive.store.removeMailbox(mailboxId);
    if (archive.store.mailboxSummaries().length > 0) this.startSync();
  }

  /** "Slet lokalt arkiv": the file, its journal files and the key. Nothing of it is left to open. */
  async deleteArchive(): Promise<void> {
    const owner = await this.options.owner();
    await this.close();
    if (!owner) return;
    const file = archiveFilePath(this.options.dir, owner.environment, owner.sub);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) await rm(f, { force: true });
    const keyStore = await this.keyStore(owner);
    if (keyStore.kind !== 'memory') await keyStore.delete();
  }

  /** Starts a sync of every kept mailbox unless one runs; false when nothing was started. */
  startSync(reconcile = false): boolean {
    const opened = this.opened;
    if (this.sync || !opened) return false;
    const choices = opened.archive.store
      .mailboxSummaries()
      .map((m) => ({ mailboxId: m.mailboxId, withDocuments: m.withDocuments }));
    if (choices.length === 0) return false;
    const controller = new AbortController();
    const state: NonNullable<ArchiveSession['sync']> = { controller, done: Promise.resolve(), progress: undefined };
    const emit = (event: Omit<Extract<AppEvent, { type: 'archive.progress' }>, 'type' | 'kind'>): void =>
      this.options.events.emit({ type: 'archive.progress', kind: 'sync', ...event });
    const sync = opened.archive.createSync(this.options.api, { log: this.log });
    state.done = sync
      .sync(choices, {
        signal: controller.signal,
        reconcile,
        onProgress: (p) => {
          state.progress = p;
          emit({ phase: p.phase, state: 'running', mailboxId: p.mailboxId, done: p.done, total: p.total });
        },
      })
      .then(() => {
        if (this.opened === opened) for (const c of choices) opened.archive.store.markSynced(c.mailboxId, this.now());
        const p = state.progress;
        emit({ phase: p?.phase ?? 'metadata', state: 'done', done: p?.done ?? 0, total: p?.total ?? 0 });
      })
      .catch((err: unknown) => {
        const p = state.progress;
        const aborted = controller.signal.aborted || isAbort(err);
        if (!aborted) this.log('The archive sync stopped', err);
        const code = (err as { appError?: { code?: string } } | undefined)?.appError?.code;
        emit({
          phase: p?.phase ?? 'metadata',
          state: aborted ? 'cancelled' : 'failed',
          ...(p ? { mailboxId: p.mailboxId } : {}),
          done: p?.done ?? 0,
          total: p?.total ?? 0,
          ...(!aborted && code ? { errorCode: code } : {}),
        });
      })
      .finally(() => {
        if (this.sync === state) this.sync = undefined;
      });
    this.sync = state;
    return true;
  }

  /** Stops the running sync; what it stored stays, and the next sync continues from there. */
  async cancelSync(): Promise<boolean> {
    const running = this.sync;
    if (!running) return false;
    running.controller.abort();
    await running.done;
    return true;
  }

  /** Waits for the running sync (tests, quit). */
  idle(): Promise<void> {
    return this.sync?.done ?? Promise.resolve();
  }

  /**
   * Follows the login: after one, opens the person's archive (if they have one) and syncs it; after a logout, closes
   * it. Returns the unsubscribe.
   */
  follow(loggedIn: () => Promise<boolean>): () => void {
    const react = async (): Promise<void> => {
      if (!(await loggedIn())) {
        await this.close();
        return;
      }
      if (await this.current(false)) this.startSync();
    };
    void react().catch((err: unknown) => this.log('The local archive could not start', err));
    return this.options.events.subscribe((event) => {
      if (event.type === 'auth.changed') void react().catch((err: unknown) => this.log('Archive login change', err));
      // New post (the alert poller saw it): an incremental sync brings it, and what changed meanwhile, in.
      if (event.type === 'mail.new') this.startSync();
    });
  }
}

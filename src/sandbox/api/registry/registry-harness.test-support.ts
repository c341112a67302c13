// Test-only: a real sandbox (OIDC-signed tokens, bearer auth, DP error rendering) whose Digital Post API is just the
// registry on top of a small MailStore seeded here, with a clock the tests move, so these tests do not change when
// the mailbox seed does.
import { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { startSandbox, type RunningSandbox } from '../../server';
import type { AccessRecord, MailboxRecord, RegistryContext } from '../context';
import { newAccess } from '../records';
import { InMemoryMailStore } from '../store';
import { SANDBOX_IDENTITIES } from '../../identities';
import type { KnownAccessType as AccessType } from '../../../shared/dp/enums';
import { createRegistryApi, type RegistryApi } from './index';

// Response bodies are asserted field by field in the tests; typing every shape here would add nothing.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Harness {
  sandbox: RunningSandbox;
  registry: RegistryApi;
  store: InMemoryMailStore;
  clock: { now: Date };
  /** mailbox id and access id per identity; `karlViaLone` is lone's power of attorney on karl's mailbox. */
  ids: Record<'lone' | 'karl' | 'mette' | 'karlViaLone', { mailboxId: string; accessId: string }>;
  call(
    identity: string | null,
    method: string,
    path: string,
    opts?: { body?: unknown; ifMatch?: number | string; contentType?: string; raw?: string },
  ): Promise<{ status: number; body: Json; headers: Headers }>;
  outbox(): Promise<Json[]>;
  close(): Promise<void>;
}

const T0 = '2026-01-05T09:00:00.000Z';

export const startHarness = async (): Promise<Harness> => {
  const clock = { now: new Date(T0) };
  const now = () => new Date(clock.now);
  let store!: InMemoryMailStore;
  let registryApi!: RegistryApi;
  const ids = {} as Harness['ids'];

  const seed = () => {
    store.clear();
    const mailbox = (owner: string, ownerType: 'CITIZEN' | 'COMPANY', ownerId: string): MailboxRecord => {
      const record: MailboxRecord = {
        id: randomUUID(),
        version: 0,
        createdDateTime: T0,
        lastUpdated: T0,
        ownerType,
        ownerName: owner,
        ownerId,
        ...(ownerType === 'CITIZEN' ? { ownerIdentityId: owner } : {}),
        statusType: 'ACTIVE',
        statusDate: '2026-01-05',
      };
      store.mailboxes.set(record.id, record);
      return record;
    };
    const access = (mailboxId: string, identityId: string, accessType: AccessType): AccessRecord => {
      const record: AccessRecord = { ...newAccess(store, T0, { mailboxId, identityId, accessType }), version: 3 };
      store.accesses.set(record.id, record);
      return record;
    };
    const lone = mailbox('lone', 'CITIZEN', '0101701231');
    const karl = mailbox('karl', 'CITIZEN', '0202501232');
    const company = mailbox('Testfirma ApS', 'COMPANY', '99887766');
    ids.lone = { mailboxId: lone.id, accessId: access(lone.id, 'lone', 'OWNER').id };
    ids.karl = { mailboxId: karl.id, accessId: access(karl.id, 'karl', 'OWNER').id };
    ids.karlViaLone = { mailboxId: karl.id, accessId: access(karl.id, 'lone', 'FULL_POWER_OF_ATTORNEY').id };
    ids.mette = { mailboxId: company.id, accessId: access(company.id, 'mette', 'EMPLOYEE').id };
  };

  const sandbox = await startSandbox(
    { port: 0, rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 } },
    {
      createApi: ({ config, identities }) => {
        store = new InMemoryMailStore(now);
        const ctx: RegistryContext = { config, identities, now, store };
        const registry = createRegistryApi(ctx);
        registryApi = registry;
        seed();
        const hooksRouter = Router();
        hooksRouter.use(registry.hooksRouter);
        return {
          router: registry.router,
          publicRouter: registry.publicRouter,
          hooksRouter,
          reset() {
            seed();
            registry.reset();
          },
        };
      },
      identities: SANDBOX_IDENTITIES,
    },
  );

  const tokens = new Map<string, string>();
  const call: Harness['call'] = async (identity, method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (identity) {
      if (!tokens.has(identity)) tokens.set(identity, await sandbox.mintAccessToken(identity));
      headers.Authorization = `Bearer ${tokens.get(identity)}`;
    }
    if (opts.ifMatch !== undefined) headers['If-Match'] = String(opts.ifMatch);
    let payload: string | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['Content-Type'] = opts.contentType ?? 'text/html';
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['Content-Type'] = 'application/json';
    }
    const base = path.startsWith('/sandbox') ? sandbox.url : sandbox.apiBase;
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? undefined : JSON.parse(text), headers: response.headers };
  };

  return {
    sandbox,
    get store() {
      return store;
    },
    get registry() {
      return registryApi;
    },
    clock,
    ids,
    call,
    outbox: async () => (await call(null, 'GET', '/sandbox/outbox')).body.entries,
    close: () => sandbox.close(),
  };
};

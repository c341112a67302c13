import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { SANDBOX_IDENTITIES } from '../../../sandbox/identities';
import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import type { EventPage, RequestLists, RequestView, TrusteeView } from '../../../shared/ipc/channels/access';
import type { AppError } from '../../../shared/ipc/app-error';
import { createDispatcher } from '../../ipc/dispatch';
import { createDpClient, type DpClient } from '../../services/dp-client/dp-client';
import type { AuthService } from '../../services/auth/auth-service';
import { createAccessHandlers } from '.';

// The access channels through the dispatcher against a real sandbox: the event log's range rule and paging, the
// trustees joined with the privileges that can be revoked, and an access request from ask to approval.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 } });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/sandbox/reset`, { method: 'POST' });
});

const person = (id: string) => SANDBOX_IDENTITIES.find((i) => i.id === id)!;

const callAs = (identity: string, onRequest?: (path: string) => void) => {
  const tokens = {
    getAccessToken: () => sandbox.mintAccessToken(identity),
    renewAfterUnauthorized: () => sandbox.mintAccessToken(identity),
  };
  const base = createDpClient({ baseUrl: () => sandbox.apiBase, tokens });
  const api: DpClient = {
    ...base,
    get: (path, opts) => {
      onRequest?.(path);
      return base.get(path, opts);
    },
  };
  const auth = {
    owner: async () => ({ environment: 'sandbox', sub: person(identity).dpiid }),
  } as unknown as AuthService;
  const dispatch = createDispatcher(createAccessHandlers({ api, auth }), () => undefined);
  return async <T>(channel: string, payload?: unknown): Promise<T> => {
    const env = await dispatch(channel, payload, { transport: 'browser' });
    if (!env.ok) throw Object.assign(new Error(env.error.message), { appError: env.error });
    return env.value as T;
  };
};

const errorOf = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (err) {
    return (err as { appError: AppError }).appError;
  }
  throw new Error('expected a refusal');
};

const DAY = 86_400_000;
const range = (days: number) => ({
  dateFrom: new Date(Date.now() - days * DAY).toISOString(),
  dateTo: new Date().toISOString(),
});

describe('access.events', () => {
  it('refuses a range over three months before any request', async () => {
    const requests: string[] = [];
    const call = callAs('lone', (p) => requests.push(p));
    const err = await errorOf(call('access.events', range(100)));
    expect(err.code).toBe(EVENT_LOG_RANGE_REFUSAL.value);
    expect(requests).toEqual([]);
  });

  it('pages a mailbox log by next and links messages', async () => {
    const call = callAs('lone');
    const mailboxes = await fetch(`${sandbox.apiBase}/mailboxes/`, {
      headers: { authorization: `Bearer ${await sandbox.mintAccessToken('lone')}` },
    }).then((r) => r.json() as Promise<{ mailboxes: { id: string; ownerName: string }[] }>);
    const own = mailboxes.mailboxes.find((m) => m.ownerName === 'Lone Defaultssen')!;
    const first = await call<EventPage>('access.events', { ...range(21), mailboxId: own.id });
    expect(first.events.length).toBe(25);
    expect(first.next).toEqual(expect.any(String));
    const second = await call<EventPage>('access.events', { ...range(21), mailboxId: own.id, next: first.next });
    expect(second.events.map((e) => e.id)).not.toContain(first.events[0]!.id);
    const linked = first.events.find((e) => e.messageId)!;
    expect(linked).toMatchObject({ mailboxId: own.id, subject: 'MESSAGE', title: expect.any(String) });
    await expect(call('access.eventMessage', { mailboxId: own.id, messageId: linked.messageId })).resolves.toEqual({
      exists: true,
    });
    const all = [...first.events, ...second.events];
    const deleted = all.find((e) => e.type === 'DELETED' && e.messageId)!;
    await expect(call('access.eventMessage', { mailboxId: own.id, messageId: deleted.messageId })).resolves.toEqual({
      exists: false,
    });
  });
});

describe('access.trustees and access.revoke', () => {
  it('names Karl with his access kind and revokes what Lone gave him', async () => {
    const call = callAs('lone');
    const { trustees } = await call<{ trustees: TrusteeView[] }>('access.trustees');
    expect(trustees).toEqual([
      expect.objectContaining({
        name: 'Karl Testersen',
        accessType: 'LEGAL_REPRESENTATIVE_READER',
        privilegeTypes: ['LEGAL_REPRESENTATIVE'],
      }),
    ]);
    await call('access.revoke', { privilegeIds: trustees[0]!.privilegeIds });
    expect((await call<{ trustees: TrusteeView[] }>('access.trustees')).trustees).toEqual([]);
  });
});

describe('access requests', () => {
  it('Karl asks, Lone sees it among those made to her and approves it', async () => {
    const lone = callAs('lone');
    const karl = callAs('karl');
    await lone('access.revoke', {
      privilegeIds: (await lone<{ trustees: TrusteeView[] }>('access.trustees')).trustees.flatMap(
        (t) => t.privilegeIds,
      ),
    });
    const asked = await karl<RequestView>('access.requestAccess', {
      cpr: person('lone').cpr,
      firstName: 'Lone',
      lastName: 'Defaultssen',
      privilege: 'LEGAL_REPRESENTATIVE',
    });
    expect(asked).toMatchObject({ state: 'SUBMITTED', accessTo: 'Lone Defaultssen' });
    expect((await karl<RequestLists>('access.requests')).mine.map((r) => r.id)).toEqual([asked.id]);
    const toLone = (await lone<RequestLists>('access.requests')).toMe;
    expect(toLone).toEqual([expect.objectContaining({ id: asked.id, requester: '020250****' })]);
    const approved = await lone<RequestView>('access.answerRequest', { id: asked.id, answer: 'approve' });
    expect(approved).toMatchObject({ state: 'APPROVED', targetState: 'GRANTED' });
    expect((await lone<{ trustees: TrusteeView[] }>('access.trustees')).trustees).toHaveLength(1);
  });

  it("passes Digital Post's refusal on in its own code", async () => {
    const karl = callAs('karl');
    const err = await errorOf(
      karl('access.requestAccess', {
        cpr: person('lone').cpr,
        firstName: 'Lene',
        lastName: 'X',
        privilege: 'LEGAL_REPRESENTATIVE',
      }),
    );
    expect(err.code).toBe('accessRequest.requestParticipant.identity.notFound');
  });
});

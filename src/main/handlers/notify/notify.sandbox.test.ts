import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { AppError } from '../../../shared/ipc/app-error';
import type { AccessView } from '../../../shared/ipc/channels/notify';
import { createDispatcher } from '../../ipc/dispatch';
import { createDpClient, type DpClient } from '../../services/dp-client/dp-client';
import { createEventHub } from '../../services/event-hub';
import { createNotifyHandlers } from '.';

// The notify channels through the dispatcher against a real sandbox: real paths, bodies, ETags and codes.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});

const clientFor = (identity: string, beforePut?: () => Promise<void>): DpClient => {
  const tokens = {
    getAccessToken: () => sandbox.mintAccessToken(identity),
    renewAfterUnauthorized: () => sandbox.mintAccessToken(identity),
  };
  const client = createDpClient({ baseUrl: () => sandbox.apiBase, tokens });
  if (!beforePut) return client;
  let armed = true;
  return {
    ...client,
    put: async (path, body, opts) => {
      if (armed && path.includes('/accesses/') && !path.includes('/subscriptions/')) {
        armed = false;
        await beforePut();
      }
      return client.put(path, body, opts);
    },
  };
};

const dispatcherFor = (api: DpClient) => {
  const dispatch = createDispatcher(createNotifyHandlers({ api, events: createEventHub() }), () => undefined);
  return async <T>(channel: string, payload: unknown): Promise<T> => {
    const env = await dispatch(channel, payload, { transport: 'browser' });
    if (!env.ok) throw Object.assign(new Error(env.error.message), { appError: env.error });
    return env.value as T;
  };
};

const appErrorOf = async (p: Promise<unknown>): Promise<AppError> => {
  try {
    await p;
  } catch (e) {
    return (e as { appError: AppError }).appError;
  }
  throw new Error('expected a refusal');
};

const ownMailboxId = async (api: DpClient): Promise<string> => {
  const res = await api.get<{ mailboxes: { id: string; access?: { accessType: string } }[] }>('mailboxes/');
  return res.data.mailboxes.find((m) => m.access?.accessType === 'OWNER')!.id;
};

describe('notify handlers against the sandbox', () => {
  it('a concurrent change causes a 409; the intent is reapplied to the fresh access and both changes survive', async () => {
    const other = clientFor('karl');
    const mailboxId = await ownMailboxId(other);
    // Someone else (another window) adds an address between our fetch and our PUT.
    const api = clientFor('karl', async () => {
      const fresh = await other.get<Record<string, unknown>>(
        `mailboxes/${mailboxId}/accesses/${(await dispatcherFor(other)<AccessView>('notify.getAccess', { mailboxId })).accessId}`,
      );
      const body = {
        ...fresh.data,
        emailNotificationSubscriptions: [
          ...(fresh.data.emailNotificationSubscriptions as unknown[]),
          { email: 'andet.vindue@example.dk' },
        ],
      };
      await other.put(`mailboxes/${mailboxId}/accesses/${String(fresh.data.id)}`, body, { ifMatch: fresh.version! });
    });
    const call = dispatcherFor(api);
    const before = await call<AccessView>('notify.getAccess', { mailboxId });
    const after = await call<AccessView>('notify.updateAccess', {
      mailboxId,
      change: { kind: 'addEmail', email: 'karl.ny@example.dk' },
    });
    expect(after.emails.map((e) => e.email)).toEqual([
      ...before.emails.map((e) => e.email),
      'andet.vindue@example.dk',
      'karl.ny@example.dk',
    ]);
    expect(after.push).toEqual(before.push);
    expect(after.sms).toEqual(before.sms);
    expect(after.version).toBe(before.version + 2);
  });

  it('PIN refusals keep Digital Post codes: invalid, then too many attempts', async () => {
    const api = clientFor('lone');
    const call = dispatcherFor(api);
    const mailboxId = await ownMailboxId(api);
    const set = await call<AccessView>('notify.updateAccess', {
      mailboxId,
      change: { kind: 'setSms', mobileNumber: '+45 51 52 53 54' },
    });
    expect(set.sms).toMatchObject({ mobileNumber: '51525354', verified: false });
    const codes: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push(
        (await appErrorOf(call('notify.verifySms', { mailboxId, subscriptionId: set.sms!.id, pin: '999999' }))).code,
      );
    }
    expect(codes).toEqual(['verification.pin.invalid', 'verification.pin.invalid', 'verification.max.attempts']);
  });

  it('refuses a bad number and a duplicate address before any request reaches the server', async () => {
    const api = clientFor('lone');
    const call = dispatcherFor(api);
    const mailboxId = await ownMailboxId(api);
    const before = await call<AccessView>('notify.getAccess', { mailboxId });
    expect(
      (await appErrorOf(call('notify.updateAccess', { mailboxId, change: { kind: 'setSms', mobileNumber: '0123' } })))
        .code,
    ).toBe('access.smsNotificationSubscription.mobileNumber.invalid');
    const dup = await appErrorOf(
      call('notify.updateAccess', {
        mailboxId,
        change: { kind: 'addEmail', email: before.emails[0]!.email.toUpperCase() },
      }),
    );
    expect(dup.code).toBe('access.emailNotificationSubscriptions.email.alreadyUsed');
    expect((await call<AccessView>('notify.getAccess', { mailboxId })).version).toBe(before.version);
  });
});

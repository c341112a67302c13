import { describe, expect, it } from 'vitest';
import type { Access } from '../../../shared/dp/resources';
import type { AccessIntent } from '../../../shared/ipc/channels/notify';
import { AppFault } from '../../errors';
import { createFakeDpClient, dpFault } from '../mail/fake-dp-client.test-support';
import { buildAccessBody, NO_CHANGE } from './access-body';
import { AccessStore, toAccessView } from './access';

const MB = 'mb-1';
const ACC = 'acc-1';

const fetched = (): Access => ({
  id: ACC,
  version: 3,
  transactionId: 'tx',
  createdDateTime: '2020-07-03T08:24:15.230Z',
  lastUpdated: '2020-07-03T08:32:33.173Z',
  accessType: 'OWNER',
  mailboxId: MB,
  introductionCompleted: true,
  optOut: false,
  // A field this app has never heard of must survive the PUT too.
  futureField: { keep: ['me'] },
  smsNotificationSubscription: {
    id: 'sms-1',
    version: 2,
    unlistedNumber: true,
    mobileNumber: '29892630',
    verified: true,
  },
  emailNotificationSubscriptions: [
    { id: 'e-1', version: 0, email: 'a@example.dk' },
    { id: 'e-2', version: 4, email: 'b@example.dk' },
  ],
  pushNotificationSubscriptions: [
    {
      id: 'p-1',
      version: 0,
      providerType: 'APN',
      deviceId: 'd-1',
      instanceId: 'i-1',
      tenantId: 't-1',
      deviceToken: '00fc',
    },
    {
      id: 'p-2',
      version: 1,
      providerType: 'FCM',
      deviceId: 'd-2',
      instanceId: 'i-2',
      tenantId: 't-2',
      deviceToken: '654C',
    },
  ],
});

const build = (intent: AccessIntent, from: Access = fetched()) => {
  const body = buildAccessBody(from, intent, () => new Date('2026-11-23T10:00:00Z'));
  if (body === NO_CHANGE) throw new Error('expected a change');
  return body;
};

/** The body minus the keys the intent is allowed to touch must equal the fetched resource minus the same keys. */
const expectOnly = (body: Record<string, unknown>, touched: string[]) => {
  const strip = (o: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(o).filter(([k]) => !touched.includes(k)));
  expect(strip(body)).toEqual(strip(fetched() as Record<string, unknown>));
};

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFault) return err.appError.code;
    throw err;
  }
  throw new Error('did not throw');
};

describe('buildAccessBody: PUT replaces, so each intent changes exactly one thing', () => {
  it('addEmail appends a new subscription and keeps the others with ids and versions', () => {
    const body = build({ kind: 'addEmail', email: ' c@example.dk ' });
    expect(body.emailNotificationSubscriptions).toEqual([
      ...fetched().emailNotificationSubscriptions!,
      { email: 'c@example.dk' },
    ]);
    expectOnly(body, ['emailNotificationSubscriptions']);
  });

  it('removeEmail drops only that id', () => {
    const body = build({ kind: 'removeEmail', id: 'e-1' });
    expect(body.emailNotificationSubscriptions).toEqual([fetched().emailNotificationSubscriptions![1]]);
    expectOnly(body, ['emailNotificationSubscriptions']);
  });

  it('changeEmail keeps id and version of that subscription', () => {
    const body = build({ kind: 'changeEmail', id: 'e-2', email: 'new@example.dk' });
    expect(body.emailNotificationSubscriptions).toEqual([
      fetched().emailNotificationSubscriptions![0],
      { id: 'e-2', version: 4, email: 'new@example.dk' },
    ]);
    expectOnly(body, ['emailNotificationSubscriptions']);
  });

  it('setSms keeps the subscription id and unlistedNumber, does not echo verified, accepts +45', () => {
    const body = build({ kind: 'setSms', mobileNumber: '+45 31 41 59 26' });
    expect(body.smsNotificationSubscription).toEqual({
      id: 'sms-1',
      version: 2,
      unlistedNumber: true,
      mobileNumber: '31415926',
    });
    expectOnly(body, ['smsNotificationSubscription']);
  });

  it('setSms on an access without SMS creates one', () => {
    const without = { ...fetched(), smsNotificationSubscription: null };
    const body = buildAccessBody(without, { kind: 'setSms', mobileNumber: '31415926' });
    expect(body).not.toBe(NO_CHANGE);
    expect((body as Record<string, unknown>).smsNotificationSubscription).toEqual({
      mobileNumber: '31415926',
      unlistedNumber: false,
    });
  });

  it('removeSms, removePush, setOptOut and setIntroductionCompleted each touch only their field', () => {
    const sms = build({ kind: 'removeSms' });
    expect(sms.smsNotificationSubscription).toBeNull();
    expectOnly(sms, ['smsNotificationSubscription']);

    const push = build({ kind: 'removePush', id: 'p-1' });
    expect(push.pushNotificationSubscriptions).toEqual([fetched().pushNotificationSubscriptions![1]]);
    expectOnly(push, ['pushNotificationSubscriptions']);

    const out = build({ kind: 'setOptOut', optOut: true });
    expect(out.optOut).toBe(true);
    expect(typeof out.optedOutOfNotificationsDateTime).toBe('string');
    expectOnly(out, ['optOut', 'optedOutOfNotificationsDateTime']);
    expect(out.introductionCompleted).toBe(true);

    const intro = build({ kind: 'setIntroductionCompleted', introductionCompleted: false });
    expect(intro.introductionCompleted).toBe(false);
    expectOnly(intro, ['introductionCompleted']);
  });

  it('setOptOut writes the printed timestamp, and the boolean only where the resource carried one', () => {
    const { optOut: _guess, ...printedOnly } = fetched();
    const body = buildAccessBody(
      { ...printedOnly, optedOutOfNotificationsDateTime: null },
      { kind: 'setOptOut', optOut: true },
      () => new Date('2026-11-23T10:00:00Z'),
    ) as Record<string, unknown>;
    expect(body.optedOutOfNotificationsDateTime).toBe('2026-11-23T10:00:00.000Z');
    expect('optOut' in body).toBe(false);
    const back = buildAccessBody(
      { ...printedOnly, optedOutOfNotificationsDateTime: '2026-11-20T10:00:00Z' },
      { kind: 'setOptOut', optOut: false },
    ) as Record<string, unknown>;
    expect(back.optedOutOfNotificationsDateTime).toBeNull();
  });

  it('reads opt-out and a verified number from the printed fields (confirmationTime, the opt-out timestamp)', () => {
    const { optOut: _o, ...rest } = fetched();
    const { verified: _v, ...smsPrinted } = rest.smsNotificationSubscription!;
    const sms = { ...smsPrinted, confirmationTime: '2026-11-01T08:00:00Z' };
    const view = toAccessView({
      ...rest,
      optedOutOfNotificationsDateTime: '2026-11-20T10:00:00Z',
      smsNotificationSubscription: sms,
    });
    expect(view.optOut).toBe(true);
    expect(view.sms?.verified).toBe(true);
    const unconfirmed = toAccessView({ ...rest, smsNotificationSubscription: { ...sms, confirmationTime: null } });
    expect(unconfirmed.optOut).toBe(false);
    expect(unconfirmed.sms?.verified).toBe(false);
  });

  it('an intent already true of the resource is no change (nothing is sent)', () => {
    expect(buildAccessBody(fetched(), { kind: 'removeEmail', id: 'gone' })).toBe(NO_CHANGE);
    expect(buildAccessBody(fetched(), { kind: 'removePush', id: 'gone' })).toBe(NO_CHANGE);
    expect(buildAccessBody(fetched(), { kind: 'setSms', mobileNumber: '29 89 26 30' })).toBe(NO_CHANGE);
    expect(buildAccessBody(fetched(), { kind: 'setOptOut', optOut: false })).toBe(NO_CHANGE);
  });

  it('refuses with Digital Post codes before any request', () => {
    expect(codeOf(() => build({ kind: 'addEmail', email: 'not-an-address' }))).toBe(
      'access.emailNotificationSubscriptions.email.invalid',
    );
    expect(codeOf(() => build({ kind: 'addEmail', email: 'A@Example.dk' }))).toBe(
      'access.emailNotificationSubscriptions.email.alreadyUsed',
    );
    expect(codeOf(() => build({ kind: 'addEmail', email: '' }))).toBe(
      'access.emailNotificationSubscriptions.email.required',
    );
    expect(codeOf(() => build({ kind: 'changeEmail', id: 'e-1', email: 'b@example.dk' }))).toBe(
      'access.emailNotificationSubscriptions.email.alreadyUsed',
    );
    expect(codeOf(() => build({ kind: 'setSms', mobileNumber: '1234' }))).toBe(
      'access.smsNotificationSubscription.mobileNumber.invalid',
    );
    expect(codeOf(() => build({ kind: 'setSms', mobileNumber: '12345678' }))).toBe(
      'access.smsNotificationSubscription.mobileNumber.invalid',
    );
  });

  it('never mutates the fetched resource', () => {
    const original = fetched();
    buildAccessBody(original, { kind: 'removeEmail', id: 'e-1' });
    expect(original).toEqual(fetched());
  });
});

describe('AccessStore.update: If-Match and the 409 path', () => {
  const setup = (versions: Access[], putAnswers: Array<'ok' | 'conflict' | Error>) => {
    let gets = 0;
    let puts = 0;
    const fake = createFakeDpClient({
      [`GET mailboxes/${MB}`]: () => ({
        id: MB,
        version: 1,
        ownerType: 'CITIZEN',
        access: { id: ACC, version: 0, accessType: 'OWNER', mailboxId: MB },
      }),
      [`GET mailboxes/${MB}/accesses/${ACC}`]: () => versions[Math.min(gets++, versions.length - 1)],
      [`PUT mailboxes/${MB}/accesses/${ACC}`]: (call) => {
        const answer = putAnswers[puts++];
        if (answer === 'conflict') throw dpFault(409, 'app.conflict');
        if (answer instanceof Error) throw answer;
        return { ...(call.body as object), version: 99 };
      },
    });
    return { ...fake, store: new AccessStore(fake.api) };
  };

  it('PUTs the full body with If-Match = the fetched version', async () => {
    const { store, calls } = setup([fetched()], ['ok']);
    await store.update(MB, { kind: 'removeEmail', id: 'e-2' });
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.ifMatch).toBe(3);
    expect((put.body as Record<string, unknown>).pushNotificationSubscriptions).toEqual(
      fetched().pushNotificationSubscriptions,
    );
  });

  it('on 409 refetches and reapplies the same intent to the new resource, once', async () => {
    // Someone else added an address and removed a device in between: both survive our change.
    const newer: Access = {
      ...fetched(),
      version: 4,
      emailNotificationSubscriptions: [
        ...fetched().emailNotificationSubscriptions!,
        { id: 'e-3', version: 0, email: 'other@example.dk' },
      ],
      pushNotificationSubscriptions: [fetched().pushNotificationSubscriptions![1]!],
    };
    const { store, calls } = setup([fetched(), newer], ['conflict', 'ok']);
    const result = await store.update(MB, { kind: 'removeEmail', id: 'e-1' });
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts.map((p) => p.ifMatch)).toEqual([3, 4]);
    const body = puts[1]!.body as Record<string, unknown>;
    expect(body.emailNotificationSubscriptions).toEqual([
      newer.emailNotificationSubscriptions![1],
      newer.emailNotificationSubscriptions![2],
    ]);
    expect(body.pushNotificationSubscriptions).toEqual(newer.pushNotificationSubscriptions);
    expect(result.version).toBe(99);
  });

  it('a second 409 reaches the user; nothing more is sent', async () => {
    const { store, calls } = setup([fetched(), { ...fetched(), version: 4 }], ['conflict', 'conflict', 'ok']);
    await expect(store.update(MB, { kind: 'addEmail', email: 'c@example.dk' })).rejects.toMatchObject({
      appError: { code: 'app.conflict' },
    });
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(2);
  });

  it('after a 409 the intent may already be done: no second PUT', async () => {
    const done: Access = {
      ...fetched(),
      version: 4,
      emailNotificationSubscriptions: [fetched().emailNotificationSubscriptions![1]!],
    };
    const { store, calls } = setup([fetched(), done], ['conflict']);
    const result = await store.update(MB, { kind: 'removeEmail', id: 'e-1' });
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(1);
    expect(result.version).toBe(4);
  });

  it('an invalid address is refused without any PUT', async () => {
    const { store, calls } = setup([fetched()], ['ok']);
    await expect(store.update(MB, { kind: 'addEmail', email: 'x@' })).rejects.toBeInstanceOf(AppFault);
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });
});

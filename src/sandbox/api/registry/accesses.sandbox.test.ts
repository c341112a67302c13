import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './registry-harness.test-support';
import { MAX_EMAIL_SUBSCRIPTIONS } from './access-update';
import { PIN_MAX_ATTEMPTS, PIN_VALIDITY_MS } from './pins';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(async () => {
  h.sandbox.api.reset();
  h.clock.now = new Date('2026-01-05T09:00:00.000Z');
});

const accessPath = (who: 'lone' | 'karl' | 'mette' | 'karlViaLone' = 'lone') =>
  `/mailboxes/${h.ids[who].mailboxId}/accesses/${h.ids[who].accessId}`;
const getAccess = async () => (await h.call('lone', 'GET', accessPath())).body;
const put = (body: unknown, ifMatch: number | undefined, who: string = 'lone', path = accessPath()) =>
  h.call(who, 'PUT', path, { body, ...(ifMatch !== undefined ? { ifMatch } : {}) });

describe('access fetch and query', () => {
  it('returns the caller’s access with its version as ETag', async () => {
    const res = await h.call('lone', 'GET', accessPath());
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"3"');
    expect(res.body).toMatchObject({
      id: h.ids.lone.accessId,
      version: 3,
      accessType: 'OWNER',
      mailboxId: h.ids.lone.mailboxId,
      emailNotificationSubscriptions: [],
    });
  });

  it('lists only the caller’s own accesses on a mailbox', async () => {
    const res = await h.call('lone', 'GET', `/mailboxes/${h.ids.karl.mailboxId}/accesses/`);
    expect(res.status).toBe(200);
    expect(res.body.accesses.map((a: { id: string }) => a.id)).toEqual([h.ids.karlViaLone.accessId]);
  });

  it('hides another identity’s access and refuses a mailbox without access', async () => {
    expect((await h.call('lone', 'GET', accessPath('karl'))).status).toBe(404);
    expect((await h.call('karl', 'GET', accessPath('lone'))).status).toBe(403);
  });
});

describe('access update (PUT replaces)', () => {
  it('adds subscriptions, then removes what a later PUT leaves out and keeps the rest untouched', async () => {
    const first = await put(
      {
        introductionCompleted: true,
        smsNotificationSubscription: { mobileNumber: '+45 29 89 26 30' },
        emailNotificationSubscriptions: [{ email: 'a@example.dk' }, { email: 'b@example.dk' }],
      },
      3,
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(4);
    expect(first.headers.get('etag')).toBe('"4"');
    expect(first.body.introductionCompleted).toBe(true);
    expect(first.body.smsNotificationSubscription).toMatchObject({
      version: 0,
      mobileNumber: '29892630',
      verified: false,
    });
    const [a, b] = first.body.emailNotificationSubscriptions;
    expect(a).toMatchObject({ version: 0, email: 'a@example.dk' });
    expect(b.id).not.toBe(a.id);

    const second = await put(
      { smsNotificationSubscription: first.body.smsNotificationSubscription, emailNotificationSubscriptions: [a] },
      4,
    );
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(5);
    expect(second.body.emailNotificationSubscriptions).toEqual([a]);
    expect(second.body.smsNotificationSubscription).toEqual(first.body.smsNotificationSubscription);
    // Left out of the PUT, so removed: the flag falls back to false.
    expect(second.body.introductionCompleted).toBe(false);

    const third = await put({ emailNotificationSubscriptions: [{ ...a, email: 'c@example.dk' }] }, 5);
    expect(third.body.smsNotificationSubscription).toBeNull();
    expect(third.body.emailNotificationSubscriptions).toEqual([{ id: a.id, version: 1, email: 'c@example.dk' }]);
    expect((await getAccess()).version).toBe(6);
  });

  it('answers 409 on a stale If-Match and 400 without one, changing nothing', async () => {
    const stale = await put({ emailNotificationSubscriptions: [{ email: 'a@example.dk' }] }, 2);
    expect(stale.status).toBe(409);
    expect(stale.headers.get('etag')).toBe('"3"');
    expect(stale.body.code).toBe('digital.post.error');
    const missing = await put({ emailNotificationSubscriptions: [{ email: 'a@example.dk' }] }, undefined);
    expect(missing.status).toBe(400);
    expect(await getAccess()).toMatchObject({ version: 3, emailNotificationSubscriptions: [] });
  });

  it('rejects invalid input with the §13.4.1 codes and Danish messages', async () => {
    const dup = await put(
      { emailNotificationSubscriptions: [{ email: 'a@example.dk' }, { email: 'A@example.dk' }] },
      3,
    );
    expect(dup.status).toBe(400);
    expect(dup.body.message).toBe('E-mailadressen A@example.dk er allerede angivet én gang.');
    expect(dup.body.fieldErrors[0]).toMatchObject({
      code: 'access.emailNotificationSubscriptions.email.alreadyUsed',
      field: 'emailNotificationSubscriptions[1].email',
    });

    const bad = await put({ emailNotificationSubscriptions: [{ email: 'not-an-email' }, { email: '' }] }, 3);
    expect(bad.body.fieldErrors.map((e: { code: string; message: string }) => [e.code, e.message])).toEqual([
      ['access.emailNotificationSubscriptions.email.invalid', 'E-mailadressen er ikke gyldig.'],
      ['access.emailNotificationSubscriptions.email.required', 'E-mailadressen skal udfyldes.'],
    ]);

    const many = Array.from({ length: MAX_EMAIL_SUBSCRIPTIONS + 1 }, (_, i) => ({ email: `p${i}@example.dk` }));
    const tooMany = await put({ emailNotificationSubscriptions: many }, 3);
    expect(tooMany.body.fieldErrors[0]).toMatchObject({
      code: 'access.maximum.number.of.emails.exceeded',
      message: `Der kan maksimalt oprettes ${MAX_EMAIL_SUBSCRIPTIONS} antal e-mails til notifikation for denne type adgang.`,
    });
    expect((await put({ emailNotificationSubscriptions: many.slice(0, MAX_EMAIL_SUBSCRIPTIONS) }, 3)).status).toBe(200);

    for (const number of ['1234', '12345678', '+46 29892630', '2989263a']) {
      const sms = await put({ smsNotificationSubscription: { mobileNumber: number } }, 4);
      expect(sms.status).toBe(400);
      expect(sms.body.fieldErrors[0]).toMatchObject({
        code: 'access.smsNotificationSubscription.mobileNumber.invalid',
        message: `Mobiltelefonnummeret ${number} er ikke et gyldigt dansk nummer.`,
      });
    }
    expect((await put({ smsNotificationSubscription: { mobileNumber: ' ' } }, 4)).body.fieldErrors[0].code).toBe(
      'access.smsNotificationSubscription.mobileNumber.required',
    );
  });

  it('validates push subscriptions and keeps their ids', async () => {
    const push = (deviceId: string, providerType = 'APN') => ({
      providerType,
      deviceId,
      deviceToken: `tok-${deviceId}`,
      tenantId: 't',
      instanceId: 'i',
    });
    const dup = await put({ pushNotificationSubscriptions: [push('d1'), push('d1', 'FCM')] }, 3);
    expect(dup.body.fieldErrors[0]).toMatchObject({
      code: 'access.pushNotificationSubscriptions.deviceId.alreadyUsed',
      message: 'Device id d1 er allerede angivet én gang.',
    });
    const wrongType = await put({ pushNotificationSubscriptions: [push('d1', 'SMS')] }, 3);
    expect(wrongType.body.fieldErrors[0]).toMatchObject({ code: 'type.wrong', message: '"SMS" er den forkerte type' });
    const noDevice = await put({ pushNotificationSubscriptions: [{ providerType: 'FCM', deviceToken: 'x' }] }, 3);
    expect(noDevice.body.fieldErrors[0]).toMatchObject({
      code: 'access.pushNotificationSubscriptions.deviceId.required',
      message: 'Device id skal udfyldes.',
    });

    const ok = await put({ pushNotificationSubscriptions: [push('d1'), push('d2', 'FCM')] }, 3);
    expect(ok.status).toBe(200);
    const [d1] = ok.body.pushNotificationSubscriptions;
    const kept = await put({ pushNotificationSubscriptions: [d1] }, 4);
    expect(kept.body.pushNotificationSubscriptions).toEqual([d1]);
  });

  it('opts out of all notifications and back in without losing the subscriptions', async () => {
    const on = await put({ emailNotificationSubscriptions: [{ email: 'a@example.dk' }] }, 3);
    const out = await put({ optOut: true, emailNotificationSubscriptions: on.body.emailNotificationSubscriptions }, 4);
    expect(out.body).toMatchObject({
      optOut: true,
      emailNotificationSubscriptions: on.body.emailNotificationSubscriptions,
    });
    const back = await put(
      { optOut: false, emailNotificationSubscriptions: on.body.emailNotificationSubscriptions },
      5,
    );
    expect(back.body.optOut).toBe(false);
    const future = await put({ optedOutOfNotificationsDateTime: '2027-01-01T00:00:00Z' }, 6);
    expect(future.body.fieldErrors[0]).toMatchObject({
      code: 'access.optedOutOfNotificationsDateTime.isInAFuture',
      message: 'datoen må ikke være i fremtiden.',
    });
  });

  it('refuses notification changes through an employee access', async () => {
    const res = await h.call('mette', 'PUT', accessPath('mette'), {
      body: { emailNotificationSubscriptions: [] },
      ifMatch: 3,
    });
    expect(res.status).toBe(403);
  });
});

describe('SMS verification by PIN', () => {
  const verifyPath = (subscriptionId: string) => `${accessPath()}/subscriptions/${subscriptionId}/verification`;
  const subscribe = async (mobileNumber = '29892630') => {
    const res = await put({ smsNotificationSubscription: { mobileNumber } }, 3);
    expect(res.status).toBe(200);
    return res.body.smsNotificationSubscription as { id: string; verified: boolean };
  };
  const latestPin = async (to = '29892630') => {
    const sms = (await h.outbox()).filter((e) => e.kind === 'sms' && e.to === to);
    return sms[sms.length - 1] as { pin: string; purpose: string; body: string; at: string };
  };

  it('sends a PIN to the outbox and verifies with it; a wrong PIN is refused first', async () => {
    const sub = await subscribe();
    const sent = await latestPin();
    expect(sent).toMatchObject({ purpose: 'access-sms', at: '2026-01-05T09:00:00.000Z' });
    expect(sent.pin).toMatch(/^\d{6}$/);
    expect(sent.body).toContain(sent.pin);

    const wrong = await h.call('lone', 'PUT', verifyPath(sub.id), {
      body: { pin: sent.pin === '000000' ? '111111' : '000000' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ message: 'Ugyldig PIN', fieldErrors: [{ code: 'verification.pin.invalid' }] });

    const ok = await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin: sent.pin } });
    expect(ok.status).toBe(200);
    expect(ok.body.smsNotificationSubscription).toMatchObject({ id: sub.id, verified: true, version: 1 });
    expect(ok.body.version).toBe(5);

    const again = await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin: sent.pin } });
    expect(again.body.fieldErrors[0].code).toBe('verification.pin.is.present.for.non.verifying.state');
  });

  it('locks after the maximum number of wrong PINs until a new PIN is ordered', async () => {
    const sub = await subscribe();
    const { pin } = await latestPin();
    const wrongPin = pin === '000000' ? '111111' : '000000';
    const codes: string[] = [];
    for (let i = 0; i < PIN_MAX_ATTEMPTS; i++)
      codes.push(
        (await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin: wrongPin } })).body.fieldErrors[0].code,
      );
    expect(codes).toEqual([
      ...Array(PIN_MAX_ATTEMPTS - 1).fill('verification.pin.invalid'),
      'verification.max.attempts',
    ]);
    const locked = await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin } });
    expect(locked.body).toMatchObject({ message: 'Det maksimale antal forsøg er overskredet.' });

    const reorder = await h.call('lone', 'PUT', verifyPath(sub.id), { body: {} });
    expect(reorder.status).toBe(200);
    const fresh = await latestPin();
    expect((await h.outbox()).filter((e) => e.kind === 'sms')).toHaveLength(2);
    const ok = await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin: fresh.pin } });
    expect(ok.body.smsNotificationSubscription.verified).toBe(true);
  });

  it('expires a PIN after its validity', async () => {
    const sub = await subscribe();
    const { pin } = await latestPin();
    h.clock.now = new Date(h.clock.now.getTime() + PIN_VALIDITY_MS + 1000);
    const res = await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin } });
    expect(res.body).toMatchObject({
      message: 'PIN er udløbet.',
      fieldErrors: [{ code: 'verification.validity.exceeded' }],
    });
  });

  it('changing the number starts verification over; removing it ends the pending PIN', async () => {
    const sub = await subscribe();
    const { pin } = await latestPin();
    await h.call('lone', 'PUT', verifyPath(sub.id), { body: { pin } });
    const changed = await put({ smsNotificationSubscription: { ...sub, mobileNumber: '31313131' } }, 5);
    expect(changed.body.smsNotificationSubscription).toMatchObject({ mobileNumber: '31313131', verified: false });
    expect((await latestPin('31313131')).purpose).toBe('access-sms');
  });
});

describe('new-post notifications', () => {
  it('notifies every e-mail and the verified number of accesses that have not opted out', async () => {
    const put1 = await put(
      {
        emailNotificationSubscriptions: [{ email: 'a@example.dk' }],
        smsNotificationSubscription: { mobileNumber: '29892630' },
      },
      3,
    );
    const sub = put1.body.smsNotificationSubscription;
    const pin = (await h.outbox()).find((e) => e.to === '29892630').pin;
    await h.call(null, 'DELETE', '/sandbox/outbox');
    h.registry.notifyNewMessage(h.ids.lone.mailboxId, { id: 'm1', senderName: 'Skattestyrelsen' });
    expect((await h.outbox()).map((e) => [e.kind, e.to])).toEqual([['email', 'a@example.dk']]);

    await h.call('lone', 'PUT', `${accessPath()}/subscriptions/${sub.id}/verification`, { body: { pin } });
    await h.call(null, 'DELETE', '/sandbox/outbox');
    h.registry.notifyNewMessage(h.ids.lone.mailboxId, { id: 'm2', senderName: 'Skattestyrelsen' });
    const sent = await h.outbox();
    expect(sent.map((e) => [e.kind, e.to, e.messageId])).toEqual([
      ['email', 'a@example.dk', 'm2'],
      ['sms', '29892630', 'm2'],
    ]);
    expect(sent[0].body).toContain('Skattestyrelsen');

    const current = await getAccess();
    await put({ ...current, optOut: true }, current.version);
    await h.call(null, 'DELETE', '/sandbox/outbox');
    h.registry.notifyNewMessage(h.ids.lone.mailboxId, { id: 'm3' });
    expect(await h.outbox()).toEqual([]);
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './registry-harness.test-support';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.sandbox.api.reset();
  h.clock.now = new Date('2026-01-05T09:00:00.000Z');
});

const ownContact = async (who: string) => {
  const res = await h.call(who, 'GET', '/contacts/');
  expect(res.status).toBe(200);
  expect(res.body.contacts).toHaveLength(1);
  return res.body.contacts[0];
};
const lastPin = async (to: string) => {
  const sms = (await h.outbox()).filter((e) => e.kind === 'sms' && e.to === to);
  return sms[sms.length - 1];
};

describe('own contact and NemSMS', () => {
  it('shows each identity only its own contact, CPR masked', async () => {
    const lone = await ownContact('lone');
    expect(lone).toMatchObject({ type: 'CITIZEN', cprNumber: '010170****', status: { type: 'ACTIVE' } });
    expect(lone.nemSmsSubscription).toBeUndefined();
    expect(await ownContact('mette')).toMatchObject({ type: 'COMPANY', cvrNumber: '99887766' });
    expect((await h.call('karl', 'GET', `/contacts/${lone.id}`)).status).toBe(403);
    const fetched = await h.call('lone', 'GET', `/contacts/${lone.id}`);
    expect(fetched.headers.get('etag')).toBe(`"${lone.version}"`);
  });

  it('subscribes, verifies by PIN (after a wrong one), re-confirms and unsubscribes', async () => {
    const contact = await ownContact('lone');
    const path = `/contacts/${contact.id}`;
    const subscribed = await h.call('lone', 'PUT', path, {
      body: { ...contact, nemSmsSubscription: { mobileNumber: '20 30 40 50' } },
      ifMatch: contact.version,
    });
    expect(subscribed.status).toBe(200);
    expect(subscribed.body.version).toBe(contact.version + 1);
    const sub = subscribed.body.nemSmsSubscription;
    expect(sub).toMatchObject({
      version: 0,
      mobileNumber: '20304050',
      verificationTime: null,
      confirmedDateTime: null,
    });
    const sent = await lastPin('20304050');
    expect(sent.purpose).toBe('nemsms');

    const verify = `${path}/verifications/${sub.id}`;
    const wrong = await h.call('lone', 'PUT', verify, { body: { pin: sent.pin === '999999' ? '888888' : '999999' } });
    expect(wrong.body).toMatchObject({ message: 'Ugyldig PIN', fieldErrors: [{ code: 'verification.pin.invalid' }] });
    const ok = await h.call('lone', 'PUT', verify, { body: { pin: sent.pin } });
    expect(ok.status).toBe(200);
    expect(ok.body.nemSmsSubscription).toMatchObject({
      id: sub.id,
      verificationTime: '2026-01-05T09:00:00.000Z',
      confirmedDateTime: '2026-01-05T09:00:00.000Z',
    });

    h.clock.now = new Date('2026-06-01T00:00:00.000Z');
    const older = await h.call('lone', 'PUT', path, {
      body: { nemSmsSubscription: { ...ok.body.nemSmsSubscription, confirmedDateTime: '2025-12-01T00:00:00.000Z' } },
      ifMatch: ok.body.version,
    });
    expect(older.body.fieldErrors[0]).toMatchObject({
      code: 'new.confirmedDateTime.must.be.after.old.confirmedDateTime',
      message:
        'En ny bekræftelse: 2025-12-01T00:00:00.000Z skal være nyere end den foregående: 2026-01-05T09:00:00.000Z',
    });
    const reconfirmed = await h.call('lone', 'PUT', path, {
      body: { nemSmsSubscription: { ...ok.body.nemSmsSubscription, confirmedDateTime: '2026-05-31T00:00:00.000Z' } },
      ifMatch: ok.body.version,
    });
    expect(reconfirmed.body.nemSmsSubscription.confirmedDateTime).toBe('2026-05-31T00:00:00.000Z');

    const gone = await h.call('lone', 'PUT', path, { body: { id: contact.id }, ifMatch: reconfirmed.body.version });
    expect(gone.status).toBe(200);
    expect(gone.body.nemSmsSubscription).toBeUndefined();
  });

  it('orders a new PIN, and honours max attempts and expiry', async () => {
    const contact = await ownContact('lone');
    const path = `/contacts/${contact.id}`;
    const sub = (
      await h.call('lone', 'PUT', path, {
        body: { nemSmsSubscription: { mobileNumber: '20304050' } },
        ifMatch: contact.version,
      })
    ).body.nemSmsSubscription;
    const verify = `${path}/verifications/${sub.id}`;
    const first = await lastPin('20304050');
    const bad = first.pin === '000000' ? '111111' : '000000';
    await h.call('lone', 'PUT', verify, { body: { pin: bad } });
    await h.call('lone', 'PUT', verify, { body: { pin: bad } });
    const third = await h.call('lone', 'PUT', verify, { body: { pin: bad } });
    expect(third.body.fieldErrors[0].code).toBe('verification.max.attempts');

    expect((await h.call('lone', 'PUT', verify, { body: {} })).status).toBe(200);
    const second = await lastPin('20304050');
    h.clock.now = new Date(h.clock.now.getTime() + 60 * 60 * 1000);
    const expired = await h.call('lone', 'PUT', verify, { body: { pin: second.pin } });
    expect(expired.body.fieldErrors[0]).toMatchObject({
      code: 'verification.validity.exceeded',
      message: 'PIN er udløbet.',
    });
  });

  it('rejects a non-Danish number and a stale version', async () => {
    const contact = await ownContact('lone');
    const bad = await h.call('lone', 'PUT', `/contacts/${contact.id}`, {
      body: { nemSmsSubscription: { mobileNumber: '123' } },
      ifMatch: contact.version,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors[0]).toMatchObject({
      code: 'danish.mobile.number.invalid',
      message: '"123" er ugyldigt dansk mobilnummer',
    });
    const missing = await h.call('lone', 'PUT', `/contacts/${contact.id}`, {
      body: { nemSmsSubscription: { mobileNumber: '' } },
      ifMatch: contact.version,
    });
    expect(missing.body.fieldErrors[0]).toMatchObject({
      code: 'danish.mobile.number.needed',
      message: 'Dansk mobilnummer er påkrævet',
    });
    const stale = await h.call('lone', 'PUT', `/contacts/${contact.id}`, { body: {}, ifMatch: contact.version + 7 });
    expect(stale.status).toBe(409);
  });

  it('treats a number already verified in Digital Post as verified at once, without a PIN', async () => {
    // karl's seeded NemSMS number 20202020 is verified; using it for SMS notifications needs no new PIN.
    const path = `/mailboxes/${h.ids.karl.mailboxId}/accesses/${h.ids.karl.accessId}`;
    const res = await h.call('karl', 'PUT', path, {
      body: { smsNotificationSubscription: { mobileNumber: '20202020' } },
      ifMatch: 3,
    });
    expect(res.body.smsNotificationSubscription.verified).toBe(true);
    expect(await h.outbox()).toEqual([]);
  });
});

describe('outbox hook', () => {
  it('lists SMS PINs newest last and clears on DELETE', async () => {
    const contact = await ownContact('lone');
    await h.call('lone', 'PUT', `/contacts/${contact.id}`, {
      body: { nemSmsSubscription: { mobileNumber: '20304050' } },
      ifMatch: contact.version,
    });
    h.clock.now = new Date('2026-01-05T09:05:00.000Z');
    await h.call('lone', 'PUT', `/mailboxes/${h.ids.lone.mailboxId}/accesses/${h.ids.lone.accessId}`, {
      body: { smsNotificationSubscription: { mobileNumber: '29892630' } },
      ifMatch: 3,
    });
    const entries = await h.outbox();
    expect(entries.map((e) => [e.kind, e.to, e.purpose, e.at])).toEqual([
      ['sms', '20304050', 'nemsms', '2026-01-05T09:00:00.000Z'],
      ['sms', '29892630', 'access-sms', '2026-01-05T09:05:00.000Z'],
    ]);
    h.store.outbox.push({ kind: 'email', to: 'x@example.dk', subject: 'Videresendt post', body: 'Hej' });
    expect((await h.outbox()).at(-1)).toMatchObject({ kind: 'email', to: 'x@example.dk', subject: 'Videresendt post' });
    expect((await h.call(null, 'DELETE', '/sandbox/outbox')).status).toBe(204);
    expect(await h.outbox()).toEqual([]);
  });

  it('reset restores the seeded contacts', async () => {
    const contact = await ownContact('lone');
    await h.call('lone', 'PUT', `/contacts/${contact.id}`, {
      body: { nemSmsSubscription: { mobileNumber: '20304050' } },
      ifMatch: contact.version,
    });
    h.sandbox.api.reset();
    expect(await ownContact('lone')).toEqual(contact);
  });
});

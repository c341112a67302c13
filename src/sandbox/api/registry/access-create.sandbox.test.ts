import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './registry-harness.test-support';

// Create access over real HTTP: the caller's own access on a mailbox their privileges (dppriv) cover.
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());
beforeEach(() => {
  h.sandbox.api.reset();
});

const create = (who: string, mailboxId: string, body: Record<string, unknown>) =>
  h.call(who, 'POST', `/mailboxes/${mailboxId}/accesses/`, { body: { mailboxId, ...body } });
const codes = (res: { body: { fieldErrors?: { code: string }[] } }) => (res.body.fieldErrors ?? []).map((e) => e.code);

describe('create access', () => {
  it('creates the caller’s access under their power of attorney, with subscriptions and a PIN for the new number', async () => {
    const karlMb = h.ids.karl.mailboxId;
    h.store.accesses.delete(h.ids.karlViaLone.accessId);
    expect((await h.call('lone', 'GET', `/mailboxes/${karlMb}/accesses/`)).status).toBe(403);

    const res = await create('lone', karlMb, {
      accessType: 'FULL_POWER_OF_ATTORNEY',
      introductionCompleted: true,
      emailNotificationSubscriptions: [{ email: 'lone@example.dk' }],
      smsNotificationSubscription: { mobileNumber: '+45 31 31 31 31' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"0"');
    expect(res.body).toMatchObject({
      version: 0,
      accessType: 'FULL_POWER_OF_ATTORNEY',
      mailboxId: karlMb,
      introductionCompleted: true,
      optOut: false,
      emailNotificationSubscriptions: [{ email: 'lone@example.dk' }],
      smsNotificationSubscription: { mobileNumber: '31313131', verified: false },
    });
    expect(res.headers.get('location')).toMatch(new RegExp(`/mailboxes/${karlMb}/accesses/${res.body.id}$`));
    const listed = await h.call('lone', 'GET', `/mailboxes/${karlMb}/accesses/`);
    expect(listed.body.accesses.map((a: { id: string }) => a.id)).toEqual([res.body.id]);
    expect((await h.outbox()).filter((e: { to: string; pin?: string }) => e.to === '31313131' && e.pin)).toHaveLength(
      1,
    );

    const again = await create('lone', karlMb, { accessType: 'FULL_POWER_OF_ATTORNEY' });
    expect(again.status).toBe(409);
  });

  it('refuses an access the caller already has', async () => {
    const res = await create('lone', h.ids.lone.mailboxId, { accessType: 'OWNER' });
    expect(res.status).toBe(409);
  });

  it('needs mailboxId and accessType, and validates the subscriptions like the access PUT', async () => {
    h.store.accesses.delete(h.ids.karlViaLone.accessId);
    const path = `/mailboxes/${h.ids.karl.mailboxId}/accesses/`;
    const empty = await h.call('lone', 'POST', path, { body: {} });
    expect(empty.status).toBe(400);
    expect(codes(empty)).toEqual(['access.mailboxId.notNull', 'access.accessType.notNull']);
    expect(codes(await create('lone', h.ids.karl.mailboxId, { accessType: 'BOSS' }))).toEqual(['type.wrong']);
    expect(
      codes(
        await h.call('lone', 'POST', path, {
          body: { mailboxId: h.ids.lone.mailboxId, accessType: 'FULL_POWER_OF_ATTORNEY' },
        }),
      ),
    ).toEqual(['id.not.exist']);
    const badSms = await create('lone', h.ids.karl.mailboxId, {
      accessType: 'FULL_POWER_OF_ATTORNEY',
      smsNotificationSubscription: { mobileNumber: '1234' },
    });
    expect(codes(badSms)).toEqual(['access.smsNotificationSubscription.mobileNumber.invalid']);
    // Nothing was created by the refused attempts.
    expect((await h.call('lone', 'GET', `/mailboxes/${h.ids.karl.mailboxId}/accesses/`)).status).toBe(403);
  });

  it('refuses what the caller’s privileges do not cover, an access for someone else, and the employee role', async () => {
    h.store.accesses.delete(h.ids.karlViaLone.accessId);
    const karlMb = h.ids.karl.mailboxId;
    const denied = async (res: Promise<{ status: number; body: { fieldErrors?: { code: string }[] } }>) => {
      const r = await res;
      expect(r.status).toBe(403);
      expect(codes(r)).toEqual(['access.denied']);
    };
    // lone holds a power of attorney on karl's mailbox, not ownership.
    await denied(create('lone', karlMb, { accessType: 'OWNER' }));
    // karl holds no privilege on lone's mailbox.
    await denied(create('karl', h.ids.lone.mailboxId, { accessType: 'FULL_POWER_OF_ATTORNEY' }));
    // Giving karl access to lone's mailbox is an access request, not this endpoint.
    await denied(create('lone', karlMb, { accessType: 'FULL_POWER_OF_ATTORNEY', identityId: 'karl' }));
    // DP Medarbejder may not create an access, even on the company mailbox it may open.
    h.store.accesses.delete(h.ids.mette.accessId);
    await denied(create('mette', h.ids.mette.mailboxId, { accessType: 'EMPLOYEE' }));
  });

  it('answers 404 for an unknown mailbox', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    const res = await create('lone', id, { accessType: 'OWNER' });
    expect(res.status).toBe(404);
  });
});

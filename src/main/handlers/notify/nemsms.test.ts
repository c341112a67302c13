import { describe, expect, it } from 'vitest';
import { createFakeDpClient, dpFault } from '../mail/fake-dp-client.test-support';
import { buildContactBody, ContactStore, toNemSmsView } from './nemsms';

type Sub = {
  id: string;
  version: number;
  mobileNumber: string;
  verificationTime: string | null;
  confirmedDateTime: string | null;
};
const contact = (nemSms: Sub | null = null, version = 2) => ({
  id: 'c-1',
  version,
  type: 'CITIZEN',
  cprNumber: '010190-****',
  mailboxSubscription: { id: 'ms', version: 0, publicRegistrationStatus: 'REGISTERED' },
  ...(nemSms ? { nemSmsSubscription: nemSms } : {}),
});
const verified = {
  id: 'n-1',
  version: 1,
  mobileNumber: '20202020',
  verificationTime: '2024-01-02T08:00:00Z',
  confirmedDateTime: '2024-01-02T08:00:00Z',
};

describe('NemSMS contact body', () => {
  it('subscribe sets a new subscription and keeps every other contact field', () => {
    const body = buildContactBody(contact(), { kind: 'subscribe', mobileNumber: '+4531415926' })!;
    expect(body.nemSmsSubscription).toEqual({ mobileNumber: '31415926' });
    const { nemSmsSubscription: _n, ...rest } = body;
    expect(rest).toEqual(contact());
  });

  it('unsubscribe leaves the subscription out; the same number is no change', () => {
    const body = buildContactBody(contact(verified), { kind: 'unsubscribe' })!;
    expect('nemSmsSubscription' in body).toBe(false);
    expect(buildContactBody(contact(verified), { kind: 'subscribe', mobileNumber: '20 20 20 20' })).toBeUndefined();
  });

  it('refuses a bad number with the contact registry codes', () => {
    expect(() => buildContactBody(contact(), { kind: 'subscribe', mobileNumber: '123' })).toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ code: 'danish.mobile.number.invalid' }) }),
    );
    expect(() => buildContactBody(contact(), { kind: 'subscribe', mobileNumber: ' ' })).toThrow(
      expect.objectContaining({ appError: expect.objectContaining({ code: 'danish.mobile.number.needed' }) }),
    );
  });

  it('the view says verified only with a verification time', () => {
    expect(toNemSmsView(contact(verified)).nemSms?.verified).toBe(true);
    expect(toNemSmsView(contact({ ...verified, verificationTime: null })).nemSms?.verified).toBe(false);
  });

  it('update finds the own contact, PUTs with If-Match and reapplies once on 409', async () => {
    let gets = 0;
    let puts = 0;
    const fake = createFakeDpClient({
      'GET contacts/': () => ({ contacts: [contact()] }),
      'GET contacts/c-1': () => contact(null, 2 + gets++),
      'PUT contacts/c-1': (call) => {
        if (puts++ === 0) throw dpFault(409, 'app.conflict');
        return {
          ...(call.body as object),
          nemSmsSubscription: { id: 'n-2', mobileNumber: '31415926', verificationTime: null },
          version: 9,
        };
      },
    });
    const store = new ContactStore(fake.api);
    const result = await store.update({ kind: 'subscribe', mobileNumber: '31415926' });
    expect(fake.calls.filter((c) => c.method === 'PUT').map((c) => c.ifMatch)).toEqual([2, 3]);
    expect(result.version).toBe(9);
  });
});

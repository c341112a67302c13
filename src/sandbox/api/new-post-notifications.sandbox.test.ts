import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from './api-test-client.test-support';

// New post reaches the outbox as Digital Post's notifications would, whichever way it arrives: a sender system's
// letter (the delivery hook) or a sandbox citizen's send / forward to another sandbox mailbox.

interface Entry {
  kind: 'email' | 'sms';
  to: string;
  body: string;
  messageId?: string;
}

let api: ApiClient;
let lone: string;
let karl: string;

const outbox = async (): Promise<Entry[]> => (await api.hook('GET', '/outbox')).body.entries as Entry[];
const notificationsFor = async (messageId: string) =>
  (await outbox())
    .filter((e) => e.messageId === messageId)
    .map((e) => `${e.kind}:${e.to}`)
    .sort();

/** What every access of `identity` on `mailboxId` should be notified at (all of them opted in). */
const addressesOf = async (identity: string, mailboxId: string): Promise<string[]> => {
  const accesses = (await api.request(identity, 'GET', `/mailboxes/${mailboxId}/accesses/`)).body.accesses as any[];
  return accesses.flatMap((a) => [
    ...a.emailNotificationSubscriptions.map((s: any) => `email:${s.email}`),
    ...(a.smsNotificationSubscription?.verified ? [`sms:${a.smsNotificationSubscription.mobileNumber}`] : []),
  ]);
};

const deliver = async (mailboxOwner: string, label: string): Promise<string> => {
  const res = await api.hook('POST', '/messages', { mailboxOwner, senderLabel: 'Skattestyrelsen', label, text: 'Hej' });
  expect(res.status).toBe(201);
  return res.body.messageId as string;
};

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());
beforeEach(async () => {
  expect((await api.hook('POST', '/reset')).status).toBe(204);
  lone = await api.mailboxOf('lone', 'Lone Defaultssen');
  karl = await api.mailboxOf('karl', 'Karl Testersen');
});

describe('new-post notifications', () => {
  it('a delivered letter notifies every access on the mailbox: e-mails and verified numbers, naming the sender', async () => {
    const expected = [...(await addressesOf('lone', lone)), ...(await addressesOf('karl', lone))].sort();
    expect(expected.filter((a) => a.startsWith('sms:'))).toHaveLength(2);
    const id = await deliver('lone', 'Årsopgørelse');
    expect(await notificationsFor(id)).toEqual(expected);
    const entries = (await outbox()).filter((e) => e.messageId === id);
    for (const entry of entries) {
      expect(entry.body).toContain('Skattestyrelsen');
      expect(entry.body).not.toContain('Årsopgørelse');
    }
  });

  it('skips an access that opted out and a number not yet verified', async () => {
    const own = (await api.request('lone', 'GET', `/mailboxes/${lone}/accesses/`)).body.accesses.find(
      (a: any) => a.accessType === 'OWNER',
    );
    const put = await api.request('lone', 'PUT', `/mailboxes/${lone}/accesses/${own.id}`, {
      ifMatch: own.version,
      body: { ...own, smsNotificationSubscription: { ...own.smsNotificationSubscription, mobileNumber: '31313131' } },
    });
    expect(put.body.smsNotificationSubscription.verified).toBe(false);
    const id = await deliver('lone', 'Nyt nummer');
    const sent = await notificationsFor(id);
    expect(sent).toContain(`email:${own.emailNotificationSubscriptions[0].email}`);
    expect(sent).not.toContain('sms:31313131');

    const current = put.body;
    expect(
      (
        await api.request('lone', 'PUT', `/mailboxes/${lone}/accesses/${own.id}`, {
          ifMatch: current.version,
          body: { ...current, optOut: true },
        })
      ).status,
    ).toBe(200);
    const later = await deliver('lone', 'Efter fravalg');
    expect(await notificationsFor(later)).toEqual((await addressesOf('karl', lone)).sort());
  });

  it('a forward to a sandbox citizen’s CPR notifies the holders of the receiving mailbox about the inbox copy', async () => {
    const letter = await deliver('lone', 'Til Karl');
    const forward = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${letter}/forward`, {
      body: { recipientId: '0202501232', recipientIdType: 'CPR', senderLabel: 'Lone' },
    });
    expect(forward.status).toBe(201);
    const copy = (
      await api.request('karl', 'GET', `/mailboxes/${karl}/messages/?label=${encodeURIComponent('"Vs: Til Karl"')}`)
    ).body.messages[0];
    expect(copy.messageState).toBe('RECEIVED');
    const expected = [...(await addressesOf('karl', karl)), ...(await addressesOf('lone', karl))].sort();
    expect(await notificationsFor(copy.id)).toEqual(expected);
    // The sender's own SENT copy is not new post for anyone.
    expect(await notificationsFor(forward.body.id)).toEqual([]);
  });

  it('a draft sent to the company CVR notifies its employees', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const updated = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 0,
      body: { ...draft, label: 'Til firmaet', recipient: { recipientId: '99887766', recipientIdType: 'CVR' } },
    });
    const doc = updated.body.documents[0];
    const form = new FormData();
    form.append(
      'file',
      new Blob(['<html><body><p>Hej</p></body></html>'], { type: 'text/html' }),
      'hoveddokument.html',
    );
    const upload = await api.request(
      'lone',
      'PUT',
      `/mailboxes/${lone}/messages/${draft.id}/documents/${doc.id}/files/${doc.files[0].id}/content`,
      { form, ifMatch: doc.files[0].version },
    );
    expect(upload.status).toBe(200);
    expect((await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}/send`)).status).toBe(200);
    const company = await api.mailboxOf('mette');
    const copy = (
      await api.request('mette', 'GET', `/mailboxes/${company}/messages/?label=${encodeURIComponent('"Til firmaet"')}`)
    ).body.messages[0];
    expect(copy).toBeDefined();
    expect(await notificationsFor(copy.id)).toEqual((await addressesOf('mette', company)).sort());
  });
});

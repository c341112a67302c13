import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from './api-test-client.test-support';

let api: ApiClient;

beforeAll(async () => {
  api = await startApi();
});
afterAll(async () => api.close());
beforeEach(async () => {
  await api.hook('POST', '/reset');
});

describe('mailboxes (§6.1, §8.5.1)', () => {
  it('lists only the mailboxes an identity may open, own first, each with its access', async () => {
    const lone = (await api.request('lone', 'GET', '/mailboxes/')).body;
    expect(lone.mailboxes.map((m: any) => [m.ownerName, m.access.accessType])).toEqual([
      ['Lone Defaultssen', 'OWNER'],
      ['Karl Testersen', 'FULL_POWER_OF_ATTORNEY'],
    ]);
    expect(lone.mailboxes[0].ownerId).toBe('010170****');
    const access = lone.mailboxes[0].access;
    expect(access.emailNotificationSubscriptions).toHaveLength(1);
    expect(access.smsNotificationSubscription.mobileNumber).toMatch(/^\d{8}$/);
    expect(access.pushNotificationSubscriptions.map((p: any) => p.providerType)).toEqual(['APN', 'FCM']);
    const mette = (await api.request('mette', 'GET', '/mailboxes/')).body;
    expect(mette.mailboxes.map((m: any) => [m.ownerType, m.ownerId, m.access.accessType])).toEqual([
      ['COMPANY', '99887766', 'EMPLOYEE'],
    ]);
    expect((await api.request(null, 'GET', '/mailboxes/')).status).toBe(401);
  });

  it('fetches one with an ETag and replaces the embedded access subscriptions with If-Match', async () => {
    const id = await api.mailboxOf('lone', 'Lone Defaultssen');
    const fetched = await api.request('lone', 'GET', `/mailboxes/${id}`);
    expect(fetched.headers.get('etag')).toBe('"0"');
    const body = fetched.body;
    const [apn] = body.access.pushNotificationSubscriptions;
    const put = await api.request('lone', 'PUT', `/mailboxes/${id}`, {
      ifMatch: 0,
      body: { ...body, access: { ...body.access, introductionCompleted: true, pushNotificationSubscriptions: [apn] } },
    });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    expect(put.body.access.pushNotificationSubscriptions).toEqual([apn]);
    expect((await api.request('lone', 'PUT', `/mailboxes/${id}`, { ifMatch: 0, body })).status).toBe(409);
    expect((await api.request('lone', 'PUT', `/mailboxes/${id}`, { body })).status).toBe(400);
  });

  it('gives sender information per authority with counts and unread', async () => {
    const id = await api.mailboxOf('lone', 'Lone Defaultssen');
    const res = await api.request('lone', 'GET', `/mailboxes/${id}/sender-information/`);
    const skat = res.body.senders.find((s: any) => s.label === 'Skattestyrelsen');
    const all = (
      await api.request(
        'lone',
        'GET',
        `/mailboxes/${id}/messages/?sender.label=${encodeURIComponent('"Skattestyrelsen"')}&size=1000&fields=read,messageState`,
      )
    ).body.messages.filter((m: any) => m.messageState === 'RECEIVED');
    expect(skat.total).toBe(all.length);
    expect(skat.unread).toBe(all.filter((m: any) => !m.read).length);
    expect(res.body.senders.every((s: any) => s.senderIdType === 'CVR')).toBe(true);
  });

  it("lists trustees of the caller's own mailbox", async () => {
    const res = await api.request('lone', 'GET', '/mailboxes/trustees');
    expect(res.body.trustees.map((t: any) => [t.name, t.accessType])).toEqual([
      ['Karl Testersen', 'LEGAL_REPRESENTATIVE_READER'],
    ]);
    const karl = await api.request('karl', 'GET', '/mailboxes/trustees');
    expect(karl.body.trustees.map((t: any) => [t.name, t.accessType])).toEqual([
      ['Lone Defaultssen', 'FULL_POWER_OF_ATTORNEY'],
    ]);
  });
});

describe('/sandbox hooks', () => {
  it('delivers a message with arbitrary HTML, a PDF or attachments into a mailbox', async () => {
    const html = '<html><body><script>alert(1)</script><p>Ny post</p></body></html>';
    const res = await api.hook('POST', '/messages', {
      mailboxOwner: 'lone',
      senderLabel: 'Politiet',
      label: 'Testbrev',
      html,
      legalNotification: true,
      reply: true,
      attachments: [{ filename: 'data.csv', encodingFormat: 'text/csv', text: 'a;b\n1;2\n' }],
    });
    expect(res.status).toBe(201);
    const state = await api.hook('GET', `/state/messages/${res.body.messageId}`);
    expect(state.body).toMatchObject({
      label: 'Testbrev',
      messageState: 'RECEIVED',
      folderType: 'INBOX',
      legalNotification: true,
      reply: true,
      sender: { label: 'Politiet', senderIdType: 'CVR' },
    });
    const id = await api.mailboxOf('lone', 'Lone Defaultssen');
    const doc = state.body.documents[0];
    const content = await api.request(
      'lone',
      'GET',
      `/mailboxes/${id}/messages/${res.body.messageId}/documents/${doc.id}/files/${doc.files[0].id}/content`,
    );
    expect(content.bytes.toString()).toBe(html);

    const pdf = await api.hook('POST', '/messages', { mailboxOwner: 'mette', label: 'Moms', pdfPages: 2 });
    const pdfState = await api.hook('GET', `/state/messages/${pdf.body.messageId}`);
    expect(pdfState.body.documents[0].files[0].encodingFormat).toBe('application/pdf');
    expect((await api.hook('POST', '/messages', { mailboxOwner: 'nobody', label: 'x', text: 'x' })).status).toBe(400);
    expect((await api.hook('POST', '/messages', { mailboxOwner: 'lone', label: 'x' })).status).toBe(400);
  });

  it('resets to the seed, registry data included', async () => {
    const delivered = await api.hook('POST', '/messages', { mailboxOwner: 'lone', label: 'Forsvinder', text: 'x' });
    const before = await api.mailboxOf('lone', 'Lone Defaultssen');
    expect((await api.hook('POST', '/reset')).status).toBe(204);
    expect((await api.hook('GET', `/state/messages/${delivered.body.messageId}`)).status).toBe(404);
    expect(await api.mailboxOf('lone', 'Lone Defaultssen')).toBe(before);
    expect((await api.hook('GET', '/state/messages/../../etc')).status).toBeGreaterThanOrEqual(400);
  });
});

import { describe, expect, it } from 'vitest';
import { api, findByLabel, folders, lone, uploadHtml, useResetSandbox } from './reset-sandbox.test-support';

useResetSandbox();

describe('drafts', () => {
  it('creates a draft with the §6.9.3 defaults and a masked CPR sender', async () => {
    const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} });
    expect(res.status).toBe(201);
    expect(res.headers.get('etag')).toBe('"0"');
    const m = res.body;
    expect(m).toMatchObject({
      version: 0,
      mailboxId: lone,
      folderId: folders.DRAFTS,
      messageType: 'REGULAR',
      messageState: 'DRAFT',
      forward: false,
      reply: false,
      flag: false,
      legallyNotified: false,
      read: false,
      welcomeMessage: false,
      errorMessage: false,
      replyData: [],
    });
    expect(m.sender).toMatchObject({ senderId: '010170****', senderIdType: 'CPR' });
    expect(m.documents).toHaveLength(1);
    expect(m.documents[0]).toMatchObject({
      documentType: 'MAIN',
      label: 'Hoveddokument',
      files: [{ encodingFormat: 'text/html', filename: 'hoveddokument.html', language: 'da' }],
    });
    expect(m.documents[0].files[0].fileSize).toBeUndefined();
  });

  it('refuses a draft outside DRAFTS, a wrong messageType, unknown fields and wrong types', async () => {
    const wrongFolder = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, {
      body: { folderId: folders.INBOX },
    });
    expect(wrongFolder.status).toBe(400);
    expect(wrongFolder.body.fieldErrors[0].code).toBe('message.create.draft.folderType.not.allowed');
    const wrongType = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, {
      body: { messageType: 'SPECIAL' },
    });
    expect(wrongType.body.fieldErrors[0].code).toBe('message.create.draft.messageType.not.allowed');
    const unknown = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: { bogus: 1 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'digital.post.error', fieldErrors: [{ field: 'bogus' }] });
    const badType = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: { label: 42 } });
    expect(badType.status).toBe(400);
    expect(badType.body.fieldErrors[0].field).toBe('label');
  });

  it('updates recipient and label with If-Match; a masked CPR echo leaves the recipient unchanged (§6.12)', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const v1 = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 0,
      body: {
        ...draft,
        label: 'Hejsa',
        recipient: { recipientId: '0202501232', recipientIdType: 'CPR', label: 'Karl Testersen' },
      },
    });
    expect(v1.status).toBe(200);
    expect(v1.headers.get('etag')).toBe('"1"');
    expect(v1.body.recipient).toMatchObject({ recipientId: '020250****', recipientIdType: 'CPR' });
    const v2 = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 1,
      body: { ...v1.body, label: 'New Label', recipient: { ...v1.body.recipient, recipientId: '121099****' } },
    });
    expect(v2.status).toBe(200);
    expect(v2.body.label).toBe('New Label');
    expect(v2.body.recipient.recipientId).toBe('020250****');
    const state = await api.hook('GET', `/state/messages/${draft.id}`);
    expect(state.body.recipient.recipientId).toBe('020250****');
  });

  it('accepts only known CVR recipients', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const unknown = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 0,
      body: { ...draft, recipient: { recipientId: '12345678', recipientIdType: 'CVR' } },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fieldErrors[0].code).toBe('message.recipient.recipientId.cvr.invalid');
    const known = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 0,
      body: { ...draft, recipient: { recipientId: '91000013', recipientIdType: 'CVR' } },
    });
    expect(known.status).toBe(200);
    expect(known.body.recipient).toMatchObject({ recipientId: '91000013', label: 'Skattestyrelsen' });
  });

  it('requires the exact If-Match: missing → 400, stale → 409 with the current ETag, wildcard → 400', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const path = `/mailboxes/${lone}/messages/${draft.id}`;
    expect((await api.request('lone', 'PATCH', path, { body: { flag: true } })).status).toBe(400);
    expect((await api.request('lone', 'PATCH', path, { body: { flag: true }, ifMatch: '*' })).status).toBe(400);
    expect((await api.request('lone', 'PATCH', path, { body: { flag: true }, ifMatch: 0 })).status).toBe(200);
    const stale = await api.request('lone', 'PATCH', path, { body: { flag: false }, ifMatch: 0 });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('etag')).toBe('"1"');
    expect(stale.body.code).toBe('digital.post.error');
  });

  it('PATCH ignores null and omitted fields (§6.13.3)', async () => {
    const m = await findByLabel('Rykker: Restskat');
    const res = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: m.version,
      body: { read: true, flag: null, legallyNotified: null },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ read: true, flag: true, legallyNotified: false, version: m.version + 1 });
  });

  it('sends a draft: validation errors first, then SENT in the SENT folder', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const empty = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}/send`);
    expect(empty.status).toBe(400);
    const codes = empty.body.fieldErrors.map((e: any) => e.code);
    expect(codes).toContain('message.send.label.required');
    expect(codes).toContain('message.send.documents.files.content.required');
    const contentError = empty.body.fieldErrors.find(
      (e: any) => e.code === 'message.send.documents.files.content.required',
    );
    expect(contentError.message).toBe(`Der skal tilføjes indhold til filen ${draft.documents[0].files[0].id}.`);
    expect(contentError.rejectedValue[0].documentType).toBe('MAIN');

    const updated = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}`, {
      ifMatch: 0,
      body: { ...draft, label: 'Spørgsmål', recipient: { recipientId: '91000039', recipientIdType: 'CVR' } },
    });
    expect((await uploadHtml(lone, updated.body, '<html><body><p>Hej kommune</p></body></html>')).status).toBe(200);
    const sent = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ messageState: 'SENT', folderId: folders.SENT });
    expect(sent.body.sendDateTime).toEqual(expect.any(String));
    const again = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${draft.id}/send`);
    expect(again.body.fieldErrors[0].code).toBe('message.send.invalid.state');
  });

  it('deletes drafts for real but refuses to delete received messages', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    expect((await api.request('lone', 'DELETE', `/mailboxes/${lone}/messages/${draft.id}`)).status).toBe(400);
    expect(
      (await api.request('lone', 'DELETE', `/mailboxes/${lone}/messages/${draft.id}`, { ifMatch: 0 })).status,
    ).toBe(204);
    expect((await api.request('lone', 'GET', `/mailboxes/${lone}/messages/${draft.id}`)).status).toBe(404);
    const received = await findByLabel('Valgkort');
    const refused = await api.request('lone', 'DELETE', `/mailboxes/${lone}/messages/${received.id}`, {
      ifMatch: received.version,
    });
    expect(refused.status).toBe(400);
  });
});

describe('reply', () => {
  it('creates a reply draft to the original sender; sending it adds REPLIED to the original', async () => {
    const original = await findByLabel('Svar på din henvendelse om parkeringslicens');
    const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${original.id}/reply`);
    expect(res.status).toBe(201);
    const reply = res.body;
    expect(reply).toMatchObject({
      label: 'Sv: Svar på din henvendelse om parkeringslicens',
      folderId: folders.DRAFTS,
      messageState: 'DRAFT',
    });
    expect(reply.recipient).toMatchObject({ recipientId: original.sender.senderId, recipientIdType: 'CVR' });
    expect(reply.replyData[0]).toMatchObject({ childMessageId: reply.id, parentMessageId: original.id });

    const relabel = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${reply.id}`, {
      ifMatch: 0,
      body: { label: 'Andet' },
    });
    expect(relabel.body.fieldErrors[0].code).toBe('message.update.reply.label.not.allowed');

    expect((await uploadHtml(lone, reply, '<p>Tak for svaret.</p>')).status).toBe(200);
    expect((await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${reply.id}/send`)).status).toBe(200);
    const after = (await api.request('lone', 'GET', `/mailboxes/${lone}/messages/${original.id}`)).body;
    expect(after.userActivities).toEqual([
      expect.objectContaining({ userActivityType: 'REPLIED', messageId: reply.id }),
    ]);
    const thread = await api.request(
      'lone',
      'GET',
      `/mailboxes/${lone}/messages/?replyData.parentMessageId=${original.id}`,
    );
    expect(thread.body.messages.map((m: any) => m.id)).toEqual([reply.id]);
  });

  it('refuses a reply when reply is false, with the §6.16 body', async () => {
    const m = await findByLabel('Indkaldelse til undersøgelse');
    const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${m.id}/reply`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'digital.post.error',
      message: `ValidationException: A reply draft can not be created for message with id ${m.id}`,
      fieldErrors: [
        {
          resource: 'message',
          field: 'reply',
          code: 'message.create.reply.notAllowed',
          message: 'Denne meddelelse kan ikke besvares.',
          rejectedValue: false,
        },
      ],
    });
  });

  it('seeds a three-message thread whose replyData chains back to the root (§6.13.8)', async () => {
    const root = await findByLabel('Pladsanvisning – vuggestue');
    const thread = (
      await api.request('lone', 'GET', `/mailboxes/${lone}/messages/?replyData.parentMessageId=${root.id}`)
    ).body.messages;
    expect(thread).toHaveLength(2);
    const last = thread.find((m: any) => m.replyData.length === 2);
    expect(last.replyData[1].parentMessageId).toBe(root.id);
    expect(root.userActivities[0].userActivityType).toBe('REPLIED');
  });
});

describe('forward', () => {
  it('forwards to e-mail: SENT copy, FORWARDED on the original, outbox entry, and only once', async () => {
    const m = await findByLabel('Afgørelse om boligstøtte');
    const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${m.id}/forward`, {
      body: { recipientId: 'hans@example.dk', recipientIdType: 'EMAIL', comment: 'Se her', senderLabel: 'Lone' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      label: 'Vs: Afgørelse om boligstøtte',
      messageState: 'SENT',
      folderId: folders.SENT,
      recipient: { recipientId: 'hans@example.dk', recipientIdType: 'EMAIL' },
    });
    expect(res.body.forwardData).toMatchObject({
      originalMessageId: m.id,
      comment: 'Se her',
      originalContentResponsible: 'Udbetaling Danmark',
    });
    expect(res.body.documents).toHaveLength(2);
    const original = (await api.request('lone', 'GET', `/mailboxes/${lone}/messages/${m.id}`)).body;
    expect(original.userActivities).toEqual([expect.objectContaining({ userActivityType: 'FORWARDED' })]);
    const outbox = await api.hook('GET', '/outbox');
    expect(JSON.stringify(outbox.body)).toContain('hans@example.dk');
    const again = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${m.id}/forward`, {
      body: { recipientId: 'x@example.dk', recipientIdType: 'EMAIL' },
    });
    expect(again.status).toBe(400);
    expect(again.body.fieldErrors[0].code).toBe('message.create.forward.notAllowed');
  });

  it('refuses forward=false messages and invalid recipients', async () => {
    const m = await findByLabel('Epikrise efter ambulant besøg');
    const no = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${m.id}/forward`, {
      body: { recipientId: 'a@example.dk', recipientIdType: 'EMAIL' },
    });
    expect(no.body.fieldErrors[0].code).toBe('message.create.forward.notAllowed');
    const ok = await findByLabel('Valgkort');
    const bad = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${ok.id}/forward`, {
      body: { recipientId: 'not-an-email', recipientIdType: 'EMAIL' },
    });
    expect(bad.body.fieldErrors[0].code).toBe('message.create.forward.recipientId.email.invalid');
    const badType = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${ok.id}/forward`, {
      body: { recipientId: 'x', recipientIdType: 'FAX' },
    });
    expect(badType.body.fieldErrors.map((e: any) => e.code)).toContain(
      'message.create.forward.recipientIdType.invalid',
    );
  });

  it('forwards to a CPR of a sandbox citizen: masked in the response, delivered to their inbox', async () => {
    const m = await findByLabel('Valgkort');
    const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${m.id}/forward`, {
      body: { recipientId: '0202501232', recipientIdType: 'CPR', senderLabel: 'Lone' },
    });
    expect(res.status).toBe(201);
    expect(res.body.recipient.recipientId).toBe('020250****');
    const karl = await api.mailboxOf('karl', 'Karl Testersen');
    const got = await findByLabel('Vs: Valgkort', karl, 'karl');
    expect(got.messageState).toBe('RECEIVED');
    expect(got.forwardData.originalMessageId).toBe(m.id);
  });
});

import { describe, expect, it } from 'vitest';
import { api, findByLabel, folders, lone, useResetSandbox } from './reset-sandbox.test-support';

useResetSandbox();

describe('move rules (§6.13.4) and the state matrix', () => {
  it('moves RECEIVED only to INBOX, DELETED and user folders', async () => {
    const m = await findByLabel('Valgkort');
    const path = `/mailboxes/${lone}/messages/${m.id}`;
    for (const target of ['SENT', 'DRAFTS']) {
      const res = await api.request('lone', 'PATCH', path, { ifMatch: m.version, body: { folderId: folders[target] } });
      expect(res.status).toBe(400);
      expect(res.body.fieldErrors[0]).toMatchObject({
        code: 'message.update.folderType.not.allowed',
        message: `En meddelelse i tilstand RECEIVED kan ikke flyttes til mappe af typen ${target}`,
      });
    }
    const moved = await api.request('lone', 'PATCH', path, { ifMatch: m.version, body: { folderId: folders.Sundhed } });
    expect(moved.body.folderId).toBe(folders.Sundhed);
    const deleted = await api.request('lone', 'PATCH', path, {
      ifMatch: moved.body.version,
      body: { folderId: folders.DELETED },
    });
    expect(deleted.status).toBe(200);
  });

  it('moves DRAFT not to INBOX/SENT and SENT not to INBOX/DRAFTS', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    for (const target of ['INBOX', 'SENT']) {
      const res = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${draft.id}`, {
        ifMatch: 0,
        body: { folderId: folders[target] },
      });
      expect(res.body.fieldErrors[0].code).toBe('message.update.folderType.not.allowed');
    }
    const sent = await findByLabel('Ansøgning om parkeringslicens');
    for (const target of ['INBOX', 'DRAFTS']) {
      const res = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${sent.id}`, {
        ifMatch: sent.version,
        body: { folderId: folders[target] },
      });
      expect(res.body.fieldErrors[0].code).toBe('message.update.folderType.not.allowed');
    }
    const unknownFolder = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${sent.id}`, {
      ifMatch: sent.version,
      body: { folderId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(unknownFolder.body.fieldErrors[0].code).toBe('message.update.folderId.notFound');
  });

  it('marks only legal notifications legally notified, irreversibly', async () => {
    const plain = await findByLabel('Valgkort');
    const refused = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${plain.id}`, {
      ifMatch: plain.version,
      body: { legallyNotified: true },
    });
    expect(refused.body.fieldErrors[0].code).toBe('message.update.legallyNotified.not.allowed');
    const legal = await findByLabel('Bødeforelæg – hastighedsovertrædelse');
    expect(legal.legalNotification).toBe(true);
    const ok = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${legal.id}`, {
      ifMatch: legal.version,
      body: { legallyNotified: true },
    });
    expect(ok.body.legallyNotified).toBe(true);
    const back = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${legal.id}`, {
      ifMatch: ok.body.version,
      body: { legallyNotified: false },
    });
    expect(back.status).toBe(400);
  });

  it('changes label and recipient only on drafts; read, flag and note on any state', async () => {
    const m = await findByLabel('Valgkort');
    const label = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: m.version,
      body: { label: 'Andet' },
    });
    expect(label.status).toBe(400);
    const note = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: m.version,
      body: { note: 'husk', flag: true, read: true },
    });
    expect(note.body).toMatchObject({ note: 'husk', flag: true, read: true });
    const put = await api.request('lone', 'PUT', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: note.body.version,
      body: { ...note.body, folderId: undefined },
    });
    expect(put.body.fieldErrors[0].code).toBe('message.update.folderId.notNull');
  });
});

describe('roles and visibility', () => {
  it('404 for an unknown mailbox, 403 for one without access, 400 for malformed ids', async () => {
    const karlOwn = await api.mailboxOf('karl', 'Karl Testersen');
    const company = await api.mailboxOf('mette');
    expect((await api.request('karl', 'GET', `/mailboxes/${company}/messages/`)).status).toBe(403);
    expect((await api.request('lone', 'GET', `/mailboxes/${karlOwn}/messages/`)).status).toBe(200);
    expect((await api.request('lone', 'GET', '/mailboxes/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const traversal = await api.request('lone', 'GET', `/mailboxes/${lone}/messages/..%2F..%2Fetc%2Fpasswd`);
    expect([400, 404]).toContain(traversal.status);
    expect(traversal.body.code).toBe('digital.post.error');
    expect((await api.request('lone', 'GET', `/mailboxes/${lone}/messages/not-a-uuid`)).status).toBe(400);
    expect(
      (await api.request('lone', 'GET', `/mailboxes/${lone}/messages/00000000-0000-4000-8000-000000000000`)).status,
    ).toBe(404);
  });

  it('a legal representative reader reads and flags but cannot write, delete-move or touch DELETED (§6.13.5)', async () => {
    const m = await findByLabel('Valgkort');
    expect((await api.request('karl', 'GET', `/mailboxes/${lone}/messages/${m.id}`)).status).toBe(200);
    expect((await api.request('karl', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).status).toBe(403);
    expect((await api.request('karl', 'POST', `/mailboxes/${lone}/messages/${m.id}/reply`)).status).toBe(403);
    const flag = await api.request('karl', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: m.version,
      body: { flag: true },
    });
    expect(flag.status).toBe(200);
    const toDeleted = await api.request('karl', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: flag.body.version,
      body: { folderId: folders.DELETED },
    });
    expect(toDeleted.status).toBe(403);
    const byOwner = await api.request('lone', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: flag.body.version,
      body: { folderId: folders.DELETED },
    });
    const inDeleted = await api.request('karl', 'PATCH', `/mailboxes/${lone}/messages/${m.id}`, {
      ifMatch: byOwner.body.version,
      body: { read: true },
    });
    expect(inDeleted.status).toBe(403);
    expect(
      (
        await api.request('karl', 'POST', `/mailboxes/${lone}/folders/`, {
          body: { folderType: 'USER_DEFINED', name: 'x' },
        })
      ).status,
    ).toBe(403);
  });

  it('masks CPR numbers in queries (§6.8.2)', async () => {
    const res = await api.request('lone', 'GET', `/mailboxes/${lone}/messages/?size=10000`);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('0101701231');
    expect(text).toContain('010170****');
  });
});

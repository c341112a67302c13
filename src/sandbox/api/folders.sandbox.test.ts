import { beforeEach, describe, expect, it } from 'vitest';
import { api, lone, useResetSandbox } from './reset-sandbox.test-support';

let summary: any[];

const create = (body: unknown) => api.request('lone', 'POST', `/mailboxes/${lone}/folders/`, { body });
const byName = (name: string) => summary.find((f) => f.name === name);

useResetSandbox();
beforeEach(async () => {
  summary = (await api.request('lone', 'GET', `/mailboxes/${lone}/folders/summary/`)).body.folders;
});

describe('folders (§6.6, §6.9.2)', () => {
  it('has the four standard folders and nested user folders, with total/unread counts', async () => {
    expect(
      summary
        .filter((f) => f.folderType !== 'USER_DEFINED')
        .map((f) => f.folderType)
        .sort(),
    ).toEqual(['DELETED', 'DRAFTS', 'INBOX', 'SENT']);
    expect(byName('Skat').parentFolderId).toBe(byName('Arkiv').folderId);
    const inbox = summary.find((f) => f.folderType === 'INBOX');
    const messages = (
      await api.request('lone', 'GET', `/mailboxes/${lone}/messages/?folderId=${inbox.folderId}&size=10000&fields=read`)
    ).body.messages;
    expect(inbox.totalMessages).toBe(messages.length);
    expect(inbox.unreadMessages).toBe(messages.filter((m: any) => !m.read).length);
    expect(inbox.unreadMessages).toBeGreaterThan(0);
  });

  it('creates root and sub folders; names are unique per level', async () => {
    const root = await create({ folderType: 'USER_DEFINED', name: 'My archive' });
    expect(root.status).toBe(201);
    expect(root.body).toMatchObject({ folderType: 'USER_DEFINED', name: 'My archive', version: 0, mailboxId: lone });
    const sub = await create({ parentFolderId: root.body.id, folderType: 'USER_DEFINED', name: 'Sub folder' });
    expect(sub.body.parentFolderId).toBe(root.body.id);
    const dup = await create({ folderType: 'USER_DEFINED', name: 'my archive' });
    expect(dup.body.fieldErrors[0].code).toBe('folder.createOrUpdate.name.exists.at.level');
    expect(
      (await create({ parentFolderId: byName('Bolig').folderId, folderType: 'USER_DEFINED', name: 'My archive' }))
        .status,
    ).toBe(201);
    const fetched = await api.request('lone', 'GET', `/mailboxes/${lone}/folders/${root.body.id}`);
    expect(fetched.headers.get('etag')).toBe('"0"');
    const listed = await api.request(
      'lone',
      'GET',
      `/mailboxes/${lone}/folders/?name=${encodeURIComponent('"Sub folder"')}`,
    );
    expect(listed.body.folders).toHaveLength(1);
  });

  it('refuses standard folder types, blank and illegal names, unknown or standard parents and too many levels', async () => {
    expect((await create({ folderType: 'INBOX', name: 'x' })).body.fieldErrors[0].code).toBe(
      'folder.folderType.illegal',
    );
    expect((await create({ folderType: 'WHATEVER', name: 'x' })).body.fieldErrors[0].code).toBe(
      'folder.folderType.invalid',
    );
    expect((await create({ name: 'x' })).body.fieldErrors[0].code).toBe('folder.folderType.notNull');
    expect((await create({ folderType: 'USER_DEFINED', name: '  ' })).body.fieldErrors[0].code).toBe(
      'folder.name.notBlank',
    );
    expect((await create({ folderType: 'USER_DEFINED', name: 'a/b' })).body.fieldErrors[0].code).toBe(
      'folder.createOrUpdate.name.illegal',
    );
    expect((await create({ folderType: 'USER_DEFINED', name: 'x'.repeat(101) })).body.fieldErrors[0].code).toBe(
      'folder.createOrUpdate.name.size',
    );
    expect(
      (await create({ folderType: 'USER_DEFINED', name: 'x', parentFolderId: '00000000-0000-4000-8000-000000000000' }))
        .body.fieldErrors[0].code,
    ).toBe('folder.createOrUpdate.non.existing.parent');
    const inbox = summary.find((f) => f.folderType === 'INBOX');
    expect(
      (await create({ folderType: 'USER_DEFINED', name: 'x', parentFolderId: inbox.folderId })).body.fieldErrors[0]
        .code,
    ).toBe('folder.createOrUpdate.standard.parent.not.allowed');
    const third = await create({
      folderType: 'USER_DEFINED',
      name: 'Niveau 3',
      parentFolderId: byName('Skat').folderId,
    });
    expect(third.status).toBe(201);
    expect(
      (await create({ folderType: 'USER_DEFINED', name: 'Niveau 4', parentFolderId: third.body.id })).body
        .fieldErrors[0].code,
    ).toBe('folder.createOrUpdate.too.many.levels');
    expect((await create({ folderType: 'USER_DEFINED', name: 'x', extra: true })).status).toBe(400);
  });

  it('renames with If-Match; standard folders cannot be updated or deleted', async () => {
    const sundhed = byName('Sundhed');
    const path = `/mailboxes/${lone}/folders/${sundhed.folderId}`;
    expect(
      (await api.request('lone', 'PUT', path, { body: { folderType: 'USER_DEFINED', name: 'Helbred' } })).status,
    ).toBe(400);
    const renamed = await api.request('lone', 'PUT', path, {
      ifMatch: 0,
      body: { folderType: 'USER_DEFINED', name: 'Helbred' },
    });
    expect(renamed.body).toMatchObject({ name: 'Helbred', version: 1 });
    expect(
      (await api.request('lone', 'PUT', path, { ifMatch: 0, body: { folderType: 'USER_DEFINED', name: 'Igen' } }))
        .status,
    ).toBe(409);
    const inbox = summary.find((f) => f.folderType === 'INBOX');
    const upd = await api.request('lone', 'PUT', `/mailboxes/${lone}/folders/${inbox.folderId}`, {
      ifMatch: 0,
      body: { folderType: 'INBOX', name: 'Ind' },
    });
    expect(upd.body.fieldErrors[0].code).toBe('folder.update.standard.folder.may.no.be.updated');
    const del = await api.request('lone', 'DELETE', `/mailboxes/${lone}/folders/${inbox.folderId}`, { ifMatch: 0 });
    expect(del.body.fieldErrors[0].code).toBe('folder.delete.standard.folders.may.not.be.deleted');
  });

  it('deletes only empty folders without subfolders', async () => {
    const sundhed = byName('Sundhed');
    const full = await api.request('lone', 'DELETE', `/mailboxes/${lone}/folders/${sundhed.folderId}`, { ifMatch: 0 });
    expect(full.body.fieldErrors[0].code).toBe('folder.delete.messages.exists');
    const arkiv = byName('Arkiv');
    const parent = await api.request('lone', 'DELETE', `/mailboxes/${lone}/folders/${arkiv.folderId}`, { ifMatch: 0 });
    expect(parent.body.fieldErrors[0].code).toBe('folder.delete.subfolders.exists');
    const empty = await create({ folderType: 'USER_DEFINED', name: 'Tom' });
    expect(
      (await api.request('lone', 'DELETE', `/mailboxes/${lone}/folders/${empty.body.id}`, { ifMatch: 0 })).status,
    ).toBe(204);
    expect((await api.request('lone', 'GET', `/mailboxes/${lone}/folders/${empty.body.id}`)).status).toBe(404);
  });
});

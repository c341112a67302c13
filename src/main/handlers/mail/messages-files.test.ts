import { describe, expect, it, vi } from 'vitest';
import { createMailHandlers } from '.';
import { createFakeDpClient, dpFault } from './fake-dp-client.test-support';
import { MB, base, codeOf, ctx, message, summary, writes } from './mail-fixtures.test-support';

// Handlers against a fake client: which requests they make, and that refusals make none that change anything.

describe('messages', () => {
  it('maps the query and returns messages, total and next', async () => {
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/`]: () => ({
        currentPage: 0,
        totalPages: 3,
        totalElements: 3,
        elementsOnPage: 1,
        next: 'n1',
        messages: [message('m1')],
      }),
    });
    const h = createMailHandlers({ api, hooks: {} });
    const page = await h['messages.query']({ mailboxId: MB, folderId: 'inbox', size: 1, search: 'skat' }, ctx);
    expect(page).toMatchObject({ totalElements: 3, next: 'n1' });
    expect(page.messages.map((m) => m.id)).toEqual(['m1']);
    expect(calls[0]?.query).toEqual({
      folderId: 'inbox',
      size: 1,
      sortFields: 'messageDateTime:desc,id:desc',
      any: 'skat',
    });
  });

  it('a last page with the printed empty next (§3.3.2) offers no further page', async () => {
    const { api } = createFakeDpClient({
      [`GET ${base}/messages/`]: () => ({
        currentPage: 0,
        totalPages: 1,
        totalElements: 1,
        elementsOnPage: 1,
        next: '',
        messages: [message('m1')],
      }),
    });
    const h = createMailHandlers({ api, hooks: {} });
    const page = await h['messages.query']({ mailboxId: MB, folderId: 'inbox', size: 1 }, ctx);
    expect(page.messages.map((m) => m.id)).toEqual(['m1']);
    expect(page).not.toHaveProperty('next');
  });

  it('refuses an over-long search without a request', async () => {
    const { api, calls } = createFakeDpClient({});
    const h = createMailHandlers({ api, hooks: {} });
    expect(await codeOf(h['messages.query']({ mailboxId: MB, search: 'x'.repeat(101) }, ctx))).toBe(
      'digital.post.error',
    );
    expect(calls).toEqual([]);
  });

  it('marks read with ONE request when the version is known from the list', async () => {
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/`]: () => ({ totalElements: 1, messages: [message('m1', { version: 7 })] }),
      [`PATCH ${base}/messages/m1`]: (c) => message('m1', { version: 8, read: true, ...(c.body as object) }),
    });
    const h = createMailHandlers({ api, hooks: {} });
    await h['messages.query']({ mailboxId: MB }, ctx);
    calls.length = 0;
    const updated = await h['messages.update']({ mailboxId: MB, messageId: 'm1', patch: { read: true } }, ctx);
    expect(updated.read).toBe(true);
    expect(calls).toEqual([{ method: 'PATCH', path: `${base}/messages/m1`, body: { read: true }, ifMatch: 7 }]);
  });

  it('refetches and reapplies the change once after a 409', async () => {
    let server = message('m1', { version: 3 });
    let patches = 0;
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/m1`]: () => server,
      [`PATCH ${base}/messages/m1`]: (c) => {
        patches += 1;
        if (c.ifMatch !== server.version) throw dpFault(409, 'app.conflict', { currentVersion: server.version });
        server = { ...server, ...(c.body as object), version: server.version + 1 };
        return server;
      },
    });
    const h = createMailHandlers({ api, hooks: {} });
    await h['messages.get']({ mailboxId: MB, messageId: 'm1' }, ctx);
    server = { ...server, flag: true, version: 4 }; // changed behind our back
    const updated = await h['messages.update']({ mailboxId: MB, messageId: 'm1', patch: { read: true } }, ctx);
    expect(updated).toMatchObject({ read: true, flag: true, version: 5 });
    expect(patches).toBe(2);
    expect(calls.filter((c) => c.method === 'PATCH').map((c) => c.ifMatch)).toEqual([3, 4]);
  });

  it('checks move rules before the PATCH, with folder types from the summary', async () => {
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/m1`]: () => message('m1'),
      [`GET ${base}/messages/s1`]: () => message('s1', { messageState: 'SENT', folderId: 'sent' }),
      [`GET ${base}/folders/summary/`]: () => summary,
      [`GET ${base}`]: () => ({
        id: MB,
        version: 0,
        ownerType: 'CITIZEN',
        access: { id: 'a', version: 0, accessType: 'OWNER', mailboxId: MB },
      }),
    });
    const h = createMailHandlers({ api, hooks: {} });
    expect(
      await codeOf(h['messages.update']({ mailboxId: MB, messageId: 'm1', patch: { folderId: 'sent' } }, ctx)),
    ).toBe('message.update.folderType.not.allowed');
    expect(
      await codeOf(h['messages.update']({ mailboxId: MB, messageId: 's1', patch: { legallyNotified: true } }, ctx)),
    ).toBe('message.update.legallyNotified.not.allowed');
    expect(writes(calls)).toEqual([]);
  });

  it('recognises a draft by its DRAFTS folder when messageState is absent', async () => {
    const { messageState: _s, ...draft } = message('d1', { folderId: 'drafts' });
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/d1`]: () => draft,
      [`GET ${base}/folders/summary/`]: () => summary,
      [`DELETE ${base}/messages/d1`]: () => undefined,
    });
    const h = createMailHandlers({ api, hooks: {} });
    expect(
      await codeOf(h['messages.update']({ mailboxId: MB, messageId: 'd1', patch: { folderId: 'inbox' } }, ctx)),
    ).toBe('message.update.folderType.not.allowed');
    expect(await h['messages.delete']({ mailboxId: MB, messageId: 'd1' }, ctx)).toEqual({ deleted: true });
    expect(writes(calls).map((c) => c.method)).toEqual(['DELETE']);
  });

  it('hands the renderer the state a folder implies when messageState is absent, and none where it says nothing', async () => {
    const { messageState: _a, ...draft } = message('d1', { folderId: 'drafts' });
    const { messageState: _b, ...filed } = message('o1', { folderId: 'own' });
    const { api } = createFakeDpClient({
      [`GET ${base}/messages/`]: () => ({ totalElements: 2, messages: [draft, filed] }),
      [`GET ${base}/messages/d1`]: () => draft,
      [`GET ${base}/folders/summary/`]: () => summary,
    });
    const h = createMailHandlers({ api, hooks: {} });
    const { messages } = await h['messages.query']({ mailboxId: MB }, ctx);
    expect(messages.map((m) => [m.id, m.messageState])).toEqual([
      ['d1', 'DRAFT'],
      ['o1', undefined],
    ]);
    expect((await h['messages.get']({ mailboxId: MB, messageId: 'd1' }, ctx)).messageState).toBe('DRAFT');
  });

  it('leaves what an access type may do to Digital Post and passes its refusal on', async () => {
    const { api, calls } = createFakeDpClient({
      'GET mailboxes/': () => ({
        totalElements: 1,
        mailboxes: [
          {
            id: MB,
            version: 0,
            ownerType: 'CITIZEN',
            access: { id: 'a', version: 0, accessType: 'LEGAL_REPRESENTATIVE_READER', mailboxId: MB },
          },
        ],
      }),
      [`GET ${base}/folders/summary/`]: () => summary,
      [`GET ${base}/messages/`]: () => ({ totalElements: 1, messages: [message('here')] }),
      [`PATCH ${base}/messages/here`]: () => {
        throw dpFault(403, 'access.denied');
      },
    });
    const h = createMailHandlers({ api, hooks: {} });
    await h['mailboxes.list'](undefined, ctx);
    await h['messages.query']({ mailboxId: MB }, ctx);
    expect(
      await codeOf(h['messages.update']({ mailboxId: MB, messageId: 'here', patch: { folderId: 'deleted' } }, ctx)),
    ).toBe('access.denied');
    expect(writes(calls).map((c) => c.method)).toEqual(['PATCH']);
  });

  it('deletes drafts with If-Match and refuses anything else without a DELETE', async () => {
    const { api, calls } = createFakeDpClient({
      [`GET ${base}/messages/d1`]: () => message('d1', { messageState: 'DRAFT', folderId: 'drafts', version: 2 }),
      [`GET ${base}/messages/r1`]: () => message('r1'),
      [`DELETE ${base}/messages/d1`]: () => undefined,
    });
    const h = createMailHandlers({ api, hooks: {} });
    expect(await codeOf(h['messages.delete']({ mailboxId: MB, messageId: 'r1' }, ctx))).toBe('app.ipc.invalid-request');
    expect(writes(calls)).toEqual([]);
    expect(await h['messages.delete']({ mailboxId: MB, messageId: 'd1' }, ctx)).toEqual({ deleted: true });
    expect(writes(calls)).toEqual([{ method: 'DELETE', path: `${base}/messages/d1`, ifMatch: 2 }]);
  });
});

describe('files', () => {
  const address = { mailboxId: MB, messageId: 'm1', documentId: 'd1', fileId: 'f1' };
  const filePath = `${base}/messages/m1/documents/d1/files/f1`;
  const routes = () =>
    createFakeDpClient({
      [`GET ${filePath}`]: () => ({ id: 'f1', version: 0, encodingFormat: 'application/pdf', filename: 'brev:1.pdf' }),
      [`GET ${filePath}/content`]: () => ({ data: new TextEncoder().encode('%PDF-1.4 x') }),
    });

  it('returns content as base64 with the file metadata', async () => {
    const { api } = routes();
    const h = createMailHandlers({ api, hooks: {} });
    const out = await h['files.content'](address, ctx);
    expect(Buffer.from(out.base64, 'base64').toString()).toBe('%PDF-1.4 x');
    expect(out).toMatchObject({ encodingFormat: 'application/pdf', filename: 'brev:1.pdf' });
  });

  it('answers saved:false with a download / opened:false in browser mode', async () => {
    const { api } = routes();
    const h = createMailHandlers({ api, hooks: {} });
    expect(await h['files.save'](address, ctx)).toMatchObject({ saved: false, downloadPath: expect.any(String) });
    expect(await h['files.open'](address, ctx)).toEqual({ opened: false });
  });

  it('hands the platform a scrubbed name and the bytes', async () => {
    const { api } = routes();
    const saveFile = vi.fn(async () => true);
    const openFile = vi.fn(async () => false);
    const h = createMailHandlers({ api, hooks: { saveFile, openFile } });
    expect(await h['files.save'](address, ctx)).toEqual({ saved: true });
    expect(await h['files.open'](address, ctx)).toEqual({ opened: false });
    const [name, bytes] = saveFile.mock.calls[0] as unknown as [string, Uint8Array];
    expect(name).not.toContain(':');
    expect(name.endsWith('.pdf')).toBe(true);
    expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.4 x');
    expect(openFile).toHaveBeenCalledTimes(1);
  });
});

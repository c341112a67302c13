import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../shared/dp/resources';
import { AppFault } from '../../errors';
import { createMailHandlers } from '.';
import { createFakeDpClient, dpFault, type Call } from './fake-dp-client.test-support';

// Handlers against a fake client: which requests they make, and that refusals make none that change anything.

const MB = 'mb1';
const base = `mailboxes/${MB}`;
const ctx = { transport: 'browser' as const };

const summary = [
  { folderId: 'inbox', folderType: 'INBOX', name: 'Indbakke', totalMessages: 2, unreadMessages: 1 },
  { folderId: 'drafts', folderType: 'DRAFTS', name: 'Kladder', totalMessages: 1, unreadMessages: 0 },
  { folderId: 'sent', folderType: 'SENT', name: 'Sendt', totalMessages: 0, unreadMessages: 0 },
  { folderId: 'deleted', folderType: 'DELETED', name: 'Slettet', totalMessages: 0, unreadMessages: 4 },
  { folderId: 'own', folderType: 'USER_DEFINED', name: 'Bolig', totalMessages: 3, unreadMessages: 2 },
];

const message = (id: string, over: Partial<Message> = {}): Message => ({
  id,
  version: 1,
  mailboxId: MB,
  folderId: 'inbox',
  messageType: 'REGULAR',
  messageState: 'RECEIVED',
  messageDateTime: '2024-01-01T10:00:00Z',
  label: id,
  forward: true,
  reply: true,
  flag: false,
  legallyNotified: false,
  read: false,
  welcomeMessage: false,
  errorMessage: false,
  ...over,
});

const writes = (calls: Call[]) => calls.filter((c) => c.method !== 'GET');
const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (err: unknown) => (err instanceof AppFault ? err.appError.code : Promise.reject(err)),
  );

describe('mailboxes.list', () => {
  it('pages through all mailboxes, takes unread from one summary each and marks the own one', async () => {
    const mailbox = (id: string, accessType: string, ownerName: string, ownerId: string) => ({
      id,
      version: 0,
      ownerType: 'CITIZEN',
      ownerName,
      ownerId,
      access: { id: `acc-${id}`, version: 0, accessType, mailboxId: id },
    });
    const { api, calls } = createFakeDpClient({
      'GET mailboxes/': (c) =>
        c.query?.page === 0
          ? {
              currentPage: 0,
              totalPages: 2,
              totalElements: 101,
              elementsOnPage: 100,
              mailboxes: [
                mailbox('karl', 'FULL_POWER_OF_ATTORNEY', 'Karl', '0101501234'),
                ...Array(99).fill({ bad: true }),
              ],
            }
          : {
              currentPage: 1,
              totalPages: 2,
              totalElements: 101,
              elementsOnPage: 1,
              mailboxes: [mailbox('lone', 'OWNER', 'Lone', '020260****')],
            },
      'GET mailboxes/karl/folders/summary/': () => summary,
      'GET mailboxes/lone/folders/summary/': () => ({ folders: summary.slice(0, 1) }),
    });
    const h = createMailHandlers({ api, hooks: {} }, () => undefined);
    const { mailboxes } = await h['mailboxes.list'](undefined, ctx);
    expect(mailboxes.map((m) => [m.id, m.own, m.unread, m.accessType])).toEqual([
      ['lone', true, 1, 'OWNER'],
      ['karl', false, 3, 'FULL_POWER_OF_ATTORNEY'],
    ]);
    expect(mailboxes[1]?.ownerId).toBe('010150****');
    expect(calls.filter((c) => c.path === 'mailboxes/')).toHaveLength(2);
    // Per mailbox: the documented folder list (absent here, so the summary stands in) and the summary.
    expect(calls).toHaveLength(6);
  });

  it('keeps a mailbox of an unknown owner and access type without a name, offering every action', async () => {
    const { api } = createFakeDpClient({
      'GET mailboxes/': () => ({
        totalElements: 2,
        mailboxes: [
          {
            id: 'x',
            version: 0,
            ownerType: 'VIRKSOMHED_X',
            access: { id: 'a', version: 0, accessType: 'LAESER_X', mailboxId: 'x' },
          },
          {
            id: 'own',
            version: 0,
            ownerType: 'CITIZEN',
            access: { id: 'b', version: 0, accessType: 'OWNER', mailboxId: 'own' },
          },
        ],
      }),
    });
    const h = createMailHandlers({ api, hooks: {} }, () => undefined);
    const { mailboxes } = await h['mailboxes.list'](undefined, ctx);
    expect(mailboxes.map((m) => [m.id, m.own, m.ownerName, m.accessType, m.ownerType])).toEqual([
      ['own', true, '', 'OWNER', 'CITIZEN'],
      ['x', false, '', 'LAESER_X', 'VIRKSOMHED_X'],
    ]);
    expect(mailboxes[1]).toMatchObject({ canWrite: true, canMoveToDeleted: true, canManageNotifications: true });
  });
});

describe('folder tree', () => {
  it('comes from the documented folder list; the summary adds counts where it answers', async () => {
    const list = {
      currentPage: 0,
      totalPages: 1,
      totalElements: 2,
      elementsOnPage: 2,
      folders: [
        { id: 'inbox', version: 0, folderType: 'INBOX', name: 'Inbox', mailboxId: MB },
        { id: 'odd', version: 0, folderType: 'ARKIV_X', name: 'Arkiv', mailboxId: MB, parentFolderId: 'inbox' },
      ],
    };
    const withCounts = createFakeDpClient({
      [`GET ${base}/folders/`]: () => list,
      [`GET ${base}/folders/summary/`]: () => [{ folderId: 'inbox', totalMessages: 4, unreadMessages: 2 }],
    });
    const h = createMailHandlers({ api: withCounts.api, hooks: {} });
    expect((await h['folders.summary']({ mailboxId: MB }, ctx)).folders).toEqual([
      { version: 0, folderId: 'inbox', folderType: 'INBOX', name: 'Inbox', totalMessages: 4, unreadMessages: 2 },
      { version: 0, folderId: 'odd', folderType: 'ARKIV_X', name: 'Arkiv', parentFolderId: 'inbox' },
    ]);
    // A summary that fails or answers in a shape we cannot read leaves the folders without counts.
    const without = createFakeDpClient({ [`GET ${base}/folders/`]: () => list });
    const folders = (
      await createMailHandlers({ api: without.api, hooks: {} })['folders.summary']({ mailboxId: MB }, ctx)
    ).folders;
    expect(folders.map((f) => [f.folderId, f.totalMessages, f.unreadMessages])).toEqual([
      ['inbox', undefined, undefined],
      ['odd', undefined, undefined],
    ]);
  });
});

describe('folders', () => {
  const routes = (extra: Record<string, (c: Call) => unknown> = {}) =>
    createFakeDpClient({
      [`GET ${base}/folders/summary/`]: () => summary,
      [`GET ${base}/folders/own`]: () => ({
        id: 'own',
        version: 4,
        folderType: 'USER_DEFINED',
        name: 'Bolig',
        mailboxId: MB,
        extra: 'kept',
      }),
      ...extra,
    });

  it('refuses a bad name without any request', async () => {
    const { api, calls } = routes();
    const h = createMailHandlers({ api, hooks: {} });
    expect(await codeOf(h['folders.create']({ mailboxId: MB, name: '  ' }, ctx))).toBe('folder.name.notBlank');
    expect(await codeOf(h['folders.rename']({ mailboxId: MB, folderId: 'own', name: 'a|b' }, ctx))).toBe(
      'folder.createOrUpdate.name.illegal',
    );
    expect(calls).toEqual([]);
  });

  it('refuses summary-based cases without a write', async () => {
    const { api, calls } = routes();
    const h = createMailHandlers({ api, hooks: {} });
    expect(await codeOf(h['folders.create']({ mailboxId: MB, name: 'bolig' }, ctx))).toBe(
      'folder.createOrUpdate.name.exists.at.level',
    );
    expect(await codeOf(h['folders.rename']({ mailboxId: MB, folderId: 'inbox', name: 'Post' }, ctx))).toBe(
      'folder.update.standard.folder.may.no.be.updated',
    );
    expect(await codeOf(h['folders.delete']({ mailboxId: MB, folderId: 'own' }, ctx))).toBe(
      'folder.delete.messages.exists',
    );
    expect(await codeOf(h['folders.delete']({ mailboxId: MB, folderId: 'sent' }, ctx))).toBe(
      'folder.delete.standard.folders.may.not.be.deleted',
    );
    expect(writes(calls)).toEqual([]);
  });

  it('creates a USER_DEFINED folder with the trimmed name', async () => {
    const { api, calls } = routes({
      [`POST ${base}/folders/`]: (c) => ({ id: 'new', version: 0, ...(c.body as object) }),
    });
    const h = createMailHandlers({ api, hooks: {} });
    const folder = await h['folders.create']({ mailboxId: MB, name: ' Skat ', parentFolderId: 'own' }, ctx);
    expect(folder.name).toBe('Skat');
    expect(writes(calls)[0]?.body).toEqual({ folderType: 'USER_DEFINED', name: 'Skat', parentFolderId: 'own' });
  });

  it('renames with a full PUT and If-Match, refetching and reapplying once after a 409', async () => {
    let version = 4;
    let puts = 0;
    const { api, calls } = routes({
      [`GET ${base}/folders/own`]: () => ({
        id: 'own',
        version,
        folderType: 'USER_DEFINED',
        name: 'Bolig',
        extra: 'kept',
      }),
      [`PUT ${base}/folders/own`]: (c) => {
        puts += 1;
        if (puts === 1) {
          version = 5; // someone else saved in between
          throw dpFault(409, 'app.conflict', { currentVersion: 5 });
        }
        return { ...(c.body as object), version: version + 1 };
      },
    });
    const h = createMailHandlers({ api, hooks: {} });
    const folder = await h['folders.rename']({ mailboxId: MB, folderId: 'own', name: 'Hus' }, ctx);
    expect(folder).toMatchObject({ name: 'Hus', version: 6 });
    const putCalls = calls.filter((c) => c.method === 'PUT');
    expect(putCalls.map((c) => c.ifMatch)).toEqual([4, 5]);
    expect(putCalls[1]?.body).toMatchObject({ extra: 'kept', name: 'Hus', folderType: 'USER_DEFINED' });
  });

  it('moves to the top level by dropping parentFolderId', async () => {
    const { api, calls } = routes({
      [`GET ${base}/folders/own`]: () => ({
        id: 'own',
        version: 2,
        folderType: 'USER_DEFINED',
        name: 'Bolig',
        parentFolderId: 'x',
      }),
      [`PUT ${base}/folders/own`]: (c) => c.body,
    });
    const h = createMailHandlers({ api, hooks: {} });
    await h['folders.move']({ mailboxId: MB, folderId: 'own', parentFolderId: null }, ctx);
    expect(writes(calls)[0]?.body).not.toHaveProperty('parentFolderId');
  });
});

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

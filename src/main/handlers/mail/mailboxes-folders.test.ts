import { describe, expect, it } from 'vitest';
import { FOLDER_LIMITS } from '../../../shared/dp/assumptions';
import { createMailHandlers } from '.';
import { createFakeDpClient, dpFault, type Call } from './fake-dp-client.test-support';
import { MB, base, codeOf, ctx, summary, writes } from './mail-fixtures.test-support';

// Handlers against a fake client: which requests they make, and that refusals make none that change anything.

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
    expect(await codeOf(h['folders.rename']({ mailboxId: MB, folderId: 'own', name: 'a\u0007b' }, ctx))).toBe(
      'folder.createOrUpdate.name.illegal',
    );
    expect(calls).toEqual([]);
  });

  it("sends names, depths and counts only a guess would refuse, and passes on Digital Post's refusal", async () => {
    const long = 'x'.repeat(FOLDER_LIMITS.values.maxNameLength + 1);
    const { api, calls } = routes({
      [`POST ${base}/folders/`]: () => {
        throw dpFault(400, 'folder.createOrUpdate.name.size');
      },
    });
    const h = createMailHandlers({ api, hooks: {} });
    expect(await codeOf(h['folders.create']({ mailboxId: MB, name: long }, ctx))).toBe(
      'folder.createOrUpdate.name.size',
    );
    expect(await codeOf(h['folders.create']({ mailboxId: MB, name: 'a/b', parentFolderId: 'own' }, ctx))).toBe(
      'folder.createOrUpdate.name.size',
    );
    expect(writes(calls).map((c) => (c.body as { name: string }).name)).toEqual([long, 'a/b']);
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { isMarkedLegalNotification, type FolderSummaryEntry, type Message } from '../../../shared/dp/resources';
import { createDispatcher, type CallContext } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { createDpClient } from '../../services/dp-client/dp-client';
import { sandboxTokens } from '../../services/dp-client/sandbox-tokens.test-support';
import { takeDownload } from '../../services/files/download-offers';
import { createMailHandlers } from '.';

// The mail handlers against a real sandbox over HTTP: what the user sees, and which requests actually went out.

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

const call: CallContext = { transport: 'browser' };

interface Sent {
  method: string;
  path: string;
}

const setup = (identity: string) => {
  const sent: Sent[] = [];
  const api = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens: sandboxTokens(sandbox, identity),
    fetch: async (input, init) => {
      const url = new URL(String(input));
      sent.push({ method: init?.method ?? 'GET', path: url.pathname.replace('/apis/v1/', '') + url.search });
      return fetch(input, init);
    },
    log: () => undefined,
  });
  const h = createMailHandlers({ api, hooks: {} }, () => undefined);
  const writes = () => sent.filter((s) => s.method !== 'GET');
  /** A direct API call that does not go through the handlers (someone else's change). */
  const direct = async (method: string, path: string, body?: unknown, ifMatch?: number) => {
    const res = await fetch(`${sandbox.apiBase}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await sandbox.mintAccessToken(identity)}`,
        'content-type': 'application/json',
        ...(ifMatch !== undefined ? { 'if-match': String(ifMatch) } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    expect(res.ok).toBe(true);
    return res.json() as Promise<Record<string, unknown>>;
  };
  return { h, sent, writes, direct };
};

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (err: unknown) => (err instanceof AppFault ? err.appError.code : Promise.reject(err)),
  );

const byType = (folders: FolderSummaryEntry[], type: string) => folders.find((f) => f.folderType === type)!;

describe('mail handlers against the sandbox', () => {
  it('lists lone’s mailboxes: her own first, Karl’s by power of attorney, with unread counts', async () => {
    const { h } = setup('lone');
    const { mailboxes } = await h['mailboxes.list'](undefined, call);
    const [own, karl] = mailboxes;
    expect(own).toMatchObject({ own: true, accessType: 'OWNER', canWrite: true, ownerType: 'CITIZEN' });
    expect(own?.ownerName).toMatch(/Lone/);
    expect(own?.ownerId).toMatch(/^\d{6}\*{4}$/);
    expect(own?.unread).toBeGreaterThan(0);
    expect(karl).toMatchObject({ own: false, accessType: 'FULL_POWER_OF_ATTORNEY' });
    expect(karl?.ownerName).toMatch(/Karl/);
    // The dispatcher's response schema accepts what the handler built.
    const dispatch = createDispatcher(h);
    expect(await dispatch('mailboxes.list', undefined, call)).toMatchObject({ ok: true });
  });

  it('creates, renames, moves and deletes a folder, refuses printed bad cases without writing and passes on the refusal of guessed ones', async () => {
    const { h, writes } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const { folders } = await h['folders.summary']({ mailboxId }, call);
    const inbox = byType(folders, 'INBOX');
    const before = writes().length;

    expect(await codeOf(h['folders.create']({ mailboxId, name: 'a\u0007b' }, call))).toBe(
      'folder.createOrUpdate.name.illegal',
    );
    expect(await codeOf(h['folders.create']({ mailboxId, name: ' ' }, call))).toBe('folder.name.notBlank');
    const existing = folders.find((f) => f.folderType === 'USER_DEFINED' && f.parentFolderId === undefined)!;
    expect(await codeOf(h['folders.create']({ mailboxId, name: existing.name.toUpperCase() }, call))).toBe(
      'folder.createOrUpdate.name.exists.at.level',
    );
    expect(await codeOf(h['folders.create']({ mailboxId, name: 'Under', parentFolderId: inbox.folderId }, call))).toBe(
      'folder.createOrUpdate.standard.parent.not.allowed',
    );
    expect(await codeOf(h['folders.rename']({ mailboxId, folderId: inbox.folderId, name: 'Post' }, call))).toBe(
      'folder.update.standard.folder.may.no.be.updated',
    );
    expect(await codeOf(h['folders.delete']({ mailboxId, folderId: inbox.folderId }, call))).toBe(
      'folder.delete.standard.folders.may.not.be.deleted',
    );
    expect(writes().length).toBe(before);

    // The limits are guesses, so these go out and the sandbox (standing in for Digital Post) refuses them.
    expect(await codeOf(h['folders.create']({ mailboxId, name: 'a/b' }, call))).toBe(
      'folder.createOrUpdate.name.illegal',
    );
    expect(await codeOf(h['folders.create']({ mailboxId, name: 'x'.repeat(101) }, call))).toBe(
      'folder.createOrUpdate.name.size',
    );
    expect(writes().length).toBe(before + 2);
    expect((await h['folders.summary']({ mailboxId }, call)).folders).toHaveLength(folders.length);

    const top = await h['folders.create']({ mailboxId, name: 'Forsikring' }, call);
    const sub = await h['folders.create']({ mailboxId, name: 'Bil', parentFolderId: top.id }, call);
    expect(sub).toMatchObject({ folderType: 'USER_DEFINED', name: 'Bil', parentFolderId: top.id });
    expect(await codeOf(h['folders.delete']({ mailboxId, folderId: top.id }, call))).toBe(
      'folder.delete.subfolders.exists',
    );

    const renamed = await h['folders.rename']({ mailboxId, folderId: sub.id, name: 'Bilforsikring' }, call);
    expect(renamed.name).toBe('Bilforsikring');
    const moved = await h['folders.move']({ mailboxId, folderId: sub.id, parentFolderId: null }, call);
    expect(moved.parentFolderId).toBeUndefined();
    expect(await codeOf(h['folders.move']({ mailboxId, folderId: top.id, parentFolderId: top.id }, call))).toBe(
      'app.ipc.invalid-request',
    );

    const after = await h['folders.summary']({ mailboxId }, call);
    expect(after.folders.find((f) => f.folderId === sub.id)).toMatchObject({ name: 'Bilforsikring' });
    expect(after.folders.find((f) => f.folderId === sub.id)?.parentFolderId).toBeUndefined();

    expect(await h['folders.delete']({ mailboxId, folderId: sub.id }, call)).toEqual({ deleted: true });
    expect(await h['folders.delete']({ mailboxId, folderId: top.id }, call)).toEqual({ deleted: true });
    const last = await h['folders.summary']({ mailboxId }, call);
    expect(last.folders.some((f) => f.folderId === top.id || f.folderId === sub.id)).toBe(false);
  });

  it('pages the inbox with next, searches, and refuses a long search before the request', async () => {
    const { h, sent } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const inbox = byType((await h['folders.summary']({ mailboxId }, call)).folders, 'INBOX');
    const first = await h['messages.query']({ mailboxId, folderId: inbox.folderId, size: 3 }, call);
    expect(first.messages).toHaveLength(3);
    expect(first.next).toBeTruthy();
    const second = await h['messages.query']({ mailboxId, folderId: inbox.folderId, size: 3, next: first.next! }, call);
    expect(second.messages.length).toBeGreaterThan(0);
    expect(second.messages.some((m) => first.messages.some((f) => f.id === m.id))).toBe(false);
    const times = [...first.messages, ...second.messages].map((m) => m.messageDateTime ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    expect(first.messages.every((m) => m.folderId === inbox.folderId)).toBe(true);

    const found = await h['messages.query']({ mailboxId, search: 'forskudsopgørelse' }, call);
    expect(found.messages.length).toBeGreaterThan(0);
    expect(found.messages.every((m) => /forskudsopgørelse/i.test(JSON.stringify(m)))).toBe(true);

    const count = sent.length;
    expect(await codeOf(h['messages.query']({ mailboxId, search: 'x'.repeat(101) }, call))).toBe('digital.post.error');
    expect(sent.length).toBe(count);
  });

  it('marks read with one PATCH, and reapplies after someone else changed the message', async () => {
    const { h, sent, writes, direct } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const inbox = byType((await h['folders.summary']({ mailboxId }, call)).folders, 'INBOX');
    const { messages } = await h['messages.query']({ mailboxId, folderId: inbox.folderId, size: 50 }, call);
    const target = messages.find((m) => !m.read && !m.flag)!;
    expect(target).toBeDefined();

    const count = sent.length;
    const read = await h['messages.update']({ mailboxId, messageId: target.id, patch: { read: true } }, call);
    expect(read).toMatchObject({ read: true, version: target.version + 1 });
    expect(sent.slice(count).map((s) => s.method)).toEqual(['PATCH']);

    // Someone else flags it: the handler's cached version is now stale.
    await direct('PATCH', `mailboxes/${mailboxId}/messages/${target.id}`, { flag: true }, read.version);
    const writesBefore = writes().length;
    const unread = await h['messages.update']({ mailboxId, messageId: target.id, patch: { read: false } }, call);
    expect(unread).toMatchObject({ read: false, flag: true, version: read.version + 2 });
    expect(writes().length - writesBefore).toBe(2);
  });

  it('checks move rules and legal notifications before the request, and moves within the rules', async () => {
    const { h, writes } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const folders = (await h['folders.summary']({ mailboxId }, call)).folders;
    const { messages } = await h['messages.query'](
      { mailboxId, folderId: byType(folders, 'INBOX').folderId, size: 50 },
      call,
    );
    const received = messages.find((m) => m.messageState === 'RECEIVED' && !isMarkedLegalNotification(m))!;
    const before = writes().length;
    expect(
      await codeOf(
        h['messages.update'](
          { mailboxId, messageId: received.id, patch: { folderId: byType(folders, 'SENT').folderId } },
          call,
        ),
      ),
    ).toBe('message.update.folderType.not.allowed');
    expect(
      await codeOf(
        h['messages.update'](
          { mailboxId, messageId: received.id, patch: { folderId: byType(folders, 'DRAFTS').folderId } },
          call,
        ),
      ),
    ).toBe('message.update.folderType.not.allowed');
    expect(await codeOf(h['messages.delete']({ mailboxId, messageId: received.id }, call))).toBe(
      'app.ipc.invalid-request',
    );
    expect(writes().length).toBe(before);
    // Which letters are forkyndelser is not printed, so Digital Post is asked and its refusal comes back.
    expect(
      await codeOf(h['messages.update']({ mailboxId, messageId: received.id, patch: { legallyNotified: true } }, call)),
    ).toBe('message.update.legallyNotified.not.allowed');
    expect(writes().length).toBe(before + 1);

    const own = folders.find((f) => f.folderType === 'USER_DEFINED')!;
    const moved = await h['messages.update'](
      { mailboxId, messageId: received.id, patch: { folderId: own.folderId } },
      call,
    );
    expect(moved.folderId).toBe(own.folderId);
    const back = await h['messages.update'](
      { mailboxId, messageId: received.id, patch: { folderId: byType(folders, 'INBOX').folderId } },
      call,
    );
    expect(back.folderId).toBe(byType(folders, 'INBOX').folderId);
  });

  it('lets Digital Post refuse Karl (legal representative on Lone’s mailbox) a move to Slettet', async () => {
    const { h, writes } = setup('karl');
    const lone = (await h['mailboxes.list'](undefined, call)).mailboxes.find((m) => !m.own)!;
    // What a non-owner access may do is not printed, so the action is offered and the server decides.
    expect(lone).toMatchObject({ accessType: 'LEGAL_REPRESENTATIVE_READER', canMoveToDeleted: true });
    const folders = (await h['folders.summary']({ mailboxId: lone.id }, call)).folders;
    const { messages } = await h['messages.query'](
      { mailboxId: lone.id, folderId: byType(folders, 'INBOX').folderId, size: 5 },
      call,
    );
    const before = writes().length;
    expect(
      await codeOf(
        h['messages.update'](
          { mailboxId: lone.id, messageId: messages[0]!.id, patch: { folderId: byType(folders, 'DELETED').folderId } },
          call,
        ),
      ),
    ).toBe('digital.post.error'); // the sandbox's 403, shown as "Du har ikke adgang til dette."
    expect(writes().length).toBe(before + 1);
  });

  it('follows a reply thread oldest first', async () => {
    const { h } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const { messages } = await h['messages.query']({ mailboxId, size: 500 }, call);
    const reply = messages.find((m) => (m.replyData?.length ?? 0) >= 2) as Message;
    expect(reply).toBeDefined();
    const thread = (await h['messages.thread']({ mailboxId, messageId: reply.id }, call)).messages;
    expect(thread.length).toBeGreaterThanOrEqual(3);
    expect(thread[thread.length - 1]?.id).toBe(reply.id);
    const parents = reply.replyData!.map((r) => r.parentMessageId);
    expect(thread.slice(0, -1).every((m) => parents.includes(m.id))).toBe(true);
    const root = (await h['messages.thread']({ mailboxId, messageId: thread[0]!.id }, call)).messages;
    expect(root.map((m) => m.id)).toEqual(thread.map((m) => m.id));
  });

  it('lists senders with counts and filters the list by one', async () => {
    const { h } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const { senders } = await h['senders.list']({ mailboxId }, call);
    expect(senders.length).toBeGreaterThan(1);
    const skat = senders.find((s) => s.total > 1)!;
    const page = await h['messages.query']({ mailboxId, senderLabel: skat.label, size: 100 }, call);
    expect(page.totalElements).toBe(skat.total);
    expect(page.messages.every((m) => m.sender?.label === skat.label)).toBe(true);
  });

  it('answers every read channel within the contract through the dispatcher', async () => {
    const { h } = setup('lone');
    const dispatch = createDispatcher(h, () => undefined);
    const listed = await dispatch('mailboxes.list', undefined, call);
    expect(listed.ok).toBe(true);
    const mailboxId = (listed as { value: { mailboxes: { id: string }[] } }).value.mailboxes[0]!.id;
    const page = await dispatch('messages.query', { mailboxId, size: 20 }, call);
    expect(page.ok).toBe(true);
    const messageId = (page as { value: { messages: { id: string }[] } }).value.messages[0]!.id;
    for (const [channel, payload] of [
      ['folders.summary', { mailboxId }],
      ['senders.list', { mailboxId }],
      ['messages.get', { mailboxId, messageId }],
      ['messages.thread', { mailboxId, messageId }],
    ] as const) {
      expect(await dispatch(channel, payload, call), channel).toMatchObject({ ok: true });
    }
    // A refusal crosses the boundary as a typed error with DP's code and Danish message.
    expect(await dispatch('folders.create', { mailboxId, name: 'a\u0007b' }, call)).toMatchObject({
      ok: false,
      error: { code: 'folder.createOrUpdate.name.illegal', message: expect.stringMatching(/^Mappens navn/) },
    });
  });

  it('downloads a PDF attachment as base64 and offers browser mode a one-time download under the forced name', async () => {
    const { h } = setup('lone');
    const mailboxId = (await h['mailboxes.list'](undefined, call)).mailboxes[0]!.id;
    const { messages } = await h['messages.query']({ mailboxId, size: 500 }, call);
    const withPdf = messages.find((m) =>
      m.documents?.some((d) => d.files.some((f) => f.encodingFormat === 'application/pdf')),
    )!;
    expect(withPdf).toBeDefined();
    const doc = withPdf.documents!.find((d) => d.files.some((f) => f.encodingFormat === 'application/pdf'))!;
    const file = doc.files.find((f) => f.encodingFormat === 'application/pdf')!;
    const address = { mailboxId, messageId: withPdf.id, documentId: doc.id, fileId: file.id };
    const out = await h['files.content'](address, call);
    expect(Buffer.from(out.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(out).toMatchObject({ encodingFormat: 'application/pdf', filename: file.filename });
    const saved = await h['files.save'](address, call);
    expect(saved).toMatchObject({ saved: false, downloadPath: expect.stringMatching(/^\/download\//) });
    expect(takeDownload(saved.downloadPath!.slice('/download/'.length))?.name).toMatch(/\.pdf$/);
  });
});

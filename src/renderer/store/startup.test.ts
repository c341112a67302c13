// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './index';
import { readLastInbox, rememberLastInbox } from './last-inbox';
import { initI18n } from '../i18n';
import { FOLDERS, MAILBOX, installFakeApi, message } from '../test/fake-api';

initI18n();

let api: ReturnType<typeof installFakeApi>;
let store: ReturnType<typeof createAppStore>;

beforeEach(() => {
  localStorage.clear();
  api = installFakeApi();
  store = createAppStore();
});

/** A promise the test settles by hand, to see what was asked before an answer came. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const loggedOut = {
  loggedIn: false,
  environment: 'sandbox' as const,
  pending: false,
  secretStore: 'keychain' as const,
};

describe('app start', () => {
  it('remembers only the ids of the mailbox and inbox it opened', async () => {
    await store.getState().startup();
    expect(readLastInbox()).toEqual({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    expect(JSON.parse(localStorage.getItem('dp.lastInbox') ?? '{}')).toEqual({
      mailboxId: 'mb-1',
      inboxFolderId: 'f-inbox',
    });
  });

  it('asks for the remembered inbox before the status has answered, and shows that answer', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    const status = deferred<never>();
    api.auth.status.mockReturnValueOnce(status.promise);
    const started = store.getState().startup();
    expect(api.mailboxes.list).toHaveBeenCalledTimes(1);
    expect(api.folders.summary).toHaveBeenCalledWith({ mailboxId: 'mb-1' });
    expect(api.messages.query).toHaveBeenCalledWith(
      expect.objectContaining({ mailboxId: 'mb-1', folderId: 'f-inbox', size: 200 }),
    );
    status.resolve((await api.auth.status.getMockImplementation()!()) as never);
    await started;
    const s = store.getState();
    expect(s.selectedFolderId).toBe('f-inbox');
    expect(s.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    // The early answers were used, not asked again.
    expect(api.mailboxes.list).toHaveBeenCalledTimes(1);
    expect(api.folders.summary).toHaveBeenCalledTimes(1);
    expect(api.messages.query).toHaveBeenCalledTimes(1);
    expect(s.mailStarting).toBe(false);
  });

  it('drops the early answers when the session is logged out', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    api.auth.status.mockResolvedValueOnce(loggedOut as never);
    await store.getState().startup();
    const s = store.getState();
    expect(s.status?.loggedIn).toBe(false);
    expect(s.mailboxes).toEqual([]);
    expect(s.selectedMailboxId).toBeNull();
    expect(s.messages).toEqual([]);
  });

  it('asks again when the remembered mailbox is not in the list', async () => {
    rememberLastInbox({ mailboxId: 'mb-gone', inboxFolderId: 'f-gone' });
    api.messages.query.mockImplementation(async (...args: unknown[]) => ({
      messages: [message((args[0] as { mailboxId: string }).mailboxId === 'mb-1' ? 'mine' : 'stale')],
      totalElements: 1,
    }));
    await store.getState().startup();
    const s = store.getState();
    expect(s.selectedMailboxId).toBe(MAILBOX.id);
    expect(s.messages.map((m) => m.id)).toEqual(['mine']);
    expect(readLastInbox()).toEqual({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
  });

  it('asks again when the remembered inbox is no longer the inbox', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-old-inbox' });
    api.messages.query.mockImplementation(async (...args: unknown[]) => ({
      messages: [message((args[0] as { folderId?: string }).folderId === 'f-inbox' ? 'inbox' : 'stale')],
      totalElements: 1,
    }));
    await store.getState().startup();
    expect(store.getState().messages.map((m) => m.id)).toEqual(['inbox']);
    expect(store.getState().folders.length).toBe(FOLDERS.length);
  });

  it('asks again when an early answer failed', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    api.mailboxes.list.mockRejectedValueOnce(new Error('not yet'));
    api.messages.query.mockRejectedValueOnce(new Error('not yet'));
    await store.getState().startup();
    const s = store.getState();
    expect(s.mailboxError).toBeNull();
    expect(s.listError).toBeNull();
    expect(s.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('with the archive on, paints the remembered inbox from the archive first, then Digital Post’s answer', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    const search = vi.fn(async () => ({
      covered: true,
      messages: [message('archived-1'), message('archived-2')],
      snippets: [],
      total: 2,
      terms: [],
    }));
    (api as unknown as { archive: { search: typeof search } }).archive = { search };
    const server = deferred<{ messages: ReturnType<typeof message>[]; totalElements: number }>();
    api.messages.query.mockReturnValueOnce(server.promise as never);
    const started = store.getState().startup();
    await vi.waitFor(() => expect(store.getState().messages.map((m) => m.id)).toEqual(['archived-1', 'archived-2']));
    expect(search).toHaveBeenCalledWith(expect.objectContaining({ mailboxId: 'mb-1', folderId: 'f-inbox', text: '' }));
    expect(store.getState().listLoading).toBe(true);
    server.resolve({ messages: [message('m1'), message('m9')], totalElements: 2 });
    await started;
    // The server wins: its answer replaces the archive's, and a late archive answer would not come back over it.
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm9']);
    expect(store.getState().listLoading).toBe(false);
  });

  it('without the archive covering the mailbox, the start waits for Digital Post as before', async () => {
    rememberLastInbox({ mailboxId: 'mb-1', inboxFolderId: 'f-inbox' });
    const search = vi.fn(async () => ({ covered: false, messages: [], snippets: [], total: 0, terms: [] }));
    (api as unknown as { archive: { search: typeof search } }).archive = { search };
    await store.getState().startup();
    expect(search).toHaveBeenCalled();
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('forgets the remembered inbox on logout', async () => {
    await store.getState().startup();
    await store.getState().logout();
    expect(readLastInbox()).toBeNull();
  });
});

describe('app start, asked twice', () => {
  it('sends the start requests once while the first start is under way', async () => {
    const first = store.getState().startup();
    const second = store.getState().startup();
    await Promise.all([first, second]);
    expect(api.auth.status).toHaveBeenCalledTimes(1);
    expect(api.mailboxes.list).toHaveBeenCalledTimes(1);
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './index';
import { navigation } from './session';
import { initI18n } from '../i18n';
import { uiErrorText, type UiError } from '../lib/ui-error';
import { installFakeApi, message, networkError } from '../test/fake-api';

initI18n();

/** What the Danish UI shows for an error the store kept. */
const shown = (e: UiError | null): string | null => (e ? uiErrorText(e, 'da') : null);

let api: ReturnType<typeof installFakeApi>;
let store: ReturnType<typeof createAppStore>;

beforeEach(() => {
  api = installFakeApi();
  store = createAppStore();
});

const openInbox = async () => {
  await store.getState().loadMailboxes();
};

describe('session slice', () => {
  it('sends the tab to the provider when login answers navigateTo (browser mode)', async () => {
    api.auth.login.mockResolvedValueOnce({ navigateTo: 'http://127.0.0.1:1/auth?x=1' } as never);
    const go = vi.spyOn(navigation, 'go').mockImplementation(() => undefined);
    await store.getState().login({ oneTimeUse: true });
    expect(api.auth.login).toHaveBeenCalledWith({ oneTimeUse: true });
    expect(go).toHaveBeenCalledWith('http://127.0.0.1:1/auth?x=1');
  });

  it('shows the Danish text of a failed login', async () => {
    api.auth.login.mockRejectedValueOnce(networkError());
    await store.getState().login({ oneTimeUse: false });
    expect(shown(store.getState().sessionError)).toMatch(/ingen forbindelse/);
    expect(store.getState().loginStarting).toBe(false);
  });

  it('forgets the post on logout', async () => {
    await openInbox();
    api.auth.status.mockResolvedValueOnce({
      loggedIn: false,
      environment: 'sandbox',
      pending: false,
      secretStore: 'keychain',
    } as never);
    await store.getState().logout();
    expect(store.getState().messages).toEqual([]);
    expect(store.getState().mailboxes).toEqual([]);
    expect(store.getState().status?.loggedIn).toBe(false);
  });
});

describe('mailboxes and folders', () => {
  it('selects the own mailbox, its inbox and lists it newest first in big pages', async () => {
    await openInbox();
    const s = store.getState();
    expect(s.selectedMailboxId).toBe('mb-1');
    expect(s.selectedFolderId).toBe('f-inbox');
    expect(s.folders.map((f) => f.folderType).slice(0, 4)).toEqual(['INBOX', 'DRAFTS', 'SENT', 'DELETED']);
    expect(api.messages.query).toHaveBeenCalledWith(
      expect.objectContaining({
        mailboxId: 'mb-1',
        folderId: 'f-inbox',
        size: 200,
        sort: { field: 'messageDateTime', direction: 'desc' },
      }),
    );
    expect(s.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('refuses a folder that breaks a rule before any request, with the Danish message', async () => {
    await openInbox();
    const refusal = await store.getState().createFolder('skat', null);
    expect(shown(refusal)).toBe('Der findes allerede en mappe der hedder skat på dette niveau.');
    expect(api.folders.create).not.toHaveBeenCalled();
    expect(shown(await store.getState().deleteFolder('f-inbox'))).toBe(
      'Mappen kan ikke slettes, da det er en standardmappe.',
    );
    expect(api.folders.delete).not.toHaveBeenCalled();
  });

  it('creates an allowed folder and re-reads the summary', async () => {
    await openInbox();
    api.folders.create.mockResolvedValueOnce({ id: 'f-new', version: 0, folderType: 'USER_DEFINED', name: 'Bolig' });
    const before = api.folders.summary.mock.calls.length;
    expect(await store.getState().createFolder(' Bolig ', 'f-tax')).toBeNull();
    expect(api.folders.create).toHaveBeenCalledWith({ mailboxId: 'mb-1', name: 'Bolig', parentFolderId: 'f-tax' });
    expect(api.folders.summary.mock.calls.length).toBe(before + 1);
  });
});

describe('message list', () => {
  it('refuses a search over 100 characters without a request', async () => {
    await openInbox();
    const calls = api.messages.query.mock.calls.length;
    expect(await store.getState().setSearch('x'.repeat(101))).toBe(false);
    expect(shown(store.getState().searchError)).toBe('Søgningen må højst være 100 tegn.');
    expect(api.messages.query.mock.calls.length).toBe(calls);
    expect(await store.getState().setSearch('"årsopgørelse 2025" skat*')).toBe(true);
    expect(api.messages.query).toHaveBeenLastCalledWith(
      expect.objectContaining({ search: '"årsopgørelse 2025" skat*' }),
    );
  });

  it('keeps the list as it was when a request fails, and retries', async () => {
    await openInbox();
    api.messages.query.mockRejectedValueOnce(networkError());
    await store.getState().setSort({ field: 'label', direction: 'asc' });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(shown(store.getState().listError)).toMatch(/Prøv igen/);
    api.messages.query.mockResolvedValueOnce({
      messages: [message('m2', { read: true }), message('m1')],
      totalElements: 2,
    });
    await store.getState().retryList();
    expect(store.getState().listError).toBeNull();
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m2', 'm1']);
  });

  it('pages on with next and appends', async () => {
    api.messages.query.mockResolvedValueOnce({ messages: [message('m1')], totalElements: 2, next: 'cursor-1' });
    await openInbox();
    api.messages.query.mockResolvedValueOnce({ messages: [message('m2')], totalElements: 2 });
    await store.getState().loadMore();
    expect(api.messages.query).toHaveBeenLastCalledWith(expect.objectContaining({ next: 'cursor-1' }));
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(store.getState().nextCursor).toBeUndefined();
  });

  it('updates the list from the response of a change, without querying again', async () => {
    await openInbox();
    const calls = api.messages.query.mock.calls.length;
    api.messages.update.mockResolvedValueOnce(message('m1', { flag: true, version: 2 }));
    await store.getState().toggleFlag('m1');
    expect(api.messages.update).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'm1', patch: { flag: true } });
    expect(store.getState().messages.find((m) => m.id === 'm1')?.flag).toBe(true);
    api.messages.update.mockResolvedValueOnce(message('m1', { folderId: 'f-deleted', version: 3 }));
    await store.getState().deleteMessage('m1');
    expect(api.messages.update).toHaveBeenLastCalledWith({
      mailboxId: 'mb-1',
      messageId: 'm1',
      patch: { folderId: 'f-deleted' },
    });
    expect(store.getState().messages.map((m) => m.id)).toEqual(['m2']);
    expect(api.messages.query.mock.calls.length).toBe(calls);
  });

  it('leaves the list unchanged when a change fails', async () => {
    await openInbox();
    api.messages.update.mockRejectedValueOnce(networkError());
    await store.getState().toggleRead('m1');
    expect(store.getState().messages.find((m) => m.id === 'm1')?.read).toBe(false);
    expect(shown(store.getState().actionError)).toMatch(/forbindelse/);
  });
});

describe('message slice', () => {
  it('shows a message as read only after the server confirmed it', async () => {
    await openInbox();
    let confirm: (m: ReturnType<typeof message>) => void = () => undefined;
    api.messages.update.mockReturnValueOnce(new Promise((resolve) => (confirm = resolve)));
    const opening = store.getState().openMessage('m1');
    await vi.waitFor(() => expect(api.messages.update).toHaveBeenCalled());
    expect(store.getState().message?.read).toBe(false);
    expect(store.getState().readPending).toBe(true);
    confirm(message('m1', { read: true, version: 2 }));
    await opening;
    expect(store.getState().message?.read).toBe(true);
    expect(store.getState().messages.find((m) => m.id === 'm1')?.read).toBe(true);
  });

  it('deletes drafts for real and restores from Slettet to where the state belongs', async () => {
    api.messages.query.mockResolvedValueOnce({
      messages: [message('d1', { messageState: 'DRAFT', folderId: 'f-inbox', read: true })],
      totalElements: 1,
    });
    await openInbox();
    await store.getState().deleteMessage('d1');
    expect(api.messages.delete).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd1' });
    expect(store.getState().messages).toEqual([]);

    api.messages.get.mockResolvedValueOnce(message('x1', { folderId: 'f-deleted', read: true }));
    await store.getState().openMessage('x1');
    api.messages.update.mockResolvedValueOnce(message('x1', { folderId: 'f-inbox', read: true }));
    await store.getState().restoreMessage('x1');
    expect(api.messages.update).toHaveBeenLastCalledWith({
      mailboxId: 'mb-1',
      messageId: 'x1',
      patch: { folderId: 'f-inbox' },
    });
  });

  it('does not move to Slettet for an access that may not', async () => {
    api.mailboxes.list.mockResolvedValueOnce({
      mailboxes: [{ ...(await api.mailboxes.list()).mailboxes[0]!, canMoveToDeleted: false, canWrite: false }],
    });
    await openInbox();
    expect(await store.getState().deleteMessage('m1')).toBe(false);
    expect(api.messages.update).not.toHaveBeenCalled();
  });

  it('loads the thread of a reply and files by reference', async () => {
    await openInbox();
    api.messages.get.mockResolvedValueOnce(message('r1', { read: true, replyData: [{ parentMessageId: 'm1' }] }));
    api.messages.thread.mockResolvedValueOnce({ messages: [message('m1'), message('r1')] });
    await store.getState().openMessage('r1');
    expect(store.getState().thread.map((m) => m.id)).toEqual(['m1', 'r1']);
    api.files.content.mockResolvedValueOnce({ base64: 'aGVq', encodingFormat: 'text/plain', filename: 'a.txt' });
    await store.getState().loadFile({ documentId: 'd', fileId: 'f' });
    expect(api.files.content).toHaveBeenCalledWith({
      mailboxId: 'mb-1',
      messageId: 'r1',
      documentId: 'd',
      fileId: 'f',
    });
    expect(store.getState().files.f).toMatchObject({ status: 'ready', base64: 'aGVq' });
  });
});

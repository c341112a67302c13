// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createAppStore } from './index';
import { initI18n } from '../i18n';
import { installFakeApi, message } from '../test/fake-api';

initI18n();

let api: ReturnType<typeof installFakeApi>;
let store: ReturnType<typeof createAppStore>;
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

beforeEach(async () => {
  api = installFakeApi();
  store = createAppStore();
  await store.getState().loadMailboxes();
});

describe('after the composer closes', () => {
  it('re-reads the folders, and the list where it shows drafts or sent post', async () => {
    await store.getState().selectFolder('f-drafts');
    const [summaries, queries] = [api.folders.summary.mock.calls.length, api.messages.query.mock.calls.length];
    store.getState().composerClosed('d1', false);
    await settle();
    expect(api.folders.summary.mock.calls.length).toBe(summaries + 1);
    expect(api.messages.query.mock.calls.length).toBe(queries + 1);
  });

  it('leaves the inbox list alone', async () => {
    const queries = api.messages.query.mock.calls.length;
    store.getState().composerClosed('d1', true);
    await settle();
    expect(api.messages.query.mock.calls.length).toBe(queries);
  });

  it('closes the view of a draft that is gone, and re-reads one that stays', async () => {
    await store.getState().openMessage('d1');
    store.getState().composerClosed('d1', true);
    expect(store.getState().openMessageId).toBeNull();

    await store.getState().openMessage('d2');
    const gets = api.messages.get.mock.calls.length;
    store.getState().composerClosed('d2', false);
    await settle();
    expect(api.messages.get.mock.calls.length).toBe(gets + 1);
    expect(store.getState().openMessageId).toBe('d2');
  });
});

describe('a forwarded letter', () => {
  it('shows its new state in the view and the list', async () => {
    const first = store.getState().messages[0]!;
    api.messages.get.mockResolvedValueOnce(message(first.id, { read: true }));
    await store.getState().openMessage(first.id);
    const forwarded = { ...message(first.id), folderId: first.folderId, label: 'videresendt' };
    store.getState().messageForwarded(forwarded);
    expect(store.getState().message?.label).toBe('videresendt');
    expect(store.getState().messages.find((m) => m.id === first.id)?.label).toBe('videresendt');
  });
});

describe('mailbox selection', () => {
  it('empties the folders, the list and the open letter of the mailbox left, then opens the inbox of the next', async () => {
    await store.getState().openMessage(store.getState().messages[0]!.id);
    api.folders.summary.mockImplementationOnce(() => new Promise(() => undefined));
    void store.getState().selectMailbox('mb-2');
    const s = store.getState();
    expect([s.selectedMailboxId, s.selectedFolderId, s.folders, s.messages, s.openMessageId]).toEqual([
      'mb-2',
      null,
      [],
      [],
      null,
    ]);
  });
});

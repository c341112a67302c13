// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppStore } from './index';
import { initI18n } from '../i18n';
import { installFakeApi, message, networkError } from '../test/fake-api';
import type { Message } from '../../shared/dp/resources';

initI18n();

let api: ReturnType<typeof installFakeApi>;
let store: ReturnType<typeof createAppStore>;

const FIVE = ['a', 'b', 'c', 'd', 'e'].map((id) => message(id));

beforeEach(async () => {
  api = installFakeApi();
  api.messages.query.mockResolvedValue({ messages: FIVE, totalElements: 5 });
  store = createAppStore();
  await store.getState().loadMailboxes();
  await store.getState().loadFirstPage();
});

describe('selection', () => {
  it('chooses one, toggles with Ctrl, takes a Shift range from the anchor and selects all', () => {
    const s = () => store.getState();
    s().select('b', 'only');
    expect(s().selectedIds).toEqual(['b']);
    s().select('d', 'range');
    expect(s().selectedIds).toEqual(['b', 'c', 'd']);
    s().select('a', 'toggle');
    expect(s().selectedIds).toEqual(['b', 'c', 'd', 'a']);
    // The toggled letter is the new anchor: a range runs from it.
    s().select('c', 'range');
    expect(s().selectedIds).toEqual(['a', 'b', 'c']);
    s().select('b', 'toggle');
    expect(s().selectedIds).toEqual(['a', 'c']);
    s().selectAll();
    expect(s().selectedIds).toEqual(['a', 'b', 'c', 'd', 'e']);
    s().clearSelection();
    expect(s().selectedIds).toEqual([]);
  });

  it('moves the chosen letters one by one, says how many moved and names the one Digital Post refused', async () => {
    api.messages.update.mockImplementation((async ({ messageId, patch }: { messageId: string; patch: object }) => {
      if (messageId === 'c') throw networkError();
      return { ...FIVE.find((m) => m.id === messageId)!, ...patch };
    }) as never);
    store.getState().select('b', 'only');
    store.getState().select('d', 'range');
    await store.getState().bulkMove('f-tax');
    expect(api.messages.update).toHaveBeenCalledTimes(3);
    const bulk = store.getState().bulk!;
    expect(bulk).toMatchObject({ kind: 'move', total: 3, ok: 2, busy: false });
    expect(bulk.failures.map((f) => [f.messageId, f.subject])).toEqual([['c', 'Besked c']]);
    // Moved letters left the inbox list; the refused one stays, and stays chosen to try again.
    expect(store.getState().messages.map((m: Message) => m.id)).toEqual(['a', 'c', 'e']);
    expect(store.getState().selectedIds).toEqual(['c']);
  });

  it('marks only the letters that need it, and moves a dragged letter that was not chosen on its own', async () => {
    api.messages.update.mockImplementation((async ({ messageId, patch }: { messageId: string; patch: object }) => ({
      ...FIVE.find((m) => m.id === messageId)!,
      ...patch,
    })) as never);
    store.getState().selectAll();
    await store.getState().bulkSetRead(true);
    expect(api.messages.update).toHaveBeenCalledTimes(5);
    expect(store.getState().messages.every((m: Message) => m.read)).toBe(true);

    api.messages.update.mockClear();
    store.getState().select('a', 'only');
    await store.getState().bulkMove('f-tax', ['e']);
    expect(api.messages.update).toHaveBeenCalledTimes(1);
    expect(api.messages.update.mock.calls[0]![0]).toMatchObject({ messageId: 'e', patch: { folderId: 'f-tax' } });
  });

  it('deletes by moving to Slettet', async () => {
    api.messages.update.mockImplementation((async ({ messageId, patch }: { messageId: string; patch: object }) => ({
      ...FIVE.find((m) => m.id === messageId)!,
      ...patch,
    })) as never);
    store.getState().select('a', 'only');
    store.getState().select('b', 'toggle');
    await store.getState().bulkDelete();
    expect(api.messages.update.mock.calls.map((c) => (c[0] as { patch: object }).patch)).toEqual([
      { folderId: 'f-deleted' },
      { folderId: 'f-deleted' },
    ]);
    expect(store.getState().bulk).toMatchObject({ kind: 'delete', ok: 2, total: 2 });
  });
});

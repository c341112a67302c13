// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { initI18n } from '../../../i18n';
import { installFakeApi, message } from '../../../test/fake-api';
import { installFakeCompose } from '../test/fake-compose';
import { createComposeSlice } from './compose-slice';
import type { ComposeDeps, ComposeSlice, ComposeState } from './types';

initI18n();

let compose: ReturnType<typeof installFakeCompose>;
let deps: { [K in keyof ComposeDeps]: Mock<ComposeDeps[K]> };
let slice: () => ComposeSlice;

/** The slice on its own, over a plain object instead of the app store: all it knows of the app is `deps`. */
beforeEach(() => {
  compose = installFakeCompose(installFakeApi());
  deps = {
    displayName: vi.fn<ComposeDeps['displayName']>(() => 'Lone Defaultssen'),
    selectedMailboxId: vi.fn<ComposeDeps['selectedMailboxId']>(() => 'mb-1'),
    composerClosed: vi.fn<ComposeDeps['composerClosed']>(),
    draftRestored: vi.fn<ComposeDeps['draftRestored']>(),
    messageForwarded: vi.fn<ComposeDeps['messageForwarded']>(),
  };
  let state: ComposeSlice;
  const store = {
    get: () => state,
    set: (changes: Partial<ComposeState>) => {
      state = { ...state, ...changes };
    },
  };
  state = createComposeSlice(store, deps);
  slice = store.get;
});

describe('compose slice on its own', () => {
  it('starts a draft in the mailbox deps name, with their sender name', async () => {
    expect(await slice().startNewMessage()).toBe(true);
    expect(compose.compose.create).toHaveBeenCalledWith({ mailboxId: 'mb-1', senderLabel: 'Lone Defaultssen' });
    expect(slice().compose?.senderLabel).toBe('Lone Defaultssen');
  });

  it('refuses to start without a chosen mailbox, asking nothing of main', async () => {
    deps.selectedMailboxId.mockReturnValue(null);
    expect(await slice().startNewMessage()).toBe(false);
    expect(compose.compose.create).not.toHaveBeenCalled();
  });

  it('tells deps when the composer closes, and whether the draft is gone with it', async () => {
    await slice().startNewMessage();
    slice().setComposeHtml('<p>Hej</p>');
    expect(await slice().closeCompose()).toBe(true);
    expect(deps.composerClosed).toHaveBeenLastCalledWith('d1', false);
    expect(compose.compose.discard).not.toHaveBeenCalled();

    await slice().startNewMessage();
    expect(await slice().discardCompose()).toBe(true);
    expect(deps.composerClosed).toHaveBeenLastCalledWith('d1', true);
    expect(slice().compose).toBeNull();
  });

  it('deletes a new message closed with nothing written, so Kladder gains no empty draft', async () => {
    await slice().startNewMessage();
    expect(await slice().closeCompose()).toBe(true);
    expect(compose.compose.discard).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd1' });
    expect(deps.composerClosed).toHaveBeenLastCalledWith('d1', true);
    expect(compose.compose.save).not.toHaveBeenCalled();
  });

  it('keeps a new message whose subject was typed, or whose recipient was chosen, when it closes', async () => {
    await slice().startNewMessage();
    slice().setComposeFields({ label: 'Spørgsmål' });
    expect(await slice().closeCompose()).toBe(true);
    await slice().startNewMessage();
    slice().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    expect(await slice().closeCompose()).toBe(true);
    expect(compose.compose.discard).not.toHaveBeenCalled();
  });

  it('keeps an existing draft opened from Kladder and closed untouched', async () => {
    expect(await slice().openDraft('d1')).toBe(true);
    expect(await slice().closeCompose()).toBe(true);
    expect(compose.compose.discard).not.toHaveBeenCalled();
    expect(deps.composerClosed).toHaveBeenLastCalledWith('d1', false);
  });

  it('tells deps when a journalled draft is restored', async () => {
    await slice().loadJournal();
    expect(await slice().restoreJournal(slice().journalEntries[0]!)).toBe(true);
    expect(deps.draftRestored).toHaveBeenCalledTimes(1);
  });

  it('hands deps the original as Digital Post has it after a forward', async () => {
    const api = (window as unknown as { digitalPost: ReturnType<typeof installFakeApi> }).digitalPost;
    const updated = message('m1', { userActivities: [{ userActivityType: 'FORWARDED' }] });
    api.messages.get.mockResolvedValueOnce(updated);
    const refused = await slice().forwardMessage('m1', {
      recipientIdType: 'EMAIL',
      recipientId: 'modtager@example.dk',
      comment: '',
      senderLabel: '',
      recipientLabel: '',
      messageBytes: 0,
    });
    expect(refused).toBeNull();
    expect(deps.messageForwarded).toHaveBeenCalledWith(updated);
  });
});

// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { installFakeApi } from '../test/fake-api';
import { installFakeCompose } from '../features/compose/test/fake-compose';
import { render } from '../test/render';
import { useAppStore } from '../store';
import { MailScreen } from './MailScreen';

initI18n();

// Each pane of the layout counts its renders, so the test sees who re-rendered without reading the DOM.
const { renders, counting } = vi.hoisted(() => {
  const renders = { FolderTree: 0, MailboxSwitcher: 0, ListToolbar: 0, MessageList: 0, MessageView: 0 };
  /** The module with its component `name` wrapped in a render counter. */
  const counting = (module: Record<string, unknown>, name: keyof typeof renders) => {
    const Component = module[name] as (props: unknown) => unknown;
    return {
      ...module,
      [name]: (props: unknown) => {
        renders[name] += 1;
        return Component(props);
      },
    };
  };
  return { renders, counting };
});
vi.mock('./FolderTree', async (original) => counting(await original(), 'FolderTree'));
vi.mock('./MailboxSwitcher', async (original) => counting(await original(), 'MailboxSwitcher'));
vi.mock('./ListToolbar', async (original) => counting(await original(), 'ListToolbar'));
vi.mock('./MessageList', async (original) => counting(await original(), 'MessageList'));
vi.mock('./MessageView', async (original) => counting(await original(), 'MessageView'));

const status = {
  loggedIn: true,
  environment: 'sandbox' as const,
  pending: false,
  secretStore: 'keychain' as const,
  displayName: 'Lone Defaultssen',
};
const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const snapshot = () => ({ ...renders });

let unmount: () => void = () => undefined;
beforeEach(() => {
  installFakeCompose(installFakeApi());
  useAppStore.setState({ status });
});
afterEach(() => unmount());

describe('MailScreen renders', () => {
  it('typing in the composer re-renders none of the mail layout', async () => {
    await act(() => useAppStore.getState().loadMailboxes());
    ({ unmount } = render(<MailScreen status={status} onOpenSettings={() => undefined} />));
    await flush();
    await act(async () => void (await useAppStore.getState().startNewMessage()));
    await flush();
    expect(useAppStore.getState().compose).not.toBeNull();

    const before = snapshot();
    for (const html of ['<p>H</p>', '<p>He</p>', '<p>Hej</p>']) {
      act(() => useAppStore.getState().setComposeHtml(html));
    }
    await flush();
    expect(useAppStore.getState().compose?.html).toBe('<p>Hej</p>');
    expect(snapshot()).toEqual(before);
  });

  it('a change the list shows re-renders the list pane, not the sidebar (the counter can count)', async () => {
    await act(() => useAppStore.getState().loadMailboxes());
    ({ unmount } = render(<MailScreen status={status} onOpenSettings={() => undefined} />));
    await flush();
    const before = snapshot();
    act(() => useAppStore.getState().removeFromList(useAppStore.getState().messages[0]!.id));
    const after = snapshot();
    expect(after.MessageList).toBeGreaterThan(before.MessageList);
    expect(after.FolderTree).toBe(before.FolderTree);
    expect(after.MailboxSwitcher).toBe(before.MailboxSwitcher);
  });
});

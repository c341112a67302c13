// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { FOLDERS, MAILBOX, message } from '../../test/fake-api';
import { byRole, click, press, render } from '../../test/render';
import { MessageList } from '../../components/MessageList';
import { FolderDialog } from '../../components/FolderDialog';
import { MessageView, type MessageActions } from '../../components/MessageView';
import { ComposeEntryButtons } from '../compose/components/ComposeEntryButtons';
import { ReplyForwardButtons } from '../compose/components/ReplyForwardButtons';
import { isOffline } from './offline';
import { useArchiveStore } from './store/archive-store';
import { mockMessageActions } from '../../test/message-actions';

initI18n();

const actions = mockMessageActions;

const view = (a: MessageActions) =>
  render(
    <MessageView
      loading={false}
      error={null}
      readPending={false}
      actionError={null}
      thread={[]}
      folders={FOLDERS}
      mailbox={MAILBOX}
      files={{}}
      canOpenFiles
      actions={a}
      message={message('m1', { read: false, reply: true, forward: true })}
    />,
  );

const REASON = 'Kræver forbindelse til Digital Post';

afterEach(() => {
  useArchiveStore.setState({ offline: false });
  useAppStore.setState({ status: null });
});

describe('offline', () => {
  it('is one state from either source: a session started offline, or an answer read from the archive', () => {
    const status = { loggedIn: true, environment: 'sandbox', pending: false, secretStore: 'keychain' } as const;
    expect(isOffline(status, false)).toBe(false);
    expect(isOffline({ ...status, offline: true }, false)).toBe(true);
    expect(isOffline(status, true)).toBe(true);
    expect(isOffline(null, false)).toBe(false);
  });

  it('disables marking read, flagging, moving and deleting a letter with the reason, and enables them online', () => {
    useAppStore.setState({
      status: { loggedIn: true, environment: 'sandbox', pending: false, secretStore: 'keychain', offline: true },
    });
    const a = actions();
    const { container, unmount } = view(a);
    for (const name of [/Markér som læst/, /Markér med flag/, /^Slet$/]) {
      const button = byRole(container, 'button', name) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-description')).toBe(REASON);
      expect(button.title).toBe(REASON);
    }
    const move = container.querySelector<HTMLButtonElement>('button[aria-haspopup="menu"][aria-label]')!;
    expect(move.disabled).toBe(true);
    expect(move.getAttribute('aria-description')).toBe(REASON);
    click(byRole(container, 'button', /Markér som læst/));
    expect(a.toggleRead).not.toHaveBeenCalled();
    unmount();

    useAppStore.setState({
      status: { loggedIn: true, environment: 'sandbox', pending: false, secretStore: 'keychain' },
    });
    const online = view(actions());
    const read = byRole(online.container, 'button', /Markér som læst/) as HTMLButtonElement;
    expect(read.disabled).toBe(false);
    expect(read.getAttribute('aria-description')).toBeNull();
    online.unmount();
  });

  it('disables Svar and Videresend while the archive answers, with the reason', () => {
    useArchiveStore.setState({ offline: true });
    const onReply = vi.fn();
    const { container } = render(
      <ReplyForwardButtons
        message={message('m1', { reply: true, forward: true })}
        canWrite
        onReply={onReply}
        onForward={vi.fn()}
      />,
    );
    for (const name of [/^Svar/, /Videresend/]) {
      const button = byRole(container, 'button', name) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-description')).toBe(REASON);
    }
  });

  it('disables making, renaming, moving and deleting folders, which are changes at Digital Post', () => {
    useArchiveStore.setState({ offline: true });
    const onCreate = vi.fn(async (_name: string, _parent: string | null) => null);
    const { container } = render(
      <FolderDialog
        folders={FOLDERS}
        onCreate={onCreate}
        onRename={vi.fn()}
        onMove={vi.fn()}
        onDelete={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const create = byRole(container, 'button', /^Opret mappe$/) as HTMLButtonElement;
    expect(create.disabled).toBe(true);
    expect(create.title).toBe(REASON);
    click(create);
    expect(onCreate).not.toHaveBeenCalled();
  });

  it('the list keys u, f and Delete change nothing offline, while moving and opening still work', () => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
    useArchiveStore.setState({ offline: true });
    const handlers = {
      onOpen: vi.fn(),
      onLoadMore: vi.fn(),
      onRetry: vi.fn(),
      onDelete: vi.fn(),
      onToggleRead: vi.fn(),
      onToggleFlag: vi.fn(),
    };
    try {
      const { container } = render(
        <MessageList
          messages={[message('a'), message('b')]}
          totalElements={2}
          hasMore={false}
          loading={false}
          loadingMore={false}
          error={null}
          openId={null}
          {...handlers}
        />,
      );
      const list = byRole(container, 'listbox', 'Beskeder');
      press(list, 'j');
      press(list, 'u');
      press(list, 'f');
      press(list, 'Delete');
      press(list, 'Enter');
      expect(handlers.onOpen).toHaveBeenCalled();
      expect(handlers.onToggleRead).not.toHaveBeenCalled();
      expect(handlers.onToggleFlag).not.toHaveBeenCalled();
      expect(handlers.onDelete).not.toHaveBeenCalled();
    } finally {
      delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    }
  });

  it('disables Ny besked offline, since a new draft is made at Digital Post first', () => {
    useAppStore.setState({ mailboxes: [MAILBOX], selectedMailboxId: MAILBOX.id });
    useArchiveStore.setState({ offline: true });
    const { container, unmount } = render(<ComposeEntryButtons />);
    const button = byRole(container, 'button', /^Ny besked$/) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe(REASON);
    unmount();
    useArchiveStore.setState({ offline: false });
    const online = render(<ComposeEntryButtons />);
    expect((byRole(online.container, 'button', /^Ny besked$/) as HTMLButtonElement).disabled).toBe(false);
    online.unmount();
    useAppStore.setState({ mailboxes: [], selectedMailboxId: null });
  });
});

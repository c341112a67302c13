// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { FOLDERS, MAILBOX, message } from '../test/fake-api';
import { byRole, click, press, render } from '../test/render';
import { FolderTree } from './FolderTree';
import { LoginScreen } from './LoginScreen';
import { MessageList } from './MessageList';
import { MessageView, type MessageActions } from './MessageView';
import { FolderDialog } from './FolderDialog';

initI18n();

const status = { loggedIn: false, environment: 'sandbox' as const, pending: false, secretStore: 'memory' as const };

describe('LoginScreen', () => {
  it('logs in with the keep-me choice, shows the environment and the memory notice', () => {
    const onLogin = vi.fn();
    const { container, unmount } = render(
      <LoginScreen
        status={status}
        starting={false}
        error={null}
        onLogin={onLogin}
        onCancel={vi.fn()}
        onOpenSettings={vi.fn()}
      />,
    );
    expect(container.textContent).toContain('Miljø: Sandkasse');
    expect(container.textContent).toContain('logge ind igen');
    click(byRole(container, 'checkbox', 'Hold mig ikke logget ind'));
    click(byRole(container, 'button', 'Log ind'));
    expect(onLogin).toHaveBeenCalledWith({ oneTimeUse: true });
    expect(byRole(container, 'button', 'Prøv sandkassen')).toBeTruthy();
    unmount();
  });

  it('offers Annullér while the login is pending', () => {
    const onCancel = vi.fn();
    const { container, unmount } = render(
      <LoginScreen
        status={{ ...status, pending: true }}
        starting={false}
        error="Login blev afvist."
        onLogin={vi.fn()}
        onCancel={onCancel}
        onOpenSettings={vi.fn()}
      />,
    );
    expect(byRole(container, 'alert').textContent).toBe('Login blev afvist.');
    click(byRole(container, 'button', 'Annullér'));
    expect(onCancel).toHaveBeenCalled();
    unmount();
  });
});

describe('FolderTree', () => {
  it('is a named tree: standard folders in Danish first, user folders nested, arrow keys move and open', () => {
    const onSelect = vi.fn();
    const { container, unmount } = render(<FolderTree folders={FOLDERS} selectedId="f-inbox" onSelect={onSelect} />);
    const tree = byRole(container, 'tree', 'Mapper');
    const names = () =>
      Array.from(tree.querySelectorAll('[role="treeitem"]')).map((el) => el.getAttribute('aria-label'));
    expect(names()).toEqual(['Indbakke, 2 ulæste', 'Kladder', 'Sendt', 'Slettet', 'Skat', '2024']);
    const inbox = byRole(container, 'treeitem', 'Indbakke, 2 ulæste');
    expect(inbox.getAttribute('tabindex')).toBe('0');
    act(() => inbox.focus());
    press(inbox, 'End');
    expect(document.activeElement?.getAttribute('aria-label')).toBe('2024');
    press(document.activeElement!, 'ArrowLeft');
    const skat = byRole(container, 'treeitem', 'Skat');
    expect(document.activeElement).toBe(skat);
    expect(skat.getAttribute('aria-expanded')).toBe('true');
    press(skat, 'ArrowLeft');
    expect(skat.getAttribute('aria-expanded')).toBe('false');
    expect(names()).not.toContain('2024');
    press(skat, 'Enter');
    expect(onSelect).toHaveBeenCalledWith('f-tax');
    unmount();
  });
});

describe('FolderDialog', () => {
  it('shows the refusal the rules give and a confirmation on success', async () => {
    const onCreate = vi.fn(async (name: string) =>
      name === 'Skat' ? 'Der findes allerede en mappe der hedder Skat på dette niveau.' : null,
    );
    const { container, unmount } = render(
      <FolderDialog
        folders={FOLDERS}
        onCreate={onCreate}
        onRename={vi.fn()}
        onMove={vi.fn()}
        onDelete={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    const dialog = byRole(container, 'dialog');
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    const input = dialog.querySelector('input')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setValue.call(input, 'Skat');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => byRole(dialog, 'button', 'Opret mappe').click());
    expect(byRole(dialog, 'alert').textContent).toContain('Skat på dette niveau');
    unmount();
  });
});

describe('MessageList', () => {
  // jsdom has no layout: give every element the size of a typical list pane so the virtualizer has a viewport.
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
  });
  afterAll(() => {
    delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
  });

  it('keeps the DOM small for a 20,000-message folder and handles the keyboard', () => {
    const messages = Array.from({ length: 20_000 }, (_, i) => message(`m${i}`, { read: i % 2 === 0, flag: i === 1 }));
    const handlers = {
      onOpen: vi.fn(),
      onLoadMore: vi.fn(),
      onRetry: vi.fn(),
      onDelete: vi.fn(),
      onToggleRead: vi.fn(),
      onToggleFlag: vi.fn(),
    };
    const { container, unmount } = render(
      <MessageList
        messages={messages}
        totalElements={20_000}
        hasMore={false}
        loading={false}
        loadingMore={false}
        error={null}
        openId={null}
        {...handlers}
      />,
    );
    const list = byRole(container, 'listbox', 'Beskeder');
    const rows = list.querySelectorAll('[role="option"]');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(80);
    expect(rows[1]!.textContent).toContain('Markeret med flag');
    expect(rows[0]!.textContent).not.toContain('Ulæst');
    expect(rows[1]!.textContent).toContain('Ulæst');
    press(list, 'j');
    press(list, 'ArrowDown');
    press(list, 'k');
    expect(list.getAttribute('aria-activedescendant')).toBe('msg-m1');
    press(list, 'Enter');
    expect(handlers.onOpen).toHaveBeenCalledWith('m1');
    press(list, 'u');
    press(list, 'f');
    press(list, 'Delete');
    expect(handlers.onToggleRead).toHaveBeenCalledWith('m1');
    expect(handlers.onToggleFlag).toHaveBeenCalledWith('m1');
    expect(handlers.onDelete).toHaveBeenCalledWith('m1');
    unmount();
  });

  it('asks for the next page as the user nears the end', () => {
    const onLoadMore = vi.fn();
    const messages = Array.from({ length: 200 }, (_, i) => message(`p${i}`));
    const props = {
      totalElements: 1000,
      loading: false,
      loadingMore: false,
      error: null,
      openId: null,
      onOpen: vi.fn(),
      onLoadMore,
      onRetry: vi.fn(),
      onDelete: vi.fn(),
      onToggleRead: vi.fn(),
      onToggleFlag: vi.fn(),
    };
    const { container, unmount } = render(<MessageList messages={messages} hasMore {...props} />);
    expect(onLoadMore).not.toHaveBeenCalled();
    const list = byRole(container, 'listbox', 'Beskeder');
    act(() => {
      list.scrollTop = 190 * 64;
      list.dispatchEvent(new Event('scroll'));
    });
    expect(onLoadMore).toHaveBeenCalled();
    unmount();
  });

  it('shows a failure with Prøv igen and keeps the rows', () => {
    const onRetry = vi.fn();
    const { container, unmount } = render(
      <MessageList
        messages={[message('a')]}
        totalElements={1}
        hasMore={false}
        loading={false}
        loadingMore={false}
        error="Ingen forbindelse"
        openId={null}
        onOpen={vi.fn()}
        onLoadMore={vi.fn()}
        onRetry={onRetry}
        onDelete={vi.fn()}
        onToggleRead={vi.fn()}
        onToggleFlag={vi.fn()}
      />,
    );
    click(byRole(container, 'button', 'Prøv igen'));
    expect(onRetry).toHaveBeenCalled();
    expect(container.querySelectorAll('[role="option"]').length).toBe(1);
    unmount();
  });
});

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const noopActions = (): MessageActions => ({
  toggleRead: vi.fn(),
  toggleFlag: vi.fn(),
  saveNote: vi.fn(async () => true),
  move: vi.fn(),
  remove: vi.fn(),
  restore: vi.fn(),
  markLegallyNotified: vi.fn(),
  openThreadMessage: vi.fn(),
  loadFile: vi.fn(),
  saveFile: vi.fn(),
  openFile: vi.fn(),
  openLink: vi.fn(),
  print: vi.fn(),
});

describe('MessageView', () => {
  const htmlMessage = message('h1', {
    read: true,
    legalNotification: true,
    documents: [
      {
        id: 'd2',
        version: 1,
        documentType: 'ADDITIONAL',
        label: 'Bilag',
        files: [{ id: 'file-2', version: 1, encodingFormat: 'application/x-unknown', filename: 'data.bin' }],
      },
      {
        id: 'd1',
        version: 1,
        documentType: 'MAIN',
        label: 'Brev',
        files: [{ id: 'file-1', version: 1, encodingFormat: 'text/html', filename: 'brev.html' }],
      },
    ],
  });
  const hostile =
    '<p>Hej <a href="https://skat.dk/x">Skat</a> <a href="javascript:alert(1)">ond</a></p><script>window.__pwned=1</script>' +
    '<img src="https://evil.example/t.png" onerror="window.__pwned=1"><div style="background:url(https://evil.example/b.png)">x</div>';

  it('shows the letter in a sandboxed frame without scripts, handlers, remote loads or live links', () => {
    const actions = noopActions();
    const { container, unmount } = render(
      <MessageView
        message={htmlMessage}
        loading={false}
        error={null}
        readPending={false}
        actionError={null}
        thread={[]}
        folders={FOLDERS}
        mailbox={MAILBOX}
        files={{
          'file-1': { status: 'ready', base64: b64(hostile), encodingFormat: 'text/html', filename: 'brev.html' },
          'file-2': { status: 'ready', base64: 'AAAA', encodingFormat: 'application/x-unknown', filename: 'data.bin' },
        }}
        canOpenFiles
        actions={actions}
      />,
    );
    expect(byRole(container, 'region', 'Besked')).toBeTruthy();
    const frame = container.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    const doc = frame.getAttribute('srcdoc')!;
    expect(doc).not.toMatch(/<script|onerror|javascript:|evil\.example|href=/i);
    expect(container.textContent).toContain('1 eksternt billede blev blokeret');
    click(byRole(container, 'button', 'Åbn link: Skat'));
    expect(actions.openLink).toHaveBeenCalledWith('https://skat.dk/x');
    // MAIN first, the unknown format as a file card.
    const files = Array.from(container.querySelectorAll('.file-name')).map((e) => e.textContent);
    expect(files).toEqual(['brev.html', 'data.bin']);
    expect(container.textContent).toContain('application/x-unknown kan ikke vises');
    unmount();
  });

  it('asks before marking a legal notification, saying it cannot be undone', () => {
    const actions = noopActions();
    const { container, unmount } = render(
      <MessageView
        message={htmlMessage}
        loading={false}
        error={null}
        readPending={false}
        actionError={null}
        thread={[]}
        folders={FOLDERS}
        mailbox={MAILBOX}
        files={{}}
        canOpenFiles
        actions={actions}
      />,
    );
    click(byRole(container, 'button', 'Markér som forkyndt'));
    const dialog = byRole(container, 'dialog');
    expect(dialog.textContent).toContain('kan det ikke fortrydes');
    click(byRole(dialog, 'button', 'Markér som forkyndt'));
    expect(actions.markLegallyNotified).toHaveBeenCalled();
    unmount();
  });

  it('offers only allowed move targets and hides write actions for a reader', () => {
    const reader = {
      ...MAILBOX,
      canWrite: false,
      canMoveToDeleted: false,
      accessType: 'LEGAL_REPRESENTATIVE_READER' as const,
    };
    const { container, unmount } = render(
      <MessageView
        message={message('r', { read: true })}
        loading={false}
        error={null}
        readPending={false}
        actionError={null}
        thread={[]}
        folders={FOLDERS}
        mailbox={reader}
        files={{}}
        canOpenFiles
        actions={noopActions()}
      />,
    );
    const buttons = Array.from(container.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toEqual(['Udskriv']);
    unmount();
    const owner = render(
      <MessageView
        message={message('r', { read: true })}
        loading={false}
        error={null}
        readPending={false}
        actionError={null}
        thread={[]}
        folders={FOLDERS}
        mailbox={MAILBOX}
        files={{}}
        canOpenFiles
        actions={noopActions()}
      />,
    );
    const options = Array.from(owner.container.querySelectorAll('select option')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Vælg mappe…', 'Slettet', 'Skat', '2024']);
    owner.unmount();
  });

  it('shows a notice for empty HTML and for text as escaped text', () => {
    const m = message('t', {
      read: true,
      documents: [
        {
          id: 'd',
          version: 1,
          documentType: 'MAIN',
          files: [
            { id: 'e', version: 1, encodingFormat: 'text/html', filename: 'tom.html' },
            { id: 't', version: 1, encodingFormat: 'text/plain', filename: 'a.txt' },
          ],
        },
      ],
    });
    const { container, unmount } = render(
      <MessageView
        message={m}
        loading={false}
        error={null}
        readPending={false}
        actionError={null}
        thread={[]}
        folders={FOLDERS}
        mailbox={MAILBOX}
        files={{
          e: { status: 'ready', base64: b64('<script>x</script>'), encodingFormat: 'text/html', filename: 'tom.html' },
          t: { status: 'ready', base64: b64('<b>hej</b>\nlinje 2'), encodingFormat: 'text/plain', filename: 'a.txt' },
        }}
        canOpenFiles
        actions={noopActions()}
      />,
    );
    expect(container.textContent).toContain('Brevet er tomt.');
    expect(container.querySelector('pre')!.textContent).toBe('<b>hej</b>\nlinje 2');
    expect(container.querySelector('pre b')).toBeNull();
    unmount();
  });
});

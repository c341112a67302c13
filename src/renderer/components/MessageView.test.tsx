// @vitest-environment jsdom
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { FOLDERS, MAILBOX, message } from '../test/fake-api';
import { byRole, click, render } from '../test/render';
import { MessageView, type MessageActions } from './MessageView';

initI18n();

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

/** The view as the mail screen shows it for an owner with nothing loading, unless a test says otherwise. */
const renderView = (
  props: Partial<ComponentProps<typeof MessageView>> & Pick<ComponentProps<typeof MessageView>, 'message'>,
) =>
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
      actions={noopActions()}
      {...props}
    />,
  );

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
    const { container, unmount } = renderView({
      message: htmlMessage,
      files: {
        'file-1': { status: 'ready', base64: b64(hostile), encodingFormat: 'text/html', filename: 'brev.html' },
        'file-2': { status: 'ready', base64: 'AAAA', encodingFormat: 'application/x-unknown', filename: 'data.bin' },
      },
      actions,
    });
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
    const { container, unmount } = renderView({ message: htmlMessage, actions });
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
    const { container, unmount } = renderView({ message: message('r', { read: true }), mailbox: reader });
    const buttons = Array.from(container.querySelectorAll('button')).map((b) => b.textContent);
    expect(buttons).toEqual(['Udskriv']);
    unmount();
    const owner = renderView({ message: message('r', { read: true }) });
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
    const { container, unmount } = renderView({
      message: m,
      files: {
        e: { status: 'ready', base64: b64('<script>x</script>'), encodingFormat: 'text/html', filename: 'tom.html' },
        t: { status: 'ready', base64: b64('<b>hej</b>\nlinje 2'), encodingFormat: 'text/plain', filename: 'a.txt' },
      },
    });
    expect(container.textContent).toContain('Brevet er tomt.');
    expect(container.querySelector('pre')!.textContent).toBe('<b>hej</b>\nlinje 2');
    expect(container.querySelector('pre b')).toBeNull();
    unmount();
  });
});

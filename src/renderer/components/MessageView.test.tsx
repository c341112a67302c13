// @vitest-environment jsdom
import type { ComponentProps } from 'react';
import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { FOLDERS, MAILBOX, message } from '../test/fake-api';
import { byRole, click, press, render } from '../test/render';
import { MessageView } from './MessageView';
import { mockMessageActions } from '../test/message-actions';

initI18n();

const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const noopActions = mockMessageActions;

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
    // MAIN first as the letter, the attachment as a row of the list: fetched only when asked for.
    const files = Array.from(container.querySelectorAll('.file-name')).map((e) => e.textContent);
    expect(files).toEqual(['brev.html', 'data.bin']);
    const row = container.querySelector('section[aria-label="Vedhæftede filer"] section[aria-label="data.bin"]')!;
    expect(container.textContent).toContain('1 vedhæftet fil');
    click(byRole(row, 'button', 'Gem som…'));
    expect(actions.saveFile).toHaveBeenCalledWith({ documentId: 'd2', fileId: 'file-2' });
    expect(actions.loadFile).not.toHaveBeenCalledWith({ documentId: 'd2', fileId: 'file-2' });
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
    const names = (root: ParentNode) =>
      Array.from(root.querySelectorAll('button')).map((b) => b.getAttribute('aria-label') ?? b.textContent);
    expect(names(container)).toEqual(['Note', 'Formindsk brevet', 'Forstør brevet', 'Flere handlinger']);
    unmount();
    const owner = renderView({ message: message('r', { read: true }) });
    click(byRole(owner.container, 'button', 'Flyt til mappe'));
    const menu = owner.container.querySelector('[role="menu"]')!;
    const options = Array.from(menu.querySelectorAll('[role="menuitem"]')).map((o) => o.textContent?.trim());
    expect(options).toEqual(['Slettet', 'Skat', '2024']);
    owner.unmount();
  });

  it('moves through the chosen folder of the move menu, and the overflow menu works from the keyboard', () => {
    const actions = noopActions();
    const { container, unmount } = renderView({ message: message('r', { read: true }), actions });
    click(byRole(container, 'button', 'Flyt til mappe'));
    click(byRole(container.querySelector('[role="menu"]')!, 'menuitem', 'Skat'));
    expect(actions.move).toHaveBeenCalledTimes(1);
    expect(container.querySelector('[role="menu"]')).toBeNull();

    const more = byRole(container, 'button', 'Flere handlinger');
    press(more, 'ArrowDown');
    const menu = container.querySelector('[role="menu"]')!;
    expect(document.getElementById(menu.getAttribute('aria-labelledby')!)).toBe(more);
    expect(document.activeElement?.textContent).toBe('Udskriv');
    // "Nulstil zoom" is disabled at 100 %, so the arrows stay on the one item that can be chosen.
    press(menu, 'ArrowDown');
    expect(document.activeElement?.textContent).toBe('Udskriv');
    press(menu, 'Escape');
    expect(container.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(more);
    press(more, 'ArrowDown');
    click(byRole(container, 'menuitem', 'Udskriv'));
    expect(actions.print).toHaveBeenCalledTimes(1);
    unmount();
  });

  it('keeps the note behind the Note button and shows a saved note as a chip', async () => {
    const actions = noopActions();
    const plain = renderView({ message: message('n', { read: true }), actions });
    expect(plain.container.querySelector('textarea')).toBeNull();
    expect(plain.container.querySelector('.note-chip')).toBeNull();
    click(byRole(plain.container, 'button', 'Note'));
    expect(plain.container.querySelector('textarea')).toBe(document.activeElement);
    expect(plain.container.querySelector(`label[for="${document.activeElement?.id}"]`)?.textContent).toBe(
      'Personlig note',
    );
    plain.unmount();

    const noted = renderView({ message: message('n', { read: true, note: 'Betal inden den 20.' }), actions });
    const chip = byRole(noted.container, 'button', 'Note: Betal inden den 20.');
    click(chip);
    expect(noted.container.querySelector('textarea')!.value).toBe('Betal inden den 20.');
    expect(noted.container.querySelector('.note-chip')).toBeNull();
    noted.unmount();
  });

  it('zooms the letter in steps and back', () => {
    const { container, unmount } = renderView({ message: message('z', { read: true }) });
    const documents = container.querySelector<HTMLElement>('.documents')!;
    click(byRole(container, 'button', 'Forstør brevet'));
    expect(documents.style.zoom).toBe('1.1');
    click(byRole(container, 'button', 'Formindsk brevet'));
    click(byRole(container, 'button', 'Formindsk brevet'));
    expect(documents.style.zoom).toBe('0.9');
    unmount();
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

// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { MAILBOX, message } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { ShortcutLayer } from './ShortcutLayer';
import { SHORTCUTS, isTypingTarget, onShortcut } from './shortcuts';

initI18n();

const key = (target: Element, init: KeyboardEventInit) =>
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }));
  });

let ui: ReturnType<typeof render>;
let search: HTMLInputElement;
let field: HTMLInputElement;
const openMessage = vi.fn(async () => undefined);
const startNewMessage = vi.fn(async () => true);

beforeEach(() => {
  openMessage.mockClear();
  startNewMessage.mockClear();
  useAppStore.setState({
    messages: [message('m1'), message('m2'), message('m3')],
    openMessageId: 'm2',
    mailboxes: [MAILBOX],
    selectedMailboxId: MAILBOX.id,
    openMessage,
    startNewMessage,
  });
  ui = render(
    <div>
      <form role="search">
        <input type="search" aria-label="Søg" />
      </form>
      <input aria-label="Emne" />
      <ShortcutLayer />
    </div>,
  );
  search = ui.container.querySelector('input[type="search"]')!;
  field = ui.container.querySelector('input[aria-label="Emne"]')!;
});
afterEach(() => ui.unmount());

describe('ShortcutLayer', () => {
  it('"?" opens a dialog listing every shortcut of the registry, and Escape closes it', () => {
    key(document.body, { key: '?' });
    const dialog = byRole(document.body, 'dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.querySelector('h2')?.textContent).toBe('Tastaturgenveje');
    const rows = dialog.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(SHORTCUTS.length);
    expect(dialog.textContent).toContain('Søg i beskederne');
    expect(dialog.textContent).toMatch(/\/ eller Ctrl\+F/);
    key(dialog, { key: 'Escape' });
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('"/" and Ctrl+F focus the search box; Ctrl+F also from a field', () => {
    key(document.body, { key: '/' });
    expect(document.activeElement).toBe(search);
    field.focus();
    key(field, { key: '/' });
    expect(document.activeElement).toBe(field);
    key(field, { key: 'f', ctrlKey: true });
    expect(document.activeElement).toBe(search);
  });

  it('j and k open the next and previous letter, n a new message; none of them while typing', () => {
    key(document.body, { key: 'j' });
    expect(openMessage).toHaveBeenLastCalledWith('m3');
    key(document.body, { key: 'k' });
    expect(openMessage).toHaveBeenLastCalledWith('m1');
    key(document.body, { key: 'n' });
    expect(startNewMessage).toHaveBeenCalledTimes(1);
    field.focus();
    key(field, { key: 'j' });
    key(field, { key: 'n' });
    key(field, { key: '?' });
    expect(openMessage).toHaveBeenCalledTimes(2);
    expect(startNewMessage).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('does nothing while a modal dialog has the keyboard, or a key was handled already', () => {
    const modal = document.createElement('div');
    modal.setAttribute('aria-modal', 'true');
    document.body.appendChild(modal);
    key(document.body, { key: 'j' });
    modal.remove();
    expect(openMessage).not.toHaveBeenCalled();
    const list = document.createElement('div');
    list.addEventListener('keydown', (e) => e.preventDefault());
    document.body.appendChild(list);
    key(list, { key: 'j' });
    list.remove();
    expect(openMessage).not.toHaveBeenCalled();
  });

  it('runs reply through whoever registered it, and leaves the key alone when it cannot', () => {
    const reply = vi.fn(() => false);
    const off = onShortcut('reply', reply);
    const event = new KeyboardEvent('keydown', { key: 'r', bubbles: true, cancelable: true });
    act(() => void document.body.dispatchEvent(event));
    expect(reply).toHaveBeenCalledTimes(1);
    expect(event.defaultPrevented).toBe(false);
    off();
    key(document.body, { key: 'r' });
    expect(reply).toHaveBeenCalledTimes(1);
  });

  it('closes the overlay with its button', () => {
    key(document.body, { key: '?' });
    click(byRole(document.body, 'button', 'Luk'));
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('counts text fields and editors, not buttons or checkboxes', () => {
    const el = (html: string) => {
      const d = document.createElement('div');
      d.innerHTML = html;
      return d.firstElementChild!;
    };
    expect(isTypingTarget(el('<input>'))).toBe(true);
    expect(isTypingTarget(el('<textarea></textarea>'))).toBe(true);
    expect(isTypingTarget(el('<div contenteditable="true"></div>'))).toBe(true);
    expect(isTypingTarget(el('<input type="checkbox">'))).toBe(false);
    expect(isTypingTarget(el('<button></button>'))).toBe(false);
  });
});

// @vitest-environment jsdom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { message } from '../test/fake-api';
import { byRole, click, press, render } from '../test/render';
import { MessageList } from './MessageList';

initI18n();

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

  it('is a multi-select listbox: Ctrl/Cmd+click toggles, Shift+click takes a range, Ctrl+A all, Space the active', () => {
    const messages = Array.from({ length: 6 }, (_, i) => message(`m${i}`));
    const onSelect = vi.fn();
    const onSelectAll = vi.fn();
    const onOpen = vi.fn();
    const { container, unmount } = render(
      <MessageList
        messages={messages}
        totalElements={6}
        hasMore={false}
        loading={false}
        loadingMore={false}
        error={null}
        openId={null}
        onOpen={onOpen}
        onLoadMore={vi.fn()}
        onRetry={vi.fn()}
        onDelete={vi.fn()}
        onToggleRead={vi.fn()}
        onToggleFlag={vi.fn()}
        selectedIds={['m1', 'm3']}
        onSelect={onSelect}
        onSelectAll={onSelectAll}
      />,
    );
    const list = byRole(container, 'listbox', 'Beskeder');
    expect(list.getAttribute('aria-multiselectable')).toBe('true');
    const row = (id: string) => container.querySelector(`#msg-${id}`)!;
    expect(row('m1').getAttribute('aria-selected')).toBe('true');
    expect(row('m2').getAttribute('aria-selected')).toBe('false');
    expect(row('m1').getAttribute('draggable')).toBe('true');
    const clickWith = (el: Element, init: MouseEventInit) =>
      act(() => {
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init }));
      });
    clickWith(row('m2'), { ctrlKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('m2', 'toggle');
    clickWith(row('m4'), { metaKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('m4', 'toggle');
    clickWith(row('m5'), { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('m5', 'range');
    expect(onOpen).not.toHaveBeenCalled();
    clickWith(row('m0'), {});
    expect(onSelect).toHaveBeenLastCalledWith('m0', 'only');
    expect(onOpen).toHaveBeenCalledWith('m0');
    act(() => {
      list.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, cancelable: true }));
    });
    expect(onSelectAll).toHaveBeenCalledTimes(1);
    press(list, ' ');
    expect(onSelect).toHaveBeenLastCalledWith('m0', 'toggle');
    unmount();
  });
});

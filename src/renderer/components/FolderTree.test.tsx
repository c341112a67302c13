// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { FOLDERS } from '../test/fake-api';
import { byRole, press, render } from '../test/render';
import { FolderTree } from './FolderTree';
import { MESSAGE_DRAG_TYPE } from '../lib/message-drag';
import { useArchiveStore } from '../features/archive/store/archive-store';

initI18n();

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

  it('takes letters dragged from the list: a folder under the drag is marked, the drop moves them there', () => {
    const onDropMessages = vi.fn();
    const { container, unmount } = render(
      <FolderTree folders={FOLDERS} selectedId="f-inbox" onSelect={vi.fn()} onDropMessages={onDropMessages} />,
    );
    const store = new Map([[MESSAGE_DRAG_TYPE, JSON.stringify(['m1', 'm2'])]]);
    const drag = (type: string, target: Element, data = store) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', {
        value: { types: [...data.keys()], getData: (k: string) => data.get(k) ?? '', dropEffect: 'none' },
      });
      act(() => {
        target.dispatchEvent(e);
      });
      return e;
    };
    const skat = byRole(container, 'treeitem', 'Skat');
    const year = byRole(container, 'treeitem', '2024');
    expect(drag('dragover', year).defaultPrevented).toBe(true);
    expect(year.classList.contains('drop-target')).toBe(true);
    // Nested: the drop lands on 2024 only, not on Skat around it.
    drag('drop', year);
    expect(onDropMessages).toHaveBeenCalledTimes(1);
    expect(onDropMessages).toHaveBeenCalledWith('f-tax-2024', ['m1', 'm2']);
    expect(year.classList.contains('drop-target')).toBe(false);
    // Files or text dragged in are not letters: not taken.
    const files = new Map([['Files', '']]);
    expect(drag('dragover', skat, files).defaultPrevented).toBe(false);
    drag('drop', skat, files);
    expect(onDropMessages).toHaveBeenCalledTimes(1);
    // Offline a move cannot reach Digital Post: no folder takes the letters.
    act(() => useArchiveStore.setState({ offline: true }));
    try {
      expect(drag('dragover', year).defaultPrevented).toBe(false);
      drag('drop', year);
      expect(onDropMessages).toHaveBeenCalledTimes(1);
    } finally {
      act(() => useArchiveStore.setState({ offline: false }));
    }
    expect(drag('dragover', year).defaultPrevented).toBe(true);
    unmount();
  });
});

// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { FOLDERS } from '../test/fake-api';
import { byRole, press, render } from '../test/render';
import { FolderTree } from './FolderTree';

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
});

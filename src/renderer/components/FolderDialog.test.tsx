// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { FOLDERS } from '../test/fake-api';
import { byRole, render } from '../test/render';
import { FolderDialog } from './FolderDialog';

initI18n();

describe('FolderDialog', () => {
  it('shows the refusal the rules give and a confirmation on success', async () => {
    const onCreate = vi.fn(async (name: string) =>
      name === 'Skat'
        ? {
            code: 'folder.createOrUpdate.name.exists.at.level',
            message: 'Der findes allerede en mappe der hedder Skat på dette niveau.',
          }
        : null,
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

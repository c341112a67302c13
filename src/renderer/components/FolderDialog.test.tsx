// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { AppErrorException } from '../../shared/ipc/app-error';
import { FOLDER_LIMITS } from '../../shared/dp/assumptions';
import { createAppStore } from '../store';
import { FOLDERS, MAILBOX, installFakeApi } from '../test/fake-api';
import { byRole, render } from '../test/render';
import { FolderDialog } from './FolderDialog';

initI18n();

describe('FolderDialog', () => {
  it('shows the refusal its callback gives', async () => {
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

describe('FolderDialog over the folder rules', () => {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  const type = (input: HTMLInputElement, value: string) =>
    act(() => {
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const open = () => {
    const api = installFakeApi();
    const store = createAppStore();
    store.setState({ selectedMailboxId: MAILBOX.id, folders: FOLDERS });
    const s = store.getState();
    const view = render(
      <FolderDialog
        folders={FOLDERS}
        onCreate={(name, parent) => s.createFolder(name, parent)}
        onRename={(id, name) => s.renameFolder(id, name)}
        onMove={(id, parent) => s.moveFolder(id, parent)}
        onDelete={(id) => s.deleteFolder(id)}
        onClose={vi.fn()}
      />,
    );
    const dialog = byRole(view.container, 'dialog');
    return { api, dialog, input: dialog.querySelector('input')!, unmount: view.unmount };
  };

  it('sends a name only a guessed limit would refuse, shows Digital Post’s refusal and keeps the name', async () => {
    const { api, dialog, input, unmount } = open();
    const long = 'x'.repeat(FOLDER_LIMITS.values.maxNameLength + 1);
    api.folders.create.mockRejectedValue(
      new AppErrorException({
        code: 'folder.createOrUpdate.name.size',
        message: 'ValidationException: name too long',
        status: 400,
        fieldErrors: [
          {
            resource: 'folder',
            field: 'name',
            code: 'folder.createOrUpdate.name.size',
            message: 'Antal tegn i feltet name må ikke overstige 100 tegn.',
          },
        ],
      }),
    );
    type(input, long);
    await act(async () => byRole(dialog, 'button', 'Opret mappe').click());
    expect(api.folders.create).toHaveBeenCalledWith({ mailboxId: MAILBOX.id, name: long });
    expect(byRole(dialog, 'alert').textContent).toBe('Antal tegn i feltet name må ikke overstige 100 tegn.');
    expect(input.value).toBe(long);
    unmount();
  });

  it('refuses a blank name and a name taken at the level before any request', async () => {
    const { api, dialog, input, unmount } = open();
    type(input, '   ');
    await act(async () => byRole(dialog, 'button', 'Opret mappe').click());
    expect(byRole(dialog, 'alert').textContent).toBe('Navn på mappen skal udfyldes.');
    type(input, 'skat');
    await act(async () => byRole(dialog, 'button', 'Opret mappe').click());
    expect(byRole(dialog, 'alert').textContent).toBe('Der findes allerede en mappe der hedder skat på dette niveau.');
    expect(api.folders.create).not.toHaveBeenCalled();
    expect(input.value).toBe('skat');
    unmount();
  });
});

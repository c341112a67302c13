import { writeFile } from 'node:fs/promises';
import { dialog, shell, type BrowserWindow } from 'electron';
import { writePrivateTempFile } from '../services/files/private-temp';

/**
 * "Gem som…" and "Åbn" for post files. Names arrive already scrubbed (§10.13.1) from the mail handlers; the save
 * dialog lets the user pick the place, and "Åbn" goes through a private 0700 temp folder so other local users
 * never see the letter.
 */
export const createFileHooks = (parent: () => BrowserWindow | null) => ({
  saveFile: async (defaultName: string, bytes: Uint8Array): Promise<boolean> => {
    const win = parent();
    const options = { defaultPath: defaultName, title: 'Gem som' };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return false;
    await writeFile(result.filePath, bytes);
    return true;
  },
  openFile: async (name: string, bytes: Uint8Array): Promise<boolean> => {
    const path = await writePrivateTempFile(name, bytes);
    // shell.openPath answers an error message, or '' on success.
    return (await shell.openPath(path)) === '';
  },
});

import { unlink, writeFile } from 'node:fs/promises';
import { dialog, shell, type BrowserWindow } from 'electron';
import { APP_ERROR_CODES } from '../../shared/ipc/app-error';
import { AppFault } from '../errors';
import {
  defaultMarkOfTheWebDeps,
  platformHasMark,
  writeMarkOfTheWeb,
  type MarkResult,
} from '../services/files/mark-of-the-web';
import { writePrivateTempFile } from '../services/files/private-temp';

export const MARK_FAILED = APP_ERROR_CODES.fileMarkFailed;

export interface FileHookOptions {
  platform?: NodeJS.Platform;
  /** Writes the Mark-of-the-Web on a file we wrote; the default uses the OS's own mechanism. */
  mark?: (path: string) => Promise<MarkResult>;
  log?: (msg: string, err?: unknown) => void;
}

/**
 * "Gem som…" and "Åbn" for post files. Names arrive scrubbed and format-forced from the mail handlers, which also
 * decide which formats may be opened at all. Both mark what they write as from the internet, so SmartScreen,
 * Gatekeeper and Office Protected View treat it as the untrusted file it is; "Åbn" goes through a private 0700 temp
 * folder so other local users never see the letter, and refuses where the OS has a mark we could not write.
 */
export const createFileHooks = (parent: () => BrowserWindow | null, options: FileHookOptions = {}) => {
  const platform = options.platform ?? process.platform;
  const log = options.log ?? ((msg: string, err?: unknown) => console.warn(msg, err ?? ''));
  const mark = options.mark ?? ((path: string) => writeMarkOfTheWeb(path, defaultMarkOfTheWebDeps(log)));
  return {
    saveFile: async (defaultName: string, bytes: Uint8Array): Promise<boolean> => {
      const win = parent();
      const dialogOptions = { defaultPath: defaultName, title: 'Gem som' };
      const result = win ? await dialog.showSaveDialog(win, dialogOptions) : await dialog.showSaveDialog(dialogOptions);
      if (result.canceled || !result.filePath) return false;
      await writeFile(result.filePath, bytes);
      // The user chose to keep the file; a missing mark (FAT drive, say) is logged, the saved file stays.
      await mark(result.filePath);
      return true;
    },
    /** "Eksportér…" from the local archive: a folder (folder, eml) or a file (mbox), chosen in the OS dialogs. */
    exportTarget: {
      pickFolder: async (title: string): Promise<string | null> => {
        const win = parent();
        const o = {
          title,
          properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
        };
        const result = win ? await dialog.showOpenDialog(win, o) : await dialog.showOpenDialog(o);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      pickFile: async (defaultName: string, title: string): Promise<string | null> => {
        const win = parent();
        const o = { defaultPath: defaultName, title, filters: [{ name: 'mbox', extensions: ['mbox'] }] };
        const result = win ? await dialog.showSaveDialog(win, o) : await dialog.showSaveDialog(o);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
      // An exported letter's files are the sender's: marked as from the internet like any file main writes.
      mark: (path: string) => mark(path),
    },
    openFile: async (name: string, bytes: Uint8Array): Promise<boolean> => {
      const path = await writePrivateTempFile(name, bytes);
      if ((await mark(path)) !== 'written' && platformHasMark(platform)) {
        await unlink(path).catch(() => undefined);
        throw new AppFault({
          code: MARK_FAILED,
          message:
            'Filen kunne ikke mærkes som hentet fra internettet, så den åbnes ikke uden styresystemets beskyttelse. Brug Gem som…',
        });
      }
      // shell.openPath answers an error message, or '' on success.
      return (await shell.openPath(path)) === '';
    },
  };
};

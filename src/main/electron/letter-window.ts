import type { BrowserWindow } from 'electron';
import { letterHash, type LetterRef } from '../../shared/ipc/letter-route';
import { createMainWindow } from './window';

export interface LetterWindowsOptions {
  preloadPath: string;
  devUrl?: string;
}

/**
 * "Åbn" on an HTML letter: a window of the app's own, made by the one window factory (same sandbox, preload, CSP,
 * guards), showing the renderer's letter view: the letter sanitised and framed as in the message view. The sender's
 * HTML never reaches a browser. The windows are listed so the IPC transport trusts them like the main window.
 */
export const createLetterWindows = (options: LetterWindowsOptions) => {
  const open = new Set<BrowserWindow>();
  return {
    windows: (): BrowserWindow[] => [...open].filter((w) => !w.isDestroyed()),
    openLetter: async (letter: LetterRef): Promise<boolean> => {
      const win = createMainWindow({
        preloadPath: options.preloadPath,
        ...(options.devUrl ? { devUrl: options.devUrl } : {}),
        hash: letterHash(letter) as `#${string}`,
        window: { width: 820, height: 900, minWidth: 480, minHeight: 360, title: 'Brev' },
      });
      open.add(win);
      win.on('closed', () => open.delete(win));
      return true;
    },
  };
};

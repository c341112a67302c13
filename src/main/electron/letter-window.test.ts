import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(
  () => [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; emit: (event: string) => void }[],
);

vi.mock('electron', () => {
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    private listeners = new Map<string, () => void>();
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL, emit: (event) => this.listeners.get(event)?.() });
    }
    once(): this {
      return this;
    }
    on(event: string, listener: () => void): this {
      this.listeners.set(event, listener);
      return this;
    }
    isDestroyed(): boolean {
      return false;
    }
    show(): void {}
  }
  return { BrowserWindow, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };
});

import { APP_ENTRY_URL } from './app-protocol';
import { createLetterWindows } from './letter-window';

const letter = { mailboxId: 'mb1', messageId: 'm1', documentId: 'd1', fileId: 'f1' };

describe('letter windows', () => {
  it('opens the app entry at the letter view through the window factory, sandboxed, with our preload', async () => {
    const letters = createLetterWindows({ preloadPath: '/app/out/preload/index.cjs' });
    expect(await letters.openLetter(letter)).toBe(true);
    const win = created[created.length - 1]!;
    expect(win.loadURL).toHaveBeenCalledWith(`${APP_ENTRY_URL}#letter=mb1/m1/d1/f1`);
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('lists its open windows for the IPC transport and forgets closed ones', async () => {
    const letters = createLetterWindows({ preloadPath: '/p.cjs' });
    await letters.openLetter(letter);
    await letters.openLetter({ ...letter, fileId: 'f2' });
    expect(letters.windows()).toHaveLength(2);
    created[created.length - 1]!.emit('closed');
    expect(letters.windows()).toHaveLength(1);
  });
});

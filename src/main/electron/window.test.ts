import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[]);

vi.mock('electron', () => {
  class BrowserWindow {
    loadURL = vi.fn(async () => undefined);
    constructor(options: Record<string, unknown>) {
      created.push({ options, loadURL: this.loadURL });
    }
    once(): this {
      return this;
    }
    show(): void {}
  }
  return { BrowserWindow, protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } };
});

import { createMainWindow, ENFORCED_KEYS } from './window';

const last = () => created[created.length - 1]!;

describe('createMainWindow', () => {
  it('enforces the security options over anything the caller passes, sandbox last', () => {
    createMainWindow({
      preloadPath: '/app/out/preload/index.cjs',
      window: {
        width: 640,
        webPreferences: {
          sandbox: false,
          contextIsolation: false,
          nodeIntegration: true,
          nodeIntegrationInWorker: true,
          nodeIntegrationInSubFrames: true,
          webSecurity: false,
          allowRunningInsecureContent: true,
          webviewTag: true,
          experimentalFeatures: true,
          enableBlinkFeatures: 'CSSPseudoHas',
          disableBlinkFeatures: '',
          preload: '/tmp/evil.js',
          spellcheck: false,
        },
      },
    });
    const { options } = last();
    const prefs = options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      sandbox: true,
      preload: '/app/out/preload/index.cjs',
      disableBlinkFeatures: 'Auxclick',
      // harmless caller options survive
      spellcheck: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs.experimentalFeatures).toBe(false);
    expect(Object.keys(prefs).at(-1)).toBe('sandbox');
    expect(options.width).toBe(640);
  });

  it('gives a window without caller preferences the same enforced set', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    const prefs = last().options.webPreferences as Record<string, unknown>;
    expect(prefs).toEqual({
      preload: '/p.cjs',
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      sandbox: true,
    });
    // Every enforced key is set by the factory (enableBlinkFeatures by leaving it out).
    for (const key of ENFORCED_KEYS) if (key !== 'enableBlinkFeatures') expect(prefs, key).toHaveProperty(key);
  });

  it('loads the app:// entry, or the dev server URL in development', () => {
    createMainWindow({ preloadPath: '/p.cjs' });
    expect(last().loadURL).toHaveBeenCalledWith('app://digital-post/index.html');
    createMainWindow({ preloadPath: '/p.cjs', devUrl: 'http://localhost:5173' });
    expect(last().loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });
});

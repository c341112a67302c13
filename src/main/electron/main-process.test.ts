import { beforeEach, describe, expect, it, vi } from 'vitest';

const e = vi.hoisted(() => {
  const appHandlers = new Map<string, ((...a: unknown[]) => void)[]>();
  const order: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const notifications: { options: unknown; handlers: Map<string, () => void>; show: () => void }[] = [];
  return {
    appHandlers,
    order,
    ready,
    isReady: false,
    resolveReady: () => {
      e.isReady = true;
      resolveReady();
    },
    notifications,
    lock: true,
    app: {
      requestSingleInstanceLock: vi.fn(() => e.lock),
      quit: vi.fn(),
      exit: vi.fn(),
      enableSandbox: vi.fn(() => order.push('enableSandbox')),
      isPackaged: true,
      getAppPath: () => '/opt/dp',
      getPath: (name: string) => `/home/u/.config/${name}`,
      getVersion: () => '0.1.0',
      setBadgeCount: vi.fn(),
      whenReady: () => ready,
      on: (name: string, fn: (...a: unknown[]) => void) => {
        appHandlers.set(name, [...(appHandlers.get(name) ?? []), fn]);
      },
    },
  };
});

vi.mock('electron', () => {
  class BrowserWindow {
    static fromWebContents = () => null;
    webContents = { id: 1, mainFrame: { processId: 1, routingId: 1 }, send: vi.fn(), getURL: () => 'app://digital-post/index.html' };
    options: unknown;
    constructor(options: unknown) {
      this.options = options;
      e.order.push('window');
    }
    once() {}
    on() {}
    loadURL = vi.fn(async () => undefined);
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = vi.fn();
    show = vi.fn();
    focus = vi.fn(() => e.order.push('focus'));
  }
  class Notification {
    static isSupported = () => true;
    handlers = new Map<string, () => void>();
    constructor(public options: unknown) {
      e.notifications.push(this as never);
    }
    on(name: string, fn: () => void) {
      this.handlers.set(name, fn);
    }
    show = vi.fn();
  }
  return {
    app: e.app,
    BrowserWindow,
    Notification,
    Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
    safeStorage: { isEncryptionAvailable: () => true },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showMessageBox: vi.fn() },
    ipcMain: { handle: vi.fn(() => e.order.push('ipc')), removeHandler: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(() => e.order.push('scheme')), handle: vi.fn(() => e.order.push('serve')) },
    // The session does not exist before ready: touching it earlier throws, as in Electron.
    get session() {
      if (!e.isReady) throw new Error('session used before ready');
      return {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(() => e.order.push('permissions')),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      };
    },
  };
});

import { createEventHub } from '../services/event-hub';
import type { PlatformHooks } from '../services/platform';
import { startElectronApp } from './main-process';

beforeEach(() => {
  e.order.length = 0;
  e.appHandlers.clear();
});

describe('startElectronApp', () => {
  it('quits a second instance before doing anything else', () => {
    e.lock = false;
    const create = vi.fn();
    startElectronApp(create);
    expect(e.app.quit).toHaveBeenCalled();
    expect(e.app.enableSandbox).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
    e.lock = true;
  });

  it('sandboxes, registers the scheme before ready, builds the services with the Electron hooks, disposes on quit', async () => {
    const hub = createEventHub();
    const dispose = vi.fn(async () => undefined);
    let hooks: PlatformHooks | undefined;
    startElectronApp(async (h) => {
      hooks = h;
      e.order.push('services');
      return { handlers: {}, events: hub, dispose };
    });
    expect(e.order).toEqual(['enableSandbox', 'scheme']);
    expect(e.appHandlers.has('web-contents-created')).toBe(true);
    e.resolveReady();
    await vi.waitFor(() => expect(e.order).toContain('window'));
    expect(e.order.slice(2, 5)).toEqual(['permissions', 'serve', 'services']);
    expect(e.order.indexOf('ipc')).toBeLessThan(e.order.indexOf('window'));
    expect(hooks).toMatchObject({ mode: 'electron', userDataDir: '/home/u/.config/userData', appVersion: '0.1.0' });
    await expect(hooks!.openSystemBrowser!('http://insecure.example/')).rejects.toThrow();
    await expect(hooks!.openSystemBrowser!('http://127.0.0.1:4000/auth')).resolves.toBeUndefined();

    // A notification click brings the window forward and lets the services react.
    const onClick = vi.fn();
    hooks!.showNotification!({ title: 'Ny post', body: 'Fra Skattestyrelsen', onClick });
    e.notifications[0]!.handlers.get('click')!();
    expect(onClick).toHaveBeenCalled();
    expect(e.order).toContain('focus');
    hooks!.setBadgeCount!(5);
    expect(e.app.setBadgeCount).toHaveBeenCalledWith(5);

    // The second instance focuses the first.
    e.order.length = 0;
    e.appHandlers.get('second-instance')![0]!();
    expect(e.order).toEqual(['focus']);

    const quitEvent = { preventDefault: vi.fn() };
    e.appHandlers.get('will-quit')![0]!(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    expect(dispose).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(e.app.quit).toHaveBeenCalled());
    // The quit that follows disposal goes through.
    const second = { preventDefault: vi.fn() };
    e.appHandlers.get('will-quit')![0]!(second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});

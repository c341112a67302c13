import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const e = vi.hoisted(() => {
  const appHandlers = new Map<string, ((...a: unknown[]) => void)[]>();
  const order: string[] = [];
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (resolveReady = r));
  const notifications: { options: unknown; handlers: Map<string, () => void>; show: () => void }[] = [];
  const windows: { handlers: Map<string, () => void>; focus: () => void }[] = [];
  const trays: {
    icon: unknown;
    tooltip: string;
    menu: unknown;
    handlers: Map<string, () => void>;
    destroy: () => void;
  }[] = [];
  return {
    windows,
    trays,
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
      setAsDefaultProtocolClient: vi.fn(() => true),
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
    webContents = {
      id: 1,
      mainFrame: { processId: 1, routingId: 1 },
      send: vi.fn(),
      getURL: () => 'app://digital-post/index.html',
      session: { availableSpellCheckerLanguages: ['en-US', 'da-DK'], setSpellCheckerLanguages: vi.fn() },
    };
    options: unknown;
    constructor(options: unknown) {
      this.options = options;
      e.order.push('window');
      e.windows.push(this);
    }
    handlers = new Map<string, () => void>();
    once() {}
    on(name: string, fn: () => void) {
      this.handlers.set(name, fn);
    }
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
  class Tray {
    tooltip = '';
    menu: unknown;
    handlers = new Map<string, () => void>();
    constructor(public icon: unknown) {
      e.order.push('tray');
      e.trays.push(this);
    }
    setToolTip(text: string) {
      this.tooltip = text;
    }
    setContextMenu(menu: unknown) {
      this.menu = menu;
    }
    on(name: string, fn: () => void) {
      this.handlers.set(name, fn);
    }
    isDestroyed = () => false;
    destroy = vi.fn();
  }
  return {
    app: e.app,
    BrowserWindow,
    Notification,
    Tray,
    // The built menu is its template, so tests can read labels and click items.
    Menu: { buildFromTemplate: vi.fn((template: unknown) => ({ template })), setApplicationMenu: vi.fn() },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
    safeStorage: { isEncryptionAvailable: () => true },
    shell: { openExternal: vi.fn(async () => undefined) },
    dialog: { showMessageBox: vi.fn() },
    ipcMain: { handle: vi.fn(() => e.order.push('ipc')), removeHandler: vi.fn() },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => e.order.push('scheme')),
      handle: vi.fn(() => e.order.push('serve')),
    },
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

// electron-vite turns `?asset` into the file's path in out/; vitest has no such plugin.
vi.mock('./tray-icon.png?asset', () => ({ default: '/opt/dp/out/main/chunks/tray-icon.png' }));

import { createEventHub } from '../services/event-hub';
import type { PlatformHooks } from '../services/platform';
import type { AppServices } from '../app/types';
import { startElectronApp } from './main-process';

beforeEach(() => {
  e.order.length = 0;
  e.appHandlers.clear();
  e.windows.length = 0;
  e.trays.length = 0;
  e.app.quit.mockClear();
});

type MenuItem = { label?: string; type?: string; click?: () => void };
const trayMenu = (): MenuItem[] => (e.trays[0]!.menu as { template: MenuItem[] }).template;
const platform = process.platform;
const setPlatform = (value: NodeJS.Platform) =>
  Object.defineProperty(process, 'platform', { value, configurable: true });

/** Starts the app up to its first window, with a fresh event hub and a counting dispose. */
const started = async (extra: Pick<AppServices, 'keepRunningInTray' | 'windowState'> = {}) => {
  const events = createEventHub();
  const dispose = vi.fn(async () => undefined);
  startElectronApp(async () => ({ handlers: {}, events, dispose, ...extra }));
  e.resolveReady();
  await vi.waitFor(() => expect(e.windows).toHaveLength(1));
  const handler = (name: string) => e.appHandlers.get(name)![0]!;
  return { events, dispose, handler };
};

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

  it('opens the window where it was left, spell-checked in Danish, and remembers where it is moved', async () => {
    const saved = { x: 100, y: 50, width: 1400, height: 900, maximized: false };
    const save = vi.fn(async () => undefined);
    await started({ windowState: { get: () => saved, save } });
    const win = e.windows[0] as unknown as {
      options: { x: number; y: number; width: number; height: number; webPreferences: Record<string, unknown> };
      webContents: { session: { setSpellCheckerLanguages: ReturnType<typeof vi.fn> } };
      handlers: Map<string, () => void>;
    };
    expect(win.options).toMatchObject({ x: 100, y: 50, width: 1400, height: 900 });
    expect(win.options.webPreferences).toMatchObject({ spellcheck: true, sandbox: true, contextIsolation: true });
    expect(win.webContents.session.setSpellCheckerLanguages).toHaveBeenCalledWith(['da-DK']);
    expect(win.handlers.has('move')).toBe(true);
    expect(win.handlers.has('close')).toBe(true);
  });

  it('hands login redirects of the app scheme to the services, also one that came before the window', async () => {
    let hooks: PlatformHooks | undefined;
    startElectronApp(async (h) => {
      hooks = h;
      return { handlers: {}, events: createEventHub(), dispose: vi.fn(async () => undefined) };
    });
    expect(e.app.setAsDefaultProtocolClient).toHaveBeenCalledWith('dk.digitalpost.desktop');
    // macOS launches the app by the URL: open-url before ready, with no window to focus yet.
    const early = 'dk.digitalpost.desktop:/oauth2redirect?code=c0&state=s0';
    for (const fn of e.appHandlers.get('open-url')!) fn({ preventDefault: vi.fn() }, early);
    expect(e.windows).toHaveLength(0);
    e.resolveReady();
    await vi.waitFor(() => expect(e.windows).toHaveLength(1));
    const got: string[] = [];
    hooks!.redirects!.subscribe((url) => got.push(url));
    const later = 'dk.digitalpost.desktop:/oauth2redirect?code=c1&state=s1';
    for (const fn of e.appHandlers.get('second-instance')!) fn({}, ['/opt/dp/digital-post', later], '/');
    expect(got).toEqual([early, later]);
    expect(e.windows[0]!.focus).toHaveBeenCalled();
  });

  describe('tray', () => {
    afterEach(() => setPlatform(platform));

    it('appears after ready with the Danish menu, before the window, and its tooltip follows the unread total', async () => {
      const { events } = await started();
      expect(e.order.indexOf('serve')).toBeLessThan(e.order.indexOf('tray'));
      expect(e.order.indexOf('tray')).toBeLessThan(e.order.indexOf('window'));
      expect(e.trays).toHaveLength(1);
      expect(e.trays[0]!.icon).toBe('/opt/dp/out/main/chunks/tray-icon.png');
      expect(trayMenu().map((item) => item.label ?? item.type)).toEqual(['Åbn Digital Post', 'separator', 'Afslut']);
      expect(e.trays[0]!.tooltip).toBe('Digital Post');
      events.emit({ type: 'mail.unread', total: 3 });
      expect(e.trays[0]!.tooltip).toBe('Digital Post – 3 ulæste');
      events.emit({ type: 'auth.changed' });
      expect(e.trays[0]!.tooltip).toBe('Digital Post – 3 ulæste');
    });

    it.each(['linux', 'win32'] as const)(
      'keeps running on %s when the last window closes, unless the user opted out',
      async (os) => {
        setPlatform(os);
        let keep = true;
        const { handler } = await started({ keepRunningInTray: () => keep });
        handler('window-all-closed')();
        expect(e.app.quit).not.toHaveBeenCalled();
        keep = false;
        handler('window-all-closed')();
        expect(e.app.quit).toHaveBeenCalledTimes(1);
      },
    );

    it('keeps running in the tray by default when the services say nothing', async () => {
      setPlatform('linux');
      const { handler } = await started();
      handler('window-all-closed')();
      expect(e.app.quit).not.toHaveBeenCalled();
    });

    it('leaves macOS in the dock even with the tray preference off', async () => {
      setPlatform('darwin');
      const { handler } = await started({ keepRunningInTray: () => false });
      handler('window-all-closed')();
      expect(e.app.quit).not.toHaveBeenCalled();
    });

    it('re-opens and focuses a closed window from a tray click or the "Åbn Digital Post" item', async () => {
      await started();
      e.windows[0]!.handlers.get('closed')!();
      e.trays[0]!.handlers.get('click')!();
      expect(e.windows).toHaveLength(2);
      // An open window is brought forward, not duplicated.
      trayMenu()[0]!.click!();
      expect(e.windows).toHaveLength(2);
      expect(e.windows[1]!.focus).toHaveBeenCalledTimes(1);
    });

    it('"Afslut" quits for real: services are disposed once and the tray goes away', async () => {
      const { dispose, handler, events } = await started();
      trayMenu()[2]!.click!();
      expect(e.app.quit).toHaveBeenCalledTimes(1);
      // Electron answers app.quit() with will-quit; the dispose path holds it, then quits again.
      const first = { preventDefault: vi.fn() };
      handler('will-quit')(first);
      expect(first.preventDefault).toHaveBeenCalled();
      await vi.waitFor(() => expect(e.app.quit).toHaveBeenCalledTimes(2));
      const second = { preventDefault: vi.fn() };
      handler('will-quit')(second);
      expect(second.preventDefault).not.toHaveBeenCalled();
      expect(dispose).toHaveBeenCalledTimes(1);
      expect(e.trays[0]!.destroy).toHaveBeenCalledTimes(1);
      // Unread counts after shutdown no longer reach the tray.
      events.emit({ type: 'mail.unread', total: 9 });
      expect(e.trays[0]!.tooltip).toBe('Digital Post');
    });
  });
});

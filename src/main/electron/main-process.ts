import { join } from 'node:path';
import trayIconPath from './tray-icon.png?asset';
import { app, BrowserWindow, Menu, Notification, safeStorage, type MenuItemConstructorOptions } from 'electron';
import { APP_REDIRECT_SCHEME } from '../../shared/ipc/channels/auth';
import { createDispatcher } from '../ipc/dispatch';
import { removePrivateTempFiles } from '../services/files/private-temp';
import type { AppServices, CreateAppServices } from '../app/types';
import { isAppUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { confirmAndOpenExternal, installGuards, installPermissionHandlers, openExternalSafely } from './guards';
import { forwardEvents, registerIpcTransport } from './ipc-transport';
import { createFileHooks } from './file-hooks';
import { createLetterWindows } from './letter-window';
import { installRedirectHandoff } from './redirect-handoff';
import { createAppTray, type AppTray } from './tray';
import { createMainWindow } from './window';
import { trackWindowState, windowOptionsFor } from './window-state';
import { enableDanishSpellcheck } from './spellcheck';

const appMenu = (): Menu => {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { label: 'Filer', submenu: [{ role: process.platform === 'darwin' ? 'close' : 'quit', label: 'Afslut' }] },
    {
      label: 'Rediger',
      submenu: [
        { role: 'undo', label: 'Fortryd' },
        { role: 'redo', label: 'Annuller fortryd' },
        { type: 'separator' },
        { role: 'cut', label: 'Klip' },
        { role: 'copy', label: 'Kopiér' },
        { role: 'paste', label: 'Indsæt' },
        { role: 'selectAll', label: 'Markér alt' },
      ],
    },
    {
      label: 'Vis',
      submenu: [
        { role: 'resetZoom', label: 'Normal størrelse' },
        { role: 'zoomIn', label: 'Zoom ind' },
        { role: 'zoomOut', label: 'Zoom ud' },
        // Ctrl+= too, where + is Shift+= (US layouts); Ctrl++ is the menu's own.
        { role: 'zoomIn', accelerator: 'CommandOrControl+=', visible: false },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Fuld skærm' },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
};

/**
 * The Electron entry, with createAppServices passed in so src/main/index.ts stays a two-line file and this one can
 * be tested with a mocked `electron`.
 */
export const startElectronApp = (createAppServices: CreateAppServices): void => {
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets `second-instance` and comes to the front.
    app.quit();
    return;
  }
  app.enableSandbox();
  registerAppScheme();

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const isOwnUrl = (url: string): boolean => isAppUrl(url, devUrl);
  const appRoot = app.getAppPath();
  let mainWindow: BrowserWindow | null = null;
  let services: AppServices | null = null;
  let tray: AppTray | null = null;
  const cleanups: (() => void)[] = [];
  let ready = false;
  const windows = (): BrowserWindow[] => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : []);
  const letters = createLetterWindows({
    preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
    ...(devUrl ? { devUrl } : {}),
  });
  // The letter windows show the app too, so IPC and events treat them like the main window.
  const appWindows = (): BrowserWindow[] => [...windows(), ...letters.windows()];

  const focusWindow = (): void => {
    // Before ready there is no window to focus yet; the one opened at ready comes to the front by itself.
    if (!ready) return;
    if (!mainWindow || mainWindow.isDestroyed()) {
      openWindow();
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };
  const openWindow = (): void => {
    // Size, place and maximized state as the user left them, on a display that is still there.
    const remembered = services?.windowState;
    const win = createMainWindow({
      preloadPath: join(appRoot, 'out', 'preload', 'index.cjs'),
      devUrl,
      window: { ...windowOptionsFor(remembered), webPreferences: { spellcheck: true } },
    });
    mainWindow = win;
    enableDanishSpellcheck(win.webContents.session);
    const stopTracking = remembered ? trackWindowState(win, remembered) : () => undefined;
    win.on('closed', () => {
      stopTracking();
      mainWindow = null;
    });
  };

  app.on('second-instance', focusWindow);
  // Registered before ready: macOS delivers the URL that launched the app as an early `open-url`.
  const redirects = installRedirectHandoff({
    scheme: APP_REDIRECT_SCHEME,
    argv: process.argv,
    onRedirect: focusWindow,
  });
  installGuards({
    isAppUrl: isOwnUrl,
    confirmExternal: (url, parent) => confirmAndOpenExternal(url, parent ?? mainWindow),
  });

  app
    .whenReady()
    .then(async () => {
      ready = true;
      installPermissionHandlers();
      Menu.setApplicationMenu(appMenu());
      serveAppProtocol(join(appRoot, 'out', 'renderer'));
      const created = await createAppServices({
        mode: 'electron',
        userDataDir: app.getPath('userData'),
        appVersion: app.getVersion(),
        openSystemBrowser: async (url) => {
          if (!(await openExternalSafely(url, { allowLoopbackHttp: true })))
            throw new Error('Refusing to open this login URL');
        },
        openExternalAfterConfirm: (url) => confirmAndOpenExternal(url, mainWindow),
        safeStorage,
        redirects,
        showNotification: ({ title, body, onClick }) => {
          if (!Notification.isSupported()) return;
          const n = new Notification({ title, body });
          n.on('click', () => {
            focusWindow();
            onClick();
          });
          n.show();
        },
        setBadgeCount: (count) => {
          app.setBadgeCount(count);
        },
        ...createFileHooks(() => mainWindow),
        openLetter: letters.openLetter,
        env: process.env,
      });
      services = created;
      cleanups.push(
        registerIpcTransport({ dispatch: createDispatcher(created.handlers), windows: appWindows, isAppUrl: isOwnUrl }),
      );
      cleanups.push(forwardEvents(created.events, appWindows, isOwnUrl));
      try {
        const appTray = createAppTray({ onOpen: focusWindow, onQuit: () => app.quit(), iconPath: trayIconPath });
        tray = appTray;
        cleanups.push(
          created.events.subscribe((event) => {
            if (event.type === 'mail.unread') appTray.update(event.total);
          }),
          () => {
            tray = null;
            appTray.destroy();
          },
        );
      } catch (err) {
        // Without a tray the app simply quits with its last window, as before; a missing tray is no reason not to start.
        console.error('No system tray', err);
      }
      openWindow();
      app.on('activate', () => {
        if (windows().length === 0) openWindow();
      });
    })
    .catch((err: unknown) => {
      console.error('Digital Post failed to start', err);
      app.exit(1);
    });

  // On Windows/Linux the tray keeps the app (and with it the unread poller and its notifications) alive after the
  // window closes, unless the user opted out; the tray's "Afslut" or the menu's quits for real. macOS stays in the dock.
  app.on('window-all-closed', () => {
    if (process.platform === 'darwin') return;
    if (tray && (services?.keepRunningInTray?.() ?? true)) return;
    app.quit();
  });

  // Dispose once (tokens flushed, timers stopped), then let the quit continue.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    for (const cleanup of cleanups.splice(0)) cleanup();
    Promise.all([services.dispose(), removePrivateTempFiles()])
      .catch((err: unknown) => console.error('Shutdown failed', err))
      .finally(() => app.quit());
  });
};

import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { APP_ENTRY_URL } from './app-protocol';

/**
 * The security options every window gets, applied after whatever the caller passed so no caller can weaken them.
 * `sandbox` comes last on purpose: it is the one that makes the others hard to get around.
 */
export const ENFORCED_WEB_PREFERENCES = {
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  enableBlinkFeatures: undefined,
  sandbox: true,
} as const satisfies WebPreferences;

export interface MainWindowOptions {
  /** out/preload/index.cjs */
  preloadPath: string;
  /** ELECTRON_RENDERER_URL in development; otherwise the app:// entry is loaded. */
  devUrl?: string;
  window?: BrowserWindowConstructorOptions;
}

/** The final webPreferences: the caller's, the preload, then the enforced options. */
export const secureWebPreferences = (callerPrefs: WebPreferences | undefined, preloadPath: string): WebPreferences => {
  const merged: Record<string, unknown> = { ...callerPrefs, preload: preloadPath };
  // Delete, then write: the enforced keys end up last in the object, in their order, `sandbox` the final one.
  for (const key of Object.keys(ENFORCED_WEB_PREFERENCES)) delete merged[key];
  for (const [key, value] of Object.entries(ENFORCED_WEB_PREFERENCES)) {
    if (value !== undefined) merged[key] = value;
  }
  return merged as WebPreferences;
};

/** The one window factory: every window of the app is made here. */
export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const { webPreferences, ...rest } = options.window ?? {};
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 720,
    minHeight: 480,
    title: 'Digital Post',
    show: false,
    ...rest,
    webPreferences: secureWebPreferences(webPreferences, options.preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(options.devUrl || APP_ENTRY_URL);
  return win;
};

import { app, dialog, session, shell, BrowserWindow, type WebContents } from 'electron';

import {
  describeExternalUrl,
  isExternalUrlAllowed,
  toSafeExternalUrl,
  type ExternalUrlDisplay,
  type ExternalUrlPolicy,
} from '../../shared/external-url';

// The guards and the app.openExternal handler share one allowlist, so no link is allowed by one and refused by the other.
export { isExternalUrlAllowed, type ExternalUrlPolicy };

/**
 * The only path to `shell.openExternal`. Anything but https:/mailto: (file:, smb:, custom handlers, javascript:)
 * could start programs on the user's machine, so it is refused here whatever the caller checked; what is opened is
 * the allowlist's rebuilt URL, never the caller's text.
 */
export const openExternalSafely = async (url: string, policy: ExternalUrlPolicy = {}): Promise<boolean> => {
  const safe = toSafeExternalUrl(url, policy);
  if (!safe) return false;
  await shell.openExternal(safe);
  return true;
};

/**
 * The dialog's texts: the host (punycode, so a look-alike such as a Cyrillic "а" shows as `xn--…`) or the
 * recipients alone in the message, where the eye goes; the full URL in the detail.
 */
export const externalLinkDialogText = (shown: ExternalUrlDisplay): { message: string; detail: string } => {
  const warning = shown.internationalised
    ? '\n\nAdressen indeholder internationale tegn og vises derfor som xn--…. Tjek, at det er den afsender, du venter.'
    : '';
  return shown.kind === 'mail'
    ? { message: `Skriv e-mail til\n${shown.target}?`, detail: `Hele linket:\n${shown.href}${warning}` }
    : { message: `Åbn ${shown.target} i din browser?`, detail: `Hele adressen:\n${shown.href}${warning}` };
};

/** Asks first, showing the host on its own, then opens; false when refused or declined. */
export const confirmAndOpenExternal = async (url: string, parent?: BrowserWindow | null): Promise<boolean> => {
  const shown = describeExternalUrl(url);
  if (!shown) return false;
  const options = {
    type: 'question' as const,
    buttons: [shown.kind === 'mail' ? 'Skriv e-mail' : 'Åbn i browser', 'Annuller'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
    title: 'Digital Post',
    ...externalLinkDialogText(shown),
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  return openExternalSafely(shown.href);
};

export interface GuardOptions {
  /** Whether a URL is on the app's own origin (app:// or the dev server). */
  isAppUrl: (url: string) => boolean;
  /** Injected for tests; defaults to the dialog + openExternalSafely pair. */
  confirmExternal?: (url: string, parent: BrowserWindow | null) => Promise<boolean>;
  log?: (msg: string, err?: unknown) => void;
}

/** Guards for one webContents (exported so tests can drive it without the app event). */
export const guardWebContents = (contents: WebContents, options: GuardOptions): void => {
  const confirm = options.confirmExternal ?? confirmAndOpenExternal;
  const log = options.log ?? ((msg: string, err?: unknown) => console.warn(msg, err ?? ''));
  const offerExternal = (url: string): void => {
    if (!isExternalUrlAllowed(url)) return;
    confirm(url, BrowserWindow.fromWebContents(contents)).catch((err: unknown) =>
      log('Opening an external link failed', err),
    );
  };

  // The app never navigates away from itself; a link that tries is offered to the system browser instead.
  const blockForeignNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (options.isAppUrl(url)) return;
    event.preventDefault();
    offerExternal(url);
  };
  contents.on('will-navigate', (event, url) => blockForeignNavigation(event, url));
  contents.on('will-redirect', (event, url) => {
    if (!options.isAppUrl(url)) event.preventDefault();
  });
  // Sub-frames (the sandboxed srcdoc iframe holding received mail) may only stay on about:srcdoc/about:blank or the
  // app itself; a plain link click inside a message goes to the browser after asking.
  contents.on('will-frame-navigate', (event) => {
    const { url, isMainFrame } = event;
    if (isMainFrame) return; // handled by will-navigate
    if (url === 'about:srcdoc' || url === 'about:blank' || options.isAppUrl(url)) return;
    event.preventDefault();
    offerExternal(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    offerExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
};

/** App-wide: every webContents ever created gets the guards. Safe to call before `ready`. */
export const installGuards = (options: GuardOptions): void => {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
};

/**
 * The default session grants no permission at all (camera, geolocation, notifications, clipboard reads …):
 * notifications are raised from main, never by the page. Needs `ready` (the session does not exist before).
 */
export const installPermissionHandlers = (): void => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.setDevicePermissionHandler(() => false);
};

import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => ({
  appOn: vi.fn(),
  openExternal: vi.fn(async () => undefined),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  setPermissionRequestHandler: vi.fn(),
  setPermissionCheckHandler: vi.fn(),
  setDevicePermissionHandler: vi.fn(),
}));

vi.mock('electron', () => ({
  app: { on: m.appOn },
  shell: { openExternal: m.openExternal },
  dialog: { showMessageBox: m.showMessageBox },
  BrowserWindow: { fromWebContents: () => null },
  session: {
    defaultSession: {
      setPermissionRequestHandler: m.setPermissionRequestHandler,
      setPermissionCheckHandler: m.setPermissionCheckHandler,
      setDevicePermissionHandler: m.setDevicePermissionHandler,
    },
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

import { isExternalUrlAllowed as sharedAllowlist } from '../../shared/external-url';
import { isAllowedExternalUrl } from '../handlers/app';
import { isAppUrl } from './app-protocol';
import {
  confirmAndOpenExternal,
  guardWebContents,
  installGuards,
  installPermissionHandlers,
  isExternalUrlAllowed as guardsAllowlist,
  openExternalSafely,
} from './guards';

type OpenHandler = (details: { url: string }) => { action: string };

const fakeContents = () => {
  const emitter = new EventEmitter() as EventEmitter & {
    setWindowOpenHandler(h: OpenHandler): void;
    openHandler?: OpenHandler;
  };
  emitter.setWindowOpenHandler = (h) => {
    emitter.openHandler = h;
  };
  return emitter;
};

const navEvent = (extra: Record<string, unknown> = {}) => ({ preventDefault: vi.fn(), ...extra });

const setup = () => {
  const contents = fakeContents();
  const confirm = vi.fn(async () => true);
  guardWebContents(contents as never, { isAppUrl: (u) => isAppUrl(u), confirmExternal: confirm, log: () => undefined });
  return { contents, confirm };
};

beforeEach(() => vi.clearAllMocks());

describe('navigation guard', () => {
  it('cancels navigation away from the app and offers https links to the browser', () => {
    const { contents, confirm } = setup();
    const away = navEvent();
    contents.emit('will-navigate', away, 'https://evil.example/phish');
    expect(away.preventDefault).toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledWith('https://evil.example/phish', null);

    const fileNav = navEvent();
    contents.emit('will-navigate', fileNav, 'file:///etc/passwd');
    expect(fileNav.preventDefault).toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledTimes(1);
  });

  it('lets the app navigate within its own origin', () => {
    const { contents, confirm } = setup();
    const own = navEvent();
    contents.emit('will-navigate', own, 'app://digital-post/index.html#/inbox');
    expect(own.preventDefault).not.toHaveBeenCalled();
    expect(confirm).not.toHaveBeenCalled();
  });

  it('cancels redirects off the app origin', () => {
    const { contents } = setup();
    const redirect = navEvent();
    contents.emit('will-redirect', redirect, 'https://evil.example/');
    expect(redirect.preventDefault).toHaveBeenCalled();
    const own = navEvent();
    contents.emit('will-redirect', own, 'app://digital-post/index.html');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('keeps sub-frames on about:srcdoc and sends link clicks in a message to the browser', () => {
    const { contents, confirm } = setup();
    const srcdoc = navEvent({ url: 'about:srcdoc', isMainFrame: false });
    contents.emit('will-frame-navigate', srcdoc);
    expect(srcdoc.preventDefault).not.toHaveBeenCalled();
    const link = navEvent({ url: 'https://skat.dk/', isMainFrame: false });
    contents.emit('will-frame-navigate', link);
    expect(link.preventDefault).toHaveBeenCalled();
    expect(confirm).toHaveBeenCalledWith('https://skat.dk/', null);
  });

  it('denies every window.open, asking only for https:/mailto:', () => {
    const { contents, confirm } = setup();
    expect(contents.openHandler!({ url: 'https://borger.dk/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'mailto:a@b.dk' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'app://digital-post/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'ms-msdt:/id' })).toEqual({ action: 'deny' });
    expect(confirm.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://borger.dk/', 'mailto:a@b.dk']);
  });

  it('prevents attaching a <webview>', () => {
    const { contents } = setup();
    const attach = navEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

describe('openExternalSafely', () => {
  it('opens https: and mailto: only', async () => {
    expect(await openExternalSafely('https://www.borger.dk/')).toBe(true);
    expect(await openExternalSafely('mailto:post@example.dk')).toBe(true);
    for (const url of [
      'http://example.dk/',
      'file:///C:/Windows/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'not a url',
      '',
    ]) {
      expect(await openExternalSafely(url), url).toBe(false);
    }
    expect(m.openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      'https://www.borger.dk/',
      'mailto:post@example.dk',
    ]);
  });

  it('allows loopback http only for the login policy', async () => {
    expect(await openExternalSafely('http://127.0.0.1:4000/auth?x=1')).toBe(false);
    expect(await openExternalSafely('http://127.0.0.1:4000/auth?x=1', { allowLoopbackHttp: true })).toBe(true);
    expect(await openExternalSafely('http://localhost:4000/auth', { allowLoopbackHttp: true })).toBe(true);
    expect(await openExternalSafely('http://127.0.0.1.evil.example/auth', { allowLoopbackHttp: true })).toBe(false);
    expect(await openExternalSafely('http://example.dk/auth', { allowLoopbackHttp: true })).toBe(false);
    expect(await openExternalSafely('file:///etc/passwd', { allowLoopbackHttp: true })).toBe(false);
    expect(m.openExternal).toHaveBeenCalledTimes(2);
  });

  it('asks in Danish first, the host on its own and the full URL in the detail, and opens only on yes', async () => {
    m.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmAndOpenExternal('https://borger.dk/boligstoette')).toBe(false);
    expect(m.openExternal).not.toHaveBeenCalled();
    expect(m.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        message: 'Åbn borger.dk i din browser?',
        detail: 'Hele adressen:\nhttps://borger.dk/boligstoette',
        buttons: ['Åbn i browser', 'Annuller'],
        cancelId: 1,
      }),
    );
    expect(await confirmAndOpenExternal('https://borger.dk/boligstoette')).toBe(true);
    expect(m.openExternal).toHaveBeenCalledWith('https://borger.dk/boligstoette');
    expect(await confirmAndOpenExternal('file:///etc/passwd')).toBe(false);
    expect(m.showMessageBox).toHaveBeenCalledTimes(2);
  });

  it('shows a look-alike host in punycode, with a warning, and opens exactly what it showed', async () => {
    // Cyrillic а (U+0430) in place of the Latin a.
    expect(await confirmAndOpenExternal('https://digit\u0430lpost.dk/login')).toBe(true);
    const shown = (m.showMessageBox.mock.calls[0] as unknown as [{ message: string; detail: string }])[0];
    expect(shown.message).toBe('Åbn xn--digitlpost-3qi.dk i din browser?');
    expect(shown.message).not.toContain('digitalpost.dk');
    expect(shown.detail).toContain('https://xn--digitlpost-3qi.dk/login');
    expect(shown.detail).toContain('internationale tegn');
    expect(m.openExternal).toHaveBeenCalledWith('https://xn--digitlpost-3qi.dk/login');
  });

  it('opens a mailto link rebuilt: recipients, subject and body, never attach', async () => {
    expect(
      await confirmAndOpenExternal('mailto:post@example.dk?subject=Hej&attach=/etc/passwd&bcc=x@evil.example'),
    ).toBe(true);
    expect(m.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Skriv e-mail til\npost@example.dk?' }),
    );
    expect(m.openExternal).toHaveBeenCalledWith('mailto:post@example.dk?subject=Hej');
    expect(await openExternalSafely('mailto:a@example.dk?attach=C:%5Csecret.txt')).toBe(true);
    expect(m.openExternal).toHaveBeenLastCalledWith('mailto:a@example.dk');
  });

  it('refuses https with credentials in it', async () => {
    expect(await openExternalSafely('https://www.borger.dk@evil.example/')).toBe(false);
    expect(await confirmAndOpenExternal('https://user:pass@example.dk/')).toBe(false);
    expect(m.showMessageBox).not.toHaveBeenCalled();
    expect(m.openExternal).not.toHaveBeenCalled();
  });
});

describe('one allowlist for the guards and app.openExternal', () => {
  it('is the same function, and both ends agree on every case', () => {
    expect(guardsAllowlist).toBe(sharedAllowlist);
    const cases = [
      'https://www.borger.dk/',
      'https://digit\u0430lpost.dk/',
      'mailto:a@example.dk,b@example.dk?subject=x&attach=y',
      'mailto:not-an-address',
      'https://user:pass@example.dk/',
      'http://example.dk/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'ms-msdt:/id',
      'vscode://file/x',
    ];
    for (const url of cases) {
      const { contents, confirm } = setup();
      contents.openHandler!({ url });
      expect(confirm.mock.calls.length > 0, url).toBe(isAllowedExternalUrl(url));
    }
  });
});

describe('installGuards', () => {
  it('guards every new webContents and denies every permission', () => {
    installGuards({ isAppUrl: () => true });
    expect(m.appOn).toHaveBeenCalledWith('web-contents-created', expect.any(Function));
    const contents = fakeContents();
    (m.appOn.mock.calls[0] as unknown as [string, (e: unknown, c: unknown) => void])[1]({}, contents);
    expect(contents.openHandler).toBeTypeOf('function');

    installPermissionHandlers();

    const request = m.setPermissionRequestHandler.mock.calls[0] as unknown as [
      (wc: unknown, p: string, cb: (ok: boolean) => void) => void,
    ];
    for (const permission of ['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      request[0]({}, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    const check = m.setPermissionCheckHandler.mock.calls[0] as unknown as [(...a: unknown[]) => boolean];
    expect(check[0]({}, 'notifications', 'app://digital-post', {})).toBe(false);
    const device = m.setDevicePermissionHandler.mock.calls[0] as unknown as [(...a: unknown[]) => boolean];
    expect(device[0]({})).toBe(false);
  });
});

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

import { isAppUrl } from './app-protocol';
import {
  confirmAndOpenExternal,
  guardWebContents,
  installGuards,
  installPermissionHandlers,
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

  it('asks in Danish first and opens only on yes', async () => {
    m.showMessageBox.mockResolvedValueOnce({ response: 1, checkboxChecked: false });
    expect(await confirmAndOpenExternal('https://borger.dk/')).toBe(false);
    expect(m.openExternal).not.toHaveBeenCalled();
    expect(m.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Åbn link i din browser?', detail: 'https://borger.dk/' }),
    );
    expect(await confirmAndOpenExternal('https://borger.dk/')).toBe(true);
    expect(m.openExternal).toHaveBeenCalledWith('https://borger.dk/');
    expect(await confirmAndOpenExternal('file:///etc/passwd')).toBe(false);
    expect(m.showMessageBox).toHaveBeenCalledTimes(2);
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

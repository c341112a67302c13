// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../../shared/ipc/app-error';
import type { AppEvent } from '../../shared/ipc/events';
import { initI18n } from '../i18n';
import {
  createFetchInvoke,
  createSseSubscribe,
  installBrowserBridgeIfNeeded,
  withPageLinkConfirmation,
} from './browser-bridge';

const freshWindow = (head = ''): Window => {
  const doc = document.implementation.createHTMLDocument('t');
  doc.head.innerHTML = head;
  return { document: doc } as unknown as Window;
};

describe('installBrowserBridgeIfNeeded', () => {
  it('leaves an existing window.digitalPost alone', () => {
    const existing = { marker: true };
    const win = freshWindow();
    (win as unknown as { digitalPost: unknown }).digitalPost = existing;
    installBrowserBridgeIfNeeded(win);
    expect(win.digitalPost).toBe(existing);
  });

  it('builds the API over the Electron preload transport, keeping typed errors', async () => {
    const win = freshWindow();
    const invoke = vi.fn(async (channel: string) =>
      channel === 'app.info'
        ? { ok: true, value: { version: '1', mode: 'electron', platform: 'linux' } }
        : { ok: false, error: { code: 'app.auth.not-logged-in', message: 'Ikke logget ind' } },
    );
    win.digitalPostTransport = { invoke, subscribe: () => () => undefined };
    installBrowserBridgeIfNeeded(win);
    await expect(win.digitalPost.app.info()).resolves.toEqual({ version: '1', mode: 'electron', platform: 'linux' });
    const err = await win.digitalPost.app.openExternal({ url: 'https://x.dk' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppErrorException);
    expect((err as AppErrorException).code).toBe('app.auth.not-logged-in');
    expect(invoke).toHaveBeenCalledWith('app.openExternal', { url: 'https://x.dk' });
  });

  it('refuses to guess when there is neither a preload nor the browser-mode marker', () => {
    expect(() => installBrowserBridgeIfNeeded(freshWindow())).toThrow(/browser-mode bridge/);
    expect(() => installBrowserBridgeIfNeeded(freshWindow('<meta name="dp-bridge" content="x">'))).toThrow();
  });

  it('uses the loopback bridge where the server marked the page', () => {
    const win = freshWindow('<meta name="dp-bridge" content="loopback">');
    installBrowserBridgeIfNeeded(win);
    expect(typeof win.digitalPost.app.info).toBe('function');
    expect(typeof win.digitalPost.events.subscribe).toBe('function');
  });
});

describe('createFetchInvoke', () => {
  it('posts {payload} with the bridge header and the cookie (same-origin credentials), and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 1 }), { status: 200 }));
    const invoke = createFetchInvoke(fetchImpl as unknown as typeof fetch);
    await expect(invoke('app.info', undefined)).resolves.toEqual({ ok: true, value: 1 });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/bridge/app.info');
    expect((init.headers as Record<string, string>)['X-DP-Bridge']).toBe('1');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{}');
  });
  it('turns a dead server or a refusal into a network error envelope', async () => {
    const down = createFetchInvoke((async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch);
    expect(await down('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'app.network' } });
    const refused = createFetchInvoke(
      (async () => new Response('Forbidden', { status: 403 })) as unknown as typeof fetch,
    );
    expect(await refused('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'app.network' } });
    const notLetIn = createFetchInvoke((async () => new Response('', { status: 401 })) as unknown as typeof fetch);
    expect(await notLetIn('app.info', undefined)).toMatchObject({
      ok: false,
      error: { code: 'app.network', message: expect.stringContaining('terminalen') },
    });
  });
});

describe('createSseSubscribe', () => {
  it('shares one EventSource, delivers valid events only, closes after the last unsubscribe', () => {
    const sources: {
      url: string;
      closed: boolean;
      onmessage: ((m: MessageEvent<string>) => void) | null;
      close(): void;
    }[] = [];
    const subscribe = createSseSubscribe((url) => {
      const s = { url, closed: false, onmessage: null, close: () => (s.closed = true) };
      sources.push(s);
      return s as unknown as EventSource;
    });
    const got1: AppEvent[] = [];
    const got2: AppEvent[] = [];
    const off1 = subscribe((e) => got1.push(e));
    const off2 = subscribe((e) => got2.push(e));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/bridge/events');
    sources[0]!.onmessage!({ data: JSON.stringify({ type: 'mail.unread', total: 2 }) } as MessageEvent<string>);
    sources[0]!.onmessage!({ data: JSON.stringify({ type: 'bogus' }) } as MessageEvent<string>);
    sources[0]!.onmessage!({ data: 'not json' } as MessageEvent<string>);
    expect(got1).toEqual([{ type: 'mail.unread', total: 2 }]);
    expect(got2).toEqual(got1);
    off1();
    expect(sources[0]!.closed).toBe(false);
    off2();
    expect(sources[0]!.closed).toBe(true);
  });
});

describe('withPageLinkConfirmation (browser mode)', () => {
  initI18n('da');
  const notOpened = vi.fn(async () => ({ ok: true, value: { opened: false } }));
  const fakeWin = (answer: boolean) => ({
    confirm: vi.fn((_text: string) => answer),
    open: vi.fn((_url: string, _target: string, _features: string) => null),
  });

  it('asks with the host in punycode on its own line and opens the rebuilt URL in a tab that cannot reach back', async () => {
    const win = fakeWin(true);
    const invoke = withPageLinkConfirmation(notOpened, win);
    // Cyrillic а (U+0430) in place of the Latin a.
    expect(await invoke('app.openExternal', { url: 'https://digit\u0430lpost.dk/login' })).toEqual({
      ok: true,
      value: { opened: true },
    });
    const text = win.confirm.mock.calls[0]![0];
    expect(text.split('\n')).toContain('xn--digitlpost-3qi.dk');
    expect(text).not.toContain('digitalpost.dk');
    expect(text).toContain('internationale tegn');
    expect(win.open).toHaveBeenCalledWith('https://xn--digitlpost-3qi.dk/login', '_blank', 'noopener,noreferrer');
  });

  it('opens mailto without attach, and nothing when the person declines', async () => {
    const yes = fakeWin(true);
    await withPageLinkConfirmation(notOpened, yes)('app.openExternal', { url: 'mailto:a@b.dk?attach=x&subject=Hej' });
    expect(yes.confirm.mock.calls[0]![0].split('\n')).toContain('a@b.dk');
    expect(yes.open).toHaveBeenCalledWith('mailto:a@b.dk?subject=Hej', '_blank', 'noopener,noreferrer');
    const no = fakeWin(false);
    expect(await withPageLinkConfirmation(notOpened, no)('app.openExternal', { url: 'https://x.dk/' })).toEqual({
      ok: true,
      value: { opened: false },
    });
    expect(no.open).not.toHaveBeenCalled();
  });

  it("leaves main's refusal, Electron's answer and other channels alone", async () => {
    const win = fakeWin(true);
    const refusal = { ok: false, error: { code: 'app.ipc.invalid-request', message: 'x' } };
    expect(await withPageLinkConfirmation(async () => refusal, win)('app.openExternal', { url: 'file:///x' })).toBe(
      refusal,
    );
    const opened = { ok: true, value: { opened: true } };
    expect(await withPageLinkConfirmation(async () => opened, win)('app.openExternal', { url: 'https://x.dk/' })).toBe(
      opened,
    );
    await withPageLinkConfirmation(notOpened, win)('files.open', { url: 'https://x.dk/' });
    expect(win.confirm).not.toHaveBeenCalled();
    expect(win.open).not.toHaveBeenCalled();
  });
});

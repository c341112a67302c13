// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../../shared/ipc/app-error';
import type { AppEvent } from '../../shared/ipc/events';
import { createFetchInvoke, createSseSubscribe, installBrowserBridgeIfNeeded } from './browser-bridge';

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

  it('refuses to guess when there is neither a preload nor a bridge secret', () => {
    expect(() => installBrowserBridgeIfNeeded(freshWindow())).toThrow(/secret/);
  });

  it('uses the meta secret in browser mode', () => {
    const win = freshWindow('<meta name="dp-bridge-secret" content="s3cret">');
    installBrowserBridgeIfNeeded(win);
    expect(typeof win.digitalPost.app.info).toBe('function');
    expect(typeof win.digitalPost.events.subscribe).toBe('function');
  });
});

describe('createFetchInvoke', () => {
  it('posts {payload} with the secret header and returns the envelope', async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: 1 }), { status: 200 }));
    const invoke = createFetchInvoke('s3cret', fetchImpl as unknown as typeof fetch);
    await expect(invoke('app.info', undefined)).resolves.toEqual({ ok: true, value: 1 });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/bridge/app.info');
    expect((init.headers as Record<string, string>)['X-DP-Bridge']).toBe('s3cret');
    expect(init.body).toBe('{}');
  });
  it('turns a dead server or a refusal into a network error envelope', async () => {
    const down = createFetchInvoke('s', (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch);
    expect(await down('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'app.network' } });
    const refused = createFetchInvoke(
      's',
      (async () => new Response('Forbidden', { status: 403 })) as unknown as typeof fetch,
    );
    expect(await refused('app.info', undefined)).toMatchObject({ ok: false, error: { code: 'app.network' } });
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
    const subscribe = createSseSubscribe('a&b', (url) => {
      const s = { url, closed: false, onmessage: null, close: () => (s.closed = true) };
      sources.push(s);
      return s as unknown as EventSource;
    });
    const got1: AppEvent[] = [];
    const got2: AppEvent[] = [];
    const off1 = subscribe((e) => got1.push(e));
    const off2 = subscribe((e) => got2.push(e));
    expect(sources).toHaveLength(1);
    expect(sources[0]!.url).toBe('/bridge/events?s=a%26b');
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

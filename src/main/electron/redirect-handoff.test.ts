import { beforeEach, describe, expect, it, vi } from 'vitest';

const e = vi.hoisted(() => {
  const handlers = new Map<string, ((...a: unknown[]) => void)[]>();
  return {
    handlers,
    app: {
      setAsDefaultProtocolClient: vi.fn(() => true),
      on: (name: string, fn: (...a: unknown[]) => void) => {
        handlers.set(name, [...(handlers.get(name) ?? []), fn]);
      },
    },
    fire: (name: string, ...args: unknown[]) => {
      for (const fn of handlers.get(name) ?? []) fn(...args);
    },
  };
});

vi.mock('electron', () => ({ app: e.app }));

import { installRedirectHandoff } from './redirect-handoff';

const SCHEME = 'dk.digitalpost.desktop';
const REDIRECT = `${SCHEME}:/oauth2redirect?code=c1&state=s1`;

beforeEach(() => {
  e.handlers.clear();
  e.app.setAsDefaultProtocolClient.mockClear();
});

const collect = (source: ReturnType<typeof installRedirectHandoff>): string[] => {
  const got: string[] = [];
  source.subscribe((url) => got.push(url));
  return got;
};

describe('redirect handoff', () => {
  it('registers the scheme with the OS', () => {
    installRedirectHandoff({ scheme: SCHEME, argv: [] });
    expect(e.app.setAsDefaultProtocolClient).toHaveBeenCalledWith(SCHEME);
  });

  it('passes a macOS open-url of our scheme on, and keeps the default handling from it', () => {
    const onRedirect = vi.fn();
    const got = collect(installRedirectHandoff({ scheme: SCHEME, argv: [], onRedirect }));
    const event = { preventDefault: vi.fn() };
    e.fire('open-url', event, REDIRECT);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(got).toEqual([REDIRECT]);
    expect(onRedirect).toHaveBeenCalledTimes(1);
  });

  it('finds the URL among the other arguments of a second instance (Windows/Linux)', () => {
    const got = collect(installRedirectHandoff({ scheme: SCHEME, argv: [] }));
    e.fire(
      'second-instance',
      {},
      ['C:\\Program Files\\Digital Post\\Digital Post.exe', '--allow-file-access', REDIRECT],
      '/',
    );
    expect(got).toEqual([REDIRECT]);
  });

  it('ignores URLs of any other scheme and arguments that only look like ours', () => {
    const onRedirect = vi.fn();
    const got = collect(installRedirectHandoff({ scheme: SCHEME, argv: [], onRedirect }));
    e.fire('open-url', { preventDefault: vi.fn() }, 'https://evil.example/?code=c1&state=s1');
    e.fire('open-url', { preventDefault: vi.fn() }, 'dk.digitalpost.desktopx:/oauth2redirect?code=c1');
    e.fire('second-instance', {}, ['app', 'mailto:someone@example.dk', 'http://127.0.0.1:1234/callback?code=c'], '/');
    e.fire('second-instance', {}, ['app', `${REDIRECT}&pad=${'x'.repeat(10_000)}`], '/');
    expect(got).toEqual([]);
    expect(onRedirect).not.toHaveBeenCalled();
  });

  it('keeps a URL that arrives before anyone listens (cold start, window not there yet) for the first listener', () => {
    const onRedirect = vi.fn();
    const source = installRedirectHandoff({ scheme: SCHEME, argv: ['/usr/bin/digital-post', REDIRECT], onRedirect });
    e.fire('open-url', { preventDefault: vi.fn() }, `${SCHEME}:/oauth2redirect?code=c2&state=s2`);
    expect(onRedirect).toHaveBeenCalledTimes(2);
    const got = collect(source);
    expect(got).toEqual([REDIRECT, `${SCHEME}:/oauth2redirect?code=c2&state=s2`]);
    // Handed over once: a later listener does not get them again.
    expect(collect(source)).toEqual([]);
  });
});

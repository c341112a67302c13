// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { installFakeApi } from '../test/fake-api';
import { render } from '../test/render';
import { App } from './App';

initI18n();

// The mail frame is tested on its own parts; here it only has to show up.
vi.mock('./MailScreen', () => ({ MailScreen: ({ status }: { status: { displayName?: string } }) => <header>{status.displayName}</header> }));

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('App', () => {
  it('shows the login screen, then the mail frame when main says auth.changed', async () => {
    const api = installFakeApi();
    const loggedOut = { loggedIn: false, environment: 'sandbox' as const, pending: false, secretStore: 'keychain' as const };
    api.auth.status.mockResolvedValueOnce(loggedOut as never);
    const { container, unmount } = render(<App />);
    await flush();
    expect(container.textContent).toContain('Log ind på Digital Post');
    expect(api.events.subscribe).toHaveBeenCalled();
    const listener = (api.events.subscribe.mock.calls[0] as unknown as [(e: { type: string }) => void])[0];
    await act(async () => listener({ type: 'auth.changed' }));
    await flush();
    expect(container.querySelector('header')?.textContent).toContain('Lone Defaultssen');
    expect(api.mailboxes.list).toHaveBeenCalled();
    unmount();
  });

  it('refreshes the open mailbox when the window gets focus', async () => {
    const api = installFakeApi();
    const { unmount } = render(<App />);
    await flush();
    const before = api.folders.summary.mock.calls.length;
    await act(async () => window.dispatchEvent(new Event('focus')));
    await flush();
    expect(api.folders.summary.mock.calls.length).toBeGreaterThan(before);
    unmount();
    vi.restoreAllMocks();
  });
});

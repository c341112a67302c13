// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n } from '../i18n';
import { installFakeApi } from '../test/fake-api';
import { byRole, click, render } from '../test/render';
import { App } from './App';

initI18n();

// The mail frame is tested on its own parts; here it only has to show up.
vi.mock('./MailScreen', () => ({
  MailScreen: ({ status }: { status: { displayName?: string } }) => <header>{status.displayName}</header>,
}));

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

describe('App', () => {
  it('shows the login screen, then the mail frame when main says auth.changed', async () => {
    const api = installFakeApi();
    const loggedOut = {
      loggedIn: false,
      environment: 'sandbox' as const,
      pending: false,
      secretStore: 'keychain' as const,
    };
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

  describe('settings dialog: keep running in the tray', () => {
    const loggedOut = {
      loggedIn: false,
      environment: 'sandbox' as const,
      pending: false,
      secretStore: 'keychain' as const,
    };
    const settings = { environment: 'sandbox' as const, registrations: {}, language: 'da' as const };
    const label = 'Bliv kørende i systembakken, når vinduet lukkes';
    const openSettings = async (mode: 'electron' | 'browser', keepRunningInTray: boolean) => {
      const api = installFakeApi();
      api.app.info.mockResolvedValue({ version: '0', mode, platform: 'linux' } as never);
      api.auth.status.mockResolvedValue(loggedOut as never);
      api.settings.get.mockResolvedValue({ ...settings, keepRunningInTray } as never);
      const view = render(<App />);
      await flush();
      click(byRole(view.container, 'button', 'Indstillinger'));
      const dialog = view.container.querySelector<HTMLElement>('[role="dialog"]');
      if (!dialog) throw new Error('no settings dialog');
      return { api, dialog, unmount: view.unmount };
    };

    it('shows the option in Electron with main’s value, and saves the change', async () => {
      const { api, dialog, unmount } = await openSettings('electron', true);
      const box = byRole(dialog, 'checkbox', label) as HTMLInputElement;
      expect(box.checked).toBe(true);
      click(box);
      expect(box.checked).toBe(false);
      click(byRole(dialog, 'button', 'Gem'));
      await flush();
      expect(api.settings.update).toHaveBeenCalledWith(expect.objectContaining({ keepRunningInTray: false }));
      unmount();
    });

    it('leaves the option out in browser mode, where there is no tray, and saves without it', async () => {
      const { api, dialog, unmount } = await openSettings('browser', false);
      expect(dialog.querySelector('input[type="checkbox"]')).toBeNull();
      expect(dialog.textContent).not.toContain(label);
      click(byRole(dialog, 'button', 'Gem'));
      await flush();
      expect(api.settings.update).toHaveBeenCalledTimes(1);
      const [patch] = api.settings.update.mock.calls[0] as unknown as [object];
      expect(patch).not.toHaveProperty('keepRunningInTray');
      unmount();
    });
  });
});

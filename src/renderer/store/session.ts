import type { AuthStatus, Settings } from '../../shared/ipc/channels/auth';
import type { ChannelRequest } from '../../shared/ipc/contract';
import { dp, errorText } from '../lib/api';
import { setLanguage } from '../i18n';
import type { SliceCreator } from './types';

export interface SessionSlice {
  status: AuthStatus | null;
  /** Electron or browser mode: decides who saves files (main's dialog or the page's own download). */
  appMode: 'electron' | 'browser' | null;
  settings: Settings | null;
  sessionError: string | null;
  /** The login button was pressed and main has not answered yet (before status.pending turns true). */
  loginStarting: boolean;
  refreshStatus(): Promise<void>;
  loadAppInfo(): Promise<void>;
  login(options: { oneTimeUse: boolean }): Promise<void>;
  cancelLogin(): Promise<void>;
  logout(): Promise<void>;
  loadSettings(): Promise<void>;
  updateSettings(patch: ChannelRequest<'settings.update'>): Promise<boolean>;
}

/** Browser mode logs in by sending this tab to the provider; kept as a seam so tests can observe it. */
export const navigation = { go: (url: string) => window.location.assign(url) };

export const createSessionSlice: SliceCreator<SessionSlice> = (set, get) => ({
  status: null,
  appMode: null,
  settings: null,
  sessionError: null,
  loginStarting: false,

  async refreshStatus() {
    try {
      const status = await dp().auth.status();
      const wasLoggedIn = get().status?.loggedIn;
      set({ status });
      if (!status.loggedIn && wasLoggedIn) get().resetMail();
    } catch (e) {
      set({ sessionError: errorText(e) });
    }
  },

  async loadAppInfo() {
    try {
      set({ appMode: (await dp().app.info()).mode });
    } catch {
      // Without it the app assumes Electron: main's own dialogs, no page downloads.
    }
  },

  async login({ oneTimeUse }) {
    set({ loginStarting: true, sessionError: null });
    try {
      const started = await dp().auth.login({ oneTimeUse });
      if (started.navigateTo) {
        navigation.go(started.navigateTo);
        return;
      }
      await get().refreshStatus();
    } catch (e) {
      set({ sessionError: errorText(e) });
    } finally {
      set({ loginStarting: false });
    }
  },

  async cancelLogin() {
    try {
      await dp().auth.cancelLogin();
    } catch (e) {
      set({ sessionError: errorText(e) });
    }
    await get().refreshStatus();
  },

  async logout() {
    try {
      await dp().auth.logout();
      get().resetMail();
    } catch (e) {
      set({ sessionError: errorText(e) });
    }
    await get().refreshStatus();
  },

  async loadSettings() {
    try {
      const settings = await dp().settings.get();
      set({ settings });
      setLanguage(settings.language);
    } catch (e) {
      set({ sessionError: errorText(e) });
    }
  },

  async updateSettings(patch) {
    try {
      const settings = await dp().settings.update(patch);
      set({ settings, sessionError: null });
      setLanguage(settings.language);
      // The environment decides which provider the status talks about.
      if (patch.environment) await get().refreshStatus();
      return true;
    } catch (e) {
      set({ sessionError: errorText(e) });
      return false;
    }
  },
});

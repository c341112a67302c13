import type { AuthStatus, Settings } from '../../shared/ipc/channels/auth';
import type { ChannelRequest } from '../../shared/ipc/contract';
import { dp } from '../lib/api';
import { toUiError, type UiError } from '../lib/ui-error';
import { setLanguage } from '../i18n';
import { applyAppearance } from '../styles/appearance';
import type { SliceCreator } from './slice';

export interface SessionSlice {
  status: AuthStatus | null;
  /** Electron or browser mode: decides who saves files (main's dialog or the page's own download). */
  appMode: 'electron' | 'browser' | null;
  settings: Settings | null;
  sessionError: UiError | null;
  /** The login button was pressed and main has not answered yet (before status.pending turns true). */
  loginStarting: boolean;
  /** App start (`startup` in flows.ts) owns the first mailbox load; the logged-in effect leaves it alone meanwhile. */
  mailStarting: boolean;
  /** `prefetched`: an auth.status already asked for (app start). */
  refreshStatus(prefetched?: Promise<AuthStatus>): Promise<void>;
  loadAppInfo(): Promise<void>;
  login(options: { oneTimeUse: boolean }): Promise<void>;
  cancelLogin(): Promise<void>;
  loadSettings(): Promise<void>;
  updateSettings(patch: ChannelRequest<'settings.update'>): Promise<boolean>;
}

/** Browser mode logs in by sending this tab to the provider; kept as a seam so tests can observe it. */
export const navigation = { go: (url: string) => window.location.assign(url) };

/** What the session needs from the rest: a session that is gone takes its post with it. */
export interface SessionNeeds {
  resetMail(): void;
}

export const createSessionSlice: SliceCreator<SessionSlice, SessionNeeds> = (set, get) => ({
  status: null,
  appMode: null,
  settings: null,
  sessionError: null,
  loginStarting: false,
  mailStarting: false,

  async refreshStatus(prefetched) {
    try {
      const status = await (prefetched ?? dp().auth.status());
      const wasLoggedIn = get().status?.loggedIn;
      set({ status });
      if (!status.loggedIn && wasLoggedIn) get().resetMail();
    } catch (e) {
      set({ sessionError: toUiError(e) });
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
      set({ sessionError: toUiError(e) });
    } finally {
      set({ loginStarting: false });
    }
  },

  async cancelLogin() {
    try {
      await dp().auth.cancelLogin();
    } catch (e) {
      set({ sessionError: toUiError(e) });
    }
    await get().refreshStatus();
  },

  async loadSettings() {
    try {
      const settings = await dp().settings.get();
      set({ settings });
      setLanguage(settings.language);
      applyAppearance(settings);
    } catch (e) {
      set({ sessionError: toUiError(e) });
    }
  },

  async updateSettings(patch) {
    try {
      const settings = await dp().settings.update(patch);
      set({ settings, sessionError: null });
      setLanguage(settings.language);
      applyAppearance(settings);
      // The environment decides which provider the status talks about.
      if (patch.environment) await get().refreshStatus();
      return true;
    } catch (e) {
      set({ sessionError: toUiError(e) });
      return false;
    }
  },
});

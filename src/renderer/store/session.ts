import type { AuthStatus, Settings } from '../../shared/ipc/channels/auth';
import type { ChannelRequest } from '../../shared/ipc/contract';
import { dp, errorText } from '../lib/api';
import { setLanguage } from '../i18n';
import { readLastInbox, rememberLastInbox } from './last-inbox';
import { listQuery, type PrefetchedPage } from './messageList';
import type { PrefetchedMail } from './mailboxes';
import type { SliceCreator } from './types';

/** A prefetch nobody may end up reading must not surface as an unhandled rejection. */
const quiet = <T>(p: Promise<T>): Promise<T> => {
  p.catch(() => undefined);
  return p;
};

export interface SessionSlice {
  status: AuthStatus | null;
  /** Electron or browser mode: decides who saves files (main's dialog or the page's own download). */
  appMode: 'electron' | 'browser' | null;
  settings: Settings | null;
  sessionError: string | null;
  /** The login button was pressed and main has not answered yet (before status.pending turns true). */
  loginStarting: boolean;
  /** App start owns the first mailbox load; the logged-in effect leaves it alone meanwhile. */
  mailStarting: boolean;
  /** `prefetched`: an auth.status already asked for (app start). */
  refreshStatus(prefetched?: Promise<AuthStatus>): Promise<void>;
  /**
   * App start: the status, the mailboxes and (for the inbox opened last time) its summary and first page are asked
   * for at once instead of one after another; the early answers are used only where they match what the status and
   * the mailbox list then decide.
   */
  startup(): Promise<void>;
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
  mailStarting: false,

  async refreshStatus(prefetched) {
    try {
      const status = await (prefetched ?? dp().auth.status());
      const wasLoggedIn = get().status?.loggedIn;
      set({ status });
      if (!status.loggedIn && wasLoggedIn) get().resetMail();
    } catch (e) {
      set({ sessionError: errorText(e) });
    }
  },

  async startup() {
    // main.tsx starts it before the first render and App's effect asks again: one start is enough.
    if (get().mailStarting) return;
    set({ mailStarting: true });
    try {
      const last = readLastInbox();
      const status = dp().auth.status();
      const prefetched: PrefetchedMail = { list: quiet(dp().mailboxes.list()) };
      if (last) {
        const query = listQuery({ ...get(), selectedMailboxId: last.mailboxId, selectedFolderId: last.inboxFolderId });
        const firstPage: PrefetchedPage | undefined = query
          ? { query, page: quiet(dp().messages.query(query)) }
          : undefined;
        if (firstPage) {
          prefetched.mailbox = {
            mailboxId: last.mailboxId,
            summary: quiet(dp().folders.summary({ mailboxId: last.mailboxId })),
            firstPage,
          };
        }
      }
      await get().refreshStatus(status);
      // Logged out (or no answer): the early mail answers belong to no one and are dropped.
      if (!get().status?.loggedIn) return;
      await get().loadMailboxes(prefetched);
    } finally {
      set({ mailStarting: false });
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
      await get().prepareLogout();
      await dp().auth.logout();
      rememberLastInbox(null);
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

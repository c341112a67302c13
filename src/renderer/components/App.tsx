import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store';
import { dp } from '../lib/api';
import { useUiErrorText } from '../lib/ui-error';
import { LoginScreen } from './LoginScreen';
import { SettingsDialog } from './SettingsDialog';
import { MailScreen } from './MailScreen';

/** Freshness: the open mailbox is re-read on focus and on this interval, so new post shows without a reload. */
export const REFRESH_INTERVAL_MS = 60_000;

export function App() {
  const { t } = useTranslation();
  const status = useAppStore((s) => s.status);
  const settings = useAppStore((s) => s.settings);
  const sayError = useUiErrorText();
  const sessionUiError = useAppStore((s) => s.sessionError);
  const sessionError = sessionUiError ? sayError(sessionUiError) : null;
  const appMode = useAppStore((s) => s.appMode);
  const loginStarting = useAppStore((s) => s.loginStarting);
  const store = useAppStore.getState;
  const [settingsOpen, setSettingsOpen] = useState(false);
  const loggedIn = status?.loggedIn ?? false;

  useEffect(() => {
    void store().loadSettings();
    void store().loadAppInfo();
    void store().startup();
    const unsubscribe = dp().events.subscribe((event) => {
      if (event.type === 'auth.changed') void store().refreshStatus();
      if (event.type === 'mail.new' && event.mailboxId === store().selectedMailboxId) {
        void store().loadFolders();
        void store().refreshNewest();
      }
      if (event.type === 'mail.open') {
        void (async () => {
          if (store().selectedMailboxId !== event.mailboxId) await store().selectMailbox(event.mailboxId);
          await store().openMessage(event.messageId);
        })();
      }
    });
    return unsubscribe;
  }, [store]);

  useEffect(() => {
    if (!loggedIn) return;
    if (!store().mailStarting) void store().loadMailboxes();
    const refresh = () => {
      void store().loadMailboxes();
      void store().loadFolders();
      void store().refreshNewest();
    };
    window.addEventListener('focus', refresh);
    const timer = window.setInterval(refresh, REFRESH_INTERVAL_MS);
    return () => {
      window.removeEventListener('focus', refresh);
      window.clearInterval(timer);
    };
  }, [loggedIn, store]);

  const settingsDialog = settingsOpen && settings && (
    <SettingsDialog
      settings={settings}
      error={sessionError}
      onSave={(patch) => store().updateSettings(patch)}
      onClose={() => setSettingsOpen(false)}
      trayOption={appMode === 'electron'}
    />
  );

  if (!status) {
    return (
      <main className="loading-screen">
        {sessionError ? (
          <p className="error" role="alert">
            {sessionError}
          </p>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </main>
    );
  }
  if (!status.loggedIn) {
    return (
      <>
        <LoginScreen
          status={status}
          starting={loginStarting}
          error={sessionError}
          onLogin={(o) => void store().login(o)}
          onCancel={() => void store().cancelLogin()}
          onOpenSettings={() => setSettingsOpen(true)}
        />
        {settingsDialog}
      </>
    );
  }
  return (
    <>
      <MailScreen status={status} onOpenSettings={() => setSettingsOpen(true)} />
      {settingsDialog}
    </>
  );
}

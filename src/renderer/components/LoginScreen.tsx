import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../shared/ipc/channels/auth';
import { KeptAtLogoutNotice } from '../features/compose/components/JournalKeptNotice';

export interface LoginScreenProps {
  status: AuthStatus;
  starting: boolean;
  error: string | null;
  onLogin: (options: { oneTimeUse: boolean }) => void;
  onCancel: () => void;
  onOpenSettings: () => void;
}

export function LoginScreen({ status, starting, error, onLogin, onCancel, onOpenSettings }: LoginScreenProps) {
  const { t } = useTranslation();
  const [oneTimeUse, setOneTimeUse] = useState(false);
  const checkboxId = useId();
  const envName = t(`env.${status.environment}`);
  const busy = starting || status.pending;

  return (
    <main className="login-screen">
      <section className="login-card" aria-labelledby="login-heading">
        <h1 id="login-heading">{t('login.heading')}</h1>
        <p>{t('login.intro')}</p>
        <p className={`env-badge env-${status.environment}`}>{t('login.environment', { env: envName })}</p>

        {status.notice && (
          <p className="notice" role="status">
            {status.notice}
          </p>
        )}
        {status.secretStore === 'memory' && <p className="notice">{t('login.memoryNotice')}</p>}
        <KeptAtLogoutNotice />
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}

        {status.pending ? (
          <div className="pending" role="status">
            <p>{t('login.pending')}</p>
            <button type="button" onClick={onCancel}>
              {t('login.cancel')}
            </button>
          </div>
        ) : (
          <>
            <div className="checkbox-row">
              <input
                id={checkboxId}
                type="checkbox"
                checked={oneTimeUse}
                onChange={(e) => setOneTimeUse(e.target.checked)}
              />
              <label htmlFor={checkboxId}>{t('login.noKeep')}</label>
            </div>
            <div className="button-row">
              <button type="button" className="primary" disabled={busy} onClick={() => onLogin({ oneTimeUse })}>
                {t('login.button')}
              </button>
              {status.environment === 'sandbox' && (
                <button type="button" disabled={busy} onClick={() => onLogin({ oneTimeUse })}>
                  {t('login.trySandbox')}
                </button>
              )}
            </div>
          </>
        )}
        <button type="button" className="link-button" onClick={onOpenSettings}>
          {t('settings.open')}
        </button>
      </section>
    </main>
  );
}

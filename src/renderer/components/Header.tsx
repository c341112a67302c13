import { useTranslation } from 'react-i18next';
import type { AuthStatus } from '../../shared/ipc/channels/auth';
import { AccessEntries } from '../features/access/AccessEntries';
import type { Language } from '../i18n';
import { LanguageSwitch } from './LanguageSwitch';

export interface HeaderProps {
  status: AuthStatus;
  language: Language;
  onLanguage: (language: Language) => void;
  onOpenSettings: () => void;
  onLogout: () => void;
}

export function Header({ status, language, onLanguage, onOpenSettings, onLogout }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <h1 className="app-name">{t('app.title')}</h1>
      <span className={`env-badge env-${status.environment}`}>{t(`env.${status.environment}`)}</span>
      <span className="header-spacer" />
      <span className="person">
        <span className="sr-only">{t('header.user')} </span>
        <strong>{status.displayName}</strong>
        {status.maskedCpr && (
          <span className="masked-cpr">
            {' '}
            <span className="sr-only">{t('header.cpr')} </span>
            {status.maskedCpr}
          </span>
        )}
      </span>
      <AccessEntries ownName={status.displayName} />
      <LanguageSwitch value={language} onChange={onLanguage} />
      <button type="button" onClick={onOpenSettings}>
        {t('settings.open')}
      </button>
      <button type="button" onClick={onLogout}>
        {t('header.logout')}
      </button>
    </header>
  );
}

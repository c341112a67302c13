import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientRegistration, EnvironmentName, Settings } from '../../shared/ipc/channels/auth';
import type { ChannelRequest } from '../../shared/ipc/contract';
import { Modal } from './Modal';

export interface SettingsDialogProps {
  settings: Settings;
  error: string | null;
  onSave: (patch: ChannelRequest<'settings.update'>) => Promise<boolean>;
  onClose: () => void;
  /** Only Electron has a tray to keep running in; browser mode leaves the option out. */
  trayOption: boolean;
}

const ENVIRONMENTS: EnvironmentName[] = ['sandbox', 'test', 'prod'];

/** Environment, the user's own client registration for test/prod, language, and (Electron) closing to the tray. */
export function SettingsDialog({ settings, error, onSave, onClose, trayOption }: SettingsDialogProps) {
  const { t } = useTranslation();
  const [environment, setEnvironment] = useState<EnvironmentName>(settings.environment);
  const [language, setLanguage] = useState(settings.language);
  const [registrations, setRegistrations] = useState(settings.registrations);
  // Main always sends the effective value; an older main without it would quit on close, which unticked says.
  const [keepRunningInTray, setKeepRunningInTray] = useState(settings.keepRunningInTray ?? false);
  const [localError, setLocalError] = useState<string | null>(null);
  const ids = { clientId: useId(), idp: useId(), scopes: useId(), language: useId(), keepRunningInTray: useId() };

  const realEnv = environment === 'sandbox' ? null : environment;
  const reg: Partial<ClientRegistration> = realEnv ? (registrations[realEnv] ?? {}) : {};
  const editReg = (patch: Partial<ClientRegistration>) => {
    if (!realEnv) return;
    setRegistrations({ ...registrations, [realEnv]: { clientId: '', idp: '', scopes: [], ...reg, ...patch } });
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const patch: ChannelRequest<'settings.update'> = { environment, language };
    if (trayOption) patch.keepRunningInTray = keepRunningInTray;
    if (realEnv) {
      const r = registrations[realEnv];
      if (!r || !r.clientId.trim() || !r.idp.trim() || r.scopes.length === 0) {
        setLocalError(
          `${t('settings.clientId')}, ${t('settings.idp')}, ${t('settings.scopes')}: ${t('errors.generic')}`,
        );
        return;
      }
      patch.registrations = { [realEnv]: { clientId: r.clientId.trim(), idp: r.idp.trim(), scopes: r.scopes } };
    }
    setLocalError(null);
    if (await onSave(patch)) onClose();
  };

  return (
    <Modal title={t('settings.heading')} onClose={onClose}>
      <form onSubmit={save} className="settings-form">
        <fieldset>
          <legend>{t('settings.environment')}</legend>
          {ENVIRONMENTS.map((env) => (
            <label key={env} className="radio-row">
              <input
                type="radio"
                name="environment"
                value={env}
                checked={environment === env}
                onChange={() => setEnvironment(env)}
              />
              {t(`env.${env}`)}
            </label>
          ))}
        </fieldset>
        {realEnv ? (
          <fieldset>
            <legend>{t('settings.registration', { env: t(`env.${realEnv}`) })}</legend>
            <label htmlFor={ids.clientId}>{t('settings.clientId')}</label>
            <input
              id={ids.clientId}
              value={reg.clientId ?? ''}
              onChange={(e) => editReg({ clientId: e.target.value })}
            />
            <label htmlFor={ids.idp}>{t('settings.idp')}</label>
            <input id={ids.idp} value={reg.idp ?? ''} onChange={(e) => editReg({ idp: e.target.value })} />
            <label htmlFor={ids.scopes}>{t('settings.scopes')}</label>
            <input
              id={ids.scopes}
              value={(reg.scopes ?? []).join(' ')}
              onChange={(e) => editReg({ scopes: e.target.value.split(/\s+/).filter(Boolean) })}
            />
          </fieldset>
        ) : (
          <p>{t('settings.sandboxOwn')}</p>
        )}
        <label htmlFor={ids.language}>{t('settings.language')}</label>
        <select id={ids.language} value={language} onChange={(e) => setLanguage(e.target.value as 'da' | 'en')}>
          <option value="da">{t('language.da')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
        {trayOption && (
          <label htmlFor={ids.keepRunningInTray} className="checkbox-row">
            <input
              id={ids.keepRunningInTray}
              type="checkbox"
              checked={keepRunningInTray}
              onChange={(e) => setKeepRunningInTray(e.target.checked)}
            />
            {t('settings.keepRunningInTray')}
          </label>
        )}
        {(localError ?? error) && (
          <p className="error" role="alert">
            {localError ?? error}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('app.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CLIENT_SECRET_MIN_LENGTH,
  DEFAULT_APP_REDIRECT_URI,
  redirectProblem,
  type ClientRegistration,
  type Density,
  type EnvironmentName,
  type Settings,
  type SettingsView,
  type Theme,
} from '../../shared/ipc/channels/auth';
import type { ChannelRequest } from '../../shared/ipc/contract';
import { Modal } from './Modal';
import { ArchiveSettings } from '../features/archive/ArchiveSettings';

export interface SettingsDialogProps {
  /** From main; `clientSecretStored` says whether a secret is in the keychain (the secret itself never comes here). */
  settings: Settings & Partial<Pick<SettingsView, 'clientSecretStored'>>;
  error: string | null;
  onSave: (patch: ChannelRequest<'settings.update'>) => Promise<boolean>;
  onClose: () => void;
  /** Only Electron has a tray to keep running in; browser mode leaves the option out. */
  trayOption: boolean;
}

const ENVIRONMENTS: EnvironmentName[] = ['sandbox', 'test', 'prod'];
const THEMES: Theme[] = ['system', 'light', 'dark'];
const DENSITIES: Density[] = ['normal', 'compact'];

/** What the redirect field suggests: the app's own scheme for prod, a fixed loopback port for a test client. */
const REDIRECT_EXAMPLE: Record<'test' | 'prod', string> = {
  test: 'http://127.0.0.1:8765/callback',
  prod: DEFAULT_APP_REDIRECT_URI,
};

type SecretEdit = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'remove' };

/** Environment, the user's own client registration for test/prod, language, and (Electron) closing to the tray. */
export function SettingsDialog({ settings, error, onSave, onClose, trayOption }: SettingsDialogProps) {
  const { t } = useTranslation();
  const [environment, setEnvironment] = useState<EnvironmentName>(settings.environment);
  const [language, setLanguage] = useState(settings.language);
  const [theme, setTheme] = useState<Theme>(settings.theme ?? 'system');
  const [density, setDensity] = useState<Density>(settings.density ?? 'normal');
  const [registrations, setRegistrations] = useState(settings.registrations);
  // Main always sends the effective value; an older main without it would quit on close, which unticked says.
  const [keepRunningInTray, setKeepRunningInTray] = useState(settings.keepRunningInTray ?? false);
  const [localError, setLocalError] = useState<string | null>(null);
  // Typed secrets stay in this dialog until saved; they are sent to main once and never read back.
  const [secrets, setSecrets] = useState<Record<'test' | 'prod', SecretEdit>>({
    test: { kind: 'keep' },
    prod: { kind: 'keep' },
  });
  const ids = {
    clientId: useId(),
    idp: useId(),
    scopes: useId(),
    redirectUri: useId(),
    oneTimeUseIdp: useId(),
    clientSecret: useId(),
    language: useId(),
    keepRunningInTray: useId(),
  };

  const realEnv = environment === 'sandbox' ? null : environment;
  const reg: Partial<ClientRegistration> = realEnv ? (registrations[realEnv] ?? {}) : {};
  const editReg = (patch: Partial<ClientRegistration>) => {
    if (!realEnv) return;
    setRegistrations({ ...registrations, [realEnv]: { clientId: '', idp: '', scopes: [], ...reg, ...patch } });
  };

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const patch: ChannelRequest<'settings.update'> = { environment, language, theme, density };
    if (trayOption) patch.keepRunningInTray = keepRunningInTray;
    if (realEnv) {
      const r = registrations[realEnv];
      if (!r || !r.clientId.trim() || !r.idp.trim() || r.scopes.length === 0) {
        setLocalError(
          `${t('settings.clientId')}, ${t('settings.idp')}, ${t('settings.scopes')}: ${t('errors.generic')}`,
        );
        return;
      }
      const redirectUri = r.redirectUri?.trim();
      const problem = redirectUri ? redirectProblem(realEnv, redirectUri) : null;
      if (problem) {
        setLocalError(t(`settings.redirectProblem.${problem}`, { example: REDIRECT_EXAMPLE[realEnv] }));
        return;
      }
      const secret = secrets[realEnv];
      if (secret.kind === 'set' && secret.value.length < CLIENT_SECRET_MIN_LENGTH) {
        setLocalError(t('settings.clientSecretTooShort', { min: CLIENT_SECRET_MIN_LENGTH }));
        return;
      }
      const oneTimeUseIdp = r.oneTimeUseIdp?.trim();
      patch.registrations = {
        [realEnv]: {
          clientId: r.clientId.trim(),
          idp: r.idp.trim(),
          scopes: r.scopes,
          ...(redirectUri ? { redirectUri } : {}),
          ...(oneTimeUseIdp ? { oneTimeUseIdp } : {}),
        },
      };
      if (secret.kind !== 'keep') {
        patch.clientSecrets = { [realEnv]: secret.kind === 'set' ? secret.value : null };
      }
    }
    setLocalError(null);
    if (await onSave(patch)) onClose();
  };

  const secretStored = realEnv ? settings.clientSecretStored?.[realEnv] === true : false;
  const secretEdit = realEnv ? secrets[realEnv] : ({ kind: 'keep' } as SecretEdit);
  const editSecret = (edit: SecretEdit) => {
    if (realEnv) setSecrets({ ...secrets, [realEnv]: edit });
  };
  const secretState =
    secretEdit.kind === 'remove'
      ? t('settings.clientSecretWillRemove')
      : secretStored
        ? t('settings.clientSecretStored')
        : t('settings.clientSecretNone');

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
            <label htmlFor={ids.redirectUri}>{t('settings.redirectUri')}</label>
            <input
              id={ids.redirectUri}
              value={reg.redirectUri ?? ''}
              placeholder={REDIRECT_EXAMPLE[realEnv]}
              spellCheck={false}
              onChange={(e) => editReg({ redirectUri: e.target.value })}
            />
            <p className="hint">{t(`settings.redirectUriHint.${realEnv}`, { example: REDIRECT_EXAMPLE[realEnv] })}</p>
            <label htmlFor={ids.oneTimeUseIdp}>{t('settings.oneTimeUseIdp')}</label>
            <input
              id={ids.oneTimeUseIdp}
              value={reg.oneTimeUseIdp ?? ''}
              placeholder={t('settings.oneTimeUseIdpPlaceholder')}
              onChange={(e) => editReg({ oneTimeUseIdp: e.target.value })}
            />
            <label htmlFor={ids.clientSecret}>{t('settings.clientSecret')}</label>
            <input
              id={ids.clientSecret}
              type="password"
              autoComplete="off"
              spellCheck={false}
              value={secretEdit.kind === 'set' ? secretEdit.value : ''}
              placeholder={secretStored ? t('settings.clientSecretReplace') : t('settings.clientSecretOptional')}
              onChange={(e) => editSecret(e.target.value ? { kind: 'set', value: e.target.value } : { kind: 'keep' })}
            />
            <p className="hint" role="status">
              {secretState}
            </p>
            {secretStored && secretEdit.kind !== 'remove' && (
              <button type="button" onClick={() => editSecret({ kind: 'remove' })}>
                {t('settings.clientSecretRemove')}
              </button>
            )}
          </fieldset>
        ) : (
          <p>{t('settings.sandboxOwn')}</p>
        )}
        <label htmlFor={ids.language}>{t('settings.language')}</label>
        <select id={ids.language} value={language} onChange={(e) => setLanguage(e.target.value as 'da' | 'en')}>
          <option value="da">{t('language.da')}</option>
          <option value="en">{t('language.en')}</option>
        </select>
        <fieldset>
          <legend>{t('appearance.theme')}</legend>
          {THEMES.map((value) => (
            <label key={value} className="radio-row">
              <input
                type="radio"
                name="theme"
                value={value}
                checked={theme === value}
                onChange={() => setTheme(value)}
              />
              {t(`appearance.${value}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('appearance.density')}</legend>
          {DENSITIES.map((value) => (
            <label key={value} className="radio-row">
              <input
                type="radio"
                name="density"
                value={value}
                checked={density === value}
                onChange={() => setDensity(value)}
              />
              {t(`appearance.${value}`)}
            </label>
          ))}
        </fieldset>
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
      <ArchiveSettings />
    </Modal>
  );
}

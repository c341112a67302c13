import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlertSettings } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';
import { ActionStatus } from './ActionStatus';
import { notificationPermission, requestNotificationPermission, type PermissionState } from './web-alerts';
import { useAction } from './use-action';

export function DesktopSection({
  mailboxId,
  settings,
  mode,
  onToggle,
}: {
  mailboxId: string;
  settings: AlertSettings | null;
  mode: 'electron' | 'browser' | null;
  onToggle: (enabled: boolean) => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [permission, setPermission] = useState<PermissionState>(notificationPermission);
  const ids = { heading: useId(), box: useId() };
  const enabled = settings?.mailboxes[mailboxId] !== false;

  const permissionText: Record<PermissionState, string> = {
    granted: t('notifications.desktopGranted'),
    denied: t('notifications.desktopDenied'),
    unsupported: t('notifications.desktopUnsupported'),
    default: '',
  };

  return (
    <section className="notify-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('notifications.desktopHeading')}</h3>
      <div className="notify-check">
        <input
          id={ids.box}
          type="checkbox"
          checked={enabled}
          disabled={action.busy}
          onChange={(e) => {
            const next = e.target.checked;
            void action.run(() => onToggle(next), { doneText: t('notifications.saved') });
          }}
        />
        <label htmlFor={ids.box}>{t('notifications.desktopMailbox')}</label>
      </div>
      {mode === 'electron' ? (
        <p className="muted">{t('notifications.desktopElectron')}</p>
      ) : (
        <p className="notify-row">
          {permission === 'default' && (
            <button type="button" onClick={() => void requestNotificationPermission().then(setPermission)}>
              {t('notifications.desktopEnable')}
            </button>
          )}
          <span className="muted">{permissionText[permission]}</span>
        </p>
      )}
      <ActionStatus state={action} />
    </section>
  );
}

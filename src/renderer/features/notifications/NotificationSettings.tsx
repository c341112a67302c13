import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxView } from '../../../shared/ipc/channels/mail';
import { Modal } from '../../components/Modal';
import { mailboxName } from '../../lib/mailbox-name';
import { useAppStore } from '../../store';
import { DesktopSection } from './DesktopSection';
import { EmailSection } from './EmailSection';
import { notifyErrorText } from './errors';
import { NemSmsSection } from './NemSmsSection';
import { OptOutSection } from './OptOutSection';
import { PushSection } from './PushSection';
import { SmsSection } from './SmsSection';
import './notifications.css';

/** "Notifikationer" for one mailbox: the access's subscriptions, NemSMS (the person's), desktop alerts. */
export function NotificationSettings({ mailbox, onClose }: { mailbox: MailboxView; onClose: () => void }) {
  const { t } = useTranslation();
  const access = useAppStore((s) => s.notifyAccess);
  const accessError = useAppStore((s) => s.notifyAccessError);
  const nemSms = useAppStore((s) => s.nemSms);
  const nemSmsError = useAppStore((s) => s.nemSmsError);
  const alertSettings = useAppStore((s) => s.alertSettings);
  const alertMode = useAppStore((s) => s.alertMode);
  const store = useAppStore.getState;
  const mailboxId = mailbox.id;

  useEffect(() => {
    void store().loadNotifyAccess(mailboxId);
    void store().loadNemSms();
    void store().loadAlertSettings();
  }, [store, mailboxId]);

  const ownName = useAppStore((s) => s.status?.displayName);
  const readOnly = !mailbox.canManageNotifications;
  const change = (c: Parameters<ReturnType<typeof store>['changeAccess']>[1]) => store().changeAccess(mailboxId, c);
  // While opted out, the individual subscriptions are kept but cannot be edited until the user opts back in.
  const locked = readOnly || (access?.optOut ?? false);

  return (
    <Modal title={t('notifications.title')} onClose={onClose}>
      <div className="notify-dialog">
        <p className="muted">{t('notifications.forMailbox', { name: mailboxName(t, mailbox, ownName) })}</p>
        {readOnly && <p className="notice">{t('notifications.readOnly')}</p>}
        {accessError ? (
          <p className="error" role="alert">
            {notifyErrorText(accessError, t)}{' '}
            <button type="button" onClick={() => void store().loadNotifyAccess(mailboxId)}>
              {t('notifications.retry')}
            </button>
          </p>
        ) : !access ? (
          <p>{t('notifications.loading')}</p>
        ) : (
          <>
            <OptOutSection access={access} disabled={readOnly} onChange={change} />
            <EmailSection access={access} disabled={locked} onChange={change} />
            <SmsSection
              access={access}
              disabled={locked}
              onChange={change}
              onVerify={(id, pin) => store().verifySms(mailboxId, id, pin)}
              onResend={(id) => store().resendSmsPin(mailboxId, id)}
            />
            <PushSection access={access} disabled={locked} onChange={change} />
          </>
        )}
        {mailbox.own && (
          <NemSmsSection
            nemSms={nemSms}
            loadError={nemSmsError}
            onReload={() => void store().loadNemSms()}
            onChange={(c) => store().changeNemSms(c)}
            onVerify={(id, pin) => store().verifyNemSms(id, pin)}
            onResend={(id) => store().resendNemSmsPin(id)}
          />
        )}
        <DesktopSection
          mailboxId={mailboxId}
          settings={alertSettings}
          mode={alertMode}
          onToggle={(enabled) => store().setMailboxAlerts(mailboxId, enabled)}
        />
        <div className="button-row">
          <button type="button" className="primary" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NemSmsIntent, NemSmsView } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';
import { ActionStatus } from './ActionStatus';
import { notifyErrorText } from './errors';
import type { UiError } from '../../lib/ui-error';
import { MobileNumberForm, MobileNumberRow } from './MobileNumber';
import { PinForm } from './PinForm';
import { useAction } from './use-action';

export function NemSmsSection({
  nemSms,
  loadError,
  onReload,
  onChange,
  onVerify,
  onResend,
}: {
  nemSms: NemSmsView | null;
  loadError: UiError | null;
  onReload: () => void;
  onChange: (c: NemSmsIntent) => Promise<SaveResult>;
  onVerify: (subscriptionId: string, pin: string) => Promise<SaveResult>;
  onResend: (subscriptionId: string) => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useId();
  const sub = nemSms?.nemSms ?? null;

  return (
    <section className="notify-section" aria-labelledby={heading}>
      <h3 id={heading}>{t('notifications.nemSmsHeading')}</h3>
      <p className="muted">{t('notifications.nemSmsIntro')}</p>
      {loadError ? (
        <p className="error" role="alert">
          {notifyErrorText(loadError, t)}{' '}
          <button type="button" onClick={onReload}>
            {t('notifications.retry')}
          </button>
        </p>
      ) : !nemSms ? (
        <p>{t('notifications.loading')}</p>
      ) : (
        <>
          {sub ? (
            <MobileNumberRow
              text={t('notifications.nemSmsCurrent', { number: sub.mobileNumber })}
              verified={sub.verified}
              removeLabel={t('notifications.nemSmsUnsubscribe')}
              disabled={false}
              action={action}
              onRemove={() => onChange({ kind: 'unsubscribe' })}
            />
          ) : (
            <p>{t('notifications.nemSmsNone')}</p>
          )}
          {sub && !sub.verified && (
            <PinForm
              action={action}
              verifyLabel={t('notifications.nemSmsPinVerify')}
              onVerify={(pin) => onVerify(sub.id, pin)}
              onResend={() => onResend(sub.id)}
            />
          )}
          <MobileNumberForm
            label={t('notifications.nemSmsNumber')}
            submitLabel={t(sub ? 'notifications.nemSmsChange' : 'notifications.nemSmsSubscribe')}
            disabled={false}
            action={action}
            onSave={(mobileNumber) => onChange({ kind: 'subscribe', mobileNumber })}
          />
        </>
      )}
      <ActionStatus state={action} />
    </section>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveResult } from '../../store/notifications';
import { ActionStatus } from './ActionStatus';
import type { AccessSectionProps } from './section-props';
import { MobileNumberForm, MobileNumberRow } from './MobileNumber';
import { PinForm } from './PinForm';
import { useAction } from './use-action';

export function SmsSection({
  access,
  disabled,
  onChange,
  onVerify,
  onResend,
}: AccessSectionProps & {
  onVerify: (subscriptionId: string, pin: string) => Promise<SaveResult>;
  onResend: (subscriptionId: string) => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useId();
  const sms = access.sms;

  return (
    <section className="notify-section" aria-labelledby={heading}>
      <h3 id={heading}>{t('notifications.smsHeading')}</h3>
      {sms ? (
        <MobileNumberRow
          text={t('notifications.smsCurrent', { number: sms.mobileNumber })}
          verified={sms.verified}
          removeLabel={t('notifications.smsRemove')}
          disabled={disabled}
          action={action}
          onRemove={() => onChange({ kind: 'removeSms' })}
        />
      ) : (
        <p className="muted">{t('notifications.smsNone')}</p>
      )}
      {sms && !sms.verified && !disabled && (
        <PinForm
          action={action}
          verifyLabel={t('notifications.pinVerify')}
          onVerify={(pin) => onVerify(sms.id, pin)}
          onResend={() => onResend(sms.id)}
        />
      )}
      <MobileNumberForm
        label={t('notifications.smsNumber')}
        submitLabel={t('notifications.smsSave')}
        disabled={disabled}
        action={action}
        onSave={(mobileNumber) => onChange({ kind: 'setSms', mobileNumber })}
      />
      <ActionStatus state={action} />
    </section>
  );
}

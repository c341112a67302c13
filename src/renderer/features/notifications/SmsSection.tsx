import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseDanishMobile, type AccessIntent, type AccessView } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';
import { ActionStatus } from './ActionStatus';
import { notifyRefusal } from './errors';
import type { UiError } from '../../lib/ui-error';
import { PinForm } from './PinForm';
import { useAction } from './use-action';

export function checkMobile(input: string): UiError | null {
  if (input.trim() === '') return notifyRefusal('mobileRequired');
  return normaliseDanishMobile(input) === undefined ? notifyRefusal('mobileInvalid') : null;
}

export function SmsSection({
  access,
  disabled,
  onChange,
  onVerify,
  onResend,
}: {
  access: AccessView;
  disabled: boolean;
  onChange: (c: AccessIntent) => Promise<SaveResult>;
  onVerify: (subscriptionId: string, pin: string) => Promise<SaveResult>;
  onResend: (subscriptionId: string) => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const action = useAction();
  const [number, setNumber] = useState('');
  const ids = { heading: useId(), number: useId() };
  const sms = access.sms;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const refusal = checkMobile(number);
    if (refusal) return action.fail(refusal);
    void action.run(() => onChange({ kind: 'setSms', mobileNumber: number.trim() }), {
      doneText: t('notifications.saved'),
      onSuccess: () => setNumber(''),
    });
  };

  return (
    <section className="notify-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('notifications.smsHeading')}</h3>
      {sms ? (
        <p className="notify-row">
          <span className="notify-value">{t('notifications.smsCurrent', { number: sms.mobileNumber })}</span>{' '}
          <span className={`notify-state ${sms.verified ? 'ok' : 'wait'}`}>
            {t('notifications.state', {
              state: t(sms.verified ? 'notifications.verified' : 'notifications.notVerified'),
            })}
          </span>{' '}
          <button
            type="button"
            disabled={disabled || action.busy}
            onClick={() =>
              void action.run(() => onChange({ kind: 'removeSms' }), { doneText: t('notifications.saved') })
            }
          >
            {t('notifications.smsRemove')}
          </button>
        </p>
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
      <form className="notify-inline" noValidate onSubmit={save}>
        <label htmlFor={ids.number}>{t('notifications.smsNumber')}</label>
        <input
          id={ids.number}
          type="tel"
          autoComplete="tel"
          value={number}
          disabled={disabled}
          onChange={(e) => setNumber(e.target.value)}
        />
        <button type="submit" disabled={disabled || action.busy}>
          {t('notifications.smsSave')}
        </button>
      </form>
      <ActionStatus state={action} />
    </section>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NemSmsIntent, NemSmsView } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';
import { ActionStatus } from './ActionStatus';
import { notifyErrorText } from './errors';
import type { UiError } from '../../lib/ui-error';
import { PinForm } from './PinForm';
import { checkMobile } from './SmsSection';
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
  const [number, setNumber] = useState('');
  const ids = { heading: useId(), number: useId() };
  const sub = nemSms?.nemSms ?? null;

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const refusal = checkMobile(number);
    if (refusal) return action.fail(refusal);
    void action.run(() => onChange({ kind: 'subscribe', mobileNumber: number.trim() }), {
      doneText: t('notifications.saved'),
      onSuccess: () => setNumber(''),
    });
  };

  return (
    <section className="notify-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('notifications.nemSmsHeading')}</h3>
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
            <p className="notify-row">
              <span className="notify-value">{t('notifications.nemSmsCurrent', { number: sub.mobileNumber })}</span>{' '}
              <span className={`notify-state ${sub.verified ? 'ok' : 'wait'}`}>
                {t('notifications.state', {
                  state: t(sub.verified ? 'notifications.verified' : 'notifications.notVerified'),
                })}
              </span>{' '}
              <button
                type="button"
                disabled={action.busy}
                onClick={() =>
                  void action.run(() => onChange({ kind: 'unsubscribe' }), { doneText: t('notifications.saved') })
                }
              >
                {t('notifications.nemSmsUnsubscribe')}
              </button>
            </p>
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
          <form className="notify-inline" noValidate onSubmit={save}>
            <label htmlFor={ids.number}>{t('notifications.nemSmsNumber')}</label>
            <input
              id={ids.number}
              type="tel"
              autoComplete="tel"
              value={number}
              onChange={(e) => setNumber(e.target.value)}
            />
            <button type="submit" disabled={action.busy}>
              {t(sub ? 'notifications.nemSmsChange' : 'notifications.nemSmsSubscribe')}
            </button>
          </form>
        </>
      )}
      <ActionStatus state={action} />
    </section>
  );
}

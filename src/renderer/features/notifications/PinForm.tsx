import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaveResult } from '../../store/notifications';
import { notifyRefusal } from './errors';
import type { ActionState } from './use-action';

/** PIN entry with "Bekræft" and "Send ny pinkode"; the PIN stays in the field when it is refused. */
export function PinForm({
  action,
  verifyLabel,
  onVerify,
  onResend,
}: {
  action: ActionState;
  verifyLabel: string;
  onVerify: (pin: string) => Promise<SaveResult>;
  onResend: () => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const id = useId();
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const value = pin.replace(/\s/g, '');
    if (!/^\d{1,12}$/.test(value)) return action.fail(notifyRefusal('pinRequired'));
    void action.run(() => onVerify(value), { doneText: t('notifications.saved'), onSuccess: () => setPin('') });
  };
  return (
    <form className="notify-inline" noValidate onSubmit={submit}>
      <label htmlFor={id}>{t('notifications.pin')}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={pin}
        onChange={(e) => setPin(e.target.value)}
      />
      <button type="submit" disabled={action.busy}>
        {verifyLabel}
      </button>
      <button
        type="button"
        disabled={action.busy}
        onClick={() => void action.run(onResend, { doneText: t('notifications.pinSent') })}
      >
        {t('notifications.pinResend')}
      </button>
    </form>
  );
}

import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseDanishMobile } from '../../../shared/ipc/channels/notify';
import type { SaveResult } from '../../store/notifications';
import { notifyRefusal } from './errors';
import type { UiError } from '../../lib/ui-error';
import type { ActionState } from './use-action';

/** What the server would refuse, refused before the request (same wording). */
export function checkMobile(input: string): UiError | null {
  if (input.trim() === '') return notifyRefusal('mobileRequired');
  return normaliseDanishMobile(input) === undefined ? notifyRefusal('mobileInvalid') : null;
}

/** The number on file, whether it is verified, and the button that ends the subscription. */
export function MobileNumberRow({
  text,
  verified,
  removeLabel,
  disabled,
  action,
  onRemove,
}: {
  text: string;
  verified: boolean;
  removeLabel: string;
  disabled: boolean;
  action: ActionState;
  onRemove: () => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  return (
    <p className="notify-row">
      <span className="notify-value">{text}</span>{' '}
      <span className={`notify-state ${verified ? 'ok' : 'wait'}`}>
        {t('notifications.state', { state: t(verified ? 'notifications.verified' : 'notifications.notVerified') })}
      </span>{' '}
      <button
        type="button"
        disabled={disabled || action.busy}
        onClick={() => void action.run(onRemove, { doneText: t('notifications.saved') })}
      >
        {removeLabel}
      </button>
    </p>
  );
}

/** A new mobile number: checked before the request, and kept in the field unless the save succeeds. */
export function MobileNumberForm({
  label,
  submitLabel,
  disabled,
  action,
  onSave,
}: {
  label: string;
  submitLabel: string;
  disabled: boolean;
  action: ActionState;
  onSave: (mobileNumber: string) => Promise<SaveResult>;
}) {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const id = useId();

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const refusal = checkMobile(number);
    if (refusal) return action.fail(refusal);
    void action.run(() => onSave(number.trim()), {
      doneText: t('notifications.saved'),
      onSuccess: () => setNumber(''),
    });
  };

  return (
    <form className="notify-inline" noValidate onSubmit={save}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="tel"
        autoComplete="tel"
        value={number}
        disabled={disabled}
        onChange={(e) => setNumber(e.target.value)}
      />
      <button type="submit" disabled={disabled || action.busy}>
        {submitLabel}
      </button>
    </form>
  );
}

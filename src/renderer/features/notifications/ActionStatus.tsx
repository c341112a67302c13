import { useTranslation } from 'react-i18next';
import { isLocalRefusal, notifyErrorText } from './errors';
import type { ActionState } from './use-action';

/** The outcome of a section's last save: the error in words with a retry (not for refusals), or a quiet "saved". */
export function ActionStatus({ state }: { state: ActionState }) {
  const { t } = useTranslation();
  if (state.error) {
    return (
      <p className="error" role="alert">
        {notifyErrorText(state.error, t)}{' '}
        {!isLocalRefusal(state.error) && (
          <button type="button" onClick={state.retry} disabled={state.busy}>
            {t('notifications.retry')}
          </button>
        )}
      </p>
    );
  }
  return (
    <p className="notify-status" role="status">
      {state.busy ? t('notifications.saving') : (state.done ?? '')}
    </p>
  );
}

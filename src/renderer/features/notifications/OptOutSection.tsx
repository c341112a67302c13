import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionStatus } from './ActionStatus';
import type { AccessSectionProps } from './section-props';
import { useAction } from './use-action';

export function OptOutSection({ access, disabled, onChange }: AccessSectionProps) {
  const { t } = useTranslation();
  const action = useAction();
  const ids = { heading: useId(), box: useId() };
  return (
    <section className="notify-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('notifications.optOutHeading')}</h3>
      <div className="notify-check">
        <input
          id={ids.box}
          type="checkbox"
          checked={access.optOut}
          disabled={disabled || action.busy}
          onChange={(e) => {
            const optOut = e.target.checked;
            void action.run(() => onChange({ kind: 'setOptOut', optOut }), { doneText: t('notifications.saved') });
          }}
        />
        <label htmlFor={ids.box}>{t('notifications.optOut')}</label>
      </div>
      <p className="muted">{t(access.optOut ? 'notifications.optedOut' : 'notifications.optedIn')}</p>
      <ActionStatus state={action} />
    </section>
  );
}

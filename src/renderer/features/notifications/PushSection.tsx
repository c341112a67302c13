import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionStatus } from './ActionStatus';
import type { AccessSectionProps } from './section-props';
import { useAction } from './use-action';

/** Device ids are long; the start is enough to tell two phones apart. */
const shortDevice = (id: string): string => (id.length > 13 ? `${id.slice(0, 8)}…${id.slice(-4)}` : id);

export function PushSection({ access, disabled, onChange }: AccessSectionProps) {
  const { t } = useTranslation();
  const action = useAction();
  const heading = useId();
  return (
    <section className="notify-section" aria-labelledby={heading}>
      <h3 id={heading}>{t('notifications.pushHeading')}</h3>
      {access.push.length === 0 ? (
        <p className="muted">{t('notifications.pushNone')}</p>
      ) : (
        <ul className="notify-list" aria-label={t('notifications.pushList')}>
          {access.push.map((p) => {
            const provider = t(`notifications.provider${p.providerType}`);
            const device = shortDevice(p.deviceId);
            return (
              <li key={p.id}>
                <span className="notify-value" title={p.deviceId}>
                  {t('notifications.pushDevice', { provider, device })}
                </span>
                <button
                  type="button"
                  disabled={disabled || action.busy}
                  aria-label={t('notifications.pushRemove', { provider, device })}
                  onClick={() =>
                    void action.run(() => onChange({ kind: 'removePush', id: p.id }), {
                      doneText: t('notifications.saved'),
                    })
                  }
                >
                  {t('notifications.remove')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <ActionStatus state={action} />
    </section>
  );
}

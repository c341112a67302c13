import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidEmail } from '../../../shared/ipc/channels/notify';
import { ActionStatus } from './ActionStatus';
import type { AccessSectionProps } from './section-props';
import { notifyRefusal } from './errors';
import type { UiError } from '../../lib/ui-error';
import { useAction } from './use-action';

/** What the server would refuse, refused before the request (same wording). */
export function checkEmail(email: string, others: { email: string }[]): UiError | null {
  const value = email.trim();
  if (value === '') return notifyRefusal('emailRequired');
  if (!isValidEmail(value)) return notifyRefusal('emailInvalid');
  if (others.some((o) => o.email.toLowerCase() === value.toLowerCase()))
    return notifyRefusal('emailDuplicate', { email: value });
  return null;
}

export function EmailSection({ access, disabled, onChange }: AccessSectionProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [draft, setDraft] = useState('');
  const [editing, setEditing] = useState<{ id: string; email: string } | null>(null);
  const ids = { add: useId(), edit: useId(), heading: useId() };

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const refusal = checkEmail(draft, access.emails);
    if (refusal) return action.fail(refusal);
    void action.run(() => onChange({ kind: 'addEmail', email: draft.trim() }), {
      doneText: t('notifications.saved'),
      onSuccess: () => setDraft(''),
    });
  };
  const saveEdit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const refusal = checkEmail(
      editing.email,
      access.emails.filter((x) => x.id !== editing.id),
    );
    if (refusal) return action.fail(refusal);
    void action.run(() => onChange({ kind: 'changeEmail', id: editing.id, email: editing.email.trim() }), {
      doneText: t('notifications.saved'),
      onSuccess: () => setEditing(null),
    });
  };

  return (
    <section className="notify-section" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('notifications.emailHeading')}</h3>
      {access.emails.length === 0 ? (
        <p className="muted">{t('notifications.emailNone')}</p>
      ) : (
        <ul className="notify-list" aria-label={t('notifications.emailList')}>
          {access.emails.map((e) =>
            editing?.id === e.id ? (
              <li key={e.id}>
                <form className="notify-inline" noValidate onSubmit={saveEdit}>
                  <label htmlFor={ids.edit} className="sr-only">
                    {t('notifications.emailEditLabel')}
                  </label>
                  <input
                    id={ids.edit}
                    type="email"
                    autoComplete="email"
                    value={editing.email}
                    onChange={(ev) => setEditing({ id: e.id, email: ev.target.value })}
                  />
                  <button type="submit" disabled={action.busy}>
                    {t('app.save')}
                  </button>
                  <button type="button" onClick={() => setEditing(null)}>
                    {t('app.cancel')}
                  </button>
                </form>
              </li>
            ) : (
              <li key={e.id}>
                <span className="notify-value">{e.email}</span>
                <span className="notify-actions">
                  <button
                    type="button"
                    disabled={disabled || action.busy}
                    onClick={() => setEditing({ id: e.id, email: e.email })}
                    aria-label={t('notifications.emailEdit', { email: e.email })}
                  >
                    {t('notifications.edit')}
                  </button>
                  <button
                    type="button"
                    disabled={disabled || action.busy}
                    onClick={() =>
                      void action.run(() => onChange({ kind: 'removeEmail', id: e.id }), {
                        doneText: t('notifications.saved'),
                      })
                    }
                    aria-label={t('notifications.emailRemove', { email: e.email })}
                  >
                    {t('notifications.remove')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <form className="notify-inline" noValidate onSubmit={add}>
        <label htmlFor={ids.add}>{t('notifications.emailNew')}</label>
        <input
          id={ids.add}
          type="email"
          autoComplete="email"
          value={draft}
          disabled={disabled}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" disabled={disabled || action.busy}>
          {t('notifications.emailAdd')}
        </button>
      </form>
      <ActionStatus state={action} />
    </section>
  );
}

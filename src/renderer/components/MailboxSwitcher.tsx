import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxView } from '../../shared/ipc/channels/mail';
import { accessLabel, mailboxName, ownerTypeLabel } from '../lib/mailbox-name';

export function MailboxSwitcher({
  mailboxes,
  selectedId,
  onSelect,
  ownName,
}: {
  mailboxes: MailboxView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** The signed-in person's name, for their own mailbox when Digital Post sends no owner name. */
  ownName?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describe = (m: MailboxView) =>
    [
      mailboxName(t, m, ownName),
      m.own ? t('mailbox.own') : accessLabel(t, m.accessType),
      ownerTypeLabel(t, m.ownerType),
      m.unread > 0 ? t('mailbox.unread', { count: m.unread }) : null,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <div className="mailbox-switcher">
      <label htmlFor={id}>{t('mailbox.label')}</label>
      <select id={id} value={selectedId ?? ''} onChange={(e) => onSelect(e.target.value)}>
        {mailboxes.map((m) => (
          <option key={m.id} value={m.id}>
            {describe(m)}
          </option>
        ))}
      </select>
    </div>
  );
}

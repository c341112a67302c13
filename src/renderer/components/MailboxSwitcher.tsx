import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MailboxView } from '../../shared/ipc/channels/mail';

export function MailboxSwitcher({
  mailboxes,
  selectedId,
  onSelect,
}: {
  mailboxes: MailboxView[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const describe = (m: MailboxView) =>
    [
      m.ownerName,
      m.own ? t('mailbox.own') : t(`mailbox.access.${m.accessType}`),
      t(`mailbox.ownerType.${m.ownerType}`),
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

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventLogDialog } from '../event-log/EventLogDialog';
import { RequestsDialog } from './RequestsDialog';
import { WhoHasAccessDialog } from './WhoHasAccessDialog';

type Open = 'events' | 'who' | 'requests' | null;

/** The header's ways into "Hændelseslog", "Hvem har adgang" and "Anmodninger om adgang". */
export function AccessEntries({ ownName }: { ownName: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <span className="access-entries">
      <button type="button" onClick={() => setOpen('events')}>
        {t('eventLog.open')}
      </button>
      <button type="button" onClick={() => setOpen('who')}>
        {t('access.openWho')}
      </button>
      <button type="button" onClick={() => setOpen('requests')}>
        {t('access.openRequests')}
      </button>
      {open === 'events' && <EventLogDialog onClose={close} ownName={ownName} />}
      {open === 'who' && <WhoHasAccessDialog onClose={close} ownName={ownName} />}
      {open === 'requests' && <RequestsDialog onClose={close} />}
    </span>
  );
}

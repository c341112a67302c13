import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EventLogDialog } from '../event-log/EventLogDialog';
import { RequestsDialog } from './RequestsDialog';
import { WhoHasAccessDialog } from './WhoHasAccessDialog';

type Open = 'events' | 'who' | 'requests' | null;

/**
 * One header button that folds out the ways into "Hændelseslog", "Hvem har adgang" and "Anmodninger om adgang"
 * (a disclosure, so the header stays one row). Escape or a click elsewhere folds it in again.
 */
export function AccessEntries({ ownName }: { ownName: string | undefined }) {
  const { t } = useTranslation();
  const [menu, setMenu] = useState(false);
  const [open, setOpen] = useState<Open>(null);
  const menuId = useId();
  const root = useRef<HTMLSpanElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menu) return;
    const outside = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setMenu(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [menu]);

  const choose = (which: Open) => {
    setMenu(false);
    setOpen(which);
  };
  const close = () => setOpen(null);

  return (
    <span className="access-entries" ref={root}>
      <button ref={toggle} type="button" aria-expanded={menu} aria-controls={menuId} onClick={() => setMenu((m) => !m)}>
        {t('access.menu')}
      </button>
      {menu && (
        <span
          id={menuId}
          className="access-menu"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            setMenu(false);
            toggle.current?.focus();
          }}
        >
          <button type="button" onClick={() => choose('events')}>
            {t('eventLog.open')}
          </button>
          <button type="button" onClick={() => choose('who')}>
            {t('access.openWho')}
          </button>
          <button type="button" onClick={() => choose('requests')}>
            {t('access.openRequests')}
          </button>
        </span>
      )}
      {open === 'events' && <EventLogDialog onClose={close} ownName={ownName} />}
      {open === 'who' && <WhoHasAccessDialog onClose={close} ownName={ownName} />}
      {open === 'requests' && <RequestsDialog onClose={close} />}
    </span>
  );
}

import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store';
import { selectedMailbox } from '../../../store/mailboxes';
import { selectStarting } from '../store/selectors';
import { useOfflineDisabled } from '../../archive/offline';

/** "Ny besked" / "Skriv til myndighed": a view client writes to authorities, so both open the composer at its recipient. */
export function ComposeEntryButtons() {
  const { t } = useTranslation();
  const canWrite = useAppStore((s) => selectedMailbox(s)?.canWrite ?? false);
  const starting = useAppStore(selectStarting);
  // Offline: a new draft is made at Digital Post first (an open one goes on writing into the journal).
  const needsDp = useOfflineDisabled();
  const store = useAppStore.getState;
  if (!canWrite) return null;
  return (
    <div className="compose-entry">
      <button
        type="button"
        className="primary"
        disabled={starting}
        onClick={() => void store().startNewMessage()}
        {...needsDp}
      >
        {t('compose.newMessage')}
      </button>
      <button
        type="button"
        className="link-button"
        disabled={starting}
        onClick={() => void store().startNewMessage()}
        {...needsDp}
      >
        {t('compose.writeToAuthority')}
      </button>
    </div>
  );
}

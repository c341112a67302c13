import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../../store';
import { selectedMailbox } from '../../../store/mailboxes';
import { dp } from '../../../lib/api';
import { useUiErrorText } from '../../../lib/ui-error';
import {
  selectJournalEntries,
  selectJournalError,
  selectJournalInMemory,
  selectLimits,
  selectNotice,
  selectSession,
  selectStartError,
  selectStarting,
} from '../store/selectors';
import { ComposeDialog, type ComposeActions } from './ComposeDialog';
import { JournalBanner } from './JournalBanner';

/**
 * Everything of writing post that lives above the mail screen: the composer when open, the unsaved-drafts banner,
 * the "sent" confirmation, upload progress from main. The mail screen mounts it once.
 */
export function ComposeHost() {
  const { t } = useTranslation();
  const errorText = useUiErrorText();
  const session = useAppStore(selectSession);
  const limits = useAppStore(selectLimits);
  const notice = useAppStore(selectNotice);
  const starting = useAppStore(selectStarting);
  const startError = useAppStore(selectStartError);
  const journal = useAppStore(selectJournalEntries);
  const journalError = useAppStore(selectJournalError);
  const journalInMemory = useAppStore(selectJournalInMemory);
  const ownerType = useAppStore((s) => selectedMailbox(s)?.ownerType);
  const store = useAppStore.getState;

  useEffect(() => {
    void store().loadJournal();
    void store().loadComposeLimits();
    const unsubscribe = dp().events.subscribe((event) => store().onComposeEvent(event));
    return () => {
      unsubscribe();
      if (!store().status?.loggedIn) store().resetCompose();
    };
  }, [store]);

  // Closing the window must not lose words: save what is pending (main journals it first in any case).
  useEffect(() => {
    const flush = () => void store().flushCompose();
    window.addEventListener('beforeunload', flush);
    return () => window.removeEventListener('beforeunload', flush);
  }, [store]);

  const actions: ComposeActions = useMemo(
    () => ({
      setHtml: (html) => store().setComposeHtml(html),
      replaceContent: (html) => store().replaceComposeContent(html),
      setText: (text) => store().setComposeText(text),
      setFormat: (format) => store().setComposeFormat(format),
      setFields: (fields) => store().setComposeFields(fields),
      setRecipient: (recipient, name) => store().setComposeRecipient(recipient, name),
      flush: () => void store().flushCompose(),
      retry: () => void store().retrySave(),
      resolveConflict: (keep) => void store().resolveConflict(keep),
      send: () => void store().sendCompose(),
      discard: () => void store().discardCompose(),
      close: () => void store().closeCompose(),
      attach: (file) => void store().attachFile(file),
      cancelUpload: (id) => void store().cancelUpload(id),
      removeAttachment: (id) => void store().removeAttachment(id),
    }),
    [store],
  );

  return (
    <>
      <JournalBanner
        entries={journal}
        error={journalError && errorText(journalError)}
        inMemory={journalInMemory}
        onRestore={(e) => void store().restoreJournal(e)}
        onDismiss={(e) => void store().dismissJournal(e)}
      />
      <div className="compose-live" role="status" aria-live="polite">
        {starting ? t('app.loading') : ''}
        {notice && (
          <span className="compose-notice success">
            {t(`compose.${notice.key}`, { label: notice.label ?? '' })}{' '}
            <button type="button" className="link-button" onClick={() => store().clearComposeNotice()}>
              {t('app.close')}
            </button>
          </span>
        )}
      </div>
      {startError && (
        <p className="error compose-start-error" role="alert">
          {errorText(startError)}
        </p>
      )}
      {session && (
        <ComposeDialog
          key={session.messageId}
          session={session}
          maxLabelLength={limits.maxLabelLength}
          // Only CITIZEN is a printed owner type; any other (a company's, however spelled) may try, Digital Post decides.
          allowCpr={ownerType !== undefined && ownerType !== 'CITIZEN'}
          actions={actions}
          journalInMemory={journalInMemory}
        />
      )}
    </>
  );
}

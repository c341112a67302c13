import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { ArchiveMailboxStatus } from '../../../shared/ipc/channels/archive';
import type { MailboxView } from '../../../shared/ipc/channels/mail';
import { mailboxName } from '../../lib/mailbox-name';
import { useUiErrorText } from '../../lib/ui-error';
import { useAppStore } from '../../store';
import { formatCount, formatWhen } from './format';
import { useArchiveStore } from './store/archive-store';
import './archive.css';

/**
 * Settings → "Lokalt arkiv": per mailbox whether to keep an encrypted copy and what to keep, "Slet lokalt arkiv" with
 * a confirmation, and why the archive cannot be used where it cannot. Changes apply at once (not on "Gem").
 */
export function ArchiveSettings() {
  const { t } = useTranslation();
  const say = useUiErrorText();
  const headingId = useId();
  const { status, statusError } = useArchiveStore(
    useShallow((s) => ({ status: s.status, statusError: s.statusError })),
  );
  const mailboxes = useAppStore((a) => a.mailboxes);
  const ownName = useAppStore((a) => a.status?.displayName);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void useArchiveStore.getState().loadStatus();
  }, []);

  const reason = status?.reason;
  return (
    <section className="archive-settings" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('archive.heading')}</h3>
      <p className="hint">{t('archive.intro')}</p>
      {!status && !statusError && <p className="muted">{t('archive.loading')}</p>}
      {reason && (
        <p className="notice" role="status">
          {t(`archive.unavailable.${reason}`)}
        </p>
      )}
      {status &&
        reason !== 'not-logged-in' &&
        mailboxes.map((m) => (
          <MailboxArchive
            key={m.id}
            mailbox={m}
            name={mailboxes.length > 1 ? mailboxName(t, m, ownName) : null}
            kept={status.mailboxes.find((k) => k.mailboxId === m.id)}
            disabled={!status.available}
          />
        ))}
      {statusError && (
        <p className="error" role="alert">
          {say(statusError)}
        </p>
      )}
      {status && (status.mailboxes.length > 0 || reason === 'key-missing' || reason === 'wrong-key') && (
        <div className="button-row archive-actions">
          {status.available && status.mailboxes.length > 0 && (
            <button type="button" onClick={() => void useArchiveStore.getState().syncNow()}>
              {t('archive.syncNow')}
            </button>
          )}
          {!confirming && (
            <button type="button" className="danger" onClick={() => setConfirming(true)}>
              {t('archive.delete')}
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div className="confirm" role="group" aria-label={t('archive.delete')}>
          <p>{t('archive.deleteConfirm')}</p>
          <div className="button-row">
            <button type="button" onClick={() => setConfirming(false)}>
              {t('archive.deleteNo')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() =>
                void useArchiveStore
                  .getState()
                  .deleteArchive()
                  .then((ok) => {
                    setConfirming(false);
                    if (ok) setNotice(t('archive.deleted'));
                  })
              }
            >
              {t('archive.deleteYes')}
            </button>
          </div>
        </div>
      )}
      {notice && (
        <p className="hint" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}

function MailboxArchive({
  mailbox,
  name,
  kept,
  disabled,
}: {
  mailbox: MailboxView;
  name: string | null;
  kept: ArchiveMailboxStatus | undefined;
  disabled: boolean;
}) {
  const { t, i18n } = useTranslation();
  const ids = { keep: useId(), what: useId() };
  const enabled = kept !== undefined;
  const withDocuments = kept?.withDocuments ?? true;
  const configure = (on: boolean, documents: boolean) =>
    void useArchiveStore.getState().configure(mailbox.id, on, documents);
  const n = (v: number) => formatCount(v, i18n.language);
  // One group per mailbox, named after it, so each box can carry the same words ("Gem min post …").
  const Group = name ? 'fieldset' : 'div';
  return (
    <Group className="archive-mailbox">
      {name && <legend>{name}</legend>}
      <label htmlFor={ids.keep} className="checkbox-row">
        <input
          id={ids.keep}
          type="checkbox"
          checked={enabled}
          disabled={disabled}
          onChange={(e) => configure(e.target.checked, withDocuments)}
        />
        {t('archive.keep')}
      </label>
      {enabled && (
        <>
          <fieldset className="archive-what">
            <legend>{t('archive.what')}</legend>
            <label className="radio-row">
              <input type="radio" name={ids.what} checked={!withDocuments} onChange={() => configure(true, false)} />
              {t('archive.metadataOnly')}
            </label>
            <label className="radio-row">
              <input type="radio" name={ids.what} checked={withDocuments} onChange={() => configure(true, true)} />
              {t('archive.withDocuments')}
            </label>
          </fieldset>
          <p className="hint">
            {t('archive.counts', { messages: n(kept.messages), documents: n(kept.documents) })}
            {kept.documentsPending > 0 && withDocuments
              ? ` · ${t('archive.pending', { n: n(kept.documentsPending) })}`
              : ''}
            {' · '}
            {kept.complete && kept.lastSyncAt
              ? t('archive.lastSync', { when: formatWhen(kept.lastSyncAt, i18n.language) })
              : t('archive.notYet')}
          </p>
        </>
      )}
    </Group>
  );
}

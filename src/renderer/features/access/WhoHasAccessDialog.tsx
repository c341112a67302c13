import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrusteeView } from '../../../shared/ipc/channels/access';
import { ConfirmDialog, Modal } from '../../components/Modal';
import { dp } from '../../lib/api';
import { accessLabel, mailboxName } from '../../lib/mailbox-name';
import { toUiError, useUiErrorText, type UiError } from '../../lib/ui-error';
import { useAppStore } from '../../store';
import { dateLabel, privilegesLabel } from './labels';
import './access.css';

/**
 * "Hvem har adgang": who holds access to my post and with which kind, revoking what I have given (after a
 * confirmation), and the mailboxes I reach through others' trust, with why.
 */
export function WhoHasAccessDialog({ onClose, ownName }: { onClose: () => void; ownName: string | undefined }) {
  const { t, i18n } = useTranslation();
  const say = useUiErrorText();
  const mailboxes = useAppStore((s) => s.mailboxes);
  const [trustees, setTrustees] = useState<TrusteeView[] | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [confirm, setConfirm] = useState<TrusteeView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      setTrustees((await dp().access.trustees()).trustees);
    } catch (e) {
      setError(toUiError(e));
      setTrustees([]);
    }
  }, []);
  useEffect(() => {
    // After the first render, so loading state is set from the answer, not within the effect.
    void Promise.resolve().then(load);
  }, [load]);

  const nameOf = (tr: TrusteeView) => tr.name ?? tr.maskedId ?? t('access.unnamed');
  const kindOf = (tr: TrusteeView) =>
    tr.accessType ? accessLabel(t, tr.accessType) : privilegesLabel(t, tr.privilegeTypes) || t('mailbox.accessOther');

  const revoke = async (tr: TrusteeView) => {
    setConfirm(null);
    setNotice(null);
    try {
      await dp().access.revoke({ privilegeIds: tr.privilegeIds });
      setNotice(t('access.revoked'));
      await load();
    } catch (e) {
      setError(toUiError(e));
    }
  };

  const others = mailboxes.filter((m) => !m.own);

  return (
    <Modal title={t('access.whoTitle')} onClose={onClose}>
      <div className="access-dialog">
        <section className="access-section" aria-labelledby="access-trustees-heading">
          <h3 id="access-trustees-heading">{t('access.trusteesHeading')}</h3>
          {trustees === null ? (
            <p aria-live="polite">{t('access.loading')}</p>
          ) : trustees.length === 0 ? (
            !error && <p>{t('access.trusteesNone')}</p>
          ) : (
            <ul className="access-list" aria-label={t('access.trusteesList')}>
              {trustees.map((tr) => (
                <li key={tr.key}>
                  <span className="access-main">
                    <strong>{nameOf(tr)}</strong>
                    <span className="access-meta">
                      {t('access.kind', { kind: kindOf(tr) })}
                      {tr.since && <> · {t('access.since', { date: dateLabel(tr.since, i18n.language) })}</>}
                    </span>
                  </span>
                  {tr.privilegeIds.length > 0 ? (
                    <button
                      type="button"
                      aria-label={t('access.revokeNamed', { name: nameOf(tr) })}
                      onClick={() => setConfirm(tr)}
                    >
                      {t('access.revoke')}
                    </button>
                  ) : (
                    <span className="access-meta">{t('access.revokeNotPossible')}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
          {notice && (
            <p role="status" className="access-hint">
              {notice}
            </p>
          )}
          {error && (
            <p role="alert" className="access-error">
              {say(error)}
            </p>
          )}
        </section>
        <section className="access-section" aria-labelledby="access-mine-heading">
          <h3 id="access-mine-heading">{t('access.mineHeading')}</h3>
          {others.length === 0 ? (
            <p>{t('access.mineNone')}</p>
          ) : (
            <ul className="access-list" aria-label={t('access.mineList')}>
              {others.map((m) => (
                <li key={m.id}>
                  <span className="access-main">
                    <strong>{mailboxName(t, m, ownName)}</strong>
                    <span className="access-meta">{t('access.why', { kind: accessLabel(t, m.accessType) })}</span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div className="access-actions">
          <button type="button" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </div>
      {confirm && (
        <ConfirmDialog
          title={t('access.revokeTitle')}
          text={t('access.revokeText', { name: nameOf(confirm) })}
          confirmLabel={t('access.revoke')}
          cancelLabel={t('app.cancel')}
          onConfirm={() => void revoke(confirm)}
          onCancel={() => setConfirm(null)}
        />
      )}
    </Modal>
  );
}

import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_REPRESENTATIVE } from '../../../shared/dp/access-requests';
import type { RequestAnswer, RequestLists, RequestView } from '../../../shared/ipc/channels/access';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { Modal } from '../../components/Modal';
import { dp } from '../../lib/api';
import { localRefusal, toUiError, useUiErrorText, type UiError } from '../../lib/ui-error';
import { dateLabel, privilegesLabel, stateLabel } from './labels';
import './access.css';

/** What a citizen may ask another citizen for (§11.18.3 prints LEGAL_REPRESENTATIVE; full access is named in §11). */
const PRIVILEGES = [LEGAL_REPRESENTATIVE, 'FULL_POWER_OF_ATTORNEY'] as const;

/**
 * "Anmodninger om adgang": ask for access to another person's post (CPR and names, as §11.19 sends them), follow
 * my requests and their state, and answer those made to me with Godkend or Afvis (with a reason).
 */
export function RequestsDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const say = useUiErrorText();
  const [lists, setLists] = useState<RequestLists | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [cpr, setCpr] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [privilege, setPrivilege] = useState<string>(LEGAL_REPRESENTATIVE);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const reasonId = useId();

  const load = useCallback(async () => {
    try {
      setLists(await dp().access.requests());
    } catch (e) {
      setError(toUiError(e));
      setLists({ mine: [], toMe: [] });
    }
  }, []);
  useEffect(() => {
    // After the first render, so loading state is set from the answer, not within the effect.
    void Promise.resolve().then(load);
  }, [load]);

  const run = async (action: () => Promise<unknown>, done: string | null) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      if (done) setNotice(done);
      await load();
      return true;
    } catch (e) {
      setError(toUiError(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const ask = async (e: FormEvent) => {
    e.preventDefault();
    const digits = cpr.replace(/[\s-]/g, '');
    if (!/^\d{10}$/.test(digits)) {
      setError(localRefusal(APP_ERROR_CODES.invalidRequest, 'access.cprInvalid'));
      return;
    }
    const ok = await run(
      () => dp().access.requestAccess({ cpr: digits, firstName, lastName, privilege }),
      t('access.asked'),
    );
    if (ok) {
      setCpr('');
      setFirstName('');
      setLastName('');
    }
  };

  const answer = async (r: RequestView, kind: RequestAnswer, why?: string) => {
    const ok = await run(
      () => dp().access.answerRequest({ id: r.id, answer: kind, ...(why ? { reason: why } : {}) }),
      stateLabel(t, kind === 'approve' ? 'APPROVED' : kind === 'reject' ? 'REJECTED' : 'WITHDRAWN'),
    );
    if (ok) {
      setRejecting(null);
      setReason('');
    }
  };

  const meta = (r: RequestView) => (
    <span className="access-meta">
      {t('access.state', { state: stateLabel(t, r.state) })}
      {r.created && <> · {dateLabel(r.created, i18n.language)}</>}
      {r.rejectionReason && <> · {t('access.reasonShown', { reason: r.rejectionReason })}</>}
    </span>
  );

  return (
    <Modal title={t('access.requestsTitle')} onClose={onClose}>
      <div className="access-dialog">
        <section className="access-section" aria-labelledby="access-to-me-heading">
          <h3 id="access-to-me-heading">{t('access.toMeHeading')}</h3>
          {lists === null ? (
            <p>{t('access.loading')}</p>
          ) : lists.toMe.length === 0 ? (
            <p>{t('access.toMeNone')}</p>
          ) : (
            <ul className="access-list" aria-label={t('access.toMeList')}>
              {lists.toMe.map((r) => {
                const who = r.requester ?? t('access.unnamed');
                return (
                  <li key={r.id}>
                    <span className="access-main">
                      <strong>{t('access.askedBy', { who, privileges: privilegesLabel(t, r.privileges) })}</strong>
                      {meta(r)}
                    </span>
                    {r.state === 'SUBMITTED' && rejecting !== r.id && (
                      <>
                        <button
                          type="button"
                          className="primary"
                          disabled={busy}
                          aria-label={t('access.approveNamed', { who })}
                          onClick={() => void answer(r, 'approve')}
                        >
                          {t('access.approve')}
                        </button>
                        <button
                          type="button"
                          disabled={busy}
                          aria-label={t('access.rejectNamed', { who })}
                          onClick={() => setRejecting(r.id)}
                        >
                          {t('access.reject')}
                        </button>
                      </>
                    )}
                    {rejecting === r.id && (
                      <span className="access-main">
                        <label htmlFor={reasonId}>{t('access.reason')}</label>
                        <input
                          id={reasonId}
                          value={reason}
                          onChange={(e) => setReason(e.target.value)}
                          maxLength={1000}
                        />
                        <span className="access-actions">
                          <button type="button" onClick={() => setRejecting(null)}>
                            {t('app.cancel')}
                          </button>
                          <button type="button" disabled={busy} onClick={() => void answer(r, 'reject', reason.trim())}>
                            {t('access.rejectConfirm')}
                          </button>
                        </span>
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="access-section" aria-labelledby="access-ask-heading">
          <h3 id="access-ask-heading">{t('access.askHeading')}</h3>
          <form onSubmit={(e) => void ask(e)} aria-labelledby="access-ask-heading">
            <label>
              {t('access.cpr')}
              <input
                inputMode="numeric"
                autoComplete="off"
                value={cpr}
                onChange={(e) => setCpr(e.target.value)}
                required
              />
            </label>
            <label>
              {t('access.firstName')}
              <input value={firstName} onChange={(e) => setFirstName(e.target.value)} required maxLength={256} />
            </label>
            <label>
              {t('access.lastName')}
              <input value={lastName} onChange={(e) => setLastName(e.target.value)} required maxLength={256} />
            </label>
            <label>
              {t('access.privilege')}
              <select value={privilege} onChange={(e) => setPrivilege(e.target.value)}>
                {PRIVILEGES.map((p) => (
                  <option key={p} value={p}>
                    {privilegesLabel(t, [p])}
                  </option>
                ))}
              </select>
            </label>
            <div className="access-actions">
              <button type="submit" className="primary" disabled={busy}>
                {t('access.ask')}
              </button>
            </div>
          </form>
        </section>
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
        <section className="access-section" aria-labelledby="access-mine-requests-heading">
          <h3 id="access-mine-requests-heading">{t('access.mineRequestsHeading')}</h3>
          {lists === null ? null : lists.mine.length === 0 ? (
            <p>{t('access.mineRequestsNone')}</p>
          ) : (
            <ul className="access-list" aria-label={t('access.mineRequestsList')}>
              {lists.mine.map((r) => (
                <li key={r.id}>
                  <span className="access-main">
                    <strong>
                      {t('access.askedFor', {
                        name: r.accessTo ?? t('access.unnamed'),
                        privileges: privilegesLabel(t, r.privileges),
                      })}
                    </strong>
                    {meta(r)}
                  </span>
                  {(r.state === 'SUBMITTED' || r.state === 'DRAFT') && (
                    <button type="button" disabled={busy} onClick={() => void answer(r, 'withdraw')}>
                      {t('access.withdraw')}
                    </button>
                  )}
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
    </Modal>
  );
}

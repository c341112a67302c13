import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactPointHit, DraftRecipient } from '../../../../shared/ipc/channels/compose';
import { dp } from '../../../lib/api';
import { toUiError, useUiErrorText, type UiError } from '../../../lib/ui-error';
import { parseDirectRecipient } from '../lib/form-checks';
import { maskCpr } from '../../../../shared/dp/identifiers';
import { useDebouncedValue } from '../hooks/useDebouncedValue';
import { AuthorityBrowser } from './AuthorityBrowser';
import { AuthorityHits } from './AuthorityHits';

export const SEARCH_DELAY_MS = 300;

const hitName = (hit: ContactPointHit): string =>
  hit.contactPointName ? `${hit.authority} – ${hit.contactPointName}` : hit.authority;

export function recipientFromHit(hit: ContactPointHit): { recipient: DraftRecipient; name: string } {
  const name = hitName(hit).slice(0, 256);
  return {
    recipient: {
      recipientIdType: 'CVR',
      recipientId: hit.cvr,
      label: name,
      ...(hit.contactPointId ? { contactPointId: hit.contactPointId } : {}),
    },
    name: `${name} (CVR ${hit.cvr})`,
  };
}

/**
 * "Skriv til myndighed": contact points across organisations by name (debounced), or a CVR/CPR typed directly. An
 * authority that points to a self-service solution says so before the user writes.
 */
export function RecipientPicker({
  allowCpr,
  onChoose,
}: {
  allowCpr: boolean;
  onChoose: (recipient: DraftRecipient, name: string) => void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const hintId = useId();
  const resultsId = useId();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
  const [result, setResult] = useState<{ query: string; hits: ContactPointHit[]; error: UiError | null } | null>(null);
  const [notice, setNotice] = useState<ContactPointHit | null>(null);
  const errorText = useUiErrorText();

  const direct = query.trim() === '' ? null : parseDirectRecipient(query, allowCpr);
  const directError = direct && 'code' in direct ? direct : null;
  const directRecipient = direct && !('code' in direct) ? direct : null;
  // Digits are searched only as a whole CVR (all of that authority's contact points); names from two letters.
  const searchable = settled.length >= 2 && !(/^[\d\s-]+$/.test(settled) && settled.replace(/\D/g, '').length !== 8);
  const current = searchable && result?.query === settled ? result : null;
  const searching = searchable && !current;
  const hits = current?.hits ?? null;
  const error = current?.error ?? null;

  useEffect(() => {
    if (!searchable) return;
    let live = true;
    dp()
      .authorities.search({ query: settled.slice(0, 100), size: 20 })
      .then(
        (res) => {
          if (live) setResult({ query: settled, hits: res.hits, error: null });
        },
        (e: unknown) => {
          if (live) setResult({ query: settled, hits: [], error: toUiError(e) });
        },
      );
    return () => {
      live = false;
    };
  }, [settled, searchable]);

  const choose = (hit: ContactPointHit) => {
    if (hit.reportLink && notice !== hit) {
      setNotice(hit);
      return;
    }
    const { recipient, name } = recipientFromHit(hit);
    onChoose(recipient, name);
  };

  return (
    <div className="recipient-picker">
      <label htmlFor={inputId}>{t('compose.recipientSearch')}</label>
      <input
        id={inputId}
        type="search"
        data-autofocus
        autoComplete="off"
        value={query}
        aria-describedby={hintId}
        aria-controls={resultsId}
        aria-invalid={directError ? true : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setNotice(null);
        }}
        onKeyDown={(e) => {
          // Escape empties the search first; only an empty search lets it close the composer.
          if (e.key === 'Escape' && query !== '') {
            e.preventDefault();
            setQuery('');
            setNotice(null);
          }
        }}
      />
      <p id={hintId} className="muted hint-text">
        {t('compose.recipientHint')}
      </p>
      {directError && (
        <p className="error" role="alert">
          {directError.message}
        </p>
      )}
      {directRecipient && (
        <button
          type="button"
          onClick={() =>
            onChoose(
              directRecipient,
              `${directRecipient.recipientIdType} ${directRecipient.recipientIdType === 'CPR' ? maskCpr(directRecipient.recipientId) : directRecipient.recipientId}`,
            )
          }
        >
          {directRecipient.recipientIdType === 'CVR'
            ? t('compose.recipientUseCvr', { cvr: directRecipient.recipientId })
            : t('compose.recipientUseCpr', { cpr: maskCpr(directRecipient.recipientId) })}
        </button>
      )}
      <div id={resultsId} role="status" aria-live="polite" className="search-status">
        {searching
          ? t('compose.recipientSearching')
          : hits && hits.length === 0 && !error
            ? t('compose.recipientNone')
            : ''}
      </div>
      {error && (
        <p className="error" role="alert">
          {errorText(error)}
        </p>
      )}
      {notice?.reportLink && (
        <div className="notice report-link" role="alert">
          <p>
            <strong>{t('compose.reportLinkTitle')}</strong>
          </p>
          <p>{hitName(notice)}</p>
          {notice.reportLink.description && <p>{notice.reportLink.description}</p>}
          <p className="link-url">{notice.reportLink.url}</p>
          <div className="button-row">
            <button
              type="button"
              className="primary"
              onClick={() => void dp().app.openExternal({ url: notice.reportLink!.url })}
            >
              {notice.reportLink.text || t('compose.reportLinkOpen')}
            </button>
            <button type="button" onClick={() => choose(notice)}>
              {t('compose.reportLinkContinue')}
            </button>
          </div>
        </div>
      )}
      {query.trim() === '' && <AuthorityBrowser onChoose={choose} />}
      {hits && hits.length > 0 && <AuthorityHits hits={hits} onChoose={choose} />}
    </div>
  );
}

import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Authority, ContactGroup, ContactPointHit } from '../../../../shared/ipc/channels/compose';
import { dp } from '../../../lib/api';
import { toUiError, useUiErrorText, type UiError } from '../../../lib/ui-error';
import { AuthorityHits } from './AuthorityHits';
import './authority-browser.css';

/** Where the browser stands: the list of authorities, or a level inside one (its path of groups from the top). */
interface Place {
  authority?: Authority;
  path: ContactGroup[];
}

type Level =
  | { status: 'loading' }
  | { status: 'error'; error: UiError }
  | { status: 'authorities'; authorities: Authority[] }
  | { status: 'level'; groups: ContactGroup[]; hits: ContactPointHit[] };

const keyOf = (p: Place): string => `${p.authority?.organisationId ?? ''}/${p.path.map((g) => g.id).join('/')}`;

/**
 * "Gennemse myndigheder": the contact structure level by level (§5.3–5.4), beside the search — an authority, its
 * contact groups as they nest, and the contact points in each. Choosing a point is the same as choosing a search hit.
 */
export function AuthorityBrowser({ onChoose }: { onChoose: (hit: ContactPointHit) => void }) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<Place>({ path: [] });
  const [level, setLevel] = useState<{ key: string; level: Level } | null>(null);
  const key = keyOf(place);

  useEffect(() => {
    if (!open) return;
    let live = true;
    const show = (l: Level) => live && setLevel({ key, level: l });
    const request = place.authority
      ? dp()
          .authorities.browse({
            organisationId: place.authority.organisationId,
            ...(place.path.length > 0 ? { contactGroupId: place.path[place.path.length - 1]!.id } : {}),
          })
          .then((r): Level => ({ status: 'level', groups: r.groups, hits: r.hits }))
      : dp()
          .authorities.organisations({})
          .then((r): Level => ({ status: 'authorities', authorities: r.organisations }));
    request.then(show, (e: unknown) => show({ status: 'error', error: toUiError(e) }));
    return () => {
      live = false;
    };
  }, [open, key, place]);

  if (!open) {
    return (
      <button type="button" className="link-button browse-toggle" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('compose.browseOpen')}
      </button>
    );
  }
  const current: Level = level?.key === key ? level.level : { status: 'loading' };
  return (
    <div className="authority-browser">
      <button type="button" className="link-button browse-toggle" aria-expanded onClick={() => setOpen(false)}>
        {t('compose.browseClose')}
      </button>
      <section aria-label={t('compose.browseTitle')}>
        <nav aria-label={t('compose.browsePath')}>
          <ol className="browse-path">
            <li>
              <button type="button" className="link-button" onClick={() => setPlace({ path: [] })}>
                {t('compose.browseAll')}
              </button>
            </li>
            {place.authority && (
              <li>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPlace({ authority: place.authority!, path: [] })}
                >
                  {place.authority.authority}
                </button>
              </li>
            )}
            {place.path.map((g, i) => (
              <li key={g.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setPlace({ authority: place.authority!, path: place.path.slice(0, i + 1) })}
                >
                  {g.name}
                </button>
              </li>
            ))}
          </ol>
        </nav>
        {current.status === 'loading' && (
          <p className="muted" role="status">
            {t('compose.browseLoading')}
          </p>
        )}
        {current.status === 'error' && (
          <p className="error" role="alert">
            {say(current.error)}
          </p>
        )}
        {current.status === 'authorities' && (
          <ul className="browse-list">
            {current.authorities.map((a) => (
              <li key={a.organisationId}>
                <button type="button" onClick={() => setPlace({ authority: a, path: [] })}>
                  {a.authority} <span className="muted">CVR {a.cvr}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        {current.status === 'level' && (
          <>
            <ul className="browse-list">
              {current.groups.map((g) => (
                <li key={g.id}>
                  <button
                    type="button"
                    aria-label={t('compose.browseGroup', { name: g.name })}
                    onClick={() => setPlace({ authority: place.authority!, path: [...place.path, g] })}
                  >
                    <span aria-hidden="true">▸ </span>
                    {g.name}
                  </button>
                </li>
              ))}
            </ul>
            {current.hits.length > 0 ? (
              <AuthorityHits hits={current.hits} onChoose={onChoose} />
            ) : (
              current.groups.length === 0 && <p className="muted">{t('compose.browseEmpty')}</p>
            )}
          </>
        )}
      </section>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import type { ContactPointHit } from '../../../../shared/ipc/channels/compose';

/** The authorities (and their contact points) to choose from: what a search found, or a level of the hierarchy. */
export function AuthorityHits({
  hits,
  onChoose,
}: {
  hits: ContactPointHit[];
  onChoose: (hit: ContactPointHit) => void;
}) {
  const { t } = useTranslation();
  return (
    <ul className="recipient-results" aria-label={t('compose.recipientResults')}>
      {hits.map((hit) => (
        <li key={`${hit.organisationId}:${hit.contactPointId ?? ''}`}>
          <button type="button" className="recipient-hit" onClick={() => onChoose(hit)}>
            <span className="hit-authority">{hit.authority}</span>
            {hit.contactPointName && <span className="hit-contact">{hit.contactPointName}</span>}
            <span className="muted hit-cvr">CVR {hit.cvr}</span>
            {hit.reportLink && <span className="hit-report">{t('compose.reportLinkTitle')}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}

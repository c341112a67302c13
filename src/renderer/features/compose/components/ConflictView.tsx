import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeConflict } from '../store';
import { htmlToText } from '../lib/strict-html';

/** Both versions side by side; nothing is written until the user picks one. */
export function ConflictView({
  conflict,
  localHtml,
  onKeep,
}: {
  conflict: ComposeConflict;
  localHtml: string;
  onKeep: (keep: 'local' | 'server') => void;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  const localId = useId();
  const serverId = useId();
  return (
    <section className="conflict" role="alertdialog" aria-labelledby={titleId} aria-describedby={`${titleId}-text`}>
      <h3 id={titleId}>{t('compose.conflictTitle')}</h3>
      <p id={`${titleId}-text`}>{t('compose.conflictText')}</p>
      <div className="conflict-versions">
        <figure aria-labelledby={localId}>
          <figcaption id={localId}>{t('compose.conflictLocal')}</figcaption>
          <pre className="conflict-text">{htmlToText(localHtml)}</pre>
          <button type="button" className="primary" onClick={() => onKeep('local')}>
            {t('compose.conflictKeepLocal')}
          </button>
        </figure>
        <figure aria-labelledby={serverId}>
          <figcaption id={serverId}>{t('compose.conflictServer')}</figcaption>
          <pre className="conflict-text">{htmlToText(conflict.server.html)}</pre>
          <button type="button" onClick={() => onKeep('server')}>
            {t('compose.conflictKeepServer')}
          </button>
        </figure>
      </div>
    </section>
  );
}

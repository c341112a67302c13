import { useTranslation } from 'react-i18next';

/** "Vi fjernede 3 elementer, som Digital Post ikke tillader: script, iframe, …" after a paste or an automatic fix. */
export function RemovalNote({ count, names, onDismiss }: { count: number; names: string; onDismiss?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="notice removal-note" role="status">
      <span>{t('compose.pasteRemoved', { count, names })}</span>
      {onDismiss && (
        <button type="button" className="link-button" onClick={onDismiss}>
          {t('app.close')}
        </button>
      )}
    </div>
  );
}

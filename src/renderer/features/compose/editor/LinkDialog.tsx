import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../../components/Modal';
import { ALLOWED_LINK } from './dom-editing';

/** Asks for a link target; only https: and mailto: pass, the only schemes STRICT allows on `a href`. */
export function LinkDialog({
  initialText,
  onInsert,
  onCancel,
}: {
  initialText: string;
  onInsert: (url: string, text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const urlId = useId();
  const textId = useId();
  const errorId = useId();
  const [url, setUrl] = useState('https://');
  const [text, setText] = useState(initialText);
  const [refused, setRefused] = useState(false);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const target = url.trim();
    if (!ALLOWED_LINK.test(target)) {
      setRefused(true);
      return;
    }
    onInsert(target, text.trim());
  };

  return (
    <Modal title={t('compose.linkTitle')} onClose={onCancel}>
      <form onSubmit={submit} noValidate>
        <label htmlFor={urlId}>{t('compose.linkUrl')}</label>
        <input
          id={urlId}
          type="url"
          value={url}
          aria-invalid={refused}
          aria-describedby={refused ? errorId : undefined}
          onChange={(e) => {
            setUrl(e.target.value);
            setRefused(false);
          }}
        />
        <label htmlFor={textId}>{t('compose.linkText')}</label>
        <input id={textId} value={text} onChange={(e) => setText(e.target.value)} />
        {refused && (
          <p id={errorId} className="error" role="alert">
            {t('compose.linkRefused')}
          </p>
        )}
        <div className="button-row">
          <button type="button" onClick={onCancel}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('compose.linkInsert')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

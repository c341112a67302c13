import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openPolicyFor } from '../../shared/dp/encoding-formats';
import { offeredFilename } from '../../shared/dp/filenames';
import type { LetterRef } from '../../shared/ipc/letter-route';
import { setLanguage } from '../i18n';
import { dp } from '../lib/api';
import { localRefusal, toUiError, useUiErrorText, type UiError } from '../lib/ui-error';
import { HtmlLetter } from './FileView';

type State =
  { status: 'loading' } | { status: 'error'; error: UiError } | { status: 'ready'; base64: string; name: string };

/**
 * "Åbn" on an HTML letter: the app's own window (Electron) or tab (browser mode) showing that one letter, sanitised
 * and framed exactly as in the message view. Nothing else of the app is here, and a file that is not HTML is not
 * shown at all, so this page can never become a way to render a sender's other content.
 */
export function LetterPage({ letter }: { letter: LetterRef }) {
  const { t } = useTranslation();
  const say = useUiErrorText();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    dp()
      .files.content(letter)
      .then((content) => {
        if (!live) return;
        if (openPolicyFor(content.encodingFormat) !== 'letter') {
          setState({ status: 'error', error: localRefusal('app.file.open-refused', 'message.fileError') });
          return;
        }
        setState({
          status: 'ready',
          base64: content.base64,
          name: offeredFilename(content.filename, content.encodingFormat),
        });
      })
      .catch((e: unknown) => live && setState({ status: 'error', error: toUiError(e) }));
    return () => {
      live = false;
    };
  }, [letter]);

  // The window speaks the language the user chose for the app; until the setting arrives, Danish.
  useEffect(() => {
    dp()
      .settings.get()
      .then((settings) => setLanguage(settings.language))
      .catch(() => undefined);
  }, []);

  const name = state.status === 'ready' ? state.name : undefined;
  useEffect(() => {
    if (name) document.title = t('message.letterWindow', { name });
  }, [name, t]);

  return (
    <main
      className="letter-page"
      aria-label={state.status === 'ready' ? t('message.letterWindow', { name: state.name }) : undefined}
    >
      {state.status === 'loading' && <p className="muted">{t('message.loadingLetter')}</p>}
      {state.status === 'error' && (
        <p className="notice" role="alert">
          {say(state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <HtmlLetter base64={state.base64} name={state.name} onOpenLink={(url) => void dp().app.openExternal({ url })} />
      )}
    </main>
  );
}

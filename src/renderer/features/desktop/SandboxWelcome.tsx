import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../store';
import './desktop.css';

const store = useAppStore.getState;

/**
 * The sandbox says once that it is test data and what to try; dismissed, it stays away (remembered in settings).
 * Not a modal: the mail screen stays usable behind it.
 */
export function SandboxWelcome({ environment }: { environment: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const show = useAppStore((s) => s.settings !== null && s.settings.welcomeDismissed !== true);
  if (environment !== 'sandbox' || !show) return null;
  return (
    <section className="sandbox-welcome" aria-labelledby={headingId}>
      {/* Two short lines, so the mail screen below keeps its room. */}
      <div>
        <p>
          <strong id={headingId}>{t('desktop.welcome.title')}</strong>. {t('desktop.welcome.body')}
        </p>
        <p className="welcome-try">
          {t('desktop.welcome.tryHeading')}{' '}
          {[
            t('desktop.welcome.tryRead'),
            t('desktop.welcome.tryWrite'),
            t('desktop.welcome.tryOrganise'),
            t('desktop.welcome.tryKeys'),
          ].join(' · ')}
          .
        </p>
      </div>
      <button type="button" onClick={() => void store().updateSettings({ welcomeDismissed: true })}>
        {t('desktop.welcome.dismiss')}
      </button>
    </section>
  );
}

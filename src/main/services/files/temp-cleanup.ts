import type { EventHub } from '../platform';
import { clearDownloadOffers } from './download-offers';
import { removePrivateTempFiles } from './private-temp';

/** Every copy of letter content the app made for the OS or the browser: temp files and pending downloads. */
export const forgetLetterCopies = async (): Promise<void> => {
  clearDownloadOffers();
  await removePrivateTempFiles();
};

/**
 * Deletes the temporary copies "Åbn" made once nobody is logged in any more: the next person at the computer must not
 * find the last one's letters in the temp folder. Returns the unsubscribe.
 */
export const removeTempFilesAtLogout = (options: {
  events: Pick<EventHub, 'subscribe'>;
  loggedIn: () => Promise<boolean>;
  remove: () => Promise<void>;
  log: (msg: string, err?: unknown) => void;
}): (() => void) =>
  options.events.subscribe((event) => {
    if (event.type !== 'auth.changed') return;
    void options
      .loggedIn()
      .then((yes) => (yes ? undefined : options.remove()))
      .catch((err: unknown) => options.log('Temporary files could not be removed at logout', err));
  });

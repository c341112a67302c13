import type { DpClient } from '../../services/dp-client/dp-client';
import type { PlatformHooks } from '../../services/platform';

/**
 * What the mail handlers need from the composition root. The app-wide ServiceContext carries more (auth, settings,
 * events); anything with these two fields fits, which keeps the handlers testable with a fake client.
 */
export interface MailContext {
  api: DpClient;
  hooks: Pick<PlatformHooks, 'saveFile' | 'openFile' | 'openLetter'>;
}

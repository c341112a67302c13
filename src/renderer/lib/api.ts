import type { DigitalPostApi } from '../../shared/ipc/contract';
import i18next from 'i18next';
import { isAppErrorException } from '../../shared/ipc/app-error';
import { toUiError, uiErrorText } from './ui-error';

/** The one way renderer code reaches main; read lazily so tests can install a fake before each case. */
export const dp = (): DigitalPostApi => (window as unknown as { digitalPost: DigitalPostApi }).digitalPost;

/**
 * The words for a failure in the current language, for the few places that show an error once and keep nothing;
 * state keeps a `UiError` instead (lib/ui-error.ts), so a language switch rewords it.
 */
export const errorText = (e: unknown): string => uiErrorText(toUiError(e), i18next.language === 'en' ? 'en' : 'da');

export const isNetworkError = (e: unknown): boolean =>
  (isAppErrorException(e) && e.error.code === 'app.network') || e instanceof TypeError;

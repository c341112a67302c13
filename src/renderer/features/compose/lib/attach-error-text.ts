import type { UiError } from '../../../lib/ui-error';
import type { AttachError } from '../store/types';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Why a file is not attached, in the words of the language shown (`t` and `errorText` carry the language). */
export function attachErrorText(e: AttachError, t: Translate, errorText: (error: UiError) => string): string {
  switch (e.reason) {
    case 'refused':
      return `${t('compose.attachRefused', { name: e.name })} ${errorText(e.error)}`;
    case 'failed':
      return t('compose.attachFailed', { name: e.name, error: errorText(e.error) });
    case 'cancelled':
      return t('compose.attachCancelled', { name: e.name });
    case 'remove':
      return errorText(e.error);
  }
}

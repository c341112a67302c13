import i18next, { type TFunction } from 'i18next';
import { isAppErrorException } from '../../../shared/ipc/app-error';
import { toUiError, uiErrorText } from '../../lib/ui-error';

// Digital Post's codes for notification and PIN problems, in words a person understands. Codes not listed here
// fall back to Digital Post's own message.
const KEYS: Record<string, string> = {
  'access.emailNotificationSubscriptions.email.invalid': 'emailInvalid',
  'access.emailNotificationSubscriptions.email.required': 'emailRequired',
  'access.emailNotificationSubscriptions.email.alreadyUsed': 'emailDuplicate',
  'access.maximum.number.of.emails.exceeded': 'emailMax',
  'access.smsNotificationSubscription.mobileNumber.invalid': 'mobileInvalid',
  'access.smsNotificationSubscription.mobileNumber.required': 'mobileRequired',
  'danish.mobile.number.invalid': 'mobileInvalid',
  'danish.mobile.number.needed': 'mobileRequired',
  'verification.pin.invalid': 'pinInvalid',
  'verification.max.attempts': 'pinMaxAttempts',
  'verification.validity.exceeded': 'pinExpired',
  'app.conflict': 'conflict',
};

/** The code of an error from the bridge: the first field error is the specific one. */
export const errorCode = (e: unknown): string | undefined =>
  isAppErrorException(e) ? (e.error.fieldErrors?.[0]?.code ?? e.error.code) : undefined;

export function notifyErrorText(e: unknown, t: TFunction): string {
  const code = errorCode(e);
  const key = code ? KEYS[code] : undefined;
  if (key) {
    const rejected = isAppErrorException(e) ? e.error.fieldErrors?.[0]?.rejectedValue : undefined;
    return t(`notifications.errors.${key}`, { email: typeof rejected === 'string' ? rejected : '' });
  }
  return uiErrorText(toUiError(e), i18next.language === 'en' ? 'en' : 'da');
}

/** Refusals the screen makes itself before any request, as the same codes the server would answer with. */
export class LocalRefusal extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string> = {},
  ) {
    super(key);
  }
}

export function anyErrorText(e: unknown, t: TFunction): string {
  if (e instanceof LocalRefusal) return t(`notifications.errors.${e.key}`, e.params);
  return notifyErrorText(e, t);
}

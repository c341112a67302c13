import i18next, { type TFunction } from 'i18next';
import { localRefusal, uiErrorText, type UiError } from '../../lib/ui-error';

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

/** The refusals the screen makes itself before any request, under the code Digital Post would answer with. */
const REFUSAL_CODES = {
  emailRequired: 'access.emailNotificationSubscriptions.email.required',
  emailInvalid: 'access.emailNotificationSubscriptions.email.invalid',
  emailDuplicate: 'access.emailNotificationSubscriptions.email.alreadyUsed',
  mobileRequired: 'access.smsNotificationSubscription.mobileNumber.required',
  mobileInvalid: 'access.smsNotificationSubscription.mobileNumber.invalid',
  pinRequired: 'verification.pin.invalid',
} as const;

export const notifyRefusal = (key: keyof typeof REFUSAL_CODES, params?: Record<string, string>): UiError =>
  localRefusal(REFUSAL_CODES[key], `notifications.errors.${key}`, params);

/** A refusal made here, before any request: retrying the same input cannot help. */
export const isLocalRefusal = (e: UiError): boolean => e.textKey !== undefined;

/** The code of an error: the first field error is the specific one. */
export const errorCode = (e: UiError): string => e.fieldErrors?.[0]?.code ?? e.code;

export function notifyErrorText(e: UiError, t: TFunction): string {
  if (e.textKey) return t(e.textKey, e.params ?? {});
  const key = KEYS[errorCode(e)];
  if (key) {
    const rejected = e.fieldErrors?.[0]?.rejectedValue;
    return t(`notifications.errors.${key}`, { email: typeof rejected === 'string' ? rejected : '' });
  }
  return uiErrorText(e, i18next.language === 'en' ? 'en' : 'da');
}

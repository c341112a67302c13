import type { DigitalPostApi } from '../../shared/ipc/contract';
import { isAppErrorException } from '../../shared/ipc/app-error';
import { dpErrorMessage, isDpErrorCode } from '../../shared/dp/error-codes';

/** The one way renderer code reaches main; read lazily so tests can install a fake before each case. */
export const dp = (): DigitalPostApi => (window as unknown as { digitalPost: DigitalPostApi }).digitalPost;

const APP_MESSAGES: Record<string, string> = {
  'app.auth.not-logged-in': 'Du er ikke logget ind.',
  'app.auth.login-cancelled': 'Login blev annulleret.',
  'app.auth.login-timeout': 'Login tog for lang tid. Prøv igen.',
  'app.auth.access-denied': 'Login blev afvist.',
  'app.auth.state-mismatch': 'Login kunne ikke gennemføres sikkert. Prøv igen.',
  'app.network': 'Der er ingen forbindelse til Digital Post. Prøv igen.',
  'app.conflict': 'Beskeden blev ændret et andet sted. Prøv igen.',
  'app.rate-limited': 'For mange forespørgsler lige nu. Vent lidt og prøv igen.',
  'app.internal': 'Der opstod en fejl i programmet.',
};

/**
 * The Danish text to show for any failure: Digital Post's own message for its codes (server text first, since it
 * has the arguments filled in), the app's wording for its own codes, never a stack trace.
 */
export function errorText(e: unknown): string {
  if (isAppErrorException(e)) {
    const { code, message, fieldErrors } = e.error;
    if (fieldErrors && fieldErrors.length > 0) return fieldErrors.map((f) => f.message).join(' ');
    const own = APP_MESSAGES[code];
    if (own) return own;
    if (message) return message;
    if (isDpErrorCode(code)) return dpErrorMessage(code);
    return 'Der opstod en fejl i programmet.';
  }
  if (e && typeof e === 'object' && 'error' in e) {
    const inner = (e as { error?: { message?: unknown } }).error;
    if (inner && typeof inner.message === 'string') return inner.message;
  }
  return 'Der opstod en ukendt fejl.';
}

export const isNetworkError = (e: unknown): boolean =>
  (isAppErrorException(e) && e.error.code === 'app.network') || e instanceof TypeError;

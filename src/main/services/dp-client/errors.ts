import { APP_ERROR_CODES, FieldErrorSchema, type AppError } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import { dpErrorMessage } from '../../../shared/dp/error-codes';
import { z } from 'zod';

/** Digital Post's error body (§13.4.1): `{code, message, fieldErrors}`; we accept it loosely and keep what parses. */
const DpErrorBodySchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  fieldErrors: z.array(z.unknown()).optional(),
});

const GENERIC_MESSAGES: Record<number, string> = {
  400: 'Forespørgslen blev afvist af Digital Post.',
  401: 'Du er ikke logget ind. Log ind igen.',
  403: 'Du har ikke adgang til dette.',
  404: 'Det blev ikke fundet i Digital Post.',
  409: 'Det er blevet ændret et andet sted i mellemtiden. Hent det igen og prøv igen.',
  413: 'Filen eller beskeden er for stor.',
  429: 'Digital Post modtager for mange forespørgsler lige nu. Prøv igen om lidt.',
};

const genericMessage = (status: number): string =>
  GENERIC_MESSAGES[status] ??
  (status >= 500 ? 'Digital Post svarer ikke lige nu. Prøv igen senere.' : 'Digital Post afviste forespørgslen.');

const defaultCode = (status: number): string => {
  if (status === 401) return APP_ERROR_CODES.notLoggedIn;
  if (status === 409) return APP_ERROR_CODES.conflict;
  if (status === 429) return APP_ERROR_CODES.rateLimited;
  if (status === 502 || status === 503 || status === 504) return APP_ERROR_CODES.network;
  return `app.http.${status}`;
};

/** `ETag: "3"`, `W/"3"` or `3` → 3. */
export const parseEtagVersion = (etag: string | null | undefined): number | undefined => {
  if (!etag) return undefined;
  const m = /^(?:W\/)?"?(\d+)"?$/.exec(etag.trim());
  return m ? Number(m[1]) : undefined;
};

/**
 * Turns a Digital Post error response into the AppError the renderer sees. The first field error's code is the
 * most specific thing DP tells us (the body's own code is the generic `digital.post.error`), so it becomes the code.
 */
export const dpErrorToAppError = (status: number, body: unknown, headers: Headers): AppError => {
  const parsed = DpErrorBodySchema.safeParse(body);
  const fieldErrors = parsed.success
    ? (parsed.data.fieldErrors ?? []).flatMap((f) => {
        // A field error without a message is still Digital Post's word on a field: keep it with the Danish text of
        // its code (or a generic one) rather than drop it.
        const withMessage =
          f &&
          typeof f === 'object' &&
          typeof (f as { code?: unknown }).code === 'string' &&
          !(f as { message?: unknown }).message
            ? { ...f, message: dpErrorMessage((f as { code: string }).code) }
            : f;
        const fe = FieldErrorSchema.safeParse(withMessage);
        return fe.success ? [fe.data] : [];
      })
    : [];
  const dpCode = parsed.success ? parsed.data.code : undefined;
  const code =
    fieldErrors[0]?.code ?? (status === 409 ? APP_ERROR_CODES.conflict : undefined) ?? dpCode ?? defaultCode(status);
  const message = (parsed.success && parsed.data.message) || fieldErrors[0]?.message || genericMessage(status);
  const error: AppError = { code, message, status };
  if (fieldErrors.length > 0) error.fieldErrors = fieldErrors;
  const traceparent = headers.get('traceparent');
  if (traceparent) error.traceparent = traceparent;
  if (status === 409) {
    const version =
      parseEtagVersion(headers.get('etag')) ??
      (typeof (body as { version?: unknown } | null)?.version === 'number'
        ? (body as { version: number }).version
        : undefined);
    if (version !== undefined) error.currentVersion = version;
  }
  return error;
};

export const networkFault = (detail: { idempotent: boolean; traceparent?: string }): AppFault =>
  new AppFault({
    code: APP_ERROR_CODES.network,
    message: detail.idempotent
      ? 'Der er ingen forbindelse til Digital Post. Prøv igen, når du er online.'
      : 'Forbindelsen til Digital Post blev afbrudt. Handlingen kan være gennemført — kontrollér før du prøver igen.',
    ...(detail.traceparent ? { traceparent: detail.traceparent } : {}),
  });

export const isAppFault = (e: unknown): e is AppFault => e instanceof AppFault;

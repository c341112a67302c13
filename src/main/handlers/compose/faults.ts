import { dpErrorMessage, dpFieldError, isDpErrorCode } from '../../../shared/dp/error-codes';
import { APP_ERROR_CODES, type FieldError } from '../../../shared/ipc/app-error';
import { AppFault } from '../../ipc/dispatch';

/** Codes the compose handlers raise where Digital Post has none of its own. */
export const COMPOSE_ERROR_CODES = {
  notDraft: 'app.compose.not-draft',
  noHtmlMain: 'app.compose.no-html-main',
  unsaved: 'app.compose.unsaved',
  uploadCancelled: 'app.compose.upload-cancelled',
  journalEntryMissing: 'app.compose.journal-entry-missing',
  mainDocument: 'app.compose.main-document',
  recipientRequired: 'app.compose.recipient-required',
  documentMissing: 'app.compose.document-missing',
} as const;

type Args = { resource?: string; field?: string; rejectedValue?: unknown; args?: (string | number)[] };

/** One refusal in Digital Post's own words, raised before any request. */
export const dpRefusal = (code: string, opts: Args = {}): AppFault => refusals([dpFieldError(code, opts)]);

/** Several findings at once: the first one's code leads, the user sees them all in `fieldErrors`. */
export const refusals = (fieldErrors: readonly FieldError[]): AppFault => {
  const first = fieldErrors[0];
  if (!first) throw new Error('refusals() needs at least one field error');
  return new AppFault({
    code: first.code,
    message: first.message || dpErrorMessage(first.code),
    fieldErrors: [...fieldErrors],
  });
};

export const appRefusal = (code: string, message: string): AppFault => new AppFault({ code, message });

const statusOf = (err: unknown): number | undefined => (err instanceof AppFault ? err.appError.status : undefined);

export const isConflict = (err: unknown): boolean =>
  err instanceof AppFault && (err.appError.status === 409 || err.appError.code === APP_ERROR_CODES.conflict);

export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;

/**
 * The request may or may not have reached Digital Post: the connection broke (no status at all) or a gateway
 * answered 5xx. Only a fetch of the resource tells what happened.
 */
export const isOutcomeUnknown = (err: unknown): boolean => {
  if (!(err instanceof AppFault)) return false;
  const status = err.appError.status;
  return status === undefined ? err.appError.code === APP_ERROR_CODES.network : status >= 500;
};

/**
 * Digital Post's error body carries a technical `message` ("ValidationException: …"); the words meant for the user
 * are those of the code (§13.4.1), which its field error repeats. The renderer shows `message`, so it gets those.
 */
export const inDpWords = (err: unknown): unknown => {
  if (!(err instanceof AppFault) || err.appError.status === undefined) return err;
  const { code, fieldErrors } = err.appError;
  const own = fieldErrors?.find((f) => f.code === code)?.message;
  const message = own || (isDpErrorCode(code) ? dpErrorMessage(code) : undefined);
  return message && message !== err.appError.message ? new AppFault({ ...err.appError, message }) : err;
};

import { dpErrorMessage, dpFieldError, isDpErrorCode } from '../shared/dp/error-codes';
import { APP_ERROR_CODES, type AppError, type AppErrorCode, type FieldError } from '../shared/ipc/app-error';

/**
 * Anything thrown inside main that should reach the user as a typed error. Digital Post errors keep their code and
 * field errors; everything else becomes `app.internal` with a generic message (the original is logged, never sent).
 * It lives apart from the dispatcher so services can raise it without depending on the IPC layer.
 */
export class AppFault extends Error {
  readonly appError: AppError;
  constructor(appError: AppError) {
    super(appError.message);
    this.name = 'AppFault';
    this.appError = appError;
  }
}

type RefusalOptions = { resource?: string; field?: string; rejectedValue?: unknown; args?: (string | number)[] };

/**
 * A refusal in Digital Post's own words, raised before any request: the renderer sees the same code and Danish
 * message it would have got from the server, so one error path covers both.
 */
export const dpRefusal = (code: string, opts: RefusalOptions = {}): AppFault => refusals([dpFieldError(code, opts)]);

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

/** A refusal the app makes where Digital Post prints no code of its own. */
export const appRefusal = (code: AppErrorCode, message: string, fieldErrors?: FieldError[]): AppFault =>
  new AppFault({ code, message, ...(fieldErrors ? { fieldErrors } : {}) });

const statusOf = (err: unknown): number | undefined => (err instanceof AppFault ? err.appError.status : undefined);

export const isConflict = (err: unknown): boolean =>
  err instanceof AppFault && (err.appError.status === 409 || err.appError.code === APP_ERROR_CODES.conflict);

/**
 * The resource is gone (404). A 403 is not "gone": Digital Post says the resource exists but this user may not
 * touch it (its 403 reads "User didn't have access to resource"), so treating it as absent would, say, read a draft's text as
 * empty and overwrite the words. Callers that only need to know whether they can read something use `isUnreadable`.
 */
export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;

/** Gone or not ours (404 or 403): for views that leave out what they cannot show rather than fail. */
export const isUnreadable = (err: unknown): boolean => {
  const status = statusOf(err);
  return status === 404 || status === 403;
};

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

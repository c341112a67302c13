import { dpErrorMessage, dpFieldError } from '../../../shared/dp/error-codes';
import { APP_ERROR_CODES, type FieldError } from '../../../shared/ipc/app-error';
import { AppFault } from '../../ipc/dispatch';

/**
 * A refusal in Digital Post's own words, raised before any request: the renderer sees the same code and Danish
 * message it would have got from the server, so one error path covers both.
 */
export const dpRefusal = (
  code: string,
  opts: { resource?: string; field?: string; rejectedValue?: unknown; args?: (string | number)[] } = {},
): AppFault => {
  const fieldError: FieldError = dpFieldError(code, opts);
  return new AppFault({ code, message: dpErrorMessage(code, ...(opts.args ?? [])), fieldErrors: [fieldError] });
};

/** A refusal the app makes where Digital Post prints no code of its own. */
export const appRefusal = (message: string, fieldErrors?: FieldError[]): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.invalidRequest, message, ...(fieldErrors ? { fieldErrors } : {}) });

export const isConflict = (err: unknown): boolean =>
  err instanceof AppFault && (err.appError.status === 409 || err.appError.code === APP_ERROR_CODES.conflict);

export const isNotFound = (err: unknown): boolean =>
  err instanceof AppFault && (err.appError.status === 404 || err.appError.status === 403);

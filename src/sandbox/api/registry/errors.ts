import { DpHttpError } from '../../http/dp-error';
import { dpErrorMessage, dpFieldError, type DpErrorCode } from '../../../shared/dp/error-codes';
import type { FieldError } from '../../../shared/ipc/app-error';

export interface FieldProblem {
  code: DpErrorCode;
  field?: string;
  rejectedValue?: unknown;
  args?: (string | number)[];
}

/** A 400 whose top-level message is the first problem's Danish text, with every problem in fieldErrors. */
export const validationError = (resource: string, problems: readonly FieldProblem[]): DpHttpError => {
  const fieldErrors: FieldError[] = problems.map((p) =>
    dpFieldError(p.code, {
      resource,
      ...(p.field !== undefined ? { field: p.field } : {}),
      ...(p.rejectedValue !== undefined ? { rejectedValue: p.rejectedValue } : {}),
      ...(p.args !== undefined ? { args: p.args } : {}),
    }),
  );
  return new DpHttpError(400, fieldErrors[0]?.message ?? 'Bad request', fieldErrors);
};

/** One coded error (status chosen by the caller), e.g. a PIN problem. */
export const codedError = (
  status: number,
  resource: string,
  code: DpErrorCode,
  args: (string | number)[] = [],
): DpHttpError => new DpHttpError(status, dpErrorMessage(code, ...args), [dpFieldError(code, { resource, args })]);

export const notFound = (what: string, id: string): DpHttpError =>
  new DpHttpError(404, `EntityNotFoundException: ${what} ${id} not found`, [
    dpFieldError('id.not.exist', { resource: what, rejectedValue: id }),
  ]);

export const forbidden = (): DpHttpError =>
  new DpHttpError(403, dpErrorMessage('access.denied'), [dpFieldError('access.denied')]);

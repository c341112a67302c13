import type { FieldError } from '../../shared/ipc/app-error';

/**
 * A Digital Post error response. Thrown anywhere in a route; the server's error middleware turns it into the body
 * Digital Post sends: `{code: "digital.post.error", message, fieldErrors: [...]}`.
 */
export class DpHttpError extends Error {
  readonly status: number;
  readonly fieldErrors: FieldError[];
  readonly headers: Record<string, string>;
  constructor(status: number, message: string, fieldErrors: FieldError[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'DpHttpError';
    this.status = status;
    this.fieldErrors = fieldErrors;
    this.headers = headers;
  }
}

export interface DpErrorBody {
  code: 'digital.post.error';
  message: string;
  fieldErrors: FieldError[];
}

export const dpErrorBody = (message: string, fieldErrors: FieldError[] = []): DpErrorBody => ({
  code: 'digital.post.error',
  message,
  fieldErrors,
});

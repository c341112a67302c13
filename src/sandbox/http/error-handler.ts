import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DpHttpError, dpErrorBody } from './dp-error';

/**
 * JSON bodies for /apis/v1 and /sandbox (also `application/merge-patch+json` for PATCH). Bounded so that the
 * largest message a view client may send (70 MB, §10.2.3) still fits even if carried as base64.
 */
export const jsonBody = (): RequestHandler =>
  express.json({ limit: '100mb', type: ['application/json', 'application/*+json'], strict: true });

export const dpNotFound = (req: Request, _res: Response, next: NextFunction): void => {
  next(new DpHttpError(404, `No endpoint ${req.method} ${req.originalUrl.split('?')[0]}`));
};

/** body-parser's errors carry a status and a `type`; turn them into what Digital Post would say. */
const fromBodyParser = (error: { status?: unknown; type?: unknown }): DpHttpError | undefined => {
  if (typeof error.status !== 'number' || error.status < 400 || error.status >= 500) return undefined;
  switch (error.type) {
    case 'entity.parse.failed':
      return new DpHttpError(400, 'HttpMessageNotReadableException: malformed JSON request body');
    case 'entity.too.large':
      return new DpHttpError(413, 'Request body too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new DpHttpError(415, 'Unsupported request body encoding');
    default:
      return new DpHttpError(error.status, 'Bad request');
  }
};

/**
 * Last middleware: every error becomes `{code: "digital.post.error", message, fieldErrors}`. Unexpected errors are
 * 500 with a generic message; their details go to stderr, never into the response.
 */
export const dpErrorHandler = (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
  if (res.headersSent) {
    next(error);
    return;
  }
  let dpError: DpHttpError;
  if (error instanceof DpHttpError) {
    dpError = error;
  } else {
    const mapped =
      typeof error === 'object' && error !== null ? fromBodyParser(error as { status?: unknown }) : undefined;
    if (mapped) {
      dpError = mapped;
    } else {
      console.error('[sandbox] unexpected error:', error instanceof Error ? error.message : error);
      dpError = new DpHttpError(500, 'Internal server error');
    }
  }
  for (const [name, value] of Object.entries(dpError.headers)) res.setHeader(name, value);
  res.status(dpError.status).json(dpErrorBody(dpError.message, dpError.fieldErrors));
};

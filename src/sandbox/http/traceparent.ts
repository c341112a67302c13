import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/** The trace id of a valid W3C traceparent (version ff and all-zero ids are invalid), else undefined. */
export const incomingTraceId = (header: string | undefined): string | undefined => {
  const match = header ? TRACEPARENT.exec(header.trim()) : null;
  if (!match) return undefined;
  const [, version, traceId, parentId] = match;
  if (version === 'ff' || /^0+$/.test(traceId!) || /^0+$/.test(parentId!)) return undefined;
  return traceId;
};

export const newTraceparent = (traceId: string = randomBytes(16).toString('hex')): string =>
  `00-${traceId}-${randomBytes(8).toString('hex')}-01`;

/** Every response carries a traceparent (§13.4.5); a caller's trace id is kept, the span is the sandbox's own. */
export const traceparent = (req: Request, res: Response, next: NextFunction): void => {
  const value = newTraceparent(incomingTraceId(req.header('traceparent')));
  res.setHeader('traceparent', value);
  res.locals.traceparent = value;
  next();
};

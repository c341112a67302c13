import { randomBytes } from 'node:crypto';

/** A fresh W3C trace context (§13.4.5) per request, so a failing call can be quoted to Digital Post support. */
export const newTraceparent = (): string => {
  let traceId = randomBytes(16).toString('hex');
  let spanId = randomBytes(8).toString('hex');
  // All-zero ids are invalid by the W3C spec; vanishingly unlikely, but cheap to rule out.
  if (/^0+$/.test(traceId)) traceId = `${traceId.slice(0, 31)}1`;
  if (/^0+$/.test(spanId)) spanId = `${spanId.slice(0, 15)}1`;
  return `00-${traceId}-${spanId}-01`;
};

import type { Request } from 'express';
import { DpHttpError } from '../http/dp-error';
import { dpError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);

/** Path ids must be UUIDs: anything else (traversal attempts, garbage) is a 400 before any lookup. */
export const pathId = (req: Request, name: string): string => {
  const value = req.params[name];
  if (!isUuid(value)) {
    throw new DpHttpError(400, `IllegalArgumentException: ${name} is not a valid UUID`, [
      {
        resource: 'path',
        field: name,
        code: 'invalid.uuid',
        message: 'Ugyldigt id.',
        rejectedValue: String(value).slice(0, 100),
      },
    ]);
  }
  return value.toLowerCase();
};

/** CPR numbers leave the sandbox as DDMMYY****; everything else passes through. */
// One masking for client and sandbox: §6.8.2 replaces the last four digits of a CPR with ****.
export { isMaskedCpr, maskCpr } from '../../shared/dp/identifiers';
export const isCpr = (value: string): boolean => /^\d{10}$/.test(value);
export const isCvr = (value: string): boolean => /^\d{8}$/.test(value);
export const isEmail = (value: string): boolean =>
  /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[a-z]{2,}$/i.test(value);

/**
 * The exact version from If-Match (REST conventions: required on PUT/PATCH/DELETE, exact, no wildcard, no list).
 * A stale version is a 409 carrying the current one.
 */
export const requireIfMatch = (req: Request, current: number, resource: string): void => {
  const header = req.get('If-Match');
  if (header === undefined || header.trim() === '') {
    throw dpError(400, 'PreconditionRequiredException: If-Match header is required', []);
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw dpError(400, `IllegalArgumentException: If-Match must be the exact version of the ${resource}`, []);
  }
  const version = Number(match[1]);
  if (version !== current) {
    throw new DpHttpError(
      409,
      `OptimisticLockingException: ${resource} version ${version} does not match current version ${current}`,
      [],
      { ETag: `"${current}"` },
    );
  }
};

export const etag = (version: number): string => `"${version}"`;

/** Seeded PRNG (mulberry32): the same config.seed always yields the same mailbox. */
export const createPrng = (seed: number) => {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const word = (): string => (Math.floor(next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  /** A v4-shaped UUID from four PRNG words (cheap enough for 20 000-message seeds). */
  const uuid = (): string => {
    const a = word();
    const b = word();
    const c = word();
    const d = word();
    const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
    return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
  };
  return { next, int, pick, uuid };
};
export type Prng = ReturnType<typeof createPrng>;

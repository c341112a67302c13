import type { NextFunction, Request, Response } from 'express';
import { REQUEST_COSTS } from '../../shared/dp/assumptions';
import { DpHttpError } from './dp-error';

export interface RateLimitSettings {
  enabled: boolean;
  burstCapacity: number;
  replenishRate: number;
}

/** What a file content download costs here (assumptions.ts, REQUEST_COSTS); any other request costs one token. */
export const FILE_CONTENT_COST: number = REQUEST_COSTS.values.fileContentDownload;

/**
 * Tokens a request takes (§12.1: Digital Post tells cheap from expensive requests by its own, changeable rules and
 * reports the cost in X-RateLimit-Requested-Tokens). The sandbox makes file content downloads dearer, so a client
 * that counts requests instead of reading the header is caught by its tests.
 */
export const requestCost = (method: string, path: string): number =>
  method === 'GET' && /\/files\/[^/]+\/content\/?$/.test(path) ? FILE_CONTENT_COST : REQUEST_COSTS.values.other;

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Token buckets keyed by caller (§12.1): they start full and refill continuously at replenishRate per second. */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  constructor(
    private readonly settings: RateLimitSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes `cost` tokens if there are enough; reports what is left either way. */
  take(key: string, cost = 1): { allowed: boolean; remaining: number; retryAfterSeconds: number } {
    const { burstCapacity, replenishRate } = this.settings;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burstCapacity, updatedAt: now };
    bucket.tokens = Math.min(burstCapacity, bucket.tokens + ((now - bucket.updatedAt) / 1000) * replenishRate);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { allowed: true, remaining: Math.floor(bucket.tokens), retryAfterSeconds: 0 };
    }
    const missing = cost - bucket.tokens;
    return {
      allowed: false,
      remaining: Math.floor(bucket.tokens),
      retryAfterSeconds: replenishRate > 0 ? Math.max(1, Math.ceil(missing / replenishRate)) : 60,
    };
  }
}

/**
 * Rate limits /apis/v1 per caller and puts the X-RateLimit-* headers on every response. The key is chosen by
 * `callerKey` (the identity when a valid token came along, else the client's IP, as §12.1 describes).
 */
export const rateLimit = (
  settings: RateLimitSettings,
  callerKey: (req: Request, res: Response) => Promise<string> | string,
) => {
  const buckets = new TokenBuckets(settings);
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!settings.enabled) {
      next();
      return;
    }
    Promise.resolve(callerKey(req, res))
      .then((key) => {
        const cost = requestCost(req.method, req.path);
        const result = buckets.take(key, cost);
        res.setHeader('X-RateLimit-Remaining', String(result.remaining));
        res.setHeader('X-RateLimit-Requested-Tokens', String(cost));
        res.setHeader('X-RateLimit-Burst-Capacity', String(settings.burstCapacity));
        res.setHeader('X-RateLimit-Replenish-Rate', String(settings.replenishRate));
        if (!result.allowed) {
          throw new DpHttpError(429, 'Too Many Requests', [], { 'Retry-After': String(result.retryAfterSeconds) });
        }
        next();
      })
      .catch(next);
  };
};

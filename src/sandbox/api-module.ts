import type { Router } from 'express';
import type { SandboxConfig } from './config';
import type { Identity } from './identity';

/**
 * The seam between the sandbox's HTTP shell (server.ts: OIDC, auth, rate limit, faults, traceparent) and its
 * Digital Post data + REST API (src/sandbox/api). server.ts mounts:
 *   /apis/v1  → publicRouter (no token needed, e.g. POST /validations/), then bearer auth + rate limit, then router
 *   /sandbox  → hooksRouter (data hooks: deliver a message, reset, outbox)
 * Inside `router`, `res.locals.identity` is the authenticated Identity.
 */
export interface DigitalPostApi {
  publicRouter: Router;
  router: Router;
  hooksRouter: Router;
  /** Back to the deterministic seed (also what POST /sandbox/reset does). */
  reset(): void;
}

export interface DigitalPostApiOptions {
  config: SandboxConfig;
  identities: readonly Identity[];
  now?: () => Date;
}

export type CreateDigitalPostApi = (options: DigitalPostApiOptions) => DigitalPostApi;

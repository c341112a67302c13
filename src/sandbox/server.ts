import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import express, { type Request, type Response } from 'express';
import { defaultSandboxConfig, type SandboxConfig } from './config';
import type { Identity } from './identity';
import type { CreateDigitalPostApi, DigitalPostApi } from './api-module';
import { createDigitalPostApi } from './api';
import { SANDBOX_IDENTITIES, findIdentity } from './identities';
import { mintAccessToken, type AccessTokenContext } from './oidc/access-token';
import { generateSigningKey } from './oidc/signing-key';
import { INTERACTION_PATH, OIDC_MOUNT_PATH, OIDC_ROUTES, createSandboxOidc } from './oidc/provider';
import { createInteractionRouter } from './oidc/interaction-routes';
import { createUserinfoRouter } from './oidc/userinfo-route';
import { createEndSessionRouter, createMultiRealmLogoutRouter } from './oidc/logout-routes';
import { traceparent } from './http/traceparent';
import { rateLimit } from './http/rate-limit';
import { authenticate, requireIdentity } from './http/bearer-auth';
import { dpErrorHandler, dpNotFound, jsonBody } from './http/error-handler';
import { FaultInjector, type FaultSpec } from './http/faults';
import { createIdentityHooksRouter } from './hooks/identity-hooks';

export const API_BASE_PATH = '/apis/v1';

export interface RunningSandbox {
  /** http://127.0.0.1:<port> */
  url: string;
  issuer: string;
  /** url + '/apis/v1' */
  apiBase: string;
  config: SandboxConfig;
  identities: readonly Identity[];
  api: DigitalPostApi;
  /** A real access token for the identity (same key and claims as after a login), skipping the login page. */
  mintAccessToken(identityId: string, opts?: { scope?: string; ttlSeconds?: number }): Promise<string>;
  faults: { add(fault: FaultSpec): number; clear(): void; list(): FaultSpec[] };
  close(): Promise<void>;
}

/** For tests of the shell itself: replace the Digital Post API module. */
export interface SandboxInternals {
  createApi?: CreateDigitalPostApi;
  identities?: readonly Identity[];
}

const mergeConfig = (partial: Partial<SandboxConfig>): SandboxConfig => {
  const defaults = defaultSandboxConfig();
  return { ...defaults, ...partial, rateLimit: { ...defaults.rateLimit, ...partial.rateLimit } };
};

const listen = (server: Server, port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });

/** Starts the sandbox on 127.0.0.1: OIDC under /auth, Digital Post under /apis/v1, test hooks under /sandbox. */
export const startSandbox = async (
  partialConfig: Partial<SandboxConfig> = {},
  internals: SandboxInternals = {},
): Promise<RunningSandbox> => {
  const config = mergeConfig(partialConfig);
  const identities = internals.identities ?? SANDBOX_IDENTITIES;
  const key = await generateSigningKey();

  // Listen first: the issuer and the token audience contain the port, and port 0 means "pick one".
  const server = createServer();
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listen(server, config.port);
  const url = `http://127.0.0.1:${port}`;
  const issuer = `${url}${OIDC_MOUNT_PATH}`;
  const apiBase = `${url}${API_BASE_PATH}`;
  const resolvedConfig: SandboxConfig = { ...config, port };

  const tokens: AccessTokenContext = { issuer, audience: apiBase, key };
  const oidc = createSandboxOidc({ issuer, audience: apiBase, config: resolvedConfig, identities, key });
  const api = (internals.createApi ?? createDigitalPostApi)({ config: resolvedConfig, identities });
  const faults = new FaultInjector();

  const mint = async (identityId: string, opts: { scope?: string; ttlSeconds?: number } = {}): Promise<string> => {
    const identity = findIdentity(identities, identityId);
    if (!identity) throw new Error(`unknown sandbox identity: ${identityId}`);
    return mintAccessToken(tokens, identity, {
      ttlSeconds: opts.ttlSeconds ?? resolvedConfig.accessTokenTtlSeconds,
      ...(opts.scope ? { scope: opts.scope } : {}),
    });
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(traceparent);
  app.use(faults.middleware());

  // OIDC: our own pages and logout first, then oidc-provider for everything else below the mount path.
  app.use(INTERACTION_PATH, createInteractionRouter(oidc.provider, identities));
  app.use(`${OIDC_MOUNT_PATH}${OIDC_ROUTES.end_session}`, createEndSessionRouter(oidc, tokens));
  app.use('/auth/s9/multi-realm/logout', createMultiRealmLogoutRouter(oidc));
  app.use(`${OIDC_MOUNT_PATH}${OIDC_ROUTES.userinfo}`, createUserinfoRouter(tokens, identities));
  app.use(OIDC_MOUNT_PATH, oidc.provider.callback());

  // Digital Post REST API.
  const callerKey = async (req: Request, res: Response): Promise<string> => {
    const outcome = await authenticate(tokens, identities, req, res);
    return 'identity' in outcome ? `identity:${outcome.identity.dpiid}` : `ip:${req.socket.remoteAddress ?? ''}`;
  };
  const apiApp = express.Router();
  apiApp.use(rateLimit(resolvedConfig.rateLimit, callerKey));
  apiApp.use(jsonBody());
  apiApp.use(api.publicRouter);
  apiApp.use(requireIdentity(tokens, identities));
  apiApp.use(api.router);
  apiApp.use(dpNotFound);
  app.use(API_BASE_PATH, apiApp);

  // Sandbox-only test hooks.
  app.use('/sandbox', jsonBody());
  app.use('/sandbox/faults', faults.router());
  app.use(
    '/sandbox',
    createIdentityHooksRouter({
      identities,
      accessTokenTtlSeconds: resolvedConfig.accessTokenTtlSeconds,
      mintAccessToken: mint,
    }),
  );
  app.use('/sandbox', api.hooksRouter);

  app.use(dpNotFound);
  app.use(dpErrorHandler);

  server.on('request', app);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      faults.dispose();
      server.close((error) => (error ? reject(error) : resolve()));
      server.closeIdleConnections();
      // Keep-alive and half-finished requests would hold close() open; tests start and stop many sandboxes.
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return {
    url,
    issuer,
    apiBase,
    config: resolvedConfig,
    identities,
    api,
    mintAccessToken: mint,
    faults: { add: (f) => faults.add(f), clear: () => faults.clear(), list: () => faults.list() },
    close,
  };
};

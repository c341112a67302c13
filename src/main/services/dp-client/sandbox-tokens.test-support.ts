import type { RunningSandbox } from '../../../sandbox/server';
import type { AccessTokenSource } from './dp-client';

/**
 * Bearer tokens for `identity` straight from a test sandbox, without a login: one token until the client reports a
 * 401, then a fresh one, as the auth service would renew it.
 */
export const sandboxTokens = (sandbox: RunningSandbox, identity: string): AccessTokenSource => {
  let token: Promise<string> | undefined;
  return {
    getAccessToken: () => (token ??= sandbox.mintAccessToken(identity)),
    renewAfterUnauthorized: () => (token = sandbox.mintAccessToken(identity)),
  };
};

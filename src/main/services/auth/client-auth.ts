import * as oidc from 'openid-client';
import type { ResolvedEnvironment } from '../environments';

/**
 * The token endpoint's client authentication as the discovery document offers it: with a secret, `client_secret_basic`
 * (RFC 8414's default when nothing is listed) or else `client_secret_post`; without one, `none` (a public native app).
 */
export const clientAuthFor = (
  meta: oidc.ServerMetadata,
  secret: string | null,
): { method: 'client_secret_basic' | 'client_secret_post' | 'none'; auth: oidc.ClientAuth } => {
  if (!secret) return { method: 'none', auth: oidc.None() };
  const offered = meta.token_endpoint_auth_methods_supported ?? ['client_secret_basic'];
  if (offered.includes('client_secret_basic'))
    return { method: 'client_secret_basic', auth: oidc.ClientSecretBasic(secret) };
  if (offered.includes('client_secret_post'))
    return { method: 'client_secret_post', auth: oidc.ClientSecretPost(secret) };
  // Nothing we can send the secret with: let Digital Post decide whether the client may go without.
  return { method: 'none', auth: oidc.None() };
};

/**
 * The discovered provider of an environment with the client authentication its metadata offers for the stored
 * secret (if any). Discovery is cached per issuer and client; a failed one (offline) is tried again next time.
 */
export const createOidcConfigs = (options: {
  fetch?: typeof fetch;
  clientSecret: (env: ResolvedEnvironment) => Promise<string | null>;
}): ((env: ResolvedEnvironment) => Promise<oidc.Configuration>) => {
  const discoveries = new Map<string, Promise<oidc.Configuration>>();
  const fetchOption = (): Record<symbol, unknown> => (options.fetch ? { [oidc.customFetch]: options.fetch } : {});

  const discover = (env: ResolvedEnvironment): Promise<oidc.Configuration> => {
    const key = `${env.issuer.href}|${env.registration.clientId}`;
    let c = discoveries.get(key);
    if (!c) {
      c = oidc.discovery(env.issuer, env.registration.clientId, undefined, oidc.None(), {
        execute: env.allowInsecure ? [oidc.allowInsecureRequests] : [],
        ...fetchOption(),
      });
      discoveries.set(key, c);
      // A failed discovery (offline) must be retried next time, not cached.
      c.catch(() => discoveries.delete(key));
    }
    return c;
  };

  /** The discovered provider with the client authentication its metadata offers for the stored secret (if any). */
  const configFor = async (env: ResolvedEnvironment): Promise<oidc.Configuration> => {
    const discovered = await discover(env);
    const secret = await options.clientSecret(env);
    const meta = discovered.serverMetadata();
    const config = new oidc.Configuration(meta, env.registration.clientId, undefined, clientAuthFor(meta, secret).auth);
    if (env.allowInsecure) oidc.allowInsecureRequests(config);
    if (options.fetch) config[oidc.customFetch] = options.fetch as oidc.CustomFetch;
    return config;
  };

  return configFor;
};

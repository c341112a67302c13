import { randomBytes } from 'node:crypto';
import Provider, { errors, interactionPolicy, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { SandboxConfig } from '../config';
import type { Identity } from '../identity';
import { SANDBOX_CLIENT_ID, SANDBOX_SCOPES } from '../client-registration';
import { findIdentityByDpiid } from '../identities';
import { USERINFO_ROUTE, dpAccessTokenClaims } from './access-token';
import { MemoryOidcStore } from './memory-adapter';
import { isKnownRealm, isOneTimeUseRealm } from './realms';
import { SIGNING_ALG, type SigningKey } from './signing-key';
import { renderErrorPage } from './pages';

/** Where the provider lives below the sandbox origin (the real one: /auth/v2/oauth, §16.3.2). */
export const OIDC_MOUNT_PATH = '/auth/v2/oauth';
export const INTERACTION_PATH = `${OIDC_MOUNT_PATH}/interaction`;

/** The client's loopback redirect; as a native client, oidc-provider accepts it on any port (RFC 8252 §7.3). */
export const SANDBOX_REDIRECT_URI = 'http://127.0.0.1/callback';
export const SANDBOX_POST_LOGOUT_REDIRECT_URI = 'http://127.0.0.1/logged-out';

export const OIDC_ROUTES = {
  authorization: '/authorize',
  token: '/token',
  userinfo: USERINFO_ROUTE,
  jwks: '/jwks',
  revocation: '/revoke',
  end_session: '/logout',
} as const;

export interface SandboxOidc {
  provider: Provider;
  store: MemoryOidcStore;
  issuer: string;
  audience: string;
}

export interface SandboxOidcOptions {
  issuer: string;
  /** Resource indicator of /apis/v1; every access token is a JWT for it. */
  audience: string;
  config: SandboxConfig;
  identities: readonly Identity[];
  key: SigningKey;
}

/** The `idp` an authorization request came in with, read from oidc-provider's request parameters. */
const requestedIdp = (ctx: KoaContextWithOIDC): unknown =>
  (ctx.oidc.params as Record<string, unknown> | undefined)?.idp;

export const createSandboxOidc = (options: SandboxOidcOptions): SandboxOidc => {
  const { issuer, audience, config, identities, key } = options;
  const store = new MemoryOidcStore();
  // Authorization codes issued through a OneTimeUse realm: their exchange gets no refresh token (§16.3.4).
  const oneTimeUseCodes = new Set<string>();
  const resourceScope = SANDBOX_SCOPES.join(' ');

  const policy = interactionPolicy.base();
  policy
    .get('login')
    ?.checks.add(
      new interactionPolicy.Check('one_time_use', 'a OneTimeUse realm never reuses a login session', (ctx) =>
        isOneTimeUseRealm(requestedIdp(ctx)) && !ctx.oidc.result?.login
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT,
      ),
    );

  // With a secret the client is confidential and the discovery document offers only the method it must use, as an
  // enrolment with a secret would; without one it is the public native app.
  const authMethod = config.clientSecret ? (config.clientAuthMethod ?? 'client_secret_basic') : 'none';

  const configuration: Configuration = {
    adapter: store.adapterClass(),
    clientAuthMethods: [authMethod],
    clients: [
      {
        client_id: SANDBOX_CLIENT_ID,
        client_name: 'Digital Post Desktop (sandbox)',
        application_type: 'native',
        token_endpoint_auth_method: authMethod,
        ...(config.clientSecret ? { client_secret: config.clientSecret } : {}),
        redirect_uris: [config.redirectUri ?? SANDBOX_REDIRECT_URI],
        post_logout_redirect_uris: [SANDBOX_POST_LOGOUT_REDIRECT_URI],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        scope: resourceScope,
        id_token_signed_response_alg: SIGNING_ALG,
      },
    ],
    jwks: { keys: [key.privateJwk as never] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    scopes: [...SANDBOX_SCOPES],
    claims: { openid: ['sub', 'name', 'dpiid'], cpr_number: ['cpr_number'] },
    routes: OIDC_ROUTES,
    responseTypes: ['code'],
    extraParams: {
      idp(_ctx, value) {
        if (value === undefined || value === '') throw new errors.InvalidRequest('missing required parameter idp');
        if (!isKnownRealm(value)) throw new errors.InvalidRequest(`unknown realm in parameter idp: ${value}`);
      },
    },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // A client may revoke only its own tokens.
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      rpInitiatedLogout: { enabled: true },
      userinfo: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== audience) throw new errors.InvalidTarget();
          return {
            scope: resourceScope,
            audience,
            accessTokenTTL: config.accessTokenTtlSeconds,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: SIGNING_ALG } },
          };
        },
      },
    },
    async findAccount(_ctx, sub) {
      const identity = findIdentityByDpiid(identities, sub);
      if (!identity) return undefined;
      return {
        accountId: identity.dpiid,
        claims: () => ({
          sub: identity.dpiid,
          name: identity.name,
          dpiid: identity.dpiid,
          cpr_number: identity.cpr,
        }),
      };
    },
    extraTokenClaims(_ctx, token) {
      const identity = 'accountId' in token ? findIdentityByDpiid(identities, token.accountId) : undefined;
      return identity ? dpAccessTokenClaims(identity, issuer) : undefined;
    },
    // Digital Post issues refresh tokens without offline_access / prompt=consent, except after a OneTimeUse login.
    issueRefreshToken(_ctx, client, source) {
      if (!client.grantTypeAllowed('refresh_token')) return false;
      return !(source.jti && oneTimeUseCodes.has(source.jti));
    },
    rotateRefreshToken: true,
    // Tokens outlive the login (NemLog-in) session; only end_session and revocation end them.
    expiresWithSession: () => false,
    ttl: {
      AccessToken: config.accessTokenTtlSeconds,
      IdToken: config.accessTokenTtlSeconds,
      RefreshToken: config.refreshTokenTtlSeconds,
      Grant: config.refreshTokenTtlSeconds,
      Session: config.refreshTokenTtlSeconds,
      AuthorizationCode: 120,
      Interaction: 3600,
    },
    interactions: {
      policy,
      url: (_ctx, interaction) => `${INTERACTION_PATH}/${interaction.uid}`,
    },
    renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = renderErrorPage(out.error ?? 'server_error', out.error_description);
    },
  };

  const provider = new Provider(issuer, configuration);
  // Digital Post's logout finds the session from the id token alone (§16.3.3), so every id token names its login
  // session (`sid`); oidc-provider would otherwise add it only for back-channel-logout clients. The Client class
  // is private to this provider instance.
  Object.defineProperty(provider.Client.prototype, 'includeSid', { value: () => true });
  // An enrolled redirect URI is matched character for character; oidc-provider would let a native client's loopback
  // redirect through on any port (RFC 8252 §7.3), which only the default, port-free registration relies on.
  const exactRedirect = config.redirectUri;
  if (exactRedirect !== undefined) {
    Object.defineProperty(provider.Client.prototype, 'redirectUriAllowed', {
      value: (value: string) => value === exactRedirect,
    });
  }

  // Remember which codes came from a OneTimeUse realm; the token endpoint no longer sees the `idp`.
  provider.use(async (ctx, next) => {
    await next();
    const oidc = (ctx as Partial<KoaContextWithOIDC>).oidc;
    const code = oidc?.entities?.AuthorizationCode;
    if (oidc?.route === 'resume' || oidc?.route === 'authorization') {
      if (code?.jti && isOneTimeUseRealm(requestedIdp(ctx as KoaContextWithOIDC))) oneTimeUseCodes.add(code.jti);
    }
  });

  return { provider, store, issuer, audience };
};

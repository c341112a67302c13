import * as oidc from 'openid-client';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';
import type { ResolvedEnvironment } from '../environments';
import { MESSAGES, invalidClientFault, isInvalidClient, isNetworkError, networkFault } from './auth-faults';
import { oneTimeUseRealm } from './realms';
import type { Tokens } from './session';

// One authorization-code login with PKCE S256, state and nonce (RFC 8252): the request, its URL and the exchange.

export interface AuthorizationRequest {
  verifier: string;
  challenge: string;
  state: string;
  nonce: string;
}

export const newAuthorizationRequest = async (): Promise<AuthorizationRequest> => {
  const verifier = oidc.randomPKCECodeVerifier();
  return {
    verifier,
    challenge: await oidc.calculatePKCECodeChallenge(verifier),
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
  };
};

/** The login page's URL, in the realm the registration names (its OneTimeUse sibling for "don't keep me logged in"). */
export const authorizationUrl = (
  config: oidc.Configuration,
  env: ResolvedEnvironment,
  redirectUri: string,
  request: AuthorizationRequest,
  oneTimeUse: boolean,
): URL =>
  oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: env.registration.scopes.join(' '),
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    state: request.state,
    nonce: request.nonce,
    idp: oneTimeUse ? oneTimeUseRealm(env.registration.idp, env.registration.oneTimeUseIdp) : env.registration.idp,
  });

/** The code for tokens; a refusal says whether the network, the client registration or the login itself failed. */
export const exchangeCode = async (
  config: oidc.Configuration,
  callbackUrl: URL,
  request: AuthorizationRequest,
  log: (msg: string, err?: unknown) => void,
): Promise<Tokens> => {
  try {
    return await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
      expectedNonce: request.nonce,
      idTokenExpected: true,
    });
  } catch (err) {
    if (isNetworkError(err)) throw networkFault();
    log('Authorization code exchange failed', err);
    if (isInvalidClient(err)) throw invalidClientFault();
    throw new AppFault({ code: APP_ERROR_CODES.loginDenied, message: MESSAGES.loginFailed });
  }
};

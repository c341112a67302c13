import * as oidc from 'openid-client';
import { APP_ERROR_CODES } from '../../../shared/ipc/app-error';
import { AppFault } from '../../errors';

// What the login, renewal and logout paths tell the user, and how they tell Digital Post's refusals from the network's.

export const MESSAGES = {
  expired: 'Din session er udløbet. Log ind igen.',
  restoreOffline:
    'Kunne ikke genoptage din session, fordi der ikke er forbindelse til Digital Post. Prøv igen senere eller log ind.',
  notLoggedIn: 'Du er ikke logget ind.',
  network: 'Der er ingen forbindelse til Digital Post. Prøv igen, når du er online.',
  loginFailed: 'Login mislykkedes. Prøv igen.',
  invalidClient:
    'Digital Post afviste appens klientregistrering (klient-id eller klienthemmelighed). Tjek dem under Indstillinger.',
  noRedirect:
    'Angiv den redirect-URI, din klientregistrering er tilmeldt med, under Indstillinger (for en testklient fx http://127.0.0.1:8765/callback).',
  schemeUnavailable:
    'Denne redirect-URI bruger appens eget URI-skema, som kun skrivebordsappen kan modtage. Angiv en loopback-redirect (http://127.0.0.1:<port>/callback) for en testklient.',
};

/** fetch() rejects with a TypeError when the network (not the server) fails. */
export const isNetworkError = (err: unknown): boolean =>
  err instanceof TypeError || (err instanceof oidc.ClientError && err.cause instanceof TypeError);

export const isOAuthError = (err: unknown): err is { error: string; status?: number } =>
  typeof err === 'object' && err !== null && typeof (err as { error?: unknown }).error === 'string';

/** Digital Post refused the client (wrong id or secret): a problem of the settings, not of the user's session. */
export const isInvalidClient = (err: unknown): boolean => {
  const refused = (code: unknown) => code === 'invalid_client' || code === 'unauthorized_client';
  if (isOAuthError(err)) return refused(err.error);
  // A 401 with a WWW-Authenticate challenge (client_secret_basic refused) carries the error in its parameters.
  if (err instanceof oidc.WWWAuthenticateChallengeError) return err.cause.some((c) => refused(c.parameters.error));
  return false;
};

export const invalidClientFault = (): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.invalidClient, message: MESSAGES.invalidClient });

export const networkFault = (): AppFault => new AppFault({ code: APP_ERROR_CODES.network, message: MESSAGES.network });
export const notLoggedIn = (): AppFault =>
  new AppFault({ code: APP_ERROR_CODES.notLoggedIn, message: MESSAGES.notLoggedIn });

/** The network failed (not the server): worth retrying later, and nothing stored should be given up for it. */
export const isNetworkFault = (err: unknown): boolean =>
  err instanceof AppFault && err.appError.code === APP_ERROR_CODES.network;

/**
 * The client registration the app uses against the sandbox. Against Digital Post's real environments the user
 * brings their own (settings); nothing here belongs to anyone else's client.
 */
export const SANDBOX_CLIENT_ID = 'digital-post-desktop-sandbox';
/** The `idp` realm enrolled for this app in the sandbox (§16.3.4–16.3.6 list the real ones). */
export const SANDBOX_APP_REALM = 'digital-post-desktop';
export const SANDBOX_SCOPES = ['openid', 'native', 'cpr_number'] as const;

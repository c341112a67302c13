import { z } from 'zod';
import { channel, noInput } from '../define';

export const EnvironmentNameSchema = z.enum(['sandbox', 'test', 'prod']);
export type EnvironmentName = z.infer<typeof EnvironmentNameSchema>;

/** Where the refresh token is kept; `memory` means the user must log in again after a restart (shown as a notice). */
export const SecretStoreKindSchema = z.enum(['keychain', 'safeStorage', 'memory']);
export type SecretStoreKind = z.infer<typeof SecretStoreKindSchema>;

/** What the renderer may know about the session: never a token. */
export const AuthStatusSchema = z.object({
  loggedIn: z.boolean(),
  environment: EnvironmentNameSchema,
  /** True while a login is waiting for the browser to come back. */
  pending: z.boolean(),
  displayName: z.string().optional(),
  /** CPR masked as Digital Post masks it (§6.8.2), e.g. `010190-****`. */
  maskedCpr: z.string().optional(),
  secretStore: SecretStoreKindSchema,
  /** Set when the last attempt to restore or renew the session failed, in the user's words. */
  notice: z.string().optional(),
  /**
   * Logged in from the stored person while Digital Post could not be reached at start: the app reads the local
   * archive only, until a token refresh succeeds (then this goes and `auth.changed` is sent).
   */
  offline: z.boolean().optional(),
});
export type AuthStatus = z.infer<typeof AuthStatusSchema>;

export const LoginRequestSchema = z
  .strictObject({
    /** "Don't keep me logged in": use the realm's OneTimeUse variant and keep no refresh token (§16.3.5). */
    oneTimeUse: z.boolean().optional(),
  })
  .optional();

export const LoginStartedSchema = z.object({
  /**
   * In browser mode the app navigates its own tab to this URL (there is no separate system browser to open);
   * in Electron the system browser was already opened by main and this is absent.
   */
  navigateTo: z.string().url().optional(),
});

/**
 * The private-use URI scheme (RFC 8252 §7.1) the packaged app registers with the OS: the reverse-DNS form of the app
 * id, so no other app plausibly claims it. The redirect URI a vendor enrols for prod uses it.
 */
export const APP_REDIRECT_SCHEME = 'dk.digitalpost.desktop';
export const DEFAULT_APP_REDIRECT_URI = `${APP_REDIRECT_SCHEME}:/oauth2redirect`;

/** How a redirect URI comes back to the app: through the OS (private-use scheme) or to a loopback listener. */
export type RedirectKind =
  | { kind: 'app-scheme' }
  | { kind: 'loopback'; port: number; path: string }
  /** Something the app cannot receive (another scheme, another host, no fixed port, not written canonically). */
  | { kind: 'unreceivable' };

export const classifyRedirectUri = (uri: string): RedirectKind => {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { kind: 'unreceivable' };
  }
  if (url.search || url.hash) return { kind: 'unreceivable' };
  if (url.protocol === `${APP_REDIRECT_SCHEME}:`) return { kind: 'app-scheme' };
  // Compared character for character with what Digital Post holds, so only the canonical spelling is accepted.
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port !== '' && url.href === uri) {
    return { kind: 'loopback', port: Number(url.port), path: url.pathname };
  }
  return { kind: 'unreceivable' };
};

/** Why a registration's redirect URI is refused for an environment, as a key the dialog translates; null if fine. */
export type RedirectProblem = 'unreceivable' | 'httpInProd';

export const redirectProblem = (env: 'test' | 'prod', uri: string): RedirectProblem | null => {
  const kind = classifyRedirectUri(uri).kind;
  if (kind === 'unreceivable') return 'unreceivable';
  // §16.3.2 permits plain http only for test clients.
  if (env === 'prod' && kind === 'loopback') return 'httpInProd';
  return null;
};

export const REDIRECT_PROBLEM_MESSAGES: Record<RedirectProblem, string> = {
  unreceivable: `Appen kan kun modtage en redirect-URI med skemaet ${APP_REDIRECT_SCHEME}: eller http://127.0.0.1:<port>/<sti>, skrevet præcis som registreret.`,
  httpInProd:
    'En prod-klient må ikke bruge en http-redirect: Digital Post tillader kun http for testklienter. Brug appens egen URI (fx ' +
    `${DEFAULT_APP_REDIRECT_URI}).`,
};

export const ClientRegistrationSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  /** The `idp` realm the registration was enrolled with (§16.3.4–16.3.6), e.g. `mit-dk-nemlogin`. */
  idp: z.string().min(1).max(100),
  scopes: z.array(z.string().min(1).max(100)).min(1).max(20),
  /** The redirect URI exactly as enrolled (§16.3.2). Optional so older settings files still parse. */
  redirectUri: z.string().min(1).max(500).optional(),
  /** Overrides the OneTimeUse realm that otherwise follows `idp` by the §16.3.4 table. */
  oneTimeUseIdp: z.string().min(1).max(100).optional(),
});
export type ClientRegistration = z.infer<typeof ClientRegistrationSchema>;

export const ThemeSchema = z.enum(['system', 'light', 'dark']);
export type Theme = z.infer<typeof ThemeSchema>;
export const DensitySchema = z.enum(['normal', 'compact']);
export type Density = z.infer<typeof DensitySchema>;

/** The widths (CSS px) the user dragged the sidebar and the message list to; either may be unset (the default). */
export const PaneWidthsSchema = z.strictObject({
  sidebar: z.number().int().min(160).max(600).optional(),
  list: z.number().int().min(240).max(1000).optional(),
});
export type PaneWidths = z.infer<typeof PaneWidthsSchema>;

/** The main window's last normal bounds and whether it was maximized; written by main only, never by the renderer. */
export const WindowStateSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(200).max(20_000),
  height: z.number().int().min(200).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

export const SettingsSchema = z.object({
  environment: EnvironmentNameSchema,
  /** The user's own client registration per real environment; the sandbox brings its own. */
  registrations: z.object({ test: ClientRegistrationSchema.optional(), prod: ClientRegistrationSchema.optional() }),
  language: z.enum(['da', 'en']),
  /**
   * Closing the window on Windows/Linux leaves the app in the tray so new-post alerts keep coming. Optional so
   * settings files from before it still parse; main fills in the platform's default when the user never chose.
   */
  keepRunningInTray: z.boolean().optional(),
  /** The app's look: follow the OS, or always light or dark. Optional so older settings files still parse. */
  theme: ThemeSchema.optional(),
  /** How many list rows fit: compact rows or the roomier normal ones. */
  density: DensitySchema.optional(),
  // Remembered layout is dropped, not the whole file, when it no longer reads (a hand edit, an older limit).
  paneWidths: PaneWidthsSchema.optional().catch(undefined),
  /** The sandbox's welcome was dismissed; it is shown once. */
  welcomeDismissed: z.boolean().optional(),
  window: WindowStateSchema.optional().catch(undefined),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Settings as the renderer sees them: plus whether a client secret is stored per environment, never the secret. */
export const SettingsViewSchema = SettingsSchema.extend({
  clientSecretStored: z.object({ test: z.boolean(), prod: z.boolean() }),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

/** §16.3.2: Digital Post issues client secrets of at least 32 characters. */
export const CLIENT_SECRET_MIN_LENGTH = 32;

const ClientSecretUpdateSchema = z
  .string()
  .min(CLIENT_SECRET_MIN_LENGTH, `Klienthemmeligheden er mindst ${CLIENT_SECRET_MIN_LENGTH} tegn.`)
  .max(1000)
  /** null removes the stored secret. */
  .nullable()
  .optional();

export const SettingsUpdateSchema = z
  .strictObject({
    environment: EnvironmentNameSchema.optional(),
    registrations: z
      .strictObject({ test: ClientRegistrationSchema.optional(), prod: ClientRegistrationSchema.optional() })
      .optional(),
    language: z.enum(['da', 'en']).optional(),
    keepRunningInTray: z.boolean().optional(),
    theme: ThemeSchema.optional(),
    density: DensitySchema.optional(),
    paneWidths: PaneWidthsSchema.optional(),
    welcomeDismissed: z.boolean().optional(),
    /** Goes to the OS keychain, never to settings.json. */
    clientSecrets: z.strictObject({ test: ClientSecretUpdateSchema, prod: ClientSecretUpdateSchema }).optional(),
  })
  .superRefine((patch, ctx) => {
    for (const env of ['test', 'prod'] as const) {
      const uri = patch.registrations?.[env]?.redirectUri;
      const problem = uri === undefined ? null : redirectProblem(env, uri);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          path: ['registrations', env, 'redirectUri'],
          message: REDIRECT_PROBLEM_MESSAGES[problem],
        });
      }
    }
  });

export const authChannels = {
  'auth.status': channel(noInput, AuthStatusSchema),
  /** Starts the code + PKCE flow; resolves when the browser was sent off (not when the login finishes). */
  'auth.login': channel(LoginRequestSchema, LoginStartedSchema),
  'auth.cancelLogin': channel(noInput, z.object({ cancelled: z.boolean() })),
  'auth.logout': channel(noInput, z.object({ loggedOut: z.literal(true), revocationPending: z.boolean() })),
  'settings.get': channel(noInput, SettingsViewSchema),
  'settings.update': channel(SettingsUpdateSchema, SettingsViewSchema),
};

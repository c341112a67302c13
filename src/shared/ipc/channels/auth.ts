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

export const ClientRegistrationSchema = z.strictObject({
  clientId: z.string().min(1).max(200),
  /** The `idp` realm the registration was enrolled with (§16.3.4–16.3.6), e.g. `mit-dk-nemlogin`. */
  idp: z.string().min(1).max(100),
  scopes: z.array(z.string().min(1).max(100)).min(1).max(20),
});
export type ClientRegistration = z.infer<typeof ClientRegistrationSchema>;

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
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsUpdateSchema = z.strictObject({
  environment: EnvironmentNameSchema.optional(),
  registrations: z
    .strictObject({ test: ClientRegistrationSchema.optional(), prod: ClientRegistrationSchema.optional() })
    .optional(),
  language: z.enum(['da', 'en']).optional(),
  keepRunningInTray: z.boolean().optional(),
});

export const authChannels = {
  'auth.status': channel(noInput, AuthStatusSchema),
  /** Starts the code + PKCE flow; resolves when the browser was sent off (not when the login finishes). */
  'auth.login': channel(LoginRequestSchema, LoginStartedSchema),
  'auth.cancelLogin': channel(noInput, z.object({ cancelled: z.boolean() })),
  'auth.logout': channel(noInput, z.object({ loggedOut: z.literal(true), revocationPending: z.boolean() })),
  'settings.get': channel(noInput, SettingsSchema),
  'settings.update': channel(SettingsUpdateSchema, SettingsSchema),
};

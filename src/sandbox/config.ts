/** Everything a sandbox run can be tuned with; `npm run sandbox -- --flag` and startSandbox({...}) both map onto this. */
export interface SandboxConfig {
  /** 0 = pick a free port. Always bound to 127.0.0.1. */
  port: number;
  /** Messages in the main test citizen's inbox beyond the hand-written seed (e.g. 20000 for a large mailbox). */
  messages: number;
  /** Seed of the deterministic data generator. */
  seed: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Per-identity token bucket (§12.1); view-client default 20 tokens, 10 per second. */
  rateLimit: { enabled: boolean; burstCapacity: number; replenishRate: number };
  /** Queries see writes only after this delay (eventual consistency, §3.3.1); fetch by id never lags. */
  queryLagMs: number;
  /**
   * Makes the app's client confidential: the token endpoint then wants this secret (client_secret_basic or
   * client_secret_post, as `clientAuthMethod` says) and the discovery document offers only that method.
   */
  clientSecret?: string;
  clientAuthMethod?: 'client_secret_basic' | 'client_secret_post';
  /** Accept exactly this redirect URI and refuse any other (by default any loopback port of /callback). */
  redirectUri?: string;
  /**
   * Answer with only the keys the document prints and spell every unprinted value differently (api/views.ts), so a
   * client that depends on one of our guesses (shared/dp/assumptions.ts) fails against it.
   */
  specMinimal?: boolean;
}

export const defaultSandboxConfig = (): SandboxConfig => ({
  port: 0,
  messages: 0,
  seed: 20261123,
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlSeconds: 14 * 24 * 3600,
  rateLimit: { enabled: true, burstCapacity: 20, replenishRate: 10 },
  queryLagMs: 0,
});

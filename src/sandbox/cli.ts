import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultSandboxConfig, type SandboxConfig } from './config';
import { startSandbox } from './server';

/**
 * `npm run sandbox -- --port <n> [...]`: maps flags onto SandboxConfig; prints one line once it serves.
 * `--client-secret <s> [--client-auth-method client_secret_post] --redirect-uri <uri>` makes the app's client
 * confidential and bound to one exact redirect URI, as a real enrolment is.
 */
export const parseCli = (argv: string[]): Partial<SandboxConfig> => {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      messages: { type: 'string' },
      'token-ttl': { type: 'string' },
      burst: { type: 'string' },
      replenish: { type: 'string' },
      'no-rate-limit': { type: 'boolean' },
      'query-lag': { type: 'string' },
      seed: { type: 'string' },
      'spec-minimal': { type: 'boolean' },
      'client-secret': { type: 'string' },
      'client-auth-method': { type: 'string' },
      'redirect-uri': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const int = (name: string, raw: string | undefined, min: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer >= ${min}, got ${raw}`);
    return n;
  };
  const config: Partial<SandboxConfig> = {};
  const port = int('port', values.port, 0);
  if (port !== undefined) config.port = port;
  const messages = int('messages', values.messages, 0);
  if (messages !== undefined) config.messages = messages;
  const ttl = int('token-ttl', values['token-ttl'], 1);
  if (ttl !== undefined) config.accessTokenTtlSeconds = ttl;
  const queryLag = int('query-lag', values['query-lag'], 0);
  if (queryLag !== undefined) config.queryLagMs = queryLag;
  const seed = int('seed', values.seed, 0);
  if (seed !== undefined) config.seed = seed;
  if (values['spec-minimal']) config.specMinimal = true;
  const burst = int('burst', values.burst, 1);
  const replenish = int('replenish', values.replenish, 0);
  if (burst !== undefined || replenish !== undefined || values['no-rate-limit']) {
    const defaults = defaultSandboxConfig().rateLimit;
    config.rateLimit = {
      enabled: !values['no-rate-limit'],
      burstCapacity: burst ?? defaults.burstCapacity,
      replenishRate: replenish ?? defaults.replenishRate,
    };
  }
  const secret = values['client-secret'];
  if (secret !== undefined) {
    if (secret.length === 0) throw new Error('--client-secret must not be empty');
    config.clientSecret = secret;
  }
  const method = values['client-auth-method'];
  if (method !== undefined) {
    if (method !== 'client_secret_basic' && method !== 'client_secret_post') {
      throw new Error(`--client-auth-method must be client_secret_basic or client_secret_post, got ${method}`);
    }
    if (secret === undefined) throw new Error('--client-auth-method needs --client-secret');
    config.clientAuthMethod = method;
  }
  const redirectUri = values['redirect-uri'];
  if (redirectUri !== undefined) {
    if (!URL.canParse(redirectUri)) throw new Error(`--redirect-uri must be an absolute URI, got ${redirectUri}`);
    config.redirectUri = redirectUri;
  }
  return config;
};

const main = async (): Promise<void> => {
  let config: Partial<SandboxConfig>;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const sandbox = await startSandbox(config);
  process.stdout.write(`Digital Post sandbox: ${sandbox.url}\n`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

// Run only as the entry point, so tests can import parseCli.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error('sandbox failed to start:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

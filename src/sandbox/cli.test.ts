import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { parseCli } from './cli';

describe('parseCli', () => {
  it('maps the flags onto SandboxConfig', () => {
    expect(
      parseCli([
        '--port',
        '8123',
        '--messages',
        '20000',
        '--token-ttl',
        '30',
        '--burst',
        '5',
        '--replenish',
        '2',
        '--query-lag',
        '250',
        '--seed',
        '7',
      ]),
    ).toEqual({
      port: 8123,
      messages: 20000,
      accessTokenTtlSeconds: 30,
      rateLimit: { enabled: true, burstCapacity: 5, replenishRate: 2 },
      queryLagMs: 250,
      seed: 7,
    });
    expect(parseCli(['--no-rate-limit'])).toEqual({
      rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 },
    });
    expect(parseCli([])).toEqual({});
  });

  it('makes the client confidential with one exact redirect URI', () => {
    expect(parseCli(['--client-secret', 's3cret', '--redirect-uri', 'dk.digitalpost.desktop:/oauth2redirect'])).toEqual(
      { clientSecret: 's3cret', redirectUri: 'dk.digitalpost.desktop:/oauth2redirect' },
    );
    expect(parseCli(['--client-secret', 's', '--client-auth-method', 'client_secret_post'])).toEqual({
      clientSecret: 's',
      clientAuthMethod: 'client_secret_post',
    });
    expect(() => parseCli(['--client-auth-method', 'client_secret_post'])).toThrow(/--client-secret/);
    expect(() => parseCli(['--client-secret', 's', '--client-auth-method', 'private_key_jwt'])).toThrow(
      /--client-auth-method/,
    );
    expect(() => parseCli(['--redirect-uri', 'not a uri'])).toThrow(/--redirect-uri/);
  });

  it('rejects bad values and unknown flags', () => {
    expect(() => parseCli(['--port', 'abc'])).toThrow(/--port/);
    expect(() => parseCli(['--token-ttl', '0'])).toThrow(/--token-ttl/);
    expect(() => parseCli(['--bogus'])).toThrow();
  });
});

/** Runs the real `npm run sandbox` (npm → tsx → node), waits for its one line, checks it serves, and stops it. */
describe('npm run sandbox', () => {
  it('prints exactly one line with the URL once it accepts requests, and stops on SIGTERM', async () => {
    // Own process group, so the whole npm → tsx → node chain this test started can be signalled at once.
    const child = spawn('npm', ['run', '--silent', 'sandbox', '--', '--port', '0', '--burst', '5'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let url = '';
    try {
      const line = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!);
        });
        child.once('exit', () => reject(new Error(`sandbox exited early: ${stderr}`)));
      });
      expect(line).toMatch(/^Digital Post sandbox: http:\/\/127\.0\.0\.1:\d+$/);
      url = line.slice('Digital Post sandbox: '.length);
      expect((await fetch(`${url}/sandbox/identities`)).status).toBe(200);
      const token = (await (
        await fetch(`${url}/sandbox/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ identity: 'lone' }),
        })
      ).json()) as { access_token: string };
      const api = await fetch(`${url}/apis/v1/nothing-here`, {
        headers: { authorization: `Bearer ${token.access_token}` },
      });
      expect(api.headers.get('x-ratelimit-burst-capacity')).toBe('5');
    } finally {
      if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    }
    await exited;
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
    await expect(fetch(`${url}/sandbox/identities`)).rejects.toThrow();
  }, 60_000);
});

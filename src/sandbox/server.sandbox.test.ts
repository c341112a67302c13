import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from './server';

/** The shell with the real Digital Post API module mounted (the other tests use a stand-in). */
describe('startSandbox with the Digital Post API', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('serves the authenticated API through auth and rate limiting', async () => {
    const token = await sb.mintAccessToken('lone');
    const res = await fetch(`${sb.apiBase}/mailboxes`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-burst-capacity')).toBe(String(sb.config.rateLimit.burstCapacity));
    expect(res.headers.get('traceparent')).toBeTruthy();
    expect((await fetch(`${sb.apiBase}/mailboxes`)).status).toBe(401);
  });

  it('mounts the data hooks under /sandbox next to the identity hooks', async () => {
    expect((await fetch(`${sb.url}/sandbox/reset`, { method: 'POST' })).status).toBe(204);
    expect((await fetch(`${sb.url}/sandbox/identities`)).status).toBe(200);
  });

  it('closes cleanly and frees the port', async () => {
    const other = await startSandbox({ port: 0 });
    await fetch(`${other.url}/sandbox/identities`);
    await other.close();
    await expect(fetch(`${other.url}/sandbox/identities`)).rejects.toThrow();
  });
});

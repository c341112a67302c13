import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeJwt } from 'jose';
import { startSandbox, type RunningSandbox } from '../server';
import { SANDBOX_CLIENT_ID } from '../client-registration';
import { createTestApi } from '../http/test-api';
import { loginWithFetch } from './test-login';

vi.mock('../api', () => ({ createDigitalPostApi: () => createTestApi() }));

const REDIRECT = 'http://127.0.0.1:47123/callback';

describe('sandbox OIDC', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sb.close();
  });

  it('logs in with fetch', async () => {
    const t = await loginWithFetch({ issuer: sb.issuer, clientId: SANDBOX_CLIENT_ID, redirectUri: REDIRECT, identityId: 'lone', idp: 'nemlogin', scope: 'openid native cpr_number' });
    console.log(t, decodeJwt(t.access_token), decodeJwt(t.id_token));
    const r = await fetch(`${sb.apiBase}/whoami`, { headers: { authorization: `Bearer ${t.access_token}` } });
    console.log(r.status, [...r.headers], await r.text());
  });
});

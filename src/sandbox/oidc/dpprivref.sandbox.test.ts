import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeJwt } from 'jose';
import { startSandbox, type RunningSandbox } from '../server';
import { SANDBOX_APP_REALM, SANDBOX_CLIENT_ID, SANDBOX_SCOPES } from '../client-registration';
import { createTestApi } from '../http/test-api';
import type { Identity } from '../identity';
import { SANDBOX_IDENTITIES } from '../identities';
import { MAX_INLINE_PRIVILEGES } from './access-token';
import { loginWithFetch } from './test-login';

vi.mock('../api', () => ({ createDigitalPostApi: () => createTestApi() }));

// Identities with this many privileges exist only here: adding one to SANDBOX_IDENTITIES would give it a seeded
// mailbox and shift every seeded id after it (the seed draws ids from one PRNG in identity order).
const estateAdministrator = (id: string, privileges: number, dpiid: string): Identity => ({
  id,
  name: `Bo ${id}`,
  kind: 'citizen',
  cpr: '0404601235',
  dpiid,
  authorities: ['CITIZEN', 'ESTATE_ADMINISTRATOR'],
  dppriv: Array.from({ length: privileges }, (_, i) => `ESTATE_ADMINISTRATOR:estate-${i + 1}`).join(' '),
});
const many = estateAdministrator('bo-many', MAX_INLINE_PRIVILEGES + 1, 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f94');
const limit = estateAdministrator('bo-limit', MAX_INLINE_PRIVILEGES, 'e5f6a7b8-c9d0-4e1f-8a2b-3c4d5e6f7a05');

describe('dpprivref (§16.3.1)', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ port: 0 }, { identities: [...SANDBOX_IDENTITIES, many, limit] });
  });
  afterAll(() => sb.close());

  const login = (identityId: string, scope?: string) =>
    loginWithFetch({
      issuer: sb.issuer,
      clientId: SANDBOX_CLIENT_ID,
      redirectUri: 'http://127.0.0.1:47123/callback',
      identityId,
      idp: SANDBOX_APP_REALM,
      ...(scope ? { scope } : {}),
    });
  const userinfo = (token: string, method = 'GET') =>
    fetch(`${sb.issuer}/userinfo`, { method, headers: { authorization: `Bearer ${token}` } });

  it('a login with 55 privileges gets dpprivref to /userinfo instead of dppriv; 54 still ride in the token', async () => {
    const big = decodeJwt((await login('bo-many')).access_token);
    expect(big.dppriv).toBeUndefined();
    expect(big.dpprivref).toBe(`${sb.issuer}/userinfo`);
    expect(big.authorities).toEqual(many.authorities);

    const small = decodeJwt((await login('bo-limit')).access_token);
    expect(small.dpprivref).toBeUndefined();
    expect(small.dppriv).toBe(limit.dppriv);
  });

  it('the reference answers with the full privileges for that same access token', async () => {
    const { access_token } = await login('bo-many', SANDBOX_SCOPES.join(' '));
    const ref = decodeJwt(access_token).dpprivref as string;
    const res = await fetch(ref, { headers: { authorization: `Bearer ${access_token}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ sub: many.dpiid, dpiid: many.dpiid, name: many.name, cpr_number: many.cpr });
    expect(String(body.dppriv).split(' ')).toHaveLength(MAX_INLINE_PRIVILEGES + 1);
    expect(body.dppriv).toBe(many.dppriv);
    expect((await userinfo(access_token, 'POST')).status).toBe(200);
  });

  it('minted tokens follow the same rule, and a forged or missing token gets no privileges', async () => {
    const minted = await sb.mintAccessToken('bo-many');
    expect(decodeJwt(minted).dpprivref).toBe(`${sb.issuer}/userinfo`);
    const withoutCpr = (await (await userinfo(minted)).json()) as Record<string, unknown>;
    expect(withoutCpr.cpr_number).toBeUndefined();

    const [header, payload] = minted.split('.');
    const forged = await userinfo(`${header}.${payload}.${'A'.repeat(40)}`);
    expect(forged.status).toBe(401);
    expect(forged.headers.get('www-authenticate')).toContain('invalid_token');
    const none = await fetch(`${sb.issuer}/userinfo`);
    expect(none.status).toBe(401);
  });
});

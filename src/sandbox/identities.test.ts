import { describe, expect, it } from 'vitest';
import { SANDBOX_IDENTITIES, findIdentity, findIdentityByDpiid } from './identities';

const MOD11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

describe('SANDBOX_IDENTITIES', () => {
  it('has the citizens, the power of attorney and the company employee the tests rely on', () => {
    const lone = findIdentity(SANDBOX_IDENTITIES, 'lone')!;
    const karl = findIdentity(SANDBOX_IDENTITIES, 'karl')!;
    const mette = findIdentity(SANDBOX_IDENTITIES, 'mette')!;
    expect(lone).toMatchObject({ name: 'Lone Defaultssen', kind: 'citizen' });
    expect(karl.kind).toBe('citizen');
    expect(lone.dppriv).toContain(`:${karl.id}`);
    expect(mette.kind).toBe('employee');
    expect(mette.cvr).toMatch(/^\d{8}$/);
  });

  it('uses unique ids and UUID dpiids, findable both ways', () => {
    const ids = SANDBOX_IDENTITIES.map((i) => i.id);
    const dpiids = SANDBOX_IDENTITIES.map((i) => i.dpiid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(dpiids).size).toBe(dpiids.length);
    for (const identity of SANDBOX_IDENTITIES) {
      expect(identity.id).toMatch(/^[a-z0-9-]+$/);
      expect(identity.dpiid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(findIdentityByDpiid(SANDBOX_IDENTITIES, identity.dpiid)).toBe(identity);
    }
  });

  it('uses 10-digit CPR numbers that fail the modulus-11 check (so cannot be old-style real ones)', () => {
    for (const { cpr } of SANDBOX_IDENTITIES) {
      expect(cpr).toMatch(/^\d{10}$/);
      const sum = [...cpr].reduce((acc, digit, i) => acc + Number(digit) * MOD11_WEIGHTS[i]!, 0);
      expect(sum % 11).not.toBe(0);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { isMaskedCpr, isValidCpr, isValidCvr, isValidEmail, maskCpr, normaliseId } from './identifiers';

describe('identifiers', () => {
  it('CPR: ten digits starting with a possible date', () => {
    expect(isValidCpr('0101701231')).toBe(true);
    expect(isValidCpr('2902001234')).toBe(true);
    expect(isValidCpr('3002001234')).toBe(false);
    expect(isValidCpr('3104701234')).toBe(false);
    expect(isValidCpr('0013701234')).toBe(false);
    expect(isValidCpr('010170123')).toBe(false);
    expect(isValidCpr('010170-1231')).toBe(false);
  });
  it('e-mail: one @, a dotted domain', () => {
    expect(isValidEmail('hans@netcompany.com')).toBe(true);
    expect(isValidEmail('a.b+c@sub.example.dk')).toBe(true);
    for (const bad of ['hans', 'hans@', '@x.dk', 'a@b', 'a b@x.dk', 'a@@x.dk', 'a@x..dk'])
      expect(isValidEmail(bad)).toBe(false);
    expect(isValidEmail(`${'a'.repeat(250)}@x.dk`)).toBe(false);
  });
  it('CVR: exactly eight digits', () => {
    expect(isValidCvr('91000013')).toBe(true);
    for (const bad of ['9100001', '910000133', '9100001a', '']) expect(isValidCvr(bad)).toBe(false);
  });
  it('masking shows the date part only, and recognises the masked form', () => {
    expect(maskCpr('0101701231')).toBe('010170****');
    expect(maskCpr('12345')).toBe('12345');
    // Exactly the last four digits go, whatever way the number was typed (§6.8.2).
    expect(maskCpr('3112999876')).toBe('311299****');
    expect(maskCpr('010170-1231')).toBe('010170****');
    expect(maskCpr(' 0101 70 1231 ')).toBe('010170****');
    expect(maskCpr('91000013')).toBe('91000013');
    expect(maskCpr('hans@netcompany.com')).toBe('hans@netcompany.com');
    expect(isMaskedCpr(maskCpr('0101701231'))).toBe(true);
    expect(isMaskedCpr('010170****')).toBe(true);
    expect(isMaskedCpr('0101701231')).toBe(false);
    expect(isMaskedCpr('01017****')).toBe(false);
  });
  it('normalising drops the dash and spaces people type', () => {
    expect(normaliseId('010170-1231')).toBe('0101701231');
    expect(normaliseId(' 0101 70 1231 ')).toBe('0101701231');
    expect(isValidCpr(normaliseId('010170-1231'))).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isMaskedCpr as clientIsMasked, maskCpr as clientMask } from '../../shared/dp/identifiers';
import { isMaskedCpr, maskCpr } from './util';

// §6.8.2: CPR numbers in query answers have their last four digits replaced with ****. The sandbox must mask the way
// the client recognises, or the client would take its own recipient for a new one.
describe('sandbox CPR masking', () => {
  it('replaces the last four digits with ****, as the client does', () => {
    for (const cpr of ['0101701231', '3112999876', '2902001234']) {
      expect(maskCpr(cpr)).toBe(`${cpr.slice(0, 6)}****`);
      expect(maskCpr(cpr)).toBe(clientMask(cpr));
      expect(clientIsMasked(maskCpr(cpr))).toBe(true);
      expect(isMaskedCpr(maskCpr(cpr))).toBe(true);
    }
  });
  it('leaves CVR numbers and e-mail addresses alone', () => {
    expect(maskCpr('91000013')).toBe('91000013');
    expect(maskCpr('hans@netcompany.com')).toBe('hans@netcompany.com');
  });
});

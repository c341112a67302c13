import { describe, expect, it } from 'vitest';
import {
  accessPath,
  fileContentPath,
  messagePath,
  nemSmsVerificationPath,
  organisationContactPointsPath,
} from './api-paths';

describe('api paths', () => {
  it('builds the printed paths', () => {
    expect(fileContentPath('m', 'g', 'd', 'f')).toBe('mailboxes/m/messages/g/documents/d/files/f/content');
    expect(accessPath('m', 'a')).toBe('mailboxes/m/accesses/a');
    expect(nemSmsVerificationPath('c', 's')).toBe('contacts/c/verifications/s');
    expect(organisationContactPointsPath('o')).toBe('organisations/o/contact-points/');
  });

  it('keeps every id inside its own segment', () => {
    expect(messagePath('../x', 'a/b?c')).toBe('mailboxes/..%2Fx/messages/a%2Fb%3Fc');
  });
});

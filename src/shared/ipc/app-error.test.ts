import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from './app-error';

// The renderer words these codes in Danish and English by their exact strings, and a shipped app may meet any of them
// in an older journal or log: they are part of the contract and never change spelling.
const SHIPPED = [
  'app.action.unavailable',
  'app.archive.nothing-to-export',
  'app.archive.unavailable',
  'app.auth.access-denied',
  'app.auth.invalid-client',
  'app.auth.login-cancelled',
  'app.auth.login-timeout',
  'app.auth.no-registration',
  'app.auth.not-logged-in',
  'app.auth.redirect-port-busy',
  'app.auth.redirect-unusable',
  'app.auth.state-mismatch',
  'app.compose.document-missing',
  'app.compose.label.size',
  'app.compose.journal-entry-missing',
  'app.compose.main-document',
  'app.compose.no-html-main',
  'app.compose.not-draft',
  'app.compose.recipient-required',
  'app.compose.unsaved',
  'app.compose.upload-cancelled',
  'app.conflict',
  'app.file.mark-failed',
  'app.file.open-refused',
  'app.folder.move.into.itself',
  'app.internal',
  'app.ipc.forbidden-sender',
  'app.ipc.invalid-request',
  'app.ipc.unknown-channel',
  'app.message.delete.not.draft',
  'app.network',
  'app.query.date.invalid',
  'app.rate-limited',
];

describe('APP_ERROR_CODES', () => {
  it('holds every code the app raises, each once, spelled as shipped', () => {
    const codes = Object.values(APP_ERROR_CODES);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual([...SHIPPED].sort());
  });
});

import { describe, expect, it } from 'vitest';
import { dpErrorToAppError, parseEtagVersion } from './errors';

describe('dpErrorToAppError', () => {
  it('keeps Digital Post field error codes, the DP message, status and traceparent', () => {
    const body = {
      code: 'digital.post.error',
      message: 'Valideringsfejl',
      fieldErrors: [{ field: 'folderId', code: 'message.update.folderType.not.allowed', message: 'Ikke tilladt' }],
    };
    const tp = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const err = dpErrorToAppError(400, body, new Headers({ traceparent: tp }));
    expect(err).toEqual({
      code: 'message.update.folderType.not.allowed',
      message: 'Valideringsfejl',
      status: 400,
      traceparent: tp,
      fieldErrors: [{ field: 'folderId', code: 'message.update.folderType.not.allowed', message: 'Ikke tilladt' }],
    });
  });

  it('keeps a field error that came without a message, with the Danish text of its code', () => {
    const err = dpErrorToAppError(
      400,
      { code: 'digital.post.error', fieldErrors: [{ field: 'name', code: 'folder.name.notBlank' }] },
      new Headers(),
    );
    expect(err.code).toBe('folder.name.notBlank');
    expect(err.fieldErrors).toEqual([
      { field: 'name', code: 'folder.name.notBlank', message: 'Navn på mappen skal udfyldes.' },
    ]);
  });

  it('uses the body code when there are no field errors', () => {
    const err = dpErrorToAppError(
      404,
      { code: 'digital.post.error', message: 'Ikke fundet', fieldErrors: [] },
      new Headers(),
    );
    expect(err.code).toBe('digital.post.error');
    expect(err.fieldErrors).toBeUndefined();
  });

  it('makes a 409 app.conflict with the current version from the ETag', () => {
    const err = dpErrorToAppError(
      409,
      { code: 'digital.post.error', message: 'Konflikt', fieldErrors: [] },
      new Headers({ etag: '"7"' }),
    );
    expect(err).toMatchObject({ code: 'app.conflict', status: 409, currentVersion: 7, message: 'Konflikt' });
  });

  it('falls back to a Danish message and an app code for bodies that are not DP errors', () => {
    const err = dpErrorToAppError(503, '<html>', new Headers());
    expect(err.code).toBe('app.network');
    expect(err.message).toMatch(/Digital Post/);
    expect(dpErrorToAppError(401, undefined, new Headers()).code).toBe('app.auth.not-logged-in');
  });

  it('parses ETag versions', () => {
    expect(parseEtagVersion('"3"')).toBe(3);
    expect(parseEtagVersion('W/"12"')).toBe(12);
    expect(parseEtagVersion('5')).toBe(5);
    expect(parseEtagVersion('"abc"')).toBeUndefined();
    expect(parseEtagVersion(undefined)).toBeUndefined();
  });
});

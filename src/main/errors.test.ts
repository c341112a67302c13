import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../shared/ipc/app-error';
import { AppFault, appRefusal, dpRefusal, isConflict, isNotFound, isOutcomeUnknown, isUnreadable } from './errors';

const fault = (status?: number, code = 'digital.post.error') =>
  new AppFault({ code, message: 'x', ...(status !== undefined ? { status } : {}) });

describe('errors', () => {
  it('counts only 404 as gone; 403 is unreadable but not gone', () => {
    expect(isNotFound(fault(404))).toBe(true);
    expect(isNotFound(fault(403))).toBe(false);
    expect(isUnreadable(fault(403))).toBe(true);
    expect(isUnreadable(fault(404))).toBe(true);
    expect(isUnreadable(fault(400))).toBe(false);
    expect(isNotFound(new Error('404'))).toBe(false);
  });

  it('knows a conflict by its status or by the app code', () => {
    expect(isConflict(fault(409))).toBe(true);
    expect(isConflict(fault(undefined, APP_ERROR_CODES.conflict))).toBe(true);
    expect(isConflict(fault(400))).toBe(false);
  });

  it('treats a broken connection and a 5xx as an unknown outcome, a 4xx as a known one', () => {
    expect(isOutcomeUnknown(fault(undefined, APP_ERROR_CODES.network))).toBe(true);
    expect(isOutcomeUnknown(fault(502))).toBe(true);
    expect(isOutcomeUnknown(fault(422))).toBe(false);
    expect(isOutcomeUnknown(fault(undefined, APP_ERROR_CODES.internal))).toBe(false);
  });

  it('raises app refusals with the given code and Digital Post refusals in its own words', () => {
    const app = appRefusal(APP_ERROR_CODES.composeUnsaved, 'Gem først.');
    expect(app.appError).toEqual({ code: 'app.compose.unsaved', message: 'Gem først.' });
    const dp = dpRefusal('folder.name.notBlank', { resource: 'folder', field: 'name' });
    expect(dp.appError.code).toBe('folder.name.notBlank');
    expect(dp.appError.fieldErrors).toEqual([
      expect.objectContaining({ code: 'folder.name.notBlank', resource: 'folder', field: 'name' }),
    ]);
    expect(dp.appError.message).toBe(dp.appError.fieldErrors?.[0]?.message);
  });
});

describe('app error codes in main', () => {
  it('are raised through APP_ERROR_CODES, never spelled out, so the renderer has a text for each', async () => {
    const { readdir, readFile } = await import('node:fs/promises');
    const { join } = await import('node:path');
    const spelled: string[] = [];
    let scanned = 0;
    for (const entry of await readdir(import.meta.dirname, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !/\.ts$/.test(entry.name) || /\.test(-support)?\.ts$/.test(entry.name)) continue;
      const path = join(entry.parentPath, entry.name);
      const text = await readFile(path, 'utf8');
      scanned += 1;
      for (const m of text.matchAll(/(?:code:\s*|=\s*)'(app\.[a-z.-]+)'/g)) spelled.push(`${path}: ${m[1]}`);
    }
    expect(scanned).toBeGreaterThan(50);
    expect(spelled).toEqual([]);
  });
});

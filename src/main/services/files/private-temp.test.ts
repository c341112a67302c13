import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, basename } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removePrivateTempFiles, safeLeafName, writePrivateTempFile } from './private-temp';

afterAll(removePrivateTempFiles);

describe('safeLeafName', () => {
  it('keeps only the last segment and never yields a dot name or nothing', () => {
    expect(safeLeafName('../../etc/passwd')).toBe('passwd');
    expect(safeLeafName('a\\b\\brev.pdf')).toBe('brev.pdf');
    expect(safeLeafName('..')).toBe('fil');
    expect(safeLeafName('')).toBe('fil');
    expect(safeLeafName('brev\u0000.pdf')).toBe('brev.pdf');
  });
});

describe('writePrivateTempFile', () => {
  it('writes into a fresh private folder under the temp dir', async () => {
    const path = await writePrivateTempFile('brev.pdf', new TextEncoder().encode('%PDF-1.7'));
    expect(basename(path)).toBe('brev.pdf');
    expect(dirname(dirname(path))).toBe(tmpdir());
    expect(await readFile(path, 'utf8')).toBe('%PDF-1.7');
    if (process.platform !== 'win32') {
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
      expect((await stat(path)).mode & 0o777).toBe(0o600);
    }
    const second = await writePrivateTempFile('brev.pdf', new Uint8Array([1]));
    expect(dirname(second)).not.toBe(dirname(path));
  });

  it('removes what it created', async () => {
    const path = await writePrivateTempFile('x.txt', new Uint8Array([1]));
    await removePrivateTempFiles();
    await expect(stat(dirname(path))).rejects.toThrow();
  });
});

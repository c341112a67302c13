import { describe, expect, it, vi } from 'vitest';
import {
  platformHasMark,
  quarantineValue,
  writeMarkOfTheWeb,
  ZONE_IDENTIFIER,
  type MarkOfTheWebDeps,
} from './mark-of-the-web';

const deps = (platform: NodeJS.Platform, overrides: Partial<MarkOfTheWebDeps> = {}) => ({
  platform,
  writeFile: vi.fn(async () => undefined),
  run: vi.fn(async () => undefined),
  now: () => new Date('2026-01-02T03:04:05Z'),
  uuid: () => '0b9f6a3c-1d2e-4f50-8a6b-7c8d9e0f1a2b',
  log: vi.fn(),
  ...overrides,
});

describe('writeMarkOfTheWeb', () => {
  it('Windows: writes zone 3 into the Zone.Identifier stream of the file', async () => {
    const d = deps('win32');
    expect(await writeMarkOfTheWeb('C:\\Users\\lone\\brev.pdf', d)).toBe('written');
    expect(d.writeFile).toHaveBeenCalledWith('C:\\Users\\lone\\brev.pdf:Zone.Identifier', ZONE_IDENTIFIER);
    expect(ZONE_IDENTIFIER).toBe('[ZoneTransfer]\r\nZoneId=3\r\n');
    expect(d.run).not.toHaveBeenCalled();
  });

  it('macOS: sets com.apple.quarantine with xattr, without a shell', async () => {
    const d = deps('darwin');
    expect(await writeMarkOfTheWeb('/Users/lone/brev $(rm).pdf', d)).toBe('written');
    expect(d.run).toHaveBeenCalledWith('/usr/bin/xattr', [
      '-w',
      'com.apple.quarantine',
      '0083;695735a5;Digital Post;0B9F6A3C-1D2E-4F50-8A6B-7C8D9E0F1A2B',
      '/Users/lone/brev $(rm).pdf',
    ]);
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('Linux: nothing to write', async () => {
    const d = deps('linux');
    expect(await writeMarkOfTheWeb('/home/lone/brev.pdf', d)).toBe('not-supported');
    expect(d.writeFile).not.toHaveBeenCalled();
    expect(d.run).not.toHaveBeenCalled();
  });

  it('reports and logs a failure instead of throwing', async () => {
    const win = deps('win32', { writeFile: vi.fn(async () => Promise.reject(new Error('FAT32 has no streams'))) });
    expect(await writeMarkOfTheWeb('E:\\brev.pdf', win)).toBe('failed');
    expect(win.log).toHaveBeenCalled();
    const mac = deps('darwin', { run: vi.fn(async () => Promise.reject(new Error('xattr: Operation not permitted'))) });
    expect(await writeMarkOfTheWeb('/Volumes/x/brev.pdf', mac)).toBe('failed');
  });
});

describe('quarantineValue / platformHasMark', () => {
  it('writes the time as hex seconds', () => {
    expect(quarantineValue(new Date(0x5f000000 * 1000), 'a')).toBe('0083;5f000000;Digital Post;A');
  });
  it('knows which platforms have a mark', () => {
    expect(platformHasMark('win32')).toBe(true);
    expect(platformHasMark('darwin')).toBe(true);
    expect(platformHasMark('linux')).toBe(false);
  });
});

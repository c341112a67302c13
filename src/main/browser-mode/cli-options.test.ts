import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, parseCliArgs, rendererIsStale } from './cli-options';

describe('parseCliArgs', () => {
  it('reads --port in both spellings and --no-build', () => {
    expect(parseCliArgs(['--port', '4321'])).toEqual({ port: 4321, build: true });
    expect(parseCliArgs(['--', '--port=0', '--no-build'])).toEqual({ port: 0, build: false });
    expect(parseCliArgs([])).toEqual({ port: 0, build: true });
    expect(parseCliArgs(['--renderer-dir', '/tmp/r'])).toEqual({ port: 0, build: false, rendererDir: '/tmp/r' });
  });
  it('refuses bad ports and unknown flags', () => {
    expect(() => parseCliArgs(['--port', 'x'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--port', '70000'])).toThrow(/--port/);
    expect(() => parseCliArgs(['--host', '0.0.0.0'])).toThrow(/Unknown/);
  });
});

describe('defaultUserDataDir', () => {
  it('prefers DP_USER_DATA_DIR, else the platform config dir', () => {
    expect(defaultUserDataDir({ DP_USER_DATA_DIR: '/t/x' }, 'linux', '/home/u')).toBe('/t/x');
    expect(defaultUserDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/digital-post-desktop-browser-mode');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/c' }, 'linux', '/home/u')).toBe(
      '/c/digital-post-desktop-browser-mode',
    );
    expect(defaultUserDataDir({}, 'darwin', '/Users/u')).toBe(
      '/Users/u/Library/Application Support/digital-post-desktop-browser-mode',
    );
  });
});

describe('rendererIsStale', () => {
  it('is stale when unbuilt or older than a source file', () => {
    const root = mkdtempSync(join(tmpdir(), 'dp-stale-'));
    try {
      mkdirSync(join(root, 'src', 'renderer'), { recursive: true });
      writeFileSync(join(root, 'src', 'renderer', 'main.tsx'), '');
      expect(rendererIsStale(root)).toBe(true);
      mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
      writeFileSync(join(root, 'out', 'renderer', 'index.html'), '');
      utimesSync(join(root, 'src', 'renderer', 'main.tsx'), new Date(1_000_000), new Date(1_000_000));
      expect(rendererIsStale(root)).toBe(false);
      utimesSync(join(root, 'src', 'renderer', 'main.tsx'), new Date(), new Date(Date.now() + 60_000));
      expect(rendererIsStale(root)).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

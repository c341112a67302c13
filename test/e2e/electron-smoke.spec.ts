import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');

/**
 * The Electron binary, if the electron package already has it. Reads the same path.txt electron's index.js does but
 * never calls require('electron'), which would start a download where the binary is missing.
 */
const installedElectron = (): string | null => {
  const dir = join(root, 'node_modules', 'electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(
    process.env.ELECTRON_OVERRIDE_DIST_PATH || join(dir, 'dist'),
    readFileSync(pathFile, 'utf8').trim(),
  );
  return existsSync(binary) ? binary : null;
};

const binary = installedElectron();

test.describe('Electron shell (smoke)', () => {
  test.skip(binary === null, 'Electron binary not present on this machine');

  test('opens a sandboxed, isolated window on app:// showing the login screen', async () => {
    expect(existsSync(join(root, 'out', 'main', 'index.js')), 'run `npx electron-vite build` first').toBe(true);
    const userData = mkdtempSync(join(tmpdir(), 'dp-electron-smoke-'));
    // `.` runs package.json's main, out/main/index.js, with the project as the app path (as `electron .` does).
    const app = await electron.launch({
      executablePath: binary!,
      args: ['.', `--user-data-dir=${userData}`],
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
      expect(page.url()).toMatch(/^app:\/\/digital-post\//);

      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const wc = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences?: () => Record<string, unknown>;
        };
        return typeof wc.getLastWebPreferences === 'function' ? wc.getLastWebPreferences() : null;
      });
      if (prefs) {
        expect(prefs).toMatchObject({
          contextIsolation: true,
          nodeIntegration: false,
          nodeIntegrationInWorker: false,
          nodeIntegrationInSubFrames: false,
          webSecurity: true,
          allowRunningInsecureContent: false,
          webviewTag: false,
          sandbox: true,
        });
        expect(String(prefs.preload)).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
      }
      // Whatever the main process reports, the page itself must have no Node and only the bridge.
      const pageSide = await page.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        transportKeys: Object.keys(
          (window as unknown as { digitalPostTransport?: object }).digitalPostTransport ?? {},
        ).sort(),
        api: typeof (window as unknown as { digitalPost?: { app?: { info?: unknown } } }).digitalPost?.app?.info,
      }));
      expect(pageSide).toEqual({
        require: 'undefined',
        process: 'undefined',
        transportKeys: ['invoke', 'subscribe'],
        api: 'function',
      });

      await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
    } finally {
      await app.close();
      rmSync(userData, { recursive: true, force: true });
    }
  });
});

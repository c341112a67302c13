import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import type { RunningSandbox } from '../src/sandbox/server';
import { startBrowserModeServer, type BrowserModeServer } from '../src/main/browser-mode/server';
import { rendererIsStale } from '../src/main/browser-mode/cli-options';
import { createDesktopServices } from '../src/main/app/app-services';

// The app as the e2e tests run it (test/e2e/helpers/app.ts): browser mode on a free loopback port, the services
// pointed at our sandbox through DP_SANDBOX_URL, a throwaway user-data dir, and the built renderer.

export const projectRoot = fileURLToPath(new URL('../', import.meta.url));

/** `electron-vite build` when src/renderer or src/shared is newer than out/renderer. Returns whether it built. */
export const ensureBuilt = (): boolean => {
  if (!rendererIsStale(projectRoot)) return false;
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
  return true;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** True when index.html and every asset it names are there (a build in progress leaves them missing). */
const complete = async (dir: string): Promise<boolean> => {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const html = await readFile(index, 'utf8');
  const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  return assets.every((a) => existsSync(join(dir, a)));
};

const snapshotRenderer = async (target: string): Promise<void> => {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    ensureBuilt();
    await rm(target, { recursive: true, force: true });
    await cp(join(projectRoot, 'out', 'renderer'), target, { recursive: true }).catch(() => undefined);
    if (await complete(target)) return;
    await sleep(3000);
  }
  throw new Error('out/renderer stayed incomplete (someone rebuilding?)');
};

export interface BenchApp {
  url: string;
  /** A fresh one-time launch URL; every new browser context must come in through one (browser mode's cookie). */
  launchUrl(): string;
  server: BrowserModeServer;
  close(): Promise<void>;
}

export const startBenchApp = async (sandbox: RunningSandbox): Promise<BenchApp> => {
  const userDataDir = await mkdtemp(join(tmpdir(), 'dp-bench-'));
  // A private copy of the built renderer: other work in this tree may rebuild out/ (emptying it first) mid-run.
  const rendererDir = join(userDataDir, 'renderer');
  await snapshotRenderer(rendererDir);
  const server = await startBrowserModeServer({
    port: 0,
    rendererDir,
    createServices: (appUrl) =>
      createDesktopServices(
        {
          mode: 'browser',
          userDataDir,
          appVersion: '0.0.0-bench',
          appUrl,
          env: { ...process.env, DP_SANDBOX_URL: sandbox.url, DP_KEYCHAIN_SERVICE: `dp-bench-${Date.now()}` },
        },
        // No OS keychain: the refresh token stays in this process's memory, which is all a benchmark needs.
        { keytarLoader: null, log: () => undefined },
      ),
    log: () => undefined,
  });
  return {
    url: server.url,
    launchUrl: () => server.createLaunchUrl(),
    server,
    async close() {
      await server.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
};

/** The same steps as the e2e helper's logIn: the app's "Log ind", then the sandbox's login page. */
export const logIn = async (page: Page, app: BenchApp, identity = 'Lone Defaultssen'): Promise<void> => {
  await page.goto(app.launchUrl());
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.getByRole('radio', { name: new RegExp(identity) }).check();
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor({ timeout: 30_000 });
};

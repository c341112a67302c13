import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/server';
import { startBrowserModeServer, type BrowserModeServer } from '../../../src/main/browser-mode/server';
import { rendererIsStale } from '../../../src/main/browser-mode/cli-options';
import { createAppServices } from '../../../src/main/app/app-services';

// The app in browser mode against a sandbox of its own: each test file gets a fresh Digital Post, a fresh user-data
// dir (so no settings or tokens leak between runs) and the built renderer.

const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningApp {
  /** The clean URL: it works only in a browser context that came in through a launch URL. */
  url: string;
  /**
   * A fresh one-time launch URL (what the terminal prints). Each Playwright test gets a new browser context with no
   * cookie, so a test opens the app through this; after that the clean URL works in that context.
   */
  launchUrl(): string;
  sandbox: RunningSandbox;
  server: BrowserModeServer;
  close(): Promise<void>;
}

let built = false;
/** The e2e tests exercise the built renderer; build it when src is newer than out/renderer. */
function ensureRendererBuilt(): void {
  if (built || !rendererIsStale(projectRoot)) {
    built = true;
    return;
  }
  const result = spawnSync(join(projectRoot, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
  built = true;
}

/**
 * The desktop app in browser mode on a given sandbox and user-data dir. Starting it twice on the same dir and
 * keychain service is an app restart: nothing survives but what the app stored.
 */
export function startDesktop(options: {
  sandbox: RunningSandbox;
  userDataDir: string;
  keychainService: string;
  env?: Record<string, string>;
}): Promise<BrowserModeServer> {
  ensureRendererBuilt();
  return startBrowserModeServer({
    port: 0,
    rendererDir: join(projectRoot, 'out', 'renderer'),
    createServices: (appUrl) =>
      createAppServices({
        mode: 'browser',
        userDataDir: options.userDataDir,
        appVersion: '0.0.0-e2e',
        appUrl,
        env: {
          ...process.env,
          ...options.env,
          DP_SANDBOX_URL: options.sandbox.url,
          DP_KEYCHAIN_SERVICE: options.keychainService,
        },
      }),
  });
}

/**
 * Whether this run is the `spec-minimal` Playwright project: its sandbox answers with only what the spec prints and
 * spells every unprinted value differently, so the walks prove the client does not depend on our guesses.
 */
export const specMinimal = (): boolean => {
  try {
    return test.info().project.metadata?.specMinimal === true;
  } catch {
    return false; // outside a test (e.g. a script importing the helper)
  }
};

export async function startApp(): Promise<RunningApp> {
  const sandbox = await startSandbox({ port: 0, ...(specMinimal() ? { specMinimal: true } : {}) });
  const userDataDir = await mkdtemp(join(tmpdir(), 'dp-e2e-'));
  const server = await startDesktop({ sandbox, userDataDir, keychainService: `dp-e2e-${Date.now()}` });
  return {
    url: server.url,
    launchUrl: () => server.createLaunchUrl(),
    sandbox,
    server,
    async close() {
      await server.close();
      await sandbox.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One app for the whole spec file, started before its first test and closed after its last. The handle reads through
 * to the running app, so tests use it as they would the app itself.
 */
export function startAppForFile(): RunningApp {
  let running: RunningApp | undefined;
  test.beforeAll(async () => {
    running = await startApp();
  });
  test.afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as RunningApp, {
    get: (_target, key) => {
      if (!running) throw new Error('The app is started in beforeAll; use it inside a test.');
      return Reflect.get(running, key);
    },
  });
}

/** Logs in the way a person does: the app's "Log ind", then the sandbox's login page. */
export async function logIn(
  page: Page,
  app: Pick<RunningApp, 'launchUrl'>,
  identity = 'Lone Defaultssen',
): Promise<void> {
  await page.goto(app.launchUrl());
  const logout = page.getByRole('button', { name: 'Log ud' });
  const login = page.getByRole('button', { name: 'Log ind', exact: true });
  await expect(logout.or(login)).toBeVisible({ timeout: 20_000 });
  // The browser-mode server keeps the session between pages, as the desktop app keeps it between windows.
  if (await logout.isVisible()) return;
  await login.click();
  await page.getByRole('radio', { name: new RegExp(identity) }).check();
  await page.getByRole('button', { name: 'Log ind', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible({ timeout: 20_000 });
}

/** Every request the page makes must stay on this machine (the sandbox and the app both listen on 127.0.0.1). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export const isLocal = (url: string): boolean =>
  /^(data:|blob:|about:)/.test(url) || /^https?:\/\/127\.0\.0\.1(:\d+)?\//.test(url);

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({
    path: join(projectRoot, 'test-results', 'screens', `${name}${specMinimal() ? '.spec-minimal' : ''}.png`),
    fullPage: false,
  });
}

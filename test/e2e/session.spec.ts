import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import keytar from 'keytar';
import type { BrowserModeServer } from '../../src/main/browser-mode/server';
import { SANDBOX_CLIENT_ID } from '../../src/sandbox/client-registration';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { logIn, startDesktop } from './helpers/app';

// Issue 3's promise, walked the way a person lives it: log in once, quit the app, start it again and be logged in
// without any browser (the refresh token came back from the OS keychain), then log out and find the token both
// revoked at Digital Post and gone from the keychain. Runs under scripts/with-keyring.sh (a throwaway keyring).

const keychainService = `dp-e2e-session-${process.pid}-${Date.now()}`;
const account = 'refresh-token.sandbox';

let sandbox: RunningSandbox;
let userDataDir: string;

const startDesktopHere = (): Promise<BrowserModeServer> =>
  startDesktop({ sandbox, userDataDir, keychainService, env: { DP_ALERT_INTERVAL_MS: '600000' } });

const refreshAtSandbox = async (refreshToken: string): Promise<{ status: number; error?: string }> => {
  const response = await fetch(`${sandbox.issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: SANDBOX_CLIENT_ID,
    }),
  });
  const body = (await response.json()) as { error?: string };
  return { status: response.status, ...(body.error ? { error: body.error } : {}) };
};

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  userDataDir = await mkdtemp(join(tmpdir(), 'dp-e2e-session-'));
});
test.afterAll(async () => {
  await keytar.deletePassword(keychainService, account).catch(() => false);
  await sandbox?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('stays logged in across a restart from the keychain, and logging out revokes and forgets the token', async ({
  page,
}) => {
  const first = await startDesktopHere();
  await logIn(page, { launchUrl: () => first.createLaunchUrl() });
  await expect(page.getByRole('banner')).toContainText('Lone Defaultssen');

  const stored = await keytar.getPassword(keychainService, account);
  expect(stored, 'the refresh token is in the OS keychain').toBeTruthy();
  const { refreshToken } = JSON.parse(stored!) as { refreshToken: string };
  expect(refreshToken.length).toBeGreaterThan(10);
  // Nothing the page can reach holds a token.
  const pageText = await page.evaluate(
    () => document.documentElement.outerHTML + JSON.stringify(localStorage) + JSON.stringify(sessionStorage),
  );
  expect(pageText).not.toContain(refreshToken);

  // Quit the app: every token held in memory is gone with the process's services.
  await first.close();

  const second = await startDesktopHere();
  try {
    // A restarted app is a new server with a new session: the person opens the link it prints.
    await page.goto(second.createLaunchUrl());
    // Restored silently: no login screen, no trip to the sandbox's login page.
    await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('banner')).toContainText('Lone Defaultssen');
    expect(page.url().startsWith(second.url)).toBe(true);

    // The restore rotated the refresh token; the keychain holds the new one.
    const rotated = JSON.parse((await keytar.getPassword(keychainService, account))!) as { refreshToken: string };

    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('button', { name: 'Log ind', exact: true })).toBeVisible();

    expect(await keytar.getPassword(keychainService, account), 'gone from the keychain').toBeNull();
    expect(await refreshAtSandbox(rotated.refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });
    expect(await refreshAtSandbox(refreshToken)).toEqual({ status: 400, error: 'invalid_grant' });
  } finally {
    await second.close();
  }
});

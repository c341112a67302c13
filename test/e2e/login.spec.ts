import { test, expect } from '@playwright/test';
import { isLocal, logIn, recordRequests, screenshot, startAppForFile } from './helpers/app';

const app = startAppForFile();

test('log in, stay logged in across a reload, log out', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto(app.launchUrl());
  await expect(page.getByRole('heading', { name: 'Log ind på Digital Post' })).toBeVisible();
  await expect(page.getByText('Miljø: Sandkasse')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Prøv sandkassen' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Hold mig ikke logget ind' })).toBeVisible();
  await screenshot(page, 'login');

  await logIn(page, app);
  await expect(page.getByRole('banner')).toContainText('Lone Defaultssen');
  await expect(page.getByRole('banner')).toContainText('Sandkasse');
  await screenshot(page, 'logged-in');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Lone Defaultssen');

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('button', { name: 'Log ind', exact: true })).toBeVisible();
  expect(requests.filter((u) => !isLocal(u))).toEqual([]);
});

test('settings dialog: environment, registration and language', async ({ page }) => {
  await page.goto(app.launchUrl());
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Indstillinger' });
  await expect(dialog).toBeVisible();
  // Browser mode has no tray, so the keep-running option is Electron's alone.
  await expect(dialog.getByRole('checkbox', { name: /systembakken/ })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Test' }).check();
  await expect(dialog.getByRole('textbox', { name: 'Klient-id' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Sandkasse' }).check();
  await dialog.getByRole('combobox', { name: 'Sprog' }).selectOption('en');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('button', { name: 'Log in', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('dialog').getByRole('combobox', { name: 'Language' }).selectOption('da');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Log ind', exact: true })).toBeVisible();
});

import { test, expect, type Locator } from '@playwright/test';
import { startAppForFile } from './helpers/app';

const app = startAppForFile();

const SECRET = 'vendor-secret-0123456789abcdefghijklmnop';

const fillRegistration = async (dialog: Locator, redirectUri: string) => {
  await dialog.getByRole('textbox', { name: 'Klient-id' }).fill('vendor-app');
  await dialog.getByRole('textbox', { name: 'IdP-realm' }).fill('nemlogin');
  await dialog.getByRole('textbox', { name: 'Scopes (adskilt med mellemrum)' }).fill('openid native');
  await dialog.getByRole('textbox', { name: 'Redirect-URI (præcis som registreret)' }).fill(redirectUri);
};

test('a prod registration: http redirect refused with the reason, the secret kept in the keychain and never shown', async ({
  page,
}) => {
  await page.goto(app.launchUrl());
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Indstillinger' });
  await dialog.getByRole('radio', { name: 'Prod' }).check();
  await fillRegistration(dialog, 'http://127.0.0.1:8765/callback');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Digital Post tillader kun http for testklienter');

  await fillRegistration(dialog, 'dk.digitalpost.desktop:/oauth2redirect');
  await expect(dialog.getByText('Ingen klienthemmelighed gemt.')).toBeVisible();
  await dialog.getByLabel('Klienthemmelighed').fill(SECRET);
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await expect(dialog.getByRole('radio', { name: 'Prod' })).toBeChecked();
  await expect(
    dialog.getByText('En klienthemmelighed er gemt (i systemets sikre lager, aldrig i settings.json).'),
  ).toBeVisible();
  await expect(dialog.getByLabel('Klienthemmelighed')).toHaveValue('');
  expect(await page.content()).not.toContain(SECRET);

  await dialog.getByRole('button', { name: 'Fjern klienthemmelighed' }).click();
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await expect(dialog.getByText('Ingen klienthemmelighed gemt.')).toBeVisible();
  await dialog.getByRole('radio', { name: 'Sandkasse' }).check();
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
});

import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, startAppForFile } from './helpers/app';
import { folder, list, openMessage, view } from './helpers/mail-screen';

// The desktop reading experience: several letters at once, letters dragged onto folders, the note and the
// attachments of the reading pane, and every main screen and dialog in both themes and both languages.

const app = startAppForFile();

async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs in the page itself: the sandboxed letter frame cannot take axe's script.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function deliver(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${app.sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mailboxOwner: 'lone', ...body }),
  });
  expect(res.ok, `POST /sandbox/messages answered ${res.status}`).toBe(true);
}

const row = (page: Page, subject: string) => list(page).getByRole('option', { name: new RegExp(subject) });

test('Shift+click chooses three letters and the bulk toolbar moves them to a folder, where they are', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const subjects = ['Flyttes samlet 1', 'Flyttes samlet 2', 'Flyttes samlet 3'];
  for (const label of subjects) await deliver({ label, text: `${label}: brødtekst.` });
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  // Newest first: the last delivered is at the top.
  await expect(row(page, subjects[2]!)).toBeVisible();
  await row(page, subjects[2]!).click();
  await row(page, subjects[0]!).click({ modifiers: ['Shift'] });
  for (const s of subjects) await expect(row(page, s)).toHaveAttribute('aria-selected', 'true');
  await expect(list(page)).toHaveAttribute('aria-multiselectable', 'true');

  const bulk = page.getByRole('toolbar', { name: 'Valgte beskeder' });
  await expect(bulk.getByText('3 valgt')).toBeVisible();
  await screenshot(page, 'desktop-multi-select');
  await expectNoAxeViolations(page);
  await bulk.getByRole('button', { name: 'Flyt valgte til mappe' }).click();
  await page.getByRole('menu', { name: 'Flyt valgte til mappe' }).getByRole('menuitem', { name: 'Sundhed' }).click();
  await expect(page.getByRole('status').filter({ hasText: '3 af 3 beskeder er ændret.' })).toBeVisible();
  for (const s of subjects) await expect(row(page, s)).toHaveCount(0);

  await folder(page, 'Sundhed').click();
  for (const s of subjects) await expect(row(page, s)).toBeVisible();

  // Ctrl+A chooses the whole list; Escape lets go of it.
  await row(page, subjects[0]!).click();
  await list(page).press('Control+a');
  await expect(page.getByRole('toolbar', { name: 'Valgte beskeder' })).toBeVisible();
  await list(page).press('Escape');
  await expect(page.getByRole('toolbar', { name: 'Valgte beskeder' })).toHaveCount(0);
});

test('a letter dragged onto a folder in the tree is moved there', async ({ page }) => {
  test.setTimeout(90_000);
  await deliver({ label: 'Trækkes til Skat', text: 'Et brev at trække.' });
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await row(page, 'Trækkes til Skat').dragTo(folder(page, 'Skat'));
  await expect(page.getByRole('status').filter({ hasText: '1 af 1 beskeder er ændret.' })).toBeVisible();
  await expect(row(page, 'Trækkes til Skat')).toHaveCount(0);
  await folder(page, 'Skat').click();
  await expect(row(page, 'Trækkes til Skat')).toBeVisible();
});

test('the note sits behind its button and shows as a chip; attachments are a list of named rows', async ({ page }) => {
  test.setTimeout(120_000);
  await deliver({
    label: 'Brev med bilag',
    html: '<p>Se de vedlagte bilag.</p>',
    attachments: [
      { filename: 'opgørelse.pdf', encodingFormat: 'application/pdf', text: '%PDF-1.4 ikke rigtig' },
      { filename: 'noter.txt', encodingFormat: 'text/plain', text: 'Husk fristen.' },
    ],
  });
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await openMessage(page, 'Brev med bilag', 2);
  // The letter comes first, at the pane's height.
  await expect(page.frameLocator('iframe').getByText('Se de vedlagte bilag.')).toBeVisible();
  const frameBox = await view(page).locator('iframe').boundingBox();
  expect(frameBox!.height).toBeGreaterThan(400);

  const actions = view(page).getByRole('toolbar', { name: 'Handlinger' });
  await expect(view(page).getByRole('textbox', { name: 'Personlig note' })).toHaveCount(0);
  await actions.getByRole('button', { name: 'Note', exact: true }).click();
  await view(page).getByRole('textbox', { name: 'Personlig note' }).fill('Ring til kommunen.');
  await view(page).getByRole('button', { name: 'Gem note' }).click();
  await expect(view(page).getByText('Noten er gemt.')).toBeVisible();
  await view(page).getByRole('button', { name: 'Luk note' }).click();
  const chip = view(page).getByRole('button', { name: 'Note: Ring til kommunen.' });
  await expect(chip).toBeVisible();
  await chip.click();
  await expect(view(page).getByRole('textbox', { name: 'Personlig note' })).toHaveValue('Ring til kommunen.');

  const attachments = view(page).getByRole('region', { name: 'Vedhæftede filer' });
  await expect(attachments.getByText('2 vedhæftede filer')).toBeVisible();
  const pdf = attachments.getByRole('region', { name: 'opgørelse.pdf', exact: true });
  await expect(pdf.getByText(/PDF-dokument · \d/)).toBeVisible();
  await expect(pdf.getByRole('button', { name: 'Gem som…' })).toBeVisible();
  const txt = attachments.getByRole('region', { name: 'noter.txt', exact: true });
  await txt.getByRole('button', { name: 'Vis noter.txt' }).click();
  await expect(txt.locator('pre')).toHaveText('Husk fristen.');

  // The overflow menu: proper menu semantics, reachable from the keyboard.
  const more = actions.getByRole('button', { name: 'Flere handlinger' });
  await more.focus();
  await more.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Udskriv' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(more).toBeFocused();
  await actions.getByRole('button', { name: 'Forstør brevet' }).click();
  await expect(actions.getByText('110 %')).toBeVisible();
  await screenshot(page, 'desktop-reading-pane');
  await expectNoAxeViolations(page);
});

const THEMES = [
  { name: 'light', colorScheme: 'light' as const },
  { name: 'dark', colorScheme: 'dark' as const },
];
const LANGUAGES = [
  { code: 'da', option: 'Dansk', settings: 'Indstillinger', newMessage: 'Ny besked', close: 'Luk', cancel: 'Annullér' },
  {
    code: 'en',
    option: 'English',
    settings: 'Settings',
    newMessage: 'New message',
    close: 'Close',
    cancel: 'Cancel',
  },
];

test('every main screen and dialog in both themes and both languages: screenshots and no axe findings', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await expect(row(page, 'Rykker: Restskat')).toBeVisible();
  const languageSwitch = page.locator('.language-switch select');
  for (const theme of THEMES) {
    // "System" follows the OS; the emulated colour scheme stands in for it.
    await page.emulateMedia({ colorScheme: theme.colorScheme });
    for (const lang of LANGUAGES) {
      await languageSwitch.selectOption(lang.code);
      await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
      const isDark = await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
      expect(isDark).toBe(theme.colorScheme);
      const tag = `${theme.name}-${lang.code}`;

      await screenshot(page, `desktop-main-${tag}`);
      await expectNoAxeViolations(page);

      // The list and the pane are named in the language shown; found by role alone here.
      await page
        .getByRole('listbox')
        .getByRole('option', { name: /Rykker: Restskat/ })
        .first()
        .click();
      await expect(page.frameLocator('iframe').getByText('restskat på 2.314 kr.')).toBeVisible();
      // The letter keeps its light sheet in the dark theme.
      const sheet = await page.locator('.message-view iframe').evaluate((f) => getComputedStyle(f).backgroundColor);
      expect(sheet).toBe('rgb(255, 255, 255)');
      await screenshot(page, `desktop-letter-${tag}`);
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: lang.settings, exact: true }).click();
      const settings = page.getByRole('dialog', { name: lang.settings });
      await expect(settings).toBeVisible();
      await screenshot(page, `desktop-settings-${tag}`);
      await expectNoAxeViolations(page);
      await settings.getByRole('button', { name: lang.cancel }).click();

      await page.getByRole('button', { name: lang.newMessage }).first().click();
      const composer = page.getByRole('dialog', { name: lang.newMessage });
      await expect(composer).toBeVisible();
      await screenshot(page, `desktop-compose-${tag}`);
      await expectNoAxeViolations(page);
      await composer.getByRole('button', { name: lang.close, exact: true }).click();
      await expect(composer).toHaveCount(0);
    }
  }

  // The setting overrides the OS: Mørk on a light system, then back to following the system.
  await page.emulateMedia({ colorScheme: 'light' });
  await languageSwitch.selectOption('da');
  await page.getByRole('button', { name: 'Indstillinger', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Indstillinger' });
  await settings.getByRole('radio', { name: 'Mørk' }).check();
  await settings.getByRole('radio', { name: 'Kompakt' }).check();
  await settings.getByRole('button', { name: 'Gem' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  await screenshot(page, 'desktop-main-dark-setting-compact');
  await expectNoAxeViolations(page);
  // After a reload the choice is still there (settings live in main).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'Indstillinger', exact: true }).click();
  await settings.getByRole('radio', { name: 'Følg systemet' }).check();
  await settings.getByRole('radio', { name: 'Normal' }).check();
  await settings.getByRole('button', { name: 'Gem' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('light');
});

import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, startAppForFile } from './helpers/app';
import { folder, list } from './helpers/mail-screen';

// The desktop conveniences as a new user meets them: drafts that leave nothing behind, Danish dates, the keyboard,
// dropping files on the composer, empty folders that say so, and the sandbox's welcome.

const app = startAppForFile();

const composer = (page: Page) => page.getByRole('dialog', { name: 'Ny besked' });
const count = (page: Page) => page.locator('.list-count');

async function expectNoAxeViolations(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).include(include).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a composer opened and closed untouched leaves no draft in Kladder', async ({ page }) => {
  await logIn(page, app);
  await folder(page, 'Kladder').click();
  await expect(count(page)).toHaveText(/\d+ af \d+ beskeder/);
  const before = await count(page).textContent();
  const drafts = await list(page).getByRole('option').count();

  await page.getByRole('button', { name: 'Ny besked' }).click();
  await expect(composer(page)).toBeVisible();
  await composer(page).getByRole('button', { name: 'Luk', exact: true }).click();
  await expect(composer(page)).toBeHidden();

  await folder(page, 'Indbakke').click();
  await folder(page, 'Kladder').click();
  await expect(count(page)).toHaveText(before!);
  await expect(list(page).getByRole('option')).toHaveCount(drafts);
});

test('a day typed as 05.11.2026 filters the list, and the calendar picks the other end', async ({ page }) => {
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await expect(list(page).getByRole('option', { name: /Rykker: Restskat/ })).toBeVisible();
  const from = page.getByRole('textbox', { name: 'Fra dato' });
  await expect(from).toHaveAttribute('placeholder', 'dd.mm.åååå');
  await from.fill('05.11.2026');
  await from.press('Enter');
  await expect(from).toHaveValue('05.11.2026');
  // 31.10 is before the day typed; 10.11 is after it.
  await expect(list(page).getByRole('option', { name: /Rykker: Restskat/ })).toHaveCount(0);
  await expect(list(page).getByRole('option', { name: /Ændring af folkepension/ })).toBeVisible();
  await screenshot(page, 'desktop-date-filter');

  // A day that does not exist is said so, and filters nothing.
  const to = page.getByRole('textbox', { name: 'Til dato' });
  await to.fill('31.11.2026');
  await to.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: '"31.11.2026" er ikke en dato' })).toBeVisible();
  await expect(to).toHaveAttribute('aria-invalid', 'true');

  // The calendar: opened on the field's day, picked with the mouse, then moved with the keyboard and chosen with Enter.
  await to.fill('1/11');
  await to.press('Enter');
  await expect(to).toHaveValue('01.11.2026');
  await expect(list(page).getByRole('option')).toHaveCount(0);
  // An empty list says why: the filters, not the folder.
  await expect(page.getByText('Ingen breve passer til søgningen eller datoerne.')).toBeVisible();
  await page.getByRole('button', { name: 'Vælg Til dato i kalender' }).click();
  const calendar = page.getByRole('dialog', { name: 'Kalender: Til dato' });
  await expect(calendar).toBeVisible();
  await expectNoAxeViolations(page, '.date-calendar');
  await screenshot(page, 'desktop-date-calendar');
  const grid = calendar.getByRole('grid');
  await grid.getByRole('gridcell', { name: 'torsdag den 5. november 2026' }).click();
  await expect(calendar).toBeHidden();
  await expect(to).toHaveValue('05.11.2026');
  await expect(list(page).getByRole('option', { name: /Ændring af folkepension/ })).toHaveCount(0);

  await page.getByRole('button', { name: 'Vælg Til dato i kalender' }).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(to).toHaveValue('13.11.2026');
  await expect(list(page).getByRole('option', { name: /Ændring af folkepension/ })).toBeVisible();
});

test('"?" lists every shortcut; / and Ctrl+F find the search box; j/k walk the letters; n writes', async ({ page }) => {
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await expect(list(page).getByRole('option').first()).toBeVisible();
  await page.locator('body').press('?');
  const overlay = page.getByRole('dialog', { name: 'Tastaturgenveje' });
  await expect(overlay).toBeVisible();
  await expect(overlay.getByRole('table', { name: 'Generelt' })).toContainText('Søg i beskederne');
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'desktop-shortcuts');
  await page.keyboard.press('Escape');
  await expect(overlay).toBeHidden();

  const search = page.getByRole('searchbox', { name: 'Søg' });
  await page.locator('body').press('/');
  await expect(search).toBeFocused();
  // Typing in the search box is words, not shortcuts.
  await page.keyboard.type('j?');
  await expect(search).toHaveValue('j?');
  await expect(overlay).toBeHidden();
  await search.fill('');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
  await search.blur();

  // j opens the first letter, then the next; k goes back.
  const heading = page.getByRole('region', { name: 'Besked' }).getByRole('heading', { level: 2 }).first();
  await page.locator('body').press('j');
  await expect(heading).toBeVisible();
  const first = await heading.textContent();
  await page.locator('body').press('j');
  await expect(heading).not.toHaveText(first!);
  await page.locator('body').press('k');
  await expect(heading).toHaveText(first!);

  await page.locator('body').press('n');
  await expect(composer(page)).toBeVisible();
  await composer(page).getByRole('button', { name: 'Luk', exact: true }).click();
  await expect(composer(page)).toBeHidden();
});

test('a file dropped on the composer is attached', async ({ page }) => {
  await logIn(page, app);
  await page.getByRole('button', { name: 'Ny besked' }).click();
  const dialog = composer(page);
  await expect(dialog).toBeVisible();
  // A DataTransfer built in the page, as the desktop hands one over when a file is dragged in.
  const files = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['Kvittering for betaling'], 'kvittering.txt', { type: 'text/plain' }));
    return dt;
  });
  await dialog.dispatchEvent('dragenter', { dataTransfer: files });
  await expect(dialog.getByText('Slip filerne her for at vedhæfte dem')).toBeVisible();
  await screenshot(page, 'desktop-compose-drop');
  await dialog.dispatchEvent('drop', { dataTransfer: files });
  await expect(dialog.getByText('Slip filerne her for at vedhæfte dem')).toBeHidden();
  await expect(dialog.locator('.attachment-list').getByText('kvittering.txt')).toBeVisible({ timeout: 15_000 });
  // Uploaded, not just on its way: the list offers to remove it.
  await expect(dialog.getByRole('button', { name: /Fjern kvittering\.txt/ })).toBeVisible({ timeout: 15_000 });
  // With an attachment the draft is kept when the composer closes.
  await dialog.getByRole('button', { name: 'Luk', exact: true }).click();
  await expect(dialog).toBeHidden();
});

test('the sandbox welcomes once: it is test data, and what to try; dismissed, it stays away', async ({ page }) => {
  await logIn(page, app);
  const welcome = page.getByRole('region', { name: 'Velkommen til sandkassen' });
  await expect(welcome).toBeVisible();
  await expect(welcome).toContainText('testdata');
  await expectNoAxeViolations(page, '.sandbox-welcome');
  await screenshot(page, 'desktop-welcome');
  await welcome.getByRole('button', { name: 'Luk velkomsten' }).click();
  await expect(welcome).toBeHidden();
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible({ timeout: 20_000 });
  await expect(list(page).getByRole('option').first()).toBeVisible();
  await expect(welcome).toHaveCount(0);
});

test('the message list keeps the width it was given, after a reload too', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await logIn(page, app);
  const separator = page.getByRole('separator', { name: 'Bredde på beskedlisten' });
  await separator.focus();
  const before = Number(await separator.getAttribute('aria-valuenow'));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 32));
  const listWidth = async () => Math.round((await page.locator('.list-pane').boundingBox())!.width);
  await expect.poll(listWidth).toBe(before + 32);
  await page.goto(app.url);
  await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible({ timeout: 20_000 });
  await expect(separator).toHaveAttribute('aria-valuenow', String(before + 32));
  await expect.poll(listWidth).toBe(before + 32);
  await expectNoAxeViolations(page, '.pane-resizers');
});

test('the shortcut overlay, the calendar and an empty list in both themes and languages: screenshots, no axe findings', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  const languages = [
    {
      code: 'da',
      shortcuts: 'Tastaturgenveje',
      from: 'Fra dato',
      calendar: 'Vælg Fra dato i kalender',
      day: '01.01.2030',
      empty: 'Ingen breve passer',
    },
    {
      code: 'en',
      shortcuts: 'Keyboard shortcuts',
      from: 'From date',
      calendar: 'Choose From date in a calendar',
      day: '01/01/2030',
      empty: 'No letters match',
    },
  ];
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const lang of languages) {
      await page.locator('.language-switch select').selectOption(lang.code);
      await expect(page.locator('html')).toHaveAttribute('lang', lang.code);
      const tag = `${colorScheme}-${lang.code}`;

      // Out of the date field the previous round typed in: shortcuts do not fire while typing.
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await page.locator('body').press('?');
      const overlay = page.getByRole('dialog', { name: lang.shortcuts });
      await expect(overlay).toBeVisible();
      await screenshot(page, `desktop-shortcuts-${tag}`);
      await expectNoAxeViolations(page, 'body');
      await page.keyboard.press('Escape');
      await expect(overlay).toBeHidden();

      const from = page.getByRole('textbox', { name: lang.from });
      await from.fill(lang.day);
      await from.press('Enter');
      await expect(page.getByText(lang.empty)).toBeVisible();
      await page.getByRole('button', { name: lang.calendar }).click();
      await expect(page.locator('.date-calendar')).toBeVisible();
      await screenshot(page, `desktop-calendar-empty-${tag}`);
      await expectNoAxeViolations(page, 'body');
      await page.keyboard.press('Escape');
      await from.fill('');
      await from.press('Enter');
      await expect(page.getByText(lang.empty)).toBeHidden();
    }
  }
  await page.locator('.language-switch select').selectOption('da');
});

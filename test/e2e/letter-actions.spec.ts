import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, specMinimal, startAppForFile } from './helpers/app';
import { folder, list, openMessage, view } from './helpers/mail-screen';

// A letter's actions (guessed shape, sandbox/api/seed/action-letters.ts): a payment link through the link
// confirmation, an appointment to the calendar as an .ics read back here, deadlines in the list and in "Frister".
// In spec-minimal mode no field of an action has a name the app could know: the letters are there without actions.

const app = startAppForFile();

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The action letters are the seed's oldest, far down a virtualized list: found through Digital Post search. */
async function find(page: Page, words: string): Promise<void> {
  await page.getByRole('searchbox', { name: 'Søg' }).fill(words);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
}

const actionsOf = (page: Page) => view(page).getByRole('region', { name: 'Handlinger i brevet' });

/** Unfolded content lines of an .ics as [name, value] (RFC 5545 §3.1). */
const icsLines = (text: string): [string, string][] =>
  text
    .replace(/\r\n[ \t]/g, '')
    .split(/\r\n/)
    .filter((l) => l !== '')
    .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]);

test('pay through the link confirmation, and put an appointment in the calendar', async ({ page }) => {
  await logIn(page, app);
  await find(page, 'indbetaling');
  await openMessage(page, 'Restskat 2025 – indbetaling');
  if (specMinimal()) {
    await expect(view(page).getByText('Du har restskat for 2025').or(view(page).locator('iframe'))).toBeVisible();
    await expect(actionsOf(page)).toHaveCount(0);
    await find(page, 'tandpleje');
    await openMessage(page, 'Indkaldelse til tandpleje');
    await expect(actionsOf(page)).toHaveCount(0);
    await screenshot(page, 'letter-actions');
    return;
  }

  const dialogs: string[] = [];
  page.once('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await actionsOf(page).getByRole('button', { name: 'Betal restskat' }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]).toContain('https://betaling.sandbox.example/restskat?ref=2025-2315');
  await expect(actionsOf(page)).toContainText('Frist');
  await screenshot(page, 'letter-actions-pay');

  await find(page, 'fristen');
  await openMessage(page, 'Boligstøtte – ansøg inden fristen');
  // The http link is shown as text, never as a button.
  await expect(actionsOf(page).getByRole('button', { name: 'Søg boligstøtte' })).toBeVisible();
  await expect(actionsOf(page).getByText('Læs mere')).toBeVisible();
  await expect(actionsOf(page).getByRole('button', { name: 'Læs mere' })).toHaveCount(0);

  await find(page, 'tandpleje');
  await openMessage(page, 'Indkaldelse til tandpleje');
  await expect(actionsOf(page)).toContainText('Kommunal Tandpleje, Nørrebrogade 1');
  const download = page.waitForEvent('download');
  await actionsOf(page).getByRole('button', { name: 'Tilføj til kalender: Undersøgelse hos tandlægen' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  const lines = icsLines(await readFile((await file.path())!, 'utf8'));
  const value = (name: string) => lines.find(([k]) => k === name)?.[1];
  expect(lines.filter(([k, v]) => k === 'BEGIN' && v === 'VEVENT')).toHaveLength(1);
  // 08.30–09.15 Copenhagen winter time, written in UTC.
  expect(value('DTSTART')).toMatch(/^\d{8}T073000Z$/);
  expect(value('DTEND')).toMatch(/^\d{8}T081500Z$/);
  expect(value('DTSTART')!.slice(0, 8)).toBe(value('DTEND')!.slice(0, 8));
  expect(value('SUMMARY')).toBe('Undersøgelse hos tandlægen');
  expect(value('LOCATION')).toBe('Kommunal Tandpleje\\, Nørrebrogade 1\\, 2200 København N');
  expect(value('UID')).toMatch(/@digitalpost-desktop$/);
  await expect(actionsOf(page).getByRole('status')).toHaveText('Kalenderfilen hentes.');
  await screenshot(page, 'letter-actions-calendar');
  await expectNoAxeViolations(page);
});

/** "20.12." for an instant that lies `days` ahead at `hourUtc`, as the page (same machine, same zone) shows it. */
const shortDateAhead = (days: number, hourUtc: number): string => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getDate())}.${two(d.getMonth() + 1)}.`;
};

test('a deadline shows in the list and in the smart folder Frister, soonest first', async ({ page }) => {
  await logIn(page, app);
  await folder(page, 'Indbakke').click();
  await find(page, 'Dokumentation');
  const row = list(page).getByRole('option', { name: /Dokumentation til din sag/ });
  await expect(row).toBeVisible();
  const frister = page.getByRole('button', { name: 'Frister' });

  if (specMinimal()) {
    await expect(row).not.toContainText('Frist');
    await frister.click();
    await expect(frister).toHaveAttribute('aria-pressed', 'true');
    await expect(list(page).getByRole('option')).toHaveCount(0);
    await screenshot(page, 'deadlines');
    await find(page, 'Dokumentation');
    await expect(row).toBeVisible();
    return;
  }

  // The seed puts this deadline five days ahead at 12.00 Copenhagen time (11.00 UTC).
  await expect(row).toContainText(`Frist ${shortDateAhead(5, 11)}`);
  await frister.click();
  await expect(frister).toHaveAttribute('aria-pressed', 'true');
  const rows = list(page).getByRole('option');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('Dokumentation til din sag');
  await expect(rows.nth(1)).toContainText('Restskat 2025 – indbetaling');
  await expect(rows.nth(2)).toContainText('Boligstøtte – ansøg inden fristen');
  // The appointment has a time, not a deadline.
  await expect(list(page).getByRole('option', { name: /Indkaldelse til tandpleje/ })).toHaveCount(0);
  await expect(folder(page, 'Indbakke')).toHaveAttribute('aria-selected', 'false');
  await screenshot(page, 'deadlines');
  await expectNoAxeViolations(page);

  await rows.nth(1).click();
  await expect(view(page).getByRole('heading', { name: 'Restskat 2025 – indbetaling' })).toBeVisible();
  await folder(page, 'Indbakke').click();
  await expect(frister).toHaveAttribute('aria-pressed', 'false');
  await expect(list(page).getByRole('option', { name: /Boligstøtte – ny beregning/ })).toBeVisible();
});

test("a letter Digital Post's validator refuses is not sent, though the local validator approved it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await logIn(page, app);
  await page.getByRole('button', { name: 'Skriv til myndighed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny besked' });
  await dialog.getByRole('searchbox').fill('91000039');
  await dialog.getByRole('button', { name: /Københavns Kommune.*Sundhedskort/ }).click();
  await dialog.getByRole('textbox', { name: 'Emne' }).fill('Spørgsmål om sundhedskort');
  await page.getByRole('textbox', { name: 'Besked', exact: true }).click();
  // The sandbox's Digital Post refuses any element naming a host under .invalid; the local STRICT check does not.
  await page.keyboard.type('Se sagen på portal.afvist.invalid, tak.');
  await expect(dialog.getByRole('status').filter({ hasText: /^Gemt \d\d:\d\d$/ })).toBeVisible({ timeout: 15_000 });

  await dialog.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(
    dialog
      .getByRole('alert')
      .filter({ hasText: /indeholder element "\w+", som enten ikke tilladt/ })
      .first(),
  ).toBeVisible({
    timeout: 15_000,
  });
  // Not sent, and the words stay.
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Besked', exact: true })).toContainText('portal.afvist.invalid');
  await screenshot(page, 'compose-server-refused');
  await dialog.getByRole('button', { name: 'Luk' }).first().click();
  await folder(page, 'Sendt').click();
  await expect(list(page).getByRole('option', { name: /Spørgsmål om sundhedskort/ })).toHaveCount(0);
});

test('browse the organisation hierarchy to pick an authority', async ({ page }) => {
  await logIn(page, app);
  await page.getByRole('button', { name: 'Skriv til myndighed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny besked' });
  await dialog.getByRole('button', { name: 'Gennemse myndigheder' }).click();
  const browser = dialog.getByRole('region', { name: 'Myndigheder og kontaktpunkter' });
  await browser.getByRole('button', { name: /^Københavns Kommune/ }).click();
  await browser.getByRole('button', { name: 'Gruppe: Borgerservice' }).click();
  await expect(browser.getByRole('button', { name: /Sundhedskort/ })).toBeVisible();
  await browser.getByRole('button', { name: 'Gruppe: Pas' }).click();
  const path = browser.getByRole('navigation', { name: 'Placering' });
  await expect(path.getByRole('button')).toHaveText(['Alle myndigheder', 'Københavns Kommune', 'Borgerservice', 'Pas']);
  await screenshot(page, 'compose-browse-authorities');
  await expectNoAxeViolations(page);
  await browser.getByRole('button', { name: /Bestil nyt pas/ }).click();
  await expect(dialog.getByText(/Til: Københavns Kommune – Bestil nyt pas \(CVR 91000039\)/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Luk' }).first().click();
});

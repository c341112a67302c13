import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, specMinimal, startAppForFile } from './helpers/app';
import { view } from './helpers/mail-screen';

// Issue 14 (event log, who has access, access requests) end to end in browser mode: read the event log and open a
// letter from it, see who has access and revoke it, and ask for access as Karl and approve it as Lone. The walks run
// in the spec-minimal project too, where trustees carry no names and the guessed event types are spelled unknowably.

const app = startAppForFile();

async function expectNoAxeViolations(page: Page, include: string) {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).include(include).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const dialog = (page: Page, name: string) => page.getByRole('dialog', { name });
/** A day as a Danish user types it: dd.mm.åååå. */
const dayOf = (d: Date) =>
  `${String(d.getDate()).padStart(2, '0')}.${String(d.getMonth() + 1).padStart(2, '0')}.${d.getFullYear()}`;

/** The header's "Adgang og hændelser" folds out the three ways in. */
async function openFromMenu(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Adgang og hændelser' }).click();
  await page.getByRole('button', { name, exact: true }).click();
}

async function switchTo(page: Page, person: string): Promise<void> {
  // The browser-mode server keeps one session for every page: log out whoever is in when it is someone else.
  await page.goto(app.launchUrl());
  const logout = page.getByRole('button', { name: 'Log ud' });
  const login = page.getByRole('button', { name: 'Log ind', exact: true });
  await expect(logout.or(login)).toBeVisible({ timeout: 20_000 });
  if (await logout.isVisible()) {
    if ((await page.getByRole('banner').textContent())?.includes(person)) return;
    await logout.click();
    await expect(login).toBeVisible({ timeout: 20_000 });
  }
  await logIn(page, app, person);
  await expect(page.getByRole('banner')).toContainText(person);
}

test('the event log pages, filters, refuses more than three months and opens a letter from an event', async ({
  page,
}) => {
  await switchTo(page, 'Lone Defaultssen');
  await openFromMenu(page, 'Hændelseslog');
  const log = dialog(page, 'Hændelseslog');
  const events = log.getByRole('list', { name: 'Hændelser' });
  await expect(events.getByRole('listitem').first()).toBeVisible();
  await expect(log.getByText(/^25 af \d+ hændelser$/)).toBeVisible();
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'event-log');

  await log.getByRole('button', { name: 'Vis flere' }).click();
  await expect(log.getByText(/^(?!25 )\d+ af \d+ hændelser$/)).toBeVisible();
  await expect(log.getByRole('button', { name: 'Vis flere' })).toHaveCount(0);

  // Only letters: every event shown is then about a letter (subject MESSAGE is printed; its types are not).
  await log.getByLabel('Type').selectOption({ label: 'Breve' });
  await log.getByRole('button', { name: 'Vis hændelser' }).click();
  await expect(log.getByText(/^25 af \d+ hændelser$/)).toBeVisible();

  // A range over three months is refused in Digital Post's terms before anything is asked.
  const now = new Date();
  await log
    .getByRole('textbox', { name: 'Fra dato' })
    .fill(dayOf(new Date(now.getFullYear(), now.getMonth() - 4, now.getDate())));
  await log.getByRole('button', { name: 'Vis hændelser' }).click();
  await expect(log.getByRole('alert')).toHaveText('Perioden må højst være tre måneder. Vælg en kortere periode.');
  await log.getByRole('textbox', { name: 'Fra dato' }).fill(dayOf(new Date(now.getTime() - 21 * 86_400_000)));
  await log.getByRole('button', { name: 'Vis hændelser' }).click();
  await expect(log.getByRole('alert')).toHaveCount(0);

  // A deleted letter's events stay, but lead nowhere.
  await log.getByLabel('Søg i viste hændelser').fill('Parkeringsafgift');
  await log.getByRole('button', { name: 'Åbn brevet Parkeringsafgift' }).first().click();
  await expect(log.getByText('Brevet findes ikke længere.').first()).toBeVisible();
  await screenshot(page, 'event-log-deleted-letter');

  // One that exists opens in the mail view.
  await log.getByLabel('Søg i viste hændelser').fill('');
  const openButtons = log.getByRole('button', { name: /^Åbn brevet (?!Parkeringsafgift|Kontingent)/ });
  const name = (await openButtons.first().getAttribute('aria-label')) ?? '';
  const title = name.replace(/^Åbn brevet /, '');
  await openButtons.first().click();
  await expect(log).toHaveCount(0);
  await expect(view(page).getByRole('heading', { name: title, exact: true }).first()).toBeVisible();
  await screenshot(page, 'event-log-opened-letter');
});

test('who has access: Karl holds access to Lone’s post until she revokes it', async ({ page }) => {
  await switchTo(page, 'Lone Defaultssen');
  await openFromMenu(page, 'Hvem har adgang');
  const who = dialog(page, 'Hvem har adgang');
  const trustees = who.getByRole('list', { name: 'Personer med adgang til min post' });
  const karl = specMinimal()
    ? trustees.getByRole('listitem').last()
    : trustees.getByRole('listitem').filter({ hasText: 'Karl Testersen' });
  await expect(karl).toBeVisible();
  if (!specMinimal()) await expect(karl).toContainText('Partsrepræsentant (læser)');
  const mine = who.getByRole('list', { name: 'Postkasser jeg har adgang til' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  if (!specMinimal()) await expect(mine).toContainText('Karl Testersen');
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'who-has-access');

  await karl.getByRole('button', { name: /^Fjern adgang for / }).click();
  const confirm = dialog(page, 'Fjern adgang');
  await expect(confirm).toContainText('Det kan ikke fortrydes.');
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'who-has-access-confirm');
  await confirm.getByRole('button', { name: 'Fjern adgang', exact: true }).click();
  await expect(who.getByRole('status')).toHaveText('Adgangen er fjernet.');
  await expect(who.getByText('Ingen andre har adgang til din post.')).toBeVisible();
  await who.getByRole('button', { name: 'Luk' }).click();
});

test('access requests: Karl asks for access to Lone’s post, Lone approves, Karl then reaches it', async ({ page }) => {
  await switchTo(page, 'Karl Testersen');
  await openFromMenu(page, 'Anmodninger om adgang');
  let requests = dialog(page, 'Anmodninger om adgang');
  await requests.getByLabel('CPR-nummer (10 cifre)').fill('0101701231');
  await requests.getByLabel('Fornavn').fill('Lone');
  await requests.getByLabel('Efternavn').fill('Defaultssen');
  await requests.getByRole('button', { name: 'Send anmodning' }).click();
  await expect(requests.getByRole('status')).toHaveText('Anmodningen er sendt.');
  const mine = requests.getByRole('list', { name: 'Mine anmodninger' });
  await expect(mine.getByRole('listitem')).toHaveCount(1);
  await expect(mine).toContainText('Status: Afventer svar');
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'access-request-sent');
  await requests.getByRole('button', { name: 'Luk' }).click();

  await switchTo(page, 'Lone Defaultssen');
  await openFromMenu(page, 'Anmodninger om adgang');
  requests = dialog(page, 'Anmodninger om adgang');
  const toMe = requests.getByRole('list', { name: 'Anmodninger til mig' });
  await expect(toMe.getByRole('listitem')).toHaveCount(1);
  await expect(toMe).toContainText('Fra 020250****: Partsrepræsentant (læseadgang)');
  await expectNoAxeViolations(page, '.modal');
  await screenshot(page, 'access-request-to-me');
  await toMe.getByRole('button', { name: 'Godkend anmodningen fra 020250****' }).click();
  await expect(toMe).toContainText('Status: Godkendt');
  await requests.getByRole('button', { name: 'Luk' }).click();

  await switchTo(page, 'Karl Testersen');
  await openFromMenu(page, 'Hvem har adgang');
  const who = dialog(page, 'Hvem har adgang');
  await expect(who.getByRole('list', { name: 'Postkasser jeg har adgang til' }).getByRole('listitem')).toHaveCount(1);
  await who.getByRole('button', { name: 'Luk' }).click();
  await openFromMenu(page, 'Anmodninger om adgang');
  await expect(dialog(page, 'Anmodninger om adgang').getByRole('list', { name: 'Mine anmodninger' })).toContainText(
    'Status: Godkendt',
  );
  await screenshot(page, 'access-request-approved');
});

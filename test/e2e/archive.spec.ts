import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import keytar from 'keytar';
import { simpleParser } from 'mailparser';
import { startSandbox } from '../../src/sandbox/server';
import { logIn, screenshot, specMinimal, startAppForFile, startDesktop } from './helpers/app';
import { list, view } from './helpers/mail-screen';
import { splitMboxrd } from '../../src/main/services/archive/export-mail';

const app = startAppForFile();

// The word occurs only inside the PDF of this seeded letter (not in its subject, sender or note).
const PDF_ONLY_WORD = 'beløbsgrænser';
const GUIDE = 'Vejledning om fradrag – samlet oversigt';

async function expectNoAxeViolations(page: Page, include?: string) {
  const builder = new AxeBuilder({ page }).setLegacyMode(true);
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('archive on → progress → local search finds a word only inside a PDF → export as .mbox → offline reading', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Slow file downloads a little, so the archive's progress is there to be seen before the sync ends.
  app.sandbox.faults.add({ method: 'GET', path: '/content$', kind: 'latency', latencyMs: 250, times: 200 });
  await logIn(page, app);

  // Before the archive covers the mailbox, the list's search is Digital Post's.
  const search = page.getByRole('searchbox', { name: 'Søg' });
  await search.fill('fradrag');
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Søger i Digital Post' })).toBeVisible();
  await page.getByRole('button', { name: 'Ryd søgning' }).click();

  // Settings → Lokalt arkiv: keep the own mailbox, with documents.
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  const dialog = page.getByRole('dialog', { name: 'Indstillinger' });
  const section = dialog.getByRole('region', { name: 'Lokalt arkiv' });
  await expect(section).toBeVisible();
  const own = section.getByRole('group', { name: 'Lone Defaultssen' });
  const keep = own.getByRole('checkbox', { name: 'Gem min post krypteret på denne computer' });
  await expect(keep).not.toBeChecked();
  // The box follows main's answer (the archive is opened and its key made first), not the click itself.
  await keep.click();
  await expect(keep).toBeChecked();
  await expect(own.getByRole('radio', { name: 'Med dokumenter' })).toBeChecked();
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'archive-settings');
  await expectNoAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Annullér' }).click();

  // The main window shows the sync.
  const progress = page.getByRole('progressbar', { name: 'Arkivering' });
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await expect(progress).toHaveAttribute('aria-valuetext', /^Henter (dokument )?\d+(\.\d{3})* af \d+(\.\d{3})*$/);
  await screenshot(page, 'archive-progress');
  await expect(progress).toBeHidden({ timeout: 120_000 });

  // Now the archive covers the mailbox: a word only inside a PDF is found, and marked in the row.
  await search.fill(PDF_ONLY_WORD);
  await search.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Søger i dit lokale arkiv' })).toBeVisible();
  const row = list(page).getByRole('option', { name: new RegExp(GUIDE) });
  await expect(row).toHaveCount(1);
  await expect(row.locator('mark').first()).toHaveText(new RegExp(PDF_ONLY_WORD, 'i'));
  await row.click();
  const found = view(page).getByRole('region', { name: 'Fundet i brevets tekst' });
  await expect(found.locator('mark').first()).toHaveText(new RegExp(PDF_ONLY_WORD, 'i'));
  await screenshot(page, 'archive-search');

  // Export the search result as one .mbox (browser mode: a download), and read it back with a real mail parser.
  await page.getByRole('button', { name: 'Eksportér…' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Eksportér fra det lokale arkiv' });
  await exportDialog.getByRole('radio', { name: `Søgeresultatet (${PDF_ONLY_WORD})` }).check();
  await exportDialog.getByRole('radio', { name: 'Postkasse (.mbox)' }).check();
  await expectNoAxeViolations(page, '[role="dialog"]');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Eksportér', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^Digital Post \d{4}-\d{2}-\d{2}\.mbox$/);
  await expect(exportDialog.getByRole('status')).toHaveText('1 brev er eksporteret.');
  await screenshot(page, 'archive-export');
  const mbox = await readFile((await download.path())!);
  const mails = await Promise.all(splitMboxrd(mbox).map((m) => simpleParser(m)));
  expect(mails.map((m) => m.subject)).toEqual([GUIDE]);
  const pdf = mails[0]!.attachments.find((a) => a.contentType === 'application/pdf');
  expect(pdf?.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(mails[0]!.messageId).toMatch(/@digitalpost\.invalid>$/);
  await exportDialog.getByRole('button', { name: 'Luk' }).click();

  // Offline: with Digital Post unreachable, the app opened again shows the inbox from the archive and opens a letter.
  app.sandbox.faults.add({ path: '^/apis/v1/', kind: 'drop' });
  await page.reload();
  await expect(page.getByRole('status', { name: 'Offline' })).toBeVisible({ timeout: 60_000 });
  const first = list(page).getByRole('option').first();
  await expect(first).toBeVisible({ timeout: 30_000 });
  await first.click();
  await expect(view(page).getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'archive-offline');
  await expectNoAxeViolations(page, '.archive-bar');
  app.sandbox.faults.clear();
  await page.reload();
  await expect(list(page).getByRole('option').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('status', { name: 'Offline' })).toHaveCount(0);

  // "Slet lokalt arkiv" asks first, then the search is Digital Post's again.
  await page.getByRole('button', { name: 'Indstillinger' }).click();
  await section.getByRole('button', { name: 'Slet lokalt arkiv' }).click();
  await section.getByRole('button', { name: 'Ja, slet arkivet' }).click();
  await expect(section.getByRole('status').filter({ hasText: 'Det lokale arkiv er slettet.' })).toBeVisible();
  await expect(keep).not.toBeChecked();
});

test('a real restart with no network: the same person, read only from the archive, with the reasons; online again by itself', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Its own Digital Post and profile, so the restart keeps nothing but what the app stored.
  const sandbox = await startSandbox({ port: 0, ...(specMinimal() ? { specMinimal: true } : {}) });
  const userDataDir = await mkdtemp(join(tmpdir(), 'dp-e2e-offline-'));
  const keychainService = `dp-e2e-offline-${process.pid}-${Date.now()}`;
  const startHere = () =>
    startDesktop({ sandbox, userDataDir, keychainService, env: { DP_ALERT_INTERVAL_MS: '600000' } });
  let server = await startHere();
  try {
    await logIn(page, { launchUrl: () => server.createLaunchUrl() });
    await page.getByRole('button', { name: 'Indstillinger' }).click();
    const dialog = page.getByRole('dialog', { name: 'Indstillinger' });
    const own = dialog.getByRole('region', { name: 'Lokalt arkiv' }).getByRole('group', { name: 'Lone Defaultssen' });
    await own.getByRole('checkbox', { name: 'Gem min post krypteret på denne computer' }).click();
    await dialog.getByRole('button', { name: 'Annullér' }).click();
    // The archive holds the mailbox once its first pass is done: then it offers the export.
    await expect(page.getByRole('button', { name: 'Eksportér…' })).toBeVisible({ timeout: 150_000 });

    // Quit, and start again with Digital Post (its login too) unreachable.
    await server.close();
    sandbox.faults.add({ path: '^/(?!sandbox/)', kind: 'drop', times: 1_000_000 });
    server = await startHere();
    await page.goto(server.createLaunchUrl());
    await expect(page.getByRole('status', { name: 'Offline' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
    const first = list(page).getByRole('option').first();
    await expect(first).toBeVisible({ timeout: 30_000 });
    await first.click();
    await expect(view(page).getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 30_000 });
    const needs = 'Kræver forbindelse til Digital Post';
    const flag = view(page).getByRole('button', { name: 'Markér med flag' });
    await expect(flag).toBeDisabled();
    await expect(flag).toHaveAttribute('title', needs);
    await expect(page.getByRole('button', { name: 'Ny besked' })).toBeDisabled();
    await expect(view(page).getByRole('button', { name: 'Videresend' })).toHaveAttribute('title', needs);
    await screenshot(page, 'archive-offline-restart');
    await expectNoAxeViolations(page);

    // The network comes back: the app refreshes its tokens by itself (or at the next click) and goes online.
    sandbox.faults.clear();
    await expect(async () => {
      await list(page).getByRole('option').first().click();
      await expect(page.getByRole('status', { name: 'Offline' })).toHaveCount(0, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await expect(flag.or(view(page).getByRole('button', { name: 'Fjern flag' }))).toBeEnabled();
    await expect(page.getByRole('button', { name: 'Log ud' })).toBeVisible();
  } finally {
    sandbox.faults.clear();
    await server.close();
    await sandbox.close();
    for (const c of await keytar.findCredentials(keychainService).catch(() => []))
      await keytar.deletePassword(keychainService, c.account).catch(() => false);
    await rm(userDataDir, { recursive: true, force: true });
  }
});

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import keytar from 'keytar';
import type { BrowserModeServer } from '../../src/main/browser-mode/server';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/server';
import { logIn, screenshot, startDesktop, type RunningApp } from './helpers/app';

// One computer, one user profile, two people: the unsent words of the first are sealed for her, survive a restart,
// are offered to nobody else, and come back when she logs in again. Runs under scripts/with-keyring.sh.

const keychainService = `dp-e2e-journal-${process.pid}-${Date.now()}`;
const SUBJECT = 'Lones private udkast';
const WORDS = 'Ord som kun Lone må se igen.';

let sandbox: RunningSandbox;
let userDataDir: string;

const startHere = (): Promise<BrowserModeServer> =>
  startDesktop({ sandbox, userDataDir, keychainService, env: { DP_ALERT_INTERVAL_MS: '600000' } });
const asApp = (server: BrowserModeServer): Pick<RunningApp, 'launchUrl'> => ({
  launchUrl: () => server.createLaunchUrl(),
});

const banner = (page: Page) => page.getByRole('region', { name: 'Ikke gemte kladder' });
const composer = (page: Page) => page.getByRole('dialog', { name: 'Ny besked' });
const editor = (page: Page) => page.getByRole('textbox', { name: 'Besked', exact: true });

/** What main's journal offered this page, read from the bridge answer the restore banner is built from. */
const journalOffered = (page: Page) =>
  page
    .waitForResponse((r) => r.url().endsWith('/bridge/journal.list'))
    .then(async (r) => ((await r.json()) as { ok?: boolean; value?: { entries: unknown[] } }).value?.entries);

const filesUnder = async (at: string): Promise<string[]> => {
  const out: string[] = [];
  for (const e of await readdir(at, { withFileTypes: true }).catch(() => [])) {
    const path = join(at, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
};

/** Waits until the sandbox has seen no upload attempt for a few seconds (the dropped fault counts them down). */
const uploadsSettled = async (): Promise<void> => {
  let seen: number | undefined;
  for (;;) {
    const remaining = sandbox.faults.list()[0]?.times;
    if (remaining === seen) return;
    seen = remaining;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
};

test.beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  userDataDir = await mkdtemp(join(tmpdir(), 'dp-e2e-journal-'));
});
test.afterAll(async () => {
  for (const account of ['refresh-token.sandbox', 'journal-key.sandbox', 'pending-revocation.sandbox'])
    await keytar.deletePassword(keychainService, account).catch(() => false);
  await sandbox?.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test('a second person on the same profile is offered none of the first person’s drafts; she gets hers back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const first = await startHere();
  try {
    await logIn(page, asApp(first), 'Lone Defaultssen');
    await page.getByRole('button', { name: 'Ny besked' }).click();
    const dialog = composer(page);
    await dialog.getByRole('searchbox').fill('91000039');
    await dialog.getByRole('button', { name: /Københavns Kommune.*Bestil nyt pas/ }).click();
    await dialog.getByRole('textbox', { name: 'Emne' }).fill(SUBJECT);
    await expect(dialog.getByText(/Til: Københavns Kommune – Bestil nyt pas/)).toBeVisible();

    // Digital Post takes none of the words while this run of the app lasts, so they stay only in the journal: the
    // window goes away with them, she is offered them back, and logs out without restoring.
    sandbox.faults.add({ method: 'PUT', path: '^/apis/v1/.*/content$', kind: 'drop', times: 1_000_000 });
    await editor(page).click();
    await page.keyboard.type(WORDS);
    await expect(dialog.getByRole('status').filter({ hasText: 'Ikke gemt — prøver igen' })).toBeVisible({
      timeout: 15_000,
    });
    await page.reload();
    await expect(banner(page).getByText(new RegExp(`Vi fandt en kladde, der ikke blev gemt: ${SUBJECT}`))).toBeVisible({
      timeout: 20_000,
    });
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('button', { name: 'Log ind', exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('status', { name: 'Ikke-sendte ord' })).toHaveText(
      /^Én kladde .* er gemt krypteret på denne computer\. Kun du får den tilbudt, næste gang du logger ind\.$/,
    );
    await screenshot(page, 'journal-kept-at-logout');
  } finally {
    // In the test the services outlive their server: an upload retry still running must not deliver the words behind
    // the test's back, as it could not after a real quit.
    await first.close();
    await uploadsSettled();
    sandbox.faults.clear();
  }

  // On disk the words are sealed: no file of the profile holds the subject or the words.
  const files = await filesUnder(join(userDataDir, 'draft-journal'));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from(WORDS))).toBe(false);
    expect(bytes.includes(Buffer.from(SUBJECT))).toBe(false);
  }

  // The app starts again on the same profile, and Karl logs in.
  const second = await startHere();
  try {
    const offeredToKarl = journalOffered(page);
    await logIn(page, asApp(second), 'Karl Testersen');
    await expect(page.getByRole('banner')).toContainText('Karl Testersen');
    expect(await offeredToKarl).toEqual([]);
    await expect(banner(page)).toHaveCount(0);
    await expect(page.getByText(SUBJECT)).toHaveCount(0);
    await page.getByRole('button', { name: 'Log ud' }).click();
    await expect(page.getByRole('button', { name: 'Log ind', exact: true })).toBeVisible({ timeout: 20_000 });
    // Karl left nothing unsent, so he is told nothing.
    await expect(page.getByRole('status', { name: 'Ikke-sendte ord' })).toHaveCount(0);

    // Lone again: her words are offered and restored.
    const offeredToLone = journalOffered(page);
    await logIn(page, asApp(second), 'Lone Defaultssen');
    expect(await offeredToLone).toHaveLength(1);
    await expect(banner(page).getByText(new RegExp(`Vi fandt en kladde, der ikke blev gemt: ${SUBJECT}`))).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByRole('status', { name: 'Ikke-sendte ord' })).toHaveCount(0);
    await banner(page).getByRole('button', { name: 'Gendan' }).click();
    await expect(editor(page)).toContainText(WORDS);
    await expect(composer(page).getByText('Ikke gemt — prøver igen')).toHaveCount(0);
    await expect(banner(page)).toBeHidden();
  } finally {
    await second.close();
  }
});

import { test, expect, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, startAppForFile } from './helpers/app';
import { da } from '../../src/renderer/i18n/da';
import { en } from '../../src/renderer/i18n/en';

// The screens and dialogs added beside the mail screen (access, event log, requests, folders, notifications,
// shortcuts, deadlines, letter actions, forward, write to an authority), in both themes and both languages: a
// screenshot of each and no axe findings. The main screen, a letter, settings and the composer are toured in
// desktop-reading.spec.ts. Names come from the app's own texts, so an English screen is found by its English name.

const app = startAppForFile();

async function expectNoAxeViolations(page: Page) {
  // Legacy mode runs in the page itself: the sandboxed letter frame cannot take axe's script.
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const THEMES = ['light', 'dark'] as const;
const LANGUAGES = [
  { code: 'da', texts: da },
  { code: 'en', texts: en },
] as const;

/** Shoots and checks a dialog, then closes it with Escape as a keyboard user would. */
async function tourDialog(page: Page, dialog: Locator, name: string): Promise<void> {
  await expect(dialog).toBeVisible();
  await screenshot(page, name);
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
}

test('the screens beside the mail screen in both themes and both languages: screenshots and no axe findings', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await logIn(page, app);
  const languageSwitch = page.locator('.language-switch select');
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    for (const { code, texts: t } of LANGUAGES) {
      await languageSwitch.selectOption(code);
      await expect(page.locator('html')).toHaveAttribute('lang', code);
      const tag = `${theme}-${code}`;

      const accessMenu = page.getByRole('button', { name: t.access.menu });
      await accessMenu.click();
      await page.getByRole('button', { name: t.eventLog.open, exact: true }).click();
      const log = page.getByRole('dialog', { name: t.eventLog.title });
      await expect(log.getByRole('button', { name: t.eventLog.show })).toBeVisible();
      await tourDialog(page, log, `tour-event-log-${tag}`);

      await accessMenu.click();
      await page.getByRole('button', { name: t.access.openWho, exact: true }).click();
      await tourDialog(page, page.getByRole('dialog', { name: t.access.whoTitle }), `tour-who-has-access-${tag}`);

      await accessMenu.click();
      await page.getByRole('button', { name: t.access.openRequests, exact: true }).click();
      await tourDialog(page, page.getByRole('dialog', { name: t.access.requestsTitle }), `tour-requests-${tag}`);

      await page.getByRole('button', { name: t.folders.manage }).click();
      await tourDialog(page, page.getByRole('dialog', { name: t.folders.dialogTitle }), `tour-folders-${tag}`);

      await page.getByRole('button', { name: t.notifications.open, exact: true }).click();
      await tourDialog(page, page.getByRole('dialog', { name: t.notifications.title }), `tour-notifications-${tag}`);

      await page.locator('body').press('?');
      await tourDialog(page, page.getByRole('dialog', { name: t.desktop.shortcuts.title }), `tour-shortcuts-${tag}`);

      // A letter that asks something of its reader: its actions above it, then the forward dialog from it.
      await page.getByRole('button', { name: t.letterActions.deadlinesFolder, exact: true }).click();
      const letter = page.getByRole('listbox').getByRole('option', { name: /Restskat 2025 – indbetaling/ });
      await letter.click();
      await expect(page.getByRole('button', { name: /Betal restskat/ })).toBeVisible();
      await screenshot(page, `tour-letter-actions-${tag}`);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: t.compose.forward, exact: true }).click();
      await tourDialog(page, page.getByRole('dialog', { name: t.compose.forwardTitle }), `tour-forward-${tag}`);
    }
  }
});

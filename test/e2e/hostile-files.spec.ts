import { test, expect } from '@playwright/test';
import { logIn, startAppForFile } from './helpers/app';
import { openMessage, view } from './helpers/mail-screen';

// Files from a hostile sender: names built to disguise their type or escape a folder, and formats that could run
// code. What the user sees, saves and opens must be the scrubbed name with the extension of the declared format.

const app = startAppForFile();

// Bidi, zero-width and other format characters, and C0/C1 controls: none may survive into a shown or saved name.
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

async function deliver(body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${app.sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mailboxOwner: 'lone', ...body }),
  });
  expect(res.ok, `POST /sandbox/messages answered ${res.status}`).toBe(true);
}

test('hostile names are shown scrubbed and saved under the extension of their format; .exe is never opened', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await deliver({
    label: 'Fjendtlige bilag',
    text: 'Se de vedlagte filer.',
    attachments: [
      { filename: 'Faktura\u202Efdp.exe', encodingFormat: 'application/pdf', text: '%PDF-1.4 ikke rigtig' },
      { filename: 'rapport.pdf.exe', encodingFormat: 'application/pdf', text: '%PDF-1.4 ikke rigtig' },
      { filename: 'noter.desktop', encodingFormat: 'text/plain', text: '[Desktop Entry]\nExec=sh -c "rm -rf ~"' },
      { filename: '../../hjem.sh', encodingFormat: 'text/plain', text: 'echo hej' },
      {
        filename: 'opdatering.exe',
        label: 'Programopdatering',
        encodingFormat: 'application/x-msdownload',
        base64: 'TVqQAAMAAAAEAAAA',
        outsideWhitelist: true,
      },
    ],
  });
  await logIn(page, app);
  await openMessage(page, 'Fjendtlige bilag', 2);

  const expected: [string, RegExp][] = [
    ['Fakturafdp.exe.pdf', /\.pdf$/],
    ['rapport.pdf.exe.pdf', /\.pdf$/],
    ['noter.desktop.txt', /\.txt$/],
    ['hjem.sh.txt', /\.txt$/],
  ];
  for (const [name, extension] of expected) {
    const file = view(page).getByRole('region', { name, exact: true });
    await expect(file).toBeVisible();
    await expect(file.locator('.file-name')).toHaveText(name);
    const downloading = page.waitForEvent('download');
    await file.getByRole('button', { name: 'Gem som…' }).click();
    const download = await downloading;
    const saved = download.suggestedFilename();
    expect(saved).toMatch(extension);
    expect(saved).not.toMatch(HIDDEN);
    expect(saved).not.toMatch(/[/\\]/);
    expect(saved).toBe(name);
    // A viewer-safe format keeps its Åbn.
    await expect(file.getByRole('button', { name: 'Åbn' })).toBeVisible();
  }
  // Nothing in the message view (names, document labels) carries a bidi override or another format character.
  expect(await view(page).innerText()).not.toMatch(/\p{Cf}/u);

  const exe = view(page).getByRole('region', { name: 'opdatering.exe', exact: true });
  await expect(exe).toBeVisible();
  await expect(exe.getByRole('button', { name: 'Åbn' })).toHaveCount(0);
  await expect(exe.getByRole('button', { name: 'Gem som…' })).toBeVisible();
  await expect(exe.getByText(/application\/x-msdownload åbnes ikke direkte, fordi de kan køre kode/)).toBeVisible();
});

test('Åbn on an HTML letter shows it sanitised in a tab of the app, never the raw HTML', async ({ page, context }) => {
  test.setTimeout(120_000);
  await deliver({
    label: 'Brev med script',
    html: '<p>Kære borger, se <b>beløbet</b>.</p><script>window.opener && (window.opener.__pwned = 1); document.title = "pwned"</script><img src="https://tracker.example/p.png">',
  });
  await logIn(page, app);
  await openMessage(page, 'Brev med script', 2);
  const letter = view(page).getByRole('region', { name: 'brev.html', exact: true });
  const opening = context.waitForEvent('page');
  await letter.getByRole('button', { name: 'Åbn' }).click();
  const tab = await opening;
  await tab.waitForLoadState();
  expect(new URL(tab.url()).origin).toBe(new URL(app.url).origin);
  expect(new URL(tab.url()).hash).toMatch(/^#letter=/);
  const frame = tab.locator('iframe');
  await expect(frame).toHaveAttribute('sandbox', '');
  await expect(tab.frameLocator('iframe').getByText('beløbet')).toBeVisible();
  await expect(tab.frameLocator('iframe').locator('script')).toHaveCount(0);
  await expect(tab.getByText('1 eksternt billede blev blokeret')).toBeVisible();
  // The letter alone: none of the app's mail screen is in that tab.
  await expect(tab.getByRole('listbox', { name: 'Beskeder' })).toHaveCount(0);
  expect(await tab.title()).toBe('Brev: brev.html');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});

import { expect, test, type Page } from '@playwright/test';
import { logIn, startAppForFile } from './helpers/app';

// Browser mode listens on a loopback port any local process can reach. Only the browser that opened the one-time
// launch URL the terminal printed may use the app; this walks that promise with real browser contexts.

const app = startAppForFile();

const loginHeading = (page: Page) => page.getByRole('heading', { name: 'Log ind på Digital Post' });

/** What a script on the refused page (or any local caller with the port) gets from the bridge. */
const bridgeStatus = (page: Page): Promise<number> =>
  page.evaluate(async () => {
    const res = await fetch('/bridge/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-DP-Bridge': '1' },
      body: '{}',
    });
    return res.status;
  });

test('the plain URL gives a fresh browser neither the app nor a working bridge', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const response = await page.goto(app.url);
  expect(response?.status()).toBe(401);
  await expect(page.getByText(/terminal/).first()).toBeVisible();
  await expect(loginHeading(page)).toHaveCount(0);
  expect(await page.evaluate(() => 'digitalPost' in window)).toBe(false);
  expect(await bridgeStatus(page)).toBe(401);
  const events = await page.evaluate(async () => (await fetch('/bridge/events')).status);
  expect(events).toBe(401);
  await context.close();
});

test('the launch URL lets a browser in once, at the clean URL, and the token does not work twice', async ({
  browser,
}) => {
  const launchUrl = app.launchUrl();
  const first = await browser.newContext();
  const page = await first.newPage();
  await page.goto(launchUrl);
  await expect(loginHeading(page)).toBeVisible();
  // The token left the address bar.
  expect(page.url()).toBe(app.url);
  expect(await bridgeStatus(page)).toBe(200);

  // Closing the tab and opening the app again in the same browser keeps working while the server runs.
  await page.close();
  const reopened = await first.newPage();
  await reopened.goto(app.url);
  await expect(loginHeading(reopened)).toBeVisible();

  // Another browser (profile) with the same link, already spent: nothing.
  const second = await browser.newContext();
  const other = await second.newPage();
  const response = await other.goto(launchUrl);
  expect(response?.status()).toBe(401);
  await expect(loginHeading(other)).toHaveCount(0);
  expect(await bridgeStatus(other)).toBe(401);
  // Nor does the clean URL work there.
  expect((await other.goto(app.url))?.status()).toBe(401);

  await first.close();
  await second.close();
});

test('a browser let in still gets the app when another site sends it back (the login redirect)', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(app.launchUrl());
  await expect(loginHeading(page)).toBeVisible();
  // A stand-in identity provider on another site: its redirect back is cross-site, so the browser leaves the
  // SameSite=Strict cookie off that first request.
  await context.route('https://idp.example/**', (route) =>
    route.request().url().endsWith('/back')
      ? route.fulfill({ status: 303, headers: { Location: app.url } })
      : route.fulfill({
          contentType: 'text/html',
          body: '<!doctype html><title>IdP</title><a href="/back">Tilbage til Digital Post</a>',
        }),
  );
  await page.goto('https://idp.example/login');
  const arrivals: number[] = [];
  page.on('response', (r) => {
    if (r.url() === app.url) arrivals.push(r.status());
  });
  await page.getByRole('link', { name: 'Tilbage til Digital Post' }).click();
  await expect(loginHeading(page)).toBeVisible();
  expect(page.url()).toBe(app.url);
  // Without the cookie on the cross-site arrival, then in through the reload from the app's own origin.
  expect(arrivals).toEqual([401, 200]);
  expect(await bridgeStatus(page)).toBe(200);
  await context.close();
});

test('a link in a letter is confirmed with its host in punycode, and opens exactly that in a new tab', async ({
  page,
  context,
}) => {
  // Cyrillic а (U+0430) in place of the Latin a: the look-alike must not read as digitalpost.dk.
  const html =
    '<p>Log ind <a href="https://digit\u0430lpost.dk/login">her</a> eller ' +
    '<a href="mailto:post@example.dk?subject=Sp%C3%B8rgsm%C3%A5l&attach=%2Fetc%2Fpasswd">skriv til os</a></p>';
  const res = await fetch(`${app.sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mailboxOwner: 'lone', label: 'Brev med links', html }),
  });
  expect(res.ok, `POST /sandbox/messages answered ${res.status}`).toBe(true);
  // Nothing leaves the machine: the look-alike host answers from here.
  await context.route('https://xn--digitlpost-3qi.dk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>look-alike</title>' }),
  );

  await logIn(page, app);
  await page
    .getByRole('listbox', { name: 'Beskeder' })
    .getByRole('option', { name: /Brev med links/ })
    .first()
    .click();
  const letter = page.getByRole('region', { name: 'Besked' });

  const dialogs: string[] = [];
  page.once('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await letter.getByRole('button', { name: 'Åbn link: skriv til os' }).click();
  await expect.poll(() => dialogs.length).toBe(1);
  expect(dialogs[0]!.split('\n')).toContain('post@example.dk');
  expect(dialogs[0]).toContain('mailto:post@example.dk?subject=Sp%C3%B8rgsm%C3%A5l');
  expect(dialogs[0]).not.toContain('attach');

  page.once('dialog', (d) => {
    dialogs.push(d.message());
    void d.accept();
  });
  const popup = context.waitForEvent('page');
  await letter.getByRole('button', { name: 'Åbn link: her' }).click();
  const opened = await popup;
  expect(dialogs[1]!.split('\n')).toContain('xn--digitlpost-3qi.dk');
  expect(dialogs[1]).not.toContain('digitalpost.dk');
  expect(dialogs[1]).toContain('internationale tegn');
  await expect.poll(() => opened.url()).toBe('https://xn--digitlpost-3qi.dk/login');
  // noopener: the sender's page cannot reach back into the app.
  expect(await opened.evaluate(() => window.opener)).toBeNull();
});

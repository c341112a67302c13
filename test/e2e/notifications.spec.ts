import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { logIn, screenshot, startApp, type RunningApp } from './helpers/app';

// Issue 6 end to end in browser mode: every change in the settings screen is checked against the sandbox's own
// resource (exactly that change, nothing else), and new post raises a Web Notification that opens the letter.

const ALERT_INTERVAL_MS = 1500;
let app: RunningApp;
let token: string;

test.beforeAll(async () => {
  process.env.DP_ALERT_INTERVAL_MS = String(ALERT_INTERVAL_MS);
  app = await startApp();
  const res = await fetch(`${app.sandbox.url}/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: 'lone' }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
});
test.afterAll(async () => {
  delete process.env.DP_ALERT_INTERVAL_MS;
  await app?.close();
});

type Json = Record<string, any>;

/**
 * The test reads Digital Post beside the app, within the same rate limit as the app's own polling: a 429 is waited
 * out as Retry-After says, as any client must, instead of failing the walk.
 */
const api = async (path: string): Promise<Json> => {
  for (let attempt = 1; ; attempt += 1) {
    const res = await fetch(`${app.sandbox.apiBase}/${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 429 && attempt < 5) {
      const seconds = Number(res.headers.get('retry-after'));
      await new Promise((r) => setTimeout(r, Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000));
      continue;
    }
    expect(res.status).toBe(200);
    return (await res.json()) as Json;
  }
};

const ownMailbox = async (): Promise<Json> => {
  const { mailboxes } = await api('mailboxes/');
  return (mailboxes as Json[]).find((m) => m.access?.accessType === 'OWNER')!;
};
const fetchAccess = async (mailboxId: string, accessId: string) => api(`mailboxes/${mailboxId}/accesses/${accessId}`);

/** A verified number and opting out are read from the printed fields (confirmationTime, the opt-out timestamp). */
const confirmed = (sub: Json): boolean => sub.confirmationTime !== undefined && sub.confirmationTime !== null;
const optedOut = (access: Json): boolean =>
  access.optedOutOfNotificationsDateTime !== undefined && access.optedOutOfNotificationsDateTime !== null;

/** Everything but the touched keys (and the bookkeeping the server moves on every save) is exactly as before. */
const expectOnlyChanged = (before: Json, after: Json, ...touched: string[]) => {
  const strip = (o: Json) => {
    const { version: _v, lastUpdated: _l, transactionId: _t, ...rest } = o;
    return Object.fromEntries(Object.entries(rest).filter(([k]) => !touched.includes(k)));
  };
  expect(strip(after)).toEqual(strip(before));
  expect(after.version).toBeGreaterThan(before.version);
};

const outboxPin = async (to: string): Promise<string> => {
  const res = await fetch(`${app.sandbox.url}/sandbox/outbox?kind=sms&to=${to}`);
  const { entries } = (await res.json()) as { entries: { pin?: string }[] };
  const pin = entries.filter((e) => e.pin).at(-1)?.pin;
  expect(pin).toBeTruthy();
  return pin!;
};

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Notifikationer' });
const section = (page: Page, name: string) => dialog(page).getByRole('region', { name, exact: true });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('notification settings, NemSMS and desktop alerts', async ({ page }) => {
  test.setTimeout(180_000);
  // A Web Notification stand-in: permission starts undecided, the settings button grants it, constructions are kept.
  await page.addInitScript(() => {
    const created: { title: string; body?: string; instance: { onclick: null | (() => void); close(): void } }[] = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        FakeNotification.permission = 'granted';
        return 'granted';
      }
      onclick: null | (() => void) = null;
      constructor(title: string, options?: NotificationOptions) {
        created.push({ title, ...(options?.body !== undefined ? { body: options.body } : {}), instance: this });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification, configurable: true, writable: true });
    (window as unknown as { __notifications: typeof created }).__notifications = created;
  });

  await logIn(page, app);
  const mailbox = await ownMailbox();
  const mailboxId = mailbox.id as string;
  const accessId = mailbox.access.id as string;

  await page.getByRole('button', { name: 'Notifikationer', exact: true }).click();
  await expect(dialog(page)).toBeVisible();
  const emails = section(page, 'E-mail');
  await expect(emails.getByRole('list', { name: 'E-mailadresser' }).getByRole('listitem')).toHaveCount(1);
  await screenshot(page, 'notifications-settings');
  await expectNoAxeViolations(page);

  // E-mail: refused before any request when invalid or already there; then add one and remove the other.
  let before = await fetchAccess(mailboxId, accessId);
  const newEmail = emails.getByRole('textbox', { name: 'Ny e-mailadresse' });
  await newEmail.fill('ikke-en-adresse');
  await emails.getByRole('button', { name: 'Tilføj e-mail' }).click();
  await expect(emails.getByRole('alert')).toHaveText(/E-mailadressen er ikke gyldig/);
  await expect(newEmail).toHaveValue('ikke-en-adresse');
  await newEmail.fill('LONE@example.dk');
  await emails.getByRole('button', { name: 'Tilføj e-mail' }).click();
  await expect(emails.getByRole('alert')).toHaveText(/E-mailadressen LONE@example\.dk er allerede tilmeldt/);
  expect((await fetchAccess(mailboxId, accessId)).version).toBe(before.version);

  await newEmail.fill('lone.ny@example.dk');
  await emails.getByRole('button', { name: 'Tilføj e-mail' }).click();
  await expect(emails.getByRole('listitem').filter({ hasText: 'lone.ny@example.dk' })).toBeVisible();
  let after = await fetchAccess(mailboxId, accessId);
  expect(after.emailNotificationSubscriptions).toEqual([
    ...before.emailNotificationSubscriptions,
    expect.objectContaining({ email: 'lone.ny@example.dk' }),
  ]);
  expectOnlyChanged(before, after, 'emailNotificationSubscriptions');

  before = after;
  await emails.getByRole('button', { name: 'Fjern lone@example.dk' }).click();
  await expect(emails.getByRole('listitem').filter({ hasText: /^lone@example\.dk/ })).toHaveCount(0);
  after = await fetchAccess(mailboxId, accessId);
  expect(after.emailNotificationSubscriptions).toEqual([before.emailNotificationSubscriptions[1]]);
  expectOnlyChanged(before, after, 'emailNotificationSubscriptions');

  // SMS: a bad number is refused; a new number must be verified with the PIN from the sandbox outbox.
  const sms = section(page, 'SMS');
  before = after;
  const number = sms.getByRole('textbox', { name: /Mobilnummer/ });
  await number.fill('1234');
  await sms.getByRole('button', { name: 'Gem mobilnummer' }).click();
  await expect(sms.getByRole('alert')).toHaveText(/dansk mobilnummer på 8 cifre/);
  await number.fill('+45 31 41 59 26');
  await sms.getByRole('button', { name: 'Gem mobilnummer' }).click();
  await expect(sms.getByText('Status: ikke bekræftet')).toBeVisible();
  after = await fetchAccess(mailboxId, accessId);
  expect(after.smsNotificationSubscription).toMatchObject({
    id: before.smsNotificationSubscription.id,
    mobileNumber: '31415926',
  });
  expect(confirmed(after.smsNotificationSubscription)).toBe(false);
  expectOnlyChanged(before, after, 'smsNotificationSubscription');

  const pin = await outboxPin('31415926');
  const wrong = pin === '000000' ? '111111' : '000000';
  await sms.getByRole('textbox', { name: 'Pinkode fra sms' }).fill(wrong);
  await sms.getByRole('button', { name: 'Bekræft nummer' }).click();
  await expect(sms.getByRole('alert')).toHaveText(/Pinkoden er forkert/);
  await expect(sms.getByRole('textbox', { name: 'Pinkode fra sms' })).toHaveValue(wrong);
  await sms.getByRole('button', { name: 'Send ny pinkode' }).click();
  await expect(sms.getByText('Der er sendt en ny pinkode.')).toBeVisible();
  const fresh = await outboxPin('31415926');
  before = await fetchAccess(mailboxId, accessId);
  await sms.getByRole('textbox', { name: 'Pinkode fra sms' }).fill(fresh);
  await sms.getByRole('button', { name: 'Bekræft nummer' }).click();
  await expect(sms.getByText('Status: bekræftet')).toBeVisible();
  after = await fetchAccess(mailboxId, accessId);
  expect(after.smsNotificationSubscription).toMatchObject({ mobileNumber: '31415926' });
  expect(confirmed(after.smsNotificationSubscription)).toBe(true);
  expectOnlyChanged(before, after, 'smsNotificationSubscription');

  // Devices: APN shows as Apple, FCM as Google/Android; removing one keeps the other exactly.
  const push = section(page, 'Enheder (push)');
  await expect(push.getByRole('listitem')).toHaveText([/^Apple · enhed/, /^Google\/Android · enhed/]);
  before = after;
  await push.getByRole('button', { name: /^Fjern enheden Apple/ }).click();
  await expect(push.getByRole('listitem')).toHaveCount(1);
  after = await fetchAccess(mailboxId, accessId);
  expect(after.pushNotificationSubscriptions).toEqual([before.pushNotificationSubscriptions[1]]);
  expectOnlyChanged(before, after, 'pushNotificationSubscriptions');

  // NemSMS on the own contact: subscribe with a new number, verify with the PIN.
  const nemSms = section(page, 'NemSMS');
  await expect(nemSms.getByText('Du er ikke tilmeldt NemSMS.')).toBeVisible();
  const contactBefore = ((await api('contacts/')).contacts as Json[])[0]!;
  await nemSms.getByRole('textbox', { name: 'Mobilnummer til NemSMS' }).fill('40 40 40 40');
  await nemSms.getByRole('button', { name: 'Tilmeld NemSMS' }).click();
  await expect(nemSms.getByText('Status: ikke bekræftet')).toBeVisible();
  await nemSms.getByRole('textbox', { name: 'Pinkode fra sms' }).fill(await outboxPin('40404040'));
  await nemSms.getByRole('button', { name: 'Bekræft NemSMS' }).click();
  await expect(nemSms.getByText('Status: bekræftet')).toBeVisible();
  const contactAfter = await api(`contacts/${contactBefore.id}`);
  expect(contactAfter.nemSmsSubscription).toMatchObject({
    mobileNumber: '40404040',
    verificationTime: expect.any(String),
  });
  expectOnlyChanged(contactBefore, contactAfter, 'nemSmsSubscription');
  // The access was not touched by any of that.
  expect((await fetchAccess(mailboxId, accessId)).version).toBe(after.version);

  // Opt out and back in: only the opt-out moves; the subscriptions and introductionCompleted stay.
  const optOut = dialog(page).getByRole('checkbox', { name: 'Fravælg alle notifikationer for denne postkasse' });
  before = after;
  // The box follows the server: it turns only once Digital Post has saved the change.
  await optOut.click();
  await expect(optOut).toBeChecked();
  await expect(dialog(page).getByText('Du modtager ingen notifikationer om ny post i denne postkasse.')).toBeVisible();
  after = await fetchAccess(mailboxId, accessId);
  expect(optedOut(after)).toBe(true);
  expectOnlyChanged(before, after, 'optedOutOfNotificationsDateTime', 'optOut');
  before = after;
  await optOut.click();
  await expect(optOut).not.toBeChecked();
  after = await fetchAccess(mailboxId, accessId);
  expect(optedOut(after)).toBe(false);
  expectOnlyChanged(before, after, 'optedOutOfNotificationsDateTime', 'optOut');

  // Desktop alerts: the permission is asked from this click.
  await dialog(page).getByRole('button', { name: 'Slå skrivebordsnotifikationer til' }).click();
  await expect(dialog(page).getByText('Browseren må vise skrivebordsnotifikationer.')).toBeVisible();
  await screenshot(page, 'notifications-settings-done');
  await expectNoAxeViolations(page);
  await dialog(page).getByRole('button', { name: 'Luk' }).click();

  // New post in the other mailbox (a power of attorney) raises a notification within one polling interval...
  const switcher = page.getByRole('combobox', { name: 'Postkasse' });
  const otherId = (await switcher.locator('option').nth(1).getAttribute('value'))!;
  const delivered = await fetch(`${app.sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      mailboxId: otherId,
      senderLabel: 'Skattestyrelsen',
      label: 'Ny forskudsopgørelse',
      text: 'Din forskudsopgørelse er klar.',
    }),
  });
  expect(delivered.status).toBe(201);
  const started = Date.now();
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (window as unknown as { __notifications: { title: string; body?: string }[] }).__notifications.map((n) => [
            n.title,
            n.body,
          ]),
        ),
      {
        timeout: ALERT_INTERVAL_MS * 4 + 5000,
      },
    )
    .toEqual([['Ny post fra Skattestyrelsen', 'Ny forskudsopgørelse']]);
  expect(Date.now() - started).toBeLessThan(ALERT_INTERVAL_MS * 4 + 5000);

  // The tab title carries the unread count (browser mode's badge).
  await expect(page).toHaveTitle(/^\(\d+\) /);

  // ...and clicking it opens that letter in that mailbox.
  await page.evaluate(() =>
    (
      window as unknown as { __notifications: { instance: { onclick: () => void } }[] }
    ).__notifications[0]!.instance.onclick(),
  );
  await expect(switcher).toHaveValue(otherId);
  await expect(
    page.getByRole('region', { name: 'Besked' }).getByRole('heading', { name: 'Ny forskudsopgørelse', exact: true }),
  ).toBeVisible();

  // The same letter does not alert twice.
  await page.waitForTimeout(ALERT_INTERVAL_MS * 2);
  expect(await page.evaluate(() => (window as unknown as { __notifications: unknown[] }).__notifications.length)).toBe(
    1,
  );
});

test('the maximum number of e-mail addresses is explained, and the form keeps the address', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, app);
  const mailbox = await ownMailbox();
  await page.getByRole('button', { name: 'Notifikationer', exact: true }).click();
  const emails = section(page, 'E-mail');
  const list = emails.getByRole('list', { name: 'E-mailadresser' }).getByRole('listitem');
  await expect(list.first()).toBeVisible();
  const input = emails.getByRole('textbox', { name: 'Ny e-mailadresse' });
  // Fill up to the sandbox's limit, then one more.
  for (let n = await list.count(); n < 5; n += 1) {
    await input.fill(`ekstra${n}@example.dk`);
    await emails.getByRole('button', { name: 'Tilføj e-mail' }).click();
    await expect(list).toHaveCount(n + 1);
  }
  const before = await fetchAccess(mailbox.id, mailbox.access.id);
  await input.fill('en-for-meget@example.dk');
  await emails.getByRole('button', { name: 'Tilføj e-mail' }).click();
  await expect(emails.getByRole('alert')).toHaveText(/Du kan ikke tilføje flere e-mailadresser til denne postkasse/);
  await expect(input).toHaveValue('en-for-meget@example.dk');
  await expect(emails.getByRole('alert').getByRole('button', { name: 'Prøv igen' })).toBeVisible();
  // Nothing was half-saved.
  expect(await fetchAccess(mailbox.id, mailbox.access.id)).toEqual(before);
});

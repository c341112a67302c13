import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../server';

// Against the full sandbox (mailbox seed and all): the access the mailbox resource embeds is the one this part
// updates, so there is a single source of truth for notification settings.
let sandbox: RunningSandbox;
let token: string;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 } });
  token = await sandbox.mintAccessToken('lone');
});
afterAll(() => sandbox.close());

const api = async (method: string, path: string, body?: unknown, ifMatch?: number) => {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (ifMatch !== undefined) headers['If-Match'] = String(ifMatch);
  const res = await fetch(`${sandbox.apiBase}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
};

it('updates the access that the mailbox resource embeds, and PINs reach the outbox', async () => {
  const mailboxes = (await api('GET', '/mailboxes/')).body.mailboxes as {
    id: string;
    access?: { id: string; accessType: string; version: number };
  }[];
  const own = mailboxes.find((m) => m.access?.accessType === 'OWNER');
  expect(own).toBeDefined();
  const { id: mailboxId, access } = own as { id: string; access: { id: string; version: number } };

  const put = await api(
    'PUT',
    `/mailboxes/${mailboxId}/accesses/${access.id}`,
    { introductionCompleted: true, smsNotificationSubscription: { mobileNumber: '60606060' } },
    access.version,
  );
  expect(put.status).toBe(200);
  const embedded = (await api('GET', `/mailboxes/${mailboxId}`)).body.access;
  expect(embedded).toMatchObject({
    version: access.version + 1,
    emailNotificationSubscriptions: [],
    smsNotificationSubscription: { mobileNumber: '60606060', verified: false },
  });

  const outbox = (await (await fetch(`${sandbox.url}/sandbox/outbox?kind=sms&to=60606060`)).json()) as {
    entries: { pin: string }[];
  };
  expect(outbox.entries).toHaveLength(1);
  const verified = await api(
    'PUT',
    `/mailboxes/${mailboxId}/accesses/${access.id}/subscriptions/${put.body.smsNotificationSubscription.id}/verification`,
    { pin: outbox.entries[0]!.pin },
  );
  expect(verified.body.smsNotificationSubscription.verified).toBe(true);
});

it('a new number set through the mailbox resource (§8.5) gets its PIN exactly as through the access', async () => {
  const mailboxes = (await api('GET', '/mailboxes/')).body.mailboxes as {
    id: string;
    version: number;
    access: Record<string, any>;
  }[];
  const own = mailboxes.find((m) => m.access.accessType === 'OWNER')!;
  const pinsTo = async (to: string) =>
    (
      (await (await fetch(`${sandbox.url}/sandbox/outbox?kind=sms&to=${to}`)).json()) as {
        entries: { pin?: string; purpose?: string }[];
      }
    ).entries.filter((e) => e.pin);

  const put = await api(
    'PUT',
    `/mailboxes/${own.id}`,
    { ...own, access: { ...own.access, smsNotificationSubscription: { mobileNumber: '61616161' } } },
    own.version,
  );
  expect(put.status).toBe(200);
  expect(put.body.access.smsNotificationSubscription).toMatchObject({ mobileNumber: '61616161', verified: false });
  const pins = await pinsTo('61616161');
  expect(pins).toEqual([expect.objectContaining({ purpose: 'access-sms' })]);
  const sub = put.body.access.smsNotificationSubscription;
  const verified = await api(
    'PUT',
    `/mailboxes/${own.id}/accesses/${own.access.id}/subscriptions/${sub.id}/verification`,
    { pin: pins[0]!.pin },
  );
  expect(verified.body.smsNotificationSubscription.verified).toBe(true);

  // Saving the mailbox again with the same number sends nothing more.
  const again = (await api('GET', `/mailboxes/${own.id}`)).body;
  expect((await api('PUT', `/mailboxes/${own.id}`, again, again.version)).status).toBe(200);
  expect(await pinsTo('61616161')).toHaveLength(1);
});

it('serves the contact structure and /validations/ without a token', async () => {
  const points = await fetch(`${sandbox.apiBase}/contact-points/?searchTermOrName=Bolig*`);
  expect(points.status).toBe(200);
  expect(((await points.json()) as { contactPoints: { name: string }[] }).contactPoints.map((p) => p.name)).toEqual([
    'Boligstøtte',
  ]);
  const validation = await fetch(`${sandbox.apiBase}/validations/?policy=STRICT`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/html' },
    body: '<p>Hej</p>',
  });
  expect(validation.status).toBe(200);
});

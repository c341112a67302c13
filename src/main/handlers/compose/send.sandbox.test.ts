import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import { type CallContext } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { createDpClient } from '../../services/dp-client/dp-client';
import { sandboxTokens } from '../../services/dp-client/sandbox-tokens.test-support';
import { TokenBucket } from '../../services/dp-client/token-bucket';
import { createComposeHandlers } from '.';

// Send is POST in the use case (§6.13.1) and PUT in the service table: the client uses POST and falls back to PUT
// once, only on 405. Against a real sandbox, whose fault hook answers 405 in place of the route.

let sandbox: RunningSandbox;
const dirs: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 } });
});
afterAll(async () => {
  await sandbox?.close();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});
afterEach(async () => {
  await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
});

const call: CallContext = { transport: 'browser' };
const limiter = new TokenBucket({ capacity: 1000, replenishRate: 1000 });

const fault = async (spec: Record<string, unknown>) => {
  const res = await fetch(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(res.status).toBe(201);
};

const setup = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'dp-send-'));
  dirs.push(dir);
  const sent: { method: string; path: string }[] = [];
  const api = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens: sandboxTokens(sandbox, 'lone'),
    fetch: (input, init) => {
      sent.push({ method: init?.method ?? 'GET', path: new URL(String(input)).pathname });
      return fetch(input, init);
    },
    backoffMs: 5,
    limiter,
    log: () => undefined,
  });
  const h = createComposeHandlers({ api, events: { emit: () => undefined }, hooks: { userDataDir: dir } });
  const boxes = await api.get<{ mailboxes: { id: string; access?: { accessType: string } }[] }>('mailboxes/');
  const mailboxId = boxes.data.mailboxes.find((m) => m.access?.accessType === 'OWNER')!.id;
  const draft = await h['compose.create'](
    {
      mailboxId,
      label: `Send ${Math.random().toString(36).slice(2, 8)}`,
      recipient: { recipientIdType: 'CVR', recipientId: '91000013' },
    },
    call,
  );
  await h['compose.save'](
    { mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Hej</p>' } },
    call,
  );
  const sendPath = `/apis/v1/mailboxes/${mailboxId}/messages/${draft.messageId}/send`;
  const sends = () => sent.filter((s) => s.path === sendPath).map((s) => s.method);
  return { h, mailboxId, messageId: draft.messageId, sendPath, sends };
};

describe('compose.send method', () => {
  it('sends with POST, as the use case prints', async () => {
    const s = await setup();
    const { message } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: s.messageId }, call);
    expect(message.messageState).toBe('SENT');
    expect(s.sends()).toEqual(['POST']);
  });

  it('on 405 to POST tries PUT once, and the message is sent', async () => {
    const s = await setup();
    await fault({ path: s.sendPath, method: 'POST', kind: 'status', status: 405 });
    const { message } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: s.messageId }, call);
    expect(message.messageState).toBe('SENT');
    expect(s.sends()).toEqual(['POST', 'PUT']);
  });

  it('a 405 to both is shown, the draft stays a draft, and nothing is tried a third time', async () => {
    const s = await setup();
    await fault({ path: s.sendPath, kind: 'status', status: 405 });
    const err = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: s.messageId }, call).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppFault);
    expect((err as AppFault).appError.status).toBe(405);
    expect(s.sends()).toEqual(['POST', 'PUT']);
    await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    const { message } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: s.messageId }, call);
    expect(message.messageState).toBe('SENT');
  });

  it('other refusals of the POST are not retried with PUT', async () => {
    const s = await setup();
    await fault({ path: s.sendPath, method: 'POST', kind: 'status', status: 400, times: 1 });
    await expect(s.h['compose.send']({ mailboxId: s.mailboxId, messageId: s.messageId }, call)).rejects.toBeInstanceOf(
      AppFault,
    );
    expect(s.sends()).toEqual(['POST']);
  });
});

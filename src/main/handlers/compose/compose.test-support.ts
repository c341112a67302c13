import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { AppEvent } from '../../../shared/ipc/events';
import type { CallContext } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { createDpClient } from '../../services/dp-client/dp-client';
import { sandboxTokens } from '../../services/dp-client/sandbox-tokens.test-support';
import { TokenBucket } from '../../services/dp-client/token-bucket';
import { journalEntryFiles, sealedTestJournal } from '../../services/drafts/journal.test-support';
import { createComposeHandlers } from '.';
import { JOURNAL_FOLDER } from './context';

// The compose handlers against a real sandbox over HTTP: what reaches Digital Post, what stays on disk, and what the
// user is told. Faults come from the sandbox's own hooks, or from the transport where the sandbox cannot place them.
// Each test file calls `useComposeSandbox()` once at its top level, which starts and stops its own sandbox.

let sandbox: RunningSandbox;
const dirs: string[] = [];

export const useComposeSandbox = () => {
  beforeAll(async () => {
    // Rate limiting is the DpClient's own subject (its tests run against the limit); here it would only slow the 70 MB case.
    sandbox = await startSandbox({ port: 0, rateLimit: { enabled: false, burstCapacity: 20, replenishRate: 10 } });
  });
  afterAll(async () => {
    await sandbox?.close();
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  afterEach(async () => {
    await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
  });
  return { sandbox: (): RunningSandbox => sandbox };
};

export const call: CallContext = { transport: 'browser' };
// One generous bucket shared by every client and direct call of these tests.
export const limiter = new TokenBucket({ capacity: 1000, replenishRate: 1000 });

interface Sent {
  method: string;
  path: string;
}

/** Called before each request leaves; may throw to play a transport failure. */
type Tap = (req: Sent) => Promise<void> | void;
/** Called after a response arrived; may throw to play a connection lost after the server acted. */
type AfterTap = (req: Sent, res: Response) => void;

export const setup = async (opts: { identity?: string; dir?: string; before?: Tap; after?: AfterTap } = {}) => {
  const identity = opts.identity ?? 'lone';
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'dp-compose-')));
  if (!opts.dir) dirs.push(dir);
  const sent: Sent[] = [];
  const taps = { before: opts.before, after: opts.after };
  const api = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens: sandboxTokens(sandbox, identity),
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const req = { method: init?.method ?? 'GET', path: url.pathname.replace('/apis/v1/', '') };
      sent.push(req);
      await taps.before?.(req);
      const res = await fetch(input, init);
      taps.after?.(req, res);
      return res;
    },
    backoffMs: 5,
    limiter,
    log: () => undefined,
  });
  const events: AppEvent[] = [];
  const journal = sealedTestJournal(join(dir, JOURNAL_FOLDER));
  const h = createComposeHandlers({
    api,
    events: { emit: (e) => events.push(e) },
    hooks: { userDataDir: dir },
    journal,
  });
  const direct = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    await limiter.acquire();
    const res = await fetch(`${sandbox.apiBase}/${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await sandbox.mintAccessToken(identity)}`,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : (res.json() as Promise<Record<string, unknown>>);
  };
  const mailboxes = (await direct('GET', 'mailboxes/')) as {
    mailboxes: { id: string; access?: { accessType: string } }[];
  };
  const mailboxId = mailboxes.mailboxes.find((m) => m.access?.accessType === 'OWNER')!.id;
  const writes = () => sent.filter((s) => s.method !== 'GET');
  const journalFiles = () => journalEntryFiles(join(dir, JOURNAL_FOLDER));
  const journalled = async () => (await journal.list()).map((r) => r.messageId);
  const inFolder = async (folderType: string, label: string) => {
    const folders = (await direct('GET', `mailboxes/${mailboxId}/folders/`)) as {
      folders: { id: string; folderType: string }[];
    };
    const folder = folders.folders.find((f) => f.folderType === folderType)!;
    const page = (await direct('GET', `mailboxes/${mailboxId}/messages/?folderId=${folder.id}&size=1000`)) as {
      messages: { label?: string }[];
    };
    return page.messages.filter((m) => m.label === label).length;
  };
  return { h, api, sent, writes, events, dir, direct, mailboxId, journalFiles, journalled, inFolder, taps };
};

export const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (err: unknown) => (err instanceof AppFault ? err.appError.code : Promise.reject(err)),
  );

export const fault = async (spec: Record<string, unknown>) => {
  const res = await fetch(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(res.status).toBe(201);
};

/** Saves with every content upload of the draft dropped (more drops than the client's own attempts): the code it meets. */
export const saveWithUploadsLost = async (
  s: Pick<Awaited<ReturnType<typeof setup>>, 'h'>,
  request: Parameters<ReturnType<typeof createComposeHandlers>['compose.save']>[0],
): Promise<string> => {
  await fault({
    path: `^/apis/v1/mailboxes/${request.mailboxId}/messages/${request.messageId}/documents/.*/content$`,
    method: 'PUT',
    kind: 'drop',
    times: 4,
  });
  return codeOf(s.h['compose.save'](request, call));
};

export const deliver = async (body: Record<string, unknown>): Promise<string> => {
  const res = await fetch(`${sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mailboxOwner: 'lone', ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { messageId: string }).messageId;
};

export const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`;
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
export const CONTENT = /\/documents\/[^/]+\/files\/[^/]+\/content$/;

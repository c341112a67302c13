import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import DOMPurify from 'dompurify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../sandbox/server';
import type { AppEvent } from '../../../shared/ipc/events';
import { fixStrictHtml } from '../../../shared/html/fix-strict';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { createDispatcher, type CallContext } from '../../ipc/dispatch';
import { AppFault } from '../../errors';
import { createDpClient } from '../../services/dp-client/dp-client';
import { TokenBucket } from '../../services/dp-client/token-bucket';
import { journalEntryFiles, sealedTestJournal } from '../../services/drafts/journal.test-support';
import { createComposeHandlers } from '.';
import { JOURNAL_FOLDER } from './context';

// The compose handlers against a real sandbox over HTTP: what reaches Digital Post, what stays on disk, and what the
// user is told. Faults come from the sandbox's own hooks, or from the transport where the sandbox cannot place them.

let sandbox: RunningSandbox;
const dirs: string[] = [];
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

const call: CallContext = { transport: 'browser' };
// One generous bucket shared by every client and direct call of these tests.
const limiter = new TokenBucket({ capacity: 1000, replenishRate: 1000 });

interface Sent {
  method: string;
  path: string;
}

/** Called before each request leaves; may throw to play a transport failure. */
type Tap = (req: Sent) => Promise<void> | void;
/** Called after a response arrived; may throw to play a connection lost after the server acted. */
type AfterTap = (req: Sent, res: Response) => void;

const setup = async (opts: { identity?: string; dir?: string; before?: Tap; after?: AfterTap } = {}) => {
  const identity = opts.identity ?? 'lone';
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'dp-compose-')));
  if (!opts.dir) dirs.push(dir);
  const sent: Sent[] = [];
  const taps = { before: opts.before, after: opts.after };
  let token: Promise<string> | undefined;
  const api = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens: {
      getAccessToken: () => (token ??= sandbox.mintAccessToken(identity)),
      renewAfterUnauthorized: () => (token = sandbox.mintAccessToken(identity)),
    },
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

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'no refusal',
    (err: unknown) => (err instanceof AppFault ? err.appError.code : Promise.reject(err)),
  );

const fault = async (spec: Record<string, unknown>) => {
  const res = await fetch(`${sandbox.url}/sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(spec),
  });
  expect(res.status).toBe(201);
};

const deliver = async (body: Record<string, unknown>): Promise<string> => {
  const res = await fetch(`${sandbox.url}/sandbox/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mailboxOwner: 'lone', ...body }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { messageId: string }).messageId;
};

const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const CONTENT = /\/documents\/[^/]+\/files\/[^/]+\/content$/;

describe('writing to an authority', () => {
  it('search → draft → journalled save → PDF attachment → send: one message in Sendt', async () => {
    const journalAtUpload: string[][] = [];
    const s = await setup({
      before: async (req) => {
        if (req.method === 'PUT' && CONTENT.test(req.path) && req.path.includes('/files/'))
          journalAtUpload.push(await s.journalled());
      },
    });
    const { hits } = await s.h['authorities.search']({ query: 'skattek' }, call);
    const hit = hits.find((x) => x.contactPointName === 'Forskudsopgørelse');
    expect(hit).toMatchObject({ authority: 'Skattestyrelsen', cvr: expect.stringMatching(/^\d{8}$/) });
    expect(hit?.reportLink?.url).toMatch(/^https:\/\//);

    const label = unique('Spørgsmål om skattekort');
    const draft = await s.h['compose.create'](
      {
        mailboxId: s.mailboxId,
        label,
        recipient: {
          recipientIdType: 'CVR',
          recipientId: hit!.cvr,
          label: hit!.authority,
          contactPointId: hit!.contactPointId!,
        },
      },
      call,
    );
    expect(draft).toMatchObject({
      label,
      isReply: false,
      html: '',
      recipient: { recipientIdType: 'CVR', recipientId: hit!.cvr, contactPointId: hit!.contactPointId },
    });
    // POST then a full-body PUT with If-Match.
    expect(s.writes().map((w) => w.method)).toEqual(['POST', 'PUT']);

    const html = '<p>Hej Skattestyrelsen,</p><p>Mit skattekort er forkert.</p>';
    const saved = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html } },
      call,
    );
    expect(saved.status).toBe('saved');
    // The words were on disk when the upload left, and gone once the server confirmed them.
    expect(journalAtUpload).toEqual([[draft.messageId]]);
    expect(await s.journalFiles()).toEqual([]);

    const attached = await s.h['compose.attach'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, uploadId: 'up1', filename: 'bilag<1>.pdf', base64: PDF },
      call,
    );
    expect(attached.document).toMatchObject({
      documentType: 'ADDITIONAL',
      files: [
        { filename: 'bilag1.pdf', encodingFormat: 'application/pdf', fileSize: Buffer.from(PDF, 'base64').length },
      ],
    });
    expect(
      s.events.filter((e) => e.type === 'compose.upload').map((e) => e.type === 'compose.upload' && e.phase),
    ).toEqual(['document', 'file', 'content', 'done']);

    const reopened = await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect(reopened.html).toBe(html);
    expect(reopened.attachments).toHaveLength(1);
    expect(reopened.unsaved).toBeUndefined();

    const { message, reconciled } = await s.h['compose.send'](
      { mailboxId: s.mailboxId, messageId: draft.messageId },
      call,
    );
    expect(message.messageState).toBe('SENT');
    expect(reconciled).toBe(false);
    expect(await s.inFolder('SENT', label)).toBe(1);
    expect(await s.inFolder('DRAFTS', label)).toBe(0);
    // A debounced autosave that fires after the send is refused, and leaves nothing to "restore".
    expect(
      await codeOf(
        s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>for sent</p>' } },
          call,
        ),
      ),
    ).toBe('app.compose.not-draft');
    expect(await s.journalFiles()).toEqual([]);
  });

  it('searches by CVR directly, and refuses an impossible CVR or CPR recipient before creating anything', async () => {
    const s = await setup();
    const { hits } = await s.h['authorities.search']({ query: '91000021' }, call);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((x) => x.authority === 'Udbetaling Danmark' && x.cvr === '91000021')).toBe(true);
    expect(
      await codeOf(
        s.h['compose.create'](
          { mailboxId: s.mailboxId, recipient: { recipientIdType: 'CVR', recipientId: '1234' } },
          call,
        ),
      ),
    ).toBe('message.recipient.recipientId.cvr.invalid');
    expect(
      await codeOf(
        s.h['compose.create'](
          { mailboxId: s.mailboxId, recipient: { recipientIdType: 'CPR', recipientId: '3213701234' } },
          call,
        ),
      ),
    ).toBe('message.recipient.recipientId.cpr.invalid');
    expect(s.writes()).toEqual([]);
    // A well-formed CVR that is not in Digital Post: the server's refusal with its code.
    const unknown = await s.h['compose.create'](
      { mailboxId: s.mailboxId, recipient: { recipientIdType: 'CVR', recipientId: '12345678' } },
      call,
    ).catch((e: unknown) => e);
    // In the words of the code, not the technical text of the error body.
    expect((unknown as AppFault).appError).toMatchObject({
      code: 'message.recipient.recipientId.cvr.invalid',
      message: 'CVR-nummeret 12345678 er ugyldigt.',
      status: 400,
    });
  });

  it('a CPR recipient comes back masked, and echoing the masked value leaves it unchanged', async () => {
    const s = await setup();
    const draft = await s.h['compose.create'](
      {
        mailboxId: s.mailboxId,
        label: unique('Til Karl'),
        recipient: { recipientIdType: 'CPR', recipientId: '0202501232' },
      },
      call,
    );
    expect(draft.recipient).toMatchObject({ recipientIdType: 'CPR', recipientId: '020250****' });
    const updated = await s.h['compose.update'](
      {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        label: 'Ny overskrift',
        recipient: { recipientIdType: 'CPR', recipientId: '020250****' },
      },
      call,
    );
    expect(updated).toMatchObject({ label: 'Ny overskrift', recipient: { recipientId: '020250****' } });
    // A masked value that is not the current one cannot be meant.
    expect(
      await codeOf(
        s.h['compose.update'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            recipient: { recipientIdType: 'CPR', recipientId: '010170****' },
          },
          call,
        ),
      ),
    ).toBe('message.recipient.recipientId.cpr.invalid');
  });

  it('send is refused locally without label, sender label or recipient; discard deletes the draft', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, senderLabel: '' }, call);
    const before = s.writes().length;
    const refused = s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    await expect(refused).rejects.toBeInstanceOf(AppFault);
    const codes = await refused.catch((e: AppFault) => e.appError.fieldErrors!.map((f) => f.code));
    expect(codes).toEqual(expect.arrayContaining(['message.send.label.required', 'app.compose.recipient-required']));
    expect(s.writes().length).toBe(before);
    expect(await s.h['compose.discard']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).toEqual({
      discarded: true,
    });
    const gone = await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call).catch(
      (e: unknown) => e,
    );
    expect((gone as AppFault).appError.status).toBe(404);
  });
});

describe('HTML is judged in main before any upload', () => {
  it('refuses invalid HTML with the validator’s codes and no request; the fixed HTML is accepted by the sandbox', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('HTML') }, call);
    const bad = '<p onclick="steal()">Hej</p><script>alert(1)</script><img src="https://evil.example/x.png">';
    const verdict = validateStrictHtml(bad);
    expect(verdict.approved).toBe(false);
    const before = s.sent.length;
    const err = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: bad } },
      call,
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFault);
    const appError = (err as AppFault).appError;
    expect(appError.code).toMatch(/^html\.validator\.rejected/);
    expect(appError.fieldErrors?.map((f) => f.code)).toEqual(verdict.approved ? [] : verdict.errors.map((e) => e.code));
    expect(s.sent.length).toBe(before);

    // jsdom ships no type declarations; the renderer passes its real window to the fixer, a jsdom window stands in here.
    const jsdom = 'jsdom';
    const { JSDOM } = (await import(jsdom)) as unknown as {
      JSDOM: new (html: string) => { window: Window & typeof globalThis };
    };
    const purify = DOMPurify(new JSDOM('').window);
    const fixed = fixStrictHtml(bad, purify).html;
    const saved = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: fixed } },
      call,
    );
    expect(saved.status).toBe('saved');
    expect((await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).html).toBe(fixed);
  });
});

describe('autosave follows the version chain', () => {
  it('saves fired at once run one after another; the last words win and nothing conflicts', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Hurtige gem') }, call);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        s.h['compose.save'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            content: { format: 'html', html: `<p>udgave ${i}</p>` },
          },
          call,
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('saved'));
    const versions = results.map((r) => (r.status === 'saved' ? r.fileVersion : -1));
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(6);
    expect((await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).html).toBe(
      '<p>udgave 5</p>',
    );
    expect(await s.journalFiles()).toEqual([]);
  });

  it('send pressed while the last autosave is still on its way sends those words', async () => {
    const s = await setup();
    const draft = await s.h['compose.create'](
      {
        mailboxId: s.mailboxId,
        label: unique('Gem og send'),
        recipient: { recipientIdType: 'CVR', recipientId: '91000013' },
      },
      call,
    );
    const saving = s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>sidste ord</p>' } },
      call,
    );
    const { message } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect((await saving).status).toBe('saved');
    const main = message.documents!.find((d) => d.documentType === 'MAIN')!;
    const bytes = await s.api.getBytes(
      `mailboxes/${s.mailboxId}/messages/${message.id}/documents/${main.id}/files/${main.files[0]!.id}/content`,
    );
    expect(Buffer.from(bytes.data.data).toString('utf8')).toBe('<p>sidste ord</p>');
  });
});

describe('conflicts return both versions', () => {
  it('a draft changed elsewhere gives local and server words; autosave never overwrites; an explicit base resolves', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Konflikt') }, call);
    const first = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>A</p>' } },
      call,
    );
    expect(first.status).toBe('saved');

    // Another device uploads its words on top of the same version.
    const form = new FormData();
    form.set('file', new Blob(['<p>B fra mobilen</p>'], { type: 'text/html' }), 'hoveddokument.html');
    await limiter.acquire();
    const other = await fetch(
      `${sandbox.apiBase}/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/${draft.main.documentId}/files/${draft.main.fileId}/content`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await sandbox.mintAccessToken('lone')}`,
          'if-match': String(first.status === 'saved' ? first.fileVersion : -1),
        },
        body: form,
      },
    );
    expect(other.status).toBe(200);

    const conflict = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>C</p>' } },
      call,
    );
    expect(conflict).toMatchObject({
      status: 'conflict',
      local: { html: '<p>C</p>' },
      server: { html: '<p>B fra mobilen</p>' },
    });
    // The local words stay journalled until the user decides.
    expect(await s.journalFiles()).toHaveLength(1);
    const again = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>C2</p>' } },
      call,
    );
    expect(again.status).toBe('conflict');
    expect((await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).html).toBe(
      '<p>B fra mobilen</p>',
    );

    if (conflict.status !== 'conflict') throw new Error('expected a conflict');
    const kept = await s.h['compose.save'](
      {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>C2</p>' },
        baseFileVersion: conflict.server.fileVersion,
      },
      call,
    );
    expect(kept.status).toBe('saved');
    expect((await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).html).toBe(
      '<p>C2</p>',
    );
    expect(await s.journalFiles()).toEqual([]);
  });
});

describe('faults', () => {
  it('a dropped connection during autosave keeps the words in the journal; the retry succeeds', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Drop') }, call);
    const path = `^/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/.*/content$`;
    // More drops than the client's own attempts: the save fails.
    await fault({ path, method: 'PUT', kind: 'drop', times: 4 });
    expect(
      await codeOf(
        s.h['compose.save'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            content: { format: 'html', html: '<p>Vigtige ord</p>' },
          },
          call,
        ),
      ),
    ).toBe('app.network');
    const files = await s.journalFiles();
    expect(files).toHaveLength(1);
    // Sealed: the words are in the journal, not readable in its file.
    expect((await readFile(files[0]!)).includes(Buffer.from('Vigtige ord'))).toBe(false);
    expect(await s.journalled()).toEqual([draft.messageId]);
    expect((await s.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, excerpt: 'Vigtige ord' }),
    ]);

    // One drop only: the client repeats the PUT with the same If-Match and it lands.
    await fault({ path, method: 'PUT', kind: 'drop', times: 1 });
    const saved = await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Vigtige ord</p>' } },
      call,
    );
    expect(saved.status).toBe('saved');
    expect(await s.journalFiles()).toEqual([]);
    expect((await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).html).toBe(
      '<p>Vigtige ord</p>',
    );
  });

  it('a 1 MB PDF reports its content upload by bytes: loaded rises to the total, which done confirms', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('bytes') }, call);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1_000_000, 0x20), Buffer.from('\n%%EOF\n')]);
    const { draft: after } = await s.h['compose.attach'](
      {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        uploadId: 'big',
        filename: 'stor.pdf',
        base64: pdf.toString('base64'),
      },
      call,
    );
    expect(after.attachments[0]!.files[0]!.fileSize).toBe(pdf.length);
    const uploads = s.events.flatMap((e) => (e.type === 'compose.upload' && e.uploadId === 'big' ? [e] : []));
    const counted = uploads.filter((e) => e.loaded !== undefined);
    expect(counted.every((e) => e.total === pdf.length)).toBe(true);
    const loaded = counted.map((e) => e.loaded!);
    // The content step (0), several steps in between, and done (all of it).
    expect(counted[0]).toMatchObject({ phase: 'content', loaded: 0 });
    expect(counted.at(-1)).toMatchObject({ phase: 'done', loaded: pdf.length });
    expect(loaded.filter((l) => l > 0 && l < pdf.length).length).toBeGreaterThanOrEqual(4);
    for (let i = 1; i < loaded.length; i += 1) expect(loaded[i]!).toBeGreaterThan(loaded[i - 1]!);
  });

  it('a 503 during the attachment upload is retried with If-Match: one document, its content stored once', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('503') }, call);
    await fault({
      path: `^/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'status',
      status: 503,
      times: 1,
    });
    const { draft: after } = await s.h['compose.attach'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, uploadId: 'u503', filename: 'kvittering.pdf', base64: PDF },
      call,
    );
    expect(s.writes().filter((w) => w.method === 'PUT' && CONTENT.test(w.path))).toHaveLength(2);
    expect(s.writes().filter((w) => w.method === 'POST' && w.path.endsWith('/documents/'))).toHaveLength(1);
    expect(after.attachments).toHaveLength(1);
    expect(after.attachments[0]!.files[0]!.fileSize).toBe(Buffer.from(PDF, 'base64').length);
  });

  it('a connection lost after send was accepted is reconciled: exactly one message in Sendt', async () => {
    let loseAnswer = false;
    const s = await setup({
      after: (req) => {
        if (loseAnswer && req.method === 'POST' && req.path.endsWith('/send')) {
          loseAnswer = false;
          throw new TypeError('fetch failed');
        }
      },
    });
    const label = unique('Tabt svar');
    const draft = await s.h['compose.create'](
      { mailboxId: s.mailboxId, label, recipient: { recipientIdType: 'CVR', recipientId: '91000013' } },
      call,
    );
    await s.h['compose.save'](
      {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Send mig én gang</p>' },
      },
      call,
    );
    loseAnswer = true;
    const result = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect(result).toMatchObject({ reconciled: true, message: { messageState: 'SENT' } });
    expect(s.writes().filter((w) => w.path.endsWith('/send'))).toHaveLength(1);
    // A second press finds it sent and does not send again.
    expect(await codeOf(s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call))).toBe(
      'message.send.invalid.state',
    );
    expect(s.writes().filter((w) => w.path.endsWith('/send'))).toHaveLength(1);
    expect(await s.inFolder('SENT', label)).toBe(1);
  });

  it('a connection dropped before send arrived is reconciled as not sent; sending again sends once', async () => {
    const s = await setup();
    const label = unique('Ikke sendt');
    const draft = await s.h['compose.create'](
      { mailboxId: s.mailboxId, label, recipient: { recipientIdType: 'CVR', recipientId: '91000013' } },
      call,
    );
    await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Hej</p>' } },
      call,
    );
    await fault({
      path: `/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/send`,
      method: 'POST',
      kind: 'drop',
      times: 1,
    });
    const err = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call).catch(
      (e: unknown) => e,
    );
    expect((err as AppFault).appError).toMatchObject({
      code: 'app.network',
      message: expect.stringMatching(/ikke sendt/),
    });
    // The POST was not repeated by the client: one attempt, then a GET to reconcile.
    expect(s.sent.filter((w) => w.path.endsWith('/send'))).toHaveLength(1);
    expect(await s.inFolder('SENT', label)).toBe(0);
    const { reconciled } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect(reconciled).toBe(false);
    expect(await s.inFolder('SENT', label)).toBe(1);
  });
});

describe('journal restore after a restart', () => {
  it('a new instance on the same user-data directory offers the words and restores them into the draft', async () => {
    const first = await setup();
    const draft = await first.h['compose.create']({ mailboxId: first.mailboxId, label: unique('Genstart') }, call);
    await first.h['compose.save'](
      {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Første udgave</p>' },
      },
      call,
    );
    await fault({
      path: `^/apis/v1/mailboxes/${first.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'drop',
      times: 4,
    });
    expect(
      await codeOf(
        first.h['compose.save'](
          {
            mailboxId: first.mailboxId,
            messageId: draft.messageId,
            content: { format: 'html', html: '<p>Anden udgave</p>' },
          },
          call,
        ),
      ),
    ).toBe('app.network');

    // "Restart": fresh services, same directory.
    const second = await setup({ dir: first.dir });
    const { entries } = await second.h['journal.list'](undefined, call);
    expect(entries).toEqual([
      expect.objectContaining({
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        label: draft.label,
        excerpt: 'Anden udgave',
      }),
    ]);
    const opened = await second.h['compose.open']({ mailboxId: first.mailboxId, messageId: draft.messageId }, call);
    expect(opened).toMatchObject({ html: '<p>Første udgave</p>', unsaved: { html: '<p>Anden udgave</p>' } });

    const restored = await second.h['journal.restore'](
      { mailboxId: first.mailboxId, messageId: draft.messageId },
      call,
    );
    expect(restored.result.status).toBe('saved');
    expect(restored.draft).toMatchObject({ html: '<p>Anden udgave</p>' });
    expect(restored.draft.unsaved).toBeUndefined();
    expect((await second.h['journal.list'](undefined, call)).entries).toEqual([]);
  });

  it('restoring onto a draft changed elsewhere is a conflict with both versions; dismiss drops the entry', async () => {
    const first = await setup();
    const draft = await first.h['compose.create'](
      { mailboxId: first.mailboxId, label: unique('Genstart konflikt') },
      call,
    );
    await fault({
      path: `^/apis/v1/mailboxes/${first.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'drop',
      times: 4,
    });
    expect(
      await codeOf(
        first.h['compose.save'](
          {
            mailboxId: first.mailboxId,
            messageId: draft.messageId,
            content: { format: 'html', html: '<p>Mine ord</p>' },
          },
          call,
        ),
      ),
    ).toBe('app.network');
    await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });
    const elsewhere = await setup();
    await elsewhere.h['compose.save'](
      {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Andres ord</p>' },
      },
      call,
    );

    const second = await setup({ dir: first.dir });
    const restored = await second.h['journal.restore'](
      { mailboxId: first.mailboxId, messageId: draft.messageId },
      call,
    );
    expect(restored.result).toMatchObject({
      status: 'conflict',
      local: { html: '<p>Mine ord</p>' },
      server: { html: '<p>Andres ord</p>' },
    });
    expect(await second.h['journal.dismiss']({ mailboxId: first.mailboxId, messageId: draft.messageId }, call)).toEqual(
      { dismissed: true },
    );
    expect((await second.h['journal.list'](undefined, call)).entries).toEqual([]);
  });
});

describe('plain text', () => {
  /** The MAIN file as the sandbox holds it: metadata and the exact bytes. */
  const mainFile = async (s: Awaited<ReturnType<typeof setup>>, messageId: string) => {
    const view = await s.h['compose.open']({ mailboxId: s.mailboxId, messageId }, call);
    const path = `mailboxes/${s.mailboxId}/messages/${messageId}/documents/${view.main.documentId}/files/${view.main.fileId}`;
    const meta = (await s.direct('GET', path)) as { encodingFormat: string; filename: string; fileSize?: number };
    const res = await fetch(`${sandbox.apiBase}/${path}/content`, {
      headers: { authorization: `Bearer ${await sandbox.mintAccessToken('lone')}` },
    });
    return { view, meta, bytes: Buffer.from(await res.arrayBuffer()) };
  };

  it('saves text as text/plain with its exact bytes, reopens as text, switches back to html, and sends as text', async () => {
    const s = await setup();
    const label = unique('Ren tekst');
    const draft = await s.h['compose.create'](
      {
        mailboxId: s.mailboxId,
        label,
        senderLabel: 'Lone',
        recipient: { recipientIdType: 'CVR', recipientId: '91000021' },
      },
      call,
    );
    // Characters STRICT would refuse in html are just letters in text.
    const text = 'Hej <Kommune> & co.\n\nLinje 2 — æøå\r\n';
    expect(
      (
        await s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'text', text } },
          call,
        )
      ).status,
    ).toBe('saved');
    const asText = await mainFile(s, draft.messageId);
    expect(asText.meta).toMatchObject({ encodingFormat: 'text/plain', filename: 'hoveddokument.txt' });
    expect(asText.bytes.equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(asText.view).toMatchObject({ format: 'text', text, html: '' });
    expect(await s.journalFiles()).toEqual([]);

    // A fresh instance (no remembered target) writes into the text file as it is.
    const other = await setup();
    expect(
      (
        await other.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'text', text: 'Anden tekst' } },
          call,
        )
      ).status,
    ).toBe('saved');
    expect((await mainFile(s, draft.messageId)).bytes.toString('utf8')).toBe('Anden tekst');

    const html = '<p>Tilbage til html</p>';
    expect(
      (
        await s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html } },
          call,
        )
      ).status,
    ).toBe('saved');
    const asHtml = await mainFile(s, draft.messageId);
    expect(asHtml.meta).toMatchObject({ encodingFormat: 'text/html', filename: 'hoveddokument.html' });
    expect(asHtml.bytes.toString('utf8')).toBe(html);
    expect(asHtml.view).toMatchObject({ format: 'html', html });
    expect(asHtml.view.text).toBeUndefined();

    await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'text', text: 'Endelig tekst' } },
      call,
    );
    const { message } = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect(message.messageState).toBe('SENT');
    expect(message.documents?.find((d) => d.documentType === 'MAIN')?.files[0]).toMatchObject({
      encodingFormat: 'text/plain',
      fileSize: 'Endelig tekst'.length,
    });
  });

  it('text is held to 10 MB but not to STRICT, refused before any request', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Stor tekst') }, call);
    const before = s.writes().length;
    const big = 'a'.repeat(10 * 1024 * 1024 + 1);
    expect(
      await codeOf(
        s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'text', text: big } },
          call,
        ),
      ),
    ).toBe('message.file.content.size');
    expect(
      await codeOf(
        s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: `<p>${big}</p>` } },
          call,
        ),
      ),
    ).toBe('message.file.content.size');
    expect(s.writes().length).toBe(before);
  });

  it('the journal keeps the format: a failed text save is offered and restored as text after a restart', async () => {
    const first = await setup();
    const draft = await first.h['compose.create'](
      { mailboxId: first.mailboxId, label: unique('Tekst genstart') },
      call,
    );
    await first.h['compose.save'](
      {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Html først</p>' },
      },
      call,
    );
    // The type switch goes through; the content upload after it is lost.
    await fault({
      path: `^/apis/v1/mailboxes/${first.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'drop',
      times: 4,
    });
    expect(
      await codeOf(
        first.h['compose.save'](
          {
            mailboxId: first.mailboxId,
            messageId: draft.messageId,
            content: { format: 'text', text: 'Tekst <ikke tag>' },
          },
          call,
        ),
      ),
    ).toBe('app.network');
    await fetch(`${sandbox.url}/sandbox/faults`, { method: 'DELETE' });

    const second = await setup({ dir: first.dir });
    expect((await second.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, format: 'text', excerpt: 'Tekst <ikke tag>' }),
    ]);
    const opened = await second.h['compose.open']({ mailboxId: first.mailboxId, messageId: draft.messageId }, call);
    expect(opened.unsaved).toMatchObject({ format: 'text', text: 'Tekst <ikke tag>' });
    const restored = await second.h['journal.restore'](
      { mailboxId: first.mailboxId, messageId: draft.messageId },
      call,
    );
    expect(restored.result.status).toBe('saved');
    expect(restored.draft).toMatchObject({ format: 'text', text: 'Tekst <ikke tag>' });
    expect(restored.draft.unsaved).toBeUndefined();
    expect((await mainFile(second, draft.messageId)).meta.encodingFormat).toBe('text/plain');
  });
});

describe('journal label', () => {
  it('names the draft by the subject the user typed last, even when that update never reached Digital Post', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId }, call);
    await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Første</p>' } },
      call,
    );
    // The subject was typed just now; its debounced update has not gone out when the save fails.
    await fault({
      path: `^/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'drop',
      times: 4,
    });
    const typed = unique('Emne lige skrevet');
    expect(
      await codeOf(
        s.h['compose.save'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            content: { format: 'html', html: '<p>Anden</p>' },
            journalLabel: typed,
          },
          call,
        ),
      ),
    ).toBe('app.network');
    expect((await s.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, label: typed }),
    ]);
    // A later save without a label keeps the one the user typed.
    await fault({
      path: `^/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/.*/content$`,
      method: 'PUT',
      kind: 'drop',
      times: 4,
    });
    expect(
      await codeOf(
        s.h['compose.save'](
          { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Tredje</p>' } },
          call,
        ),
      ),
    ).toBe('app.network');
    expect((await s.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, label: typed }),
    ]);
  });
});

describe('reply', () => {
  it('creates a reply draft to the sender and returns the original html for quoting; the reply can be sent', async () => {
    const s = await setup();
    const label = unique('Svar muligt');
    const messageId = await deliver({
      label,
      html: '<p>Vil du svare?</p>',
      reply: true,
      senderLabel: 'Skattestyrelsen',
    });
    const { draft, original } = await s.h['compose.reply']({ mailboxId: s.mailboxId, messageId }, call);
    expect(original).toMatchObject({ label, senderLabel: 'Skattestyrelsen', html: '<p>Vil du svare?</p>' });
    expect(draft).toMatchObject({ isReply: true, label: `Sv: ${label}`, recipient: { recipientIdType: 'CVR' } });
    // A reply's label is Digital Post's: refused before a request.
    expect(
      await codeOf(s.h['compose.update']({ mailboxId: s.mailboxId, messageId: draft.messageId, label: 'Andet' }, call)),
    ).toBe('message.update.reply.label.not.allowed');
    await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Ja tak.</p>' } },
      call,
    );
    const sent = await s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
    expect(sent.message.messageState).toBe('SENT');
  });

  it('refuses to reply to a reply:false message without making the reply request', async () => {
    const s = await setup();
    const messageId = await deliver({ label: unique('Kan ikke besvares'), text: 'Info', reply: false });
    const err = await s.h['compose.reply']({ mailboxId: s.mailboxId, messageId }, call).catch((e: unknown) => e);
    expect((err as AppFault).appError).toMatchObject({
      code: 'message.create.reply.notAllowed',
      message: 'Denne meddelelse kan ikke besvares.',
    });
    expect(s.writes()).toEqual([]);
  });
});

describe('forward', () => {
  it('forwards to an e-mail address (the outbox shows it) and not a second time', async () => {
    const s = await setup();
    const label = unique('Videresend');
    const messageId = await deliver({ label, html: '<p>Til din revisor</p>', forward: true });
    const to = `revisor-${Math.random().toString(36).slice(2, 8)}@example.dk`;
    const { message } = await s.h['compose.forward'](
      {
        mailboxId: s.mailboxId,
        messageId,
        recipientIdType: 'EMAIL',
        recipientId: to,
        comment: 'Se venligst vedhæftede',
        senderLabel: 'Lone',
      },
      call,
    );
    expect(message).toMatchObject({ messageState: 'SENT', recipient: { recipientIdType: 'EMAIL', recipientId: to } });
    const outbox = (await (
      await fetch(`${sandbox.url}/sandbox/outbox?kind=email&to=${encodeURIComponent(to)}`)
    ).json()) as { entries: { messageId?: string; body: string }[] };
    expect(outbox.entries).toEqual([
      expect.objectContaining({ messageId: message.id, body: expect.stringContaining('Se venligst vedhæftede') }),
    ]);

    const posts = s.writes().length;
    expect(
      await codeOf(
        s.h['compose.forward']({ mailboxId: s.mailboxId, messageId, recipientIdType: 'EMAIL', recipientId: to }, call),
      ),
    ).toBe('message.create.forward.notAllowed');
    expect(s.writes().length).toBe(posts);
  });

  it('a lost answer to an accepted forward is reconciled from the original: one e-mail, no second command', async () => {
    let loseAnswer = true;
    const s = await setup({
      after: (req) => {
        if (loseAnswer && req.method === 'POST' && req.path.endsWith('/forward')) {
          loseAnswer = false;
          throw new TypeError('fetch failed');
        }
      },
    });
    const messageId = await deliver({ label: unique('Tabt videresendelse'), html: '<p>x</p>', forward: true });
    const to = `tabt-${Math.random().toString(36).slice(2, 8)}@example.dk`;
    const { message } = await s.h['compose.forward'](
      { mailboxId: s.mailboxId, messageId, recipientIdType: 'EMAIL', recipientId: to },
      call,
    );
    expect(message).toMatchObject({ messageState: 'SENT', forwardData: { originalMessageId: messageId } });
    expect(s.writes().filter((w) => w.path.endsWith('/forward'))).toHaveLength(1);
    const outbox = (await (
      await fetch(`${sandbox.url}/sandbox/outbox?kind=email&to=${encodeURIComponent(to)}`)
    ).json()) as { entries: unknown[] };
    expect(outbox.entries).toHaveLength(1);
  });

  it('forwards to an authority’s CVR', async () => {
    const s = await setup();
    const messageId = await deliver({ label: unique('Til kommunen'), text: 'Kopi', forward: true });
    const { message } = await s.h['compose.forward'](
      { mailboxId: s.mailboxId, messageId, recipientIdType: 'CVR', recipientId: '91000039', senderLabel: 'Lone' },
      call,
    );
    expect(message).toMatchObject({
      messageState: 'SENT',
      recipient: { recipientIdType: 'CVR', recipientId: '91000039' },
      forwardData: { originalMessageId: messageId },
    });
  });

  it('refuses bad recipients, over-long comment or labels, and forward:false messages before any request', async () => {
    const s = await setup();
    const messageId = await deliver({ label: unique('Fejl'), text: 'x', forward: true });
    const fwd = (over: Record<string, unknown>) =>
      codeOf(
        s.h['compose.forward'](
          { mailboxId: s.mailboxId, messageId, recipientIdType: 'EMAIL', recipientId: 'a@example.dk', ...over },
          call,
        ),
      );
    expect(await fwd({ recipientIdType: 'CPR', recipientId: '3213701234' })).toBe(
      'message.create.forward.recipientId.cpr.invalid',
    );
    expect(await fwd({ recipientIdType: 'CPR', recipientId: '01017012' })).toBe(
      'message.create.forward.recipientId.cpr.invalid',
    );
    expect(await fwd({ recipientIdType: 'CVR', recipientId: '1234567' })).toBe(
      'message.create.forward.recipientId.cvr.invalid',
    );
    expect(await fwd({ recipientId: 'not-an-address@' })).toBe('message.create.forward.recipientId.email.invalid');
    expect(await fwd({ recipientId: '  ' })).toBe('message.create.forward.recipientId.notBlank');
    expect(await fwd({ comment: 'x'.repeat(1001) })).toBe('message.create.forward.comment.size');
    expect(await fwd({ senderLabel: 'x'.repeat(257) })).toBe('message.create.forward.senderLabel.size');
    const locked = await deliver({ label: unique('Låst'), text: 'x', forward: false });
    expect(
      await codeOf(
        s.h['compose.forward'](
          { mailboxId: s.mailboxId, messageId: locked, recipientIdType: 'EMAIL', recipientId: 'a@example.dk' },
          call,
        ),
      ),
    ).toBe('message.create.forward.notAllowed');
    expect(s.writes()).toEqual([]);
  });
});

describe('attachments are refused before upload', () => {
  it('format, size and name rules use Digital Post’s codes, with no request for the file checks', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Bilag') }, call);
    const before = s.sent.length;
    const attach = (over: Record<string, unknown>) =>
      codeOf(
        s.h['compose.attach'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            uploadId: 'r',
            filename: 'a.pdf',
            base64: PDF,
            ...over,
          },
          call,
        ),
      );
    expect(await attach({ filename: 'program.exe', encodingFormat: 'application/x-msdownload' })).toBe(
      'message.file.encoding.format.invalid',
    );
    expect(await attach({ documentType: 'TECHNICAL' })).toBe('message.file.encoding.format.invalid');
    expect(await attach({ filename: 'ukendt.xyz' })).toBe('message.file.encodingFormat.required');
    expect(await attach({ filename: '<>|' })).toBe('message.file.filename.required');
    expect(await attach({ base64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64') })).toBe(
      'message.file.content.size',
    );
    expect(await attach({ filename: 'a.html', base64: Buffer.from('<p onclick="x">hej</p>').toString('base64') })).toBe(
      'html.validator.rejected.element.attributes',
    );
    expect(s.sent.length).toBe(before);
  });

  it('refuses the 11th other document and a message over 70 MB before uploading', { timeout: 60_000 }, async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Mange bilag') }, call);
    const ten = Buffer.alloc(10 * 1024 * 1024, 1).toString('base64');
    // 7 × 10 MB is exactly the 70 MB a message may hold.
    for (let i = 0; i < 7; i++) {
      await s.h['compose.attach'](
        {
          mailboxId: s.mailboxId,
          messageId: draft.messageId,
          uploadId: `big${i}`,
          filename: `stor${i}.pdf`,
          base64: ten,
        },
        call,
      );
    }
    const postsBefore = s.writes().length;
    expect(
      await codeOf(
        s.h['compose.attach'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            uploadId: 'over',
            filename: 'en-til.txt',
            base64: Buffer.from('x').toString('base64'),
          },
          call,
        ),
      ),
    ).toBe('message.total.file.size.exceeds.allowed.size');
    expect(s.writes().length).toBe(postsBefore);

    const second = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Ti bilag') }, call);
    for (let i = 0; i < 10; i++) {
      await s.h['compose.attach'](
        {
          mailboxId: s.mailboxId,
          messageId: second.messageId,
          uploadId: `n${i}`,
          filename: `b${i}.txt`,
          base64: Buffer.from(`${i}`).toString('base64'),
        },
        call,
      );
    }
    const writes = s.writes().length;
    expect(
      await codeOf(
        s.h['compose.attach'](
          {
            mailboxId: s.mailboxId,
            messageId: second.messageId,
            uploadId: 'n10',
            filename: 'b10.txt',
            base64: Buffer.from('x').toString('base64'),
          },
          call,
        ),
      ),
    ).toBe('message.document.number.higher.than.allowed');
    expect(s.writes().length).toBe(writes);
  });

  it(
    'adds files to an existing attachment document up to 10, then refuses the 11th before uploading',
    { timeout: 30_000 },
    async () => {
      const s = await setup();
      const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Filer pr. dokument') }, call);
      const one = (i: number, documentId?: string) =>
        s.h['compose.attach'](
          {
            mailboxId: s.mailboxId,
            messageId: draft.messageId,
            uploadId: `f${i}`,
            filename: `v${i}.txt`,
            base64: Buffer.from(`v${i}`).toString('base64'),
            ...(documentId ? { documentId } : {}),
          },
          call,
        );
      const { document } = await one(0);
      for (let i = 1; i < 10; i++) await one(i, document.documentId);
      const writes = s.writes().length;
      expect(await codeOf(one(10, document.documentId))).toBe('message.file.number.higher.than.allowed');
      expect(s.writes().length).toBe(writes);
      const after = await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
      expect(after.attachments).toHaveLength(1);
      expect(after.attachments[0]!.files).toHaveLength(10);
      expect(await codeOf(one(11, draft.main.documentId))).toBe('app.compose.main-document');
    },
  );

  it('cancel removes the half-made attachment', async () => {
    let cancel: (() => Promise<unknown>) | undefined;
    const s = await setup({
      before: async (req) => {
        if (req.method === 'POST' && /\/files\/$/.test(req.path) && cancel) await cancel();
      },
    });
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Annullér') }, call);
    cancel = () => s.h['compose.cancelUpload']({ uploadId: 'c1' }, call);
    const code = await codeOf(
      s.h['compose.attach'](
        { mailboxId: s.mailboxId, messageId: draft.messageId, uploadId: 'c1', filename: 'x.pdf', base64: PDF },
        call,
      ),
    );
    expect(code).toBe('app.compose.upload-cancelled');
    cancel = undefined;
    expect(s.events.map((e) => (e.type === 'compose.upload' ? e.phase : ''))).toContain('cancelled');
    expect(
      (await s.h['compose.open']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call)).attachments,
    ).toEqual([]);
  });
});

describe('contract', () => {
  it('every compose answer passes the dispatcher’s response schema', async () => {
    const s = await setup();
    const dispatch = createDispatcher(s.h);
    const created = await dispatch('compose.create', { mailboxId: s.mailboxId, label: unique('Kontrakt') }, call);
    expect(created.ok).toBe(true);
    const limits = await dispatch('compose.limits', undefined, call);
    expect(limits).toMatchObject({
      ok: true,
      value: { maxFileBytes: 10 * 1024 * 1024, maxEmailForwardBytes: expect.any(Number) },
    });
    // The request schema lets an oversized file through to main, which refuses it with Digital Post's code.
    const messageId = created.ok ? (created.value as { messageId: string }).messageId : '';
    const tooBig = await dispatch(
      'compose.attach',
      {
        mailboxId: s.mailboxId,
        messageId,
        uploadId: 'big',
        filename: 'stor.pdf',
        base64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64'),
      },
      call,
    );
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'message.file.content.size', message: 'Filen er for stor.' },
    });
    const search = await dispatch('authorities.search', { query: 'parkering' }, call);
    expect(search).toMatchObject({
      ok: true,
      value: { hits: [expect.objectContaining({ authority: 'Københavns Kommune' })] },
    });
  });
});

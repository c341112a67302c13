import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import {
  CONTENT,
  PDF,
  call,
  codeOf,
  fault,
  saveWithUploadsLost,
  setup,
  unique,
  useComposeSandbox,
} from './compose.test-support';

// Transport and server faults, and what the journal keeps across them and a restart, against a real sandbox.

const { sandbox } = useComposeSandbox();

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

  it('restoring words a late retry has meanwhile saved opens the draft with them instead of refusing', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Sent retry') }, call);
    const path = `^/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/.*/content$`;
    await fault({ path, method: 'PUT', kind: 'drop', times: 4 });
    const content = { format: 'html' as const, html: '<p>Ord fra før genindlæsningen</p>' };
    const ref = { mailboxId: s.mailboxId, messageId: draft.messageId };
    expect(await codeOf(s.h['compose.save']({ ...ref, content }, call))).toBe('app.network');
    expect((await s.h['journal.list'](undefined, call)).entries).toHaveLength(1);
    // The banner is up; then the retry lands before the user clicks "Gendan".
    expect((await s.h['compose.save']({ ...ref, content }, call)).status).toBe('saved');

    const restored = await s.h['journal.restore'](ref, call);
    expect(restored.result.status).toBe('saved');
    expect(restored.draft).toMatchObject({ html: content.html });
    expect(restored.draft.unsaved).toBeUndefined();
  });

  it('restoring an entry whose draft is gone and whose words are gone too is refused with its own code', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId, label: unique('Væk') }, call);
    const ref = { mailboxId: s.mailboxId, messageId: draft.messageId };
    await s.h['compose.discard'](ref, call);
    expect(await codeOf(s.h['journal.restore'](ref, call))).toBe('app.compose.journal-entry-missing');
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
    expect(
      await saveWithUploadsLost(first, {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Anden udgave</p>' },
      }),
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
    expect(
      await saveWithUploadsLost(first, {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Mine ord</p>' },
      }),
    ).toBe('app.network');
    await fetch(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
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

describe('journal label', () => {
  it('names the draft by the subject the user typed last, even when that update never reached Digital Post', async () => {
    const s = await setup();
    const draft = await s.h['compose.create']({ mailboxId: s.mailboxId }, call);
    await s.h['compose.save'](
      { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Første</p>' } },
      call,
    );
    // The subject was typed just now; its debounced update has not gone out when the save fails.
    const typed = unique('Emne lige skrevet');
    expect(
      await saveWithUploadsLost(s, {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Anden</p>' },
        journalLabel: typed,
      }),
    ).toBe('app.network');
    expect((await s.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, label: typed }),
    ]);
    // A later save without a label keeps the one the user typed.
    expect(
      await saveWithUploadsLost(s, {
        mailboxId: s.mailboxId,
        messageId: draft.messageId,
        content: { format: 'html', html: '<p>Tredje</p>' },
      }),
    ).toBe('app.network');
    expect((await s.h['journal.list'](undefined, call)).entries).toEqual([
      expect.objectContaining({ messageId: draft.messageId, label: typed }),
    ]);
  });
});

import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import { fixStrictHtml } from '../../../shared/html/fix-strict';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { AppFault } from '../../errors';
import { CONTENT, PDF, call, codeOf, limiter, setup, unique, useComposeSandbox } from './compose.test-support';

// Writing to an authority, the STRICT check before upload, autosave and conflicts, against a real sandbox.

const { sandbox } = useComposeSandbox();

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
      `${sandbox().apiBase}/mailboxes/${s.mailboxId}/messages/${draft.messageId}/documents/${draft.main.documentId}/files/${draft.main.fileId}/content`,
      {
        method: 'PUT',
        headers: {
          authorization: `Bearer ${await sandbox().mintAccessToken('lone')}`,
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

import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../ipc/dispatch';
import { PDF, call, codeOf, setup, unique, useComposeSandbox } from './compose.test-support';

// Attachments, and the compose channels through the dispatcher, against a real sandbox.

useComposeSandbox();

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

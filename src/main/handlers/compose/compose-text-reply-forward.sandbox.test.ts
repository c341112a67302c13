import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import { call, codeOf, deliver, saveWithUploadsLost, setup, unique, useComposeSandbox } from './compose.test-support';

// Plain-text drafts, replies and forwards, against a real sandbox.

const { sandbox } = useComposeSandbox();

describe('plain text', () => {
  /** The MAIN file as the sandbox holds it: metadata and the exact bytes. */
  const mainFile = async (s: Awaited<ReturnType<typeof setup>>, messageId: string) => {
    const view = await s.h['compose.open']({ mailboxId: s.mailboxId, messageId }, call);
    const path = `mailboxes/${s.mailboxId}/messages/${messageId}/documents/${view.main.documentId}/files/${view.main.fileId}`;
    const meta = (await s.direct('GET', path)) as { encodingFormat: string; filename: string; fileSize?: number };
    const res = await fetch(`${sandbox().apiBase}/${path}/content`, {
      headers: { authorization: `Bearer ${await sandbox().mintAccessToken('lone')}` },
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
    expect(
      await saveWithUploadsLost(first, {
        mailboxId: first.mailboxId,
        messageId: draft.messageId,
        content: { format: 'text', text: 'Tekst <ikke tag>' },
      }),
    ).toBe('app.network');
    await fetch(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });

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
      await fetch(`${sandbox().url}/sandbox/outbox?kind=email&to=${encodeURIComponent(to)}`)
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
      await fetch(`${sandbox().url}/sandbox/outbox?kind=email&to=${encodeURIComponent(to)}`)
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

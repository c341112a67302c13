import { describe, expect, it } from 'vitest';
import type { Message } from '../../../shared/dp/resources';
import { searchValue } from './authorities';
import { checkDraftRecipient, putBody } from './drafts';
import { forwardProblems, mayForward } from './forward';
import { excerptOf } from './journal-handlers';
import { FORWARD_LIMITS } from './limits';
import { sendProblems } from './send';

const MB = 1024 * 1024;

const message = (over: Partial<Message> = {}): Message => ({
  id: 'm1',
  version: 2,
  mailboxId: 'mb',
  folderId: 'f',
  messageType: 'REGULAR',
  messageState: 'DRAFT',
  forward: true,
  reply: false,
  flag: false,
  legallyNotified: false,
  read: false,
  welcomeMessage: false,
  errorMessage: false,
  label: 'Hej',
  sender: { senderId: '010170****', senderIdType: 'CPR', label: 'Lone' },
  recipient: { recipientId: '91000013', recipientIdType: 'CVR', label: 'Skattestyrelsen' },
  documents: [
    {
      id: 'd1',
      version: 0,
      documentType: 'MAIN',
      files: [{ id: 'f1', version: 1, filename: 'h.html', encodingFormat: 'text/html', fileSize: 10 }],
    },
  ],
  ...over,
});

const codes = (errors: { code: string }[]) => errors.map((e) => e.code);

describe('draft recipient and PUT body', () => {
  it('a masked CPR is only the echo of the current one', () => {
    const current = { recipientId: '020250****', recipientIdType: 'CPR' as const };
    expect(checkDraftRecipient({ recipientIdType: 'CPR', recipientId: '020250****' }, current)).toEqual([]);
    expect(codes(checkDraftRecipient({ recipientIdType: 'CPR', recipientId: '010170****' }, current))).toEqual([
      'message.recipient.recipientId.cpr.invalid',
    ]);
    expect(codes(checkDraftRecipient({ recipientIdType: 'CPR', recipientId: '020250****' }, undefined))).toEqual([
      'message.recipient.recipientId.cpr.invalid',
    ]);
    expect(codes(checkDraftRecipient({ recipientIdType: 'CVR', recipientId: '123' }, undefined))).toEqual([
      'message.recipient.recipientId.cvr.invalid',
    ]);
  });
  it('keeps every field of the message, echoes an unchanged recipient as returned, and never sends a full CPR back masked', () => {
    const m = message({
      recipient: { recipientId: '020250****', recipientIdType: 'CPR', id: 'r1', version: 0 },
      futureField: 'kept',
    } as Partial<Message>);
    const echoed = putBody(m, { label: 'Ny', recipient: { recipientIdType: 'CPR', recipientId: '020250****' } });
    expect(echoed).toMatchObject({
      label: 'Ny',
      futureField: 'kept',
      recipient: { id: 'r1', recipientId: '020250****' },
    });
    const changed = putBody(m, {
      recipient: { recipientIdType: 'CVR', recipientId: '91000013', contactPointId: 'cp' },
    });
    expect(changed.recipient).toEqual({ recipientIdType: 'CVR', recipientId: '91000013', contactPointId: 'cp' });
    expect('recipient' in putBody(m, { recipient: null })).toBe(false);
    expect(putBody(m, { senderLabel: 'Lone H' }).sender).toMatchObject({ senderId: '010170****', label: 'Lone H' });
  });
});

describe('send checks', () => {
  it('passes a complete draft and names every missing piece of an incomplete one', () => {
    expect(sendProblems(message())).toEqual([]);
    const bare = message({
      label: ' ',
      sender: { senderId: 'x', senderIdType: 'CPR' },
      documents: [
        {
          id: 'd',
          version: 0,
          documentType: 'MAIN',
          files: [{ id: 'f', version: 0, filename: 'h.html', encodingFormat: 'text/html', fileSize: 0 }],
        },
      ],
    });
    delete bare.recipient;
    expect(codes(sendProblems(bare))).toEqual([
      'message.send.label.required',
      'message.send.sender.label.required',
      'app.compose.recipient-required',
      'message.send.documents.files.content.required',
    ]);
    expect(codes(sendProblems(message({ documents: [] })))).toEqual(['message.send.documents.required']);
    // No printed file inside a message carries a fileSize; a missing one is Digital Post's to judge.
    const unsized = message();
    for (const d of unsized.documents ?? []) for (const f of d.files) delete f.fileSize;
    expect(codes(sendProblems(unsized))).toEqual([]);
  });
});

describe('forward checks', () => {
  const to = (recipientIdType: 'EMAIL' | 'CPR' | 'CVR', recipientId: string, over = {}) => ({
    recipientIdType,
    recipientId,
    ...over,
  });
  it('refuses per recipient type with the forward codes', () => {
    const m = message();
    expect(forwardProblems(to('EMAIL', 'a@b.dk'), m)).toEqual([]);
    expect(codes(forwardProblems(to('CPR', '3213701234'), m))).toEqual([
      'message.create.forward.recipientId.cpr.invalid',
    ]);
    expect(forwardProblems(to('CPR', '3213701234'), m)[0]?.rejectedValue).toBe('321370****');
    expect(codes(forwardProblems(to('CVR', '123456789'), m))).toEqual([
      'message.create.forward.recipientId.cvr.invalid',
    ]);
    expect(codes(forwardProblems(to('EMAIL', ''), m))).toEqual(['message.create.forward.recipientId.notBlank']);
  });
  it('limits comment and labels, and the size only for e-mail', () => {
    const big = message({
      documents: [
        {
          id: 'd',
          version: 0,
          documentType: 'MAIN',
          files: [
            {
              id: 'f',
              version: 0,
              filename: 'x.pdf',
              encodingFormat: 'application/pdf',
              fileSize: FORWARD_LIMITS.maxEmailBytes + 1,
            },
          ],
        },
      ],
    });
    expect(codes(forwardProblems(to('EMAIL', 'a@b.dk'), big))).toEqual([
      'message.create.forward.size.exceeds.allowed.size',
    ]);
    expect(forwardProblems(to('CVR', '91000013'), big)).toEqual([]);
    const long = {
      comment: 'x'.repeat(FORWARD_LIMITS.maxCommentLength + 1),
      senderLabel: 'y'.repeat(257),
      recipientLabel: 'z'.repeat(257),
    };
    expect(codes(forwardProblems(to('CVR', '91000013', long), message()))).toEqual([
      'message.create.forward.comment.size',
      'message.create.forward.senderLabel.size',
      'message.create.forward.recipientLabel.size',
    ]);
    expect(
      forwardProblems(to('CVR', '91000013', { comment: 'x'.repeat(FORWARD_LIMITS.maxCommentLength) }), message()),
    ).toEqual([]);
    expect(FORWARD_LIMITS.maxEmailBytes).toBeLessThan(70 * MB);
  });
  it('may forward only a forwardable, not yet forwarded, non-draft message', () => {
    expect(mayForward(message({ messageState: 'RECEIVED' }))).toBe(true);
    expect(mayForward(message({ messageState: 'RECEIVED', forward: false }))).toBe(false);
    expect(mayForward(message({ messageState: 'DRAFT' }))).toBe(false);
    expect(mayForward(message({ messageState: 'RECEIVED', userActivities: [{ userActivityType: 'FORWARDED' }] }))).toBe(
      false,
    );
    expect(mayForward(message({ messageState: 'RECEIVED', userActivities: [{ userActivityType: 'REPLIED' }] }))).toBe(
      true,
    );
  });
});

describe('small helpers', () => {
  it('searchTermOrName gets a trailing wildcard unless quoted or wildcarded, and no commas', () => {
    expect(searchValue('skat')).toBe('skat*');
    expect(searchValue(' bolig, støtte ')).toBe('bolig støtte*');
    expect(searchValue('"Motorregistrering"')).toBe('"Motorregistrering"');
    expect(searchValue('bo?ig')).toBe('bo?ig');
  });
  it('the journal excerpt is plain text', () => {
    expect(excerptOf('<style>p{}</style><p>Hej&nbsp;<b>dig</b></p>\n<p>&lt;3</p>')).toBe('Hej dig <3');
    expect(excerptOf(`<p>${'x'.repeat(500)}</p>`)).toHaveLength(140);
  });
});

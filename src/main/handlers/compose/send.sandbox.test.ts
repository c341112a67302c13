import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import { call, fault, setup as composeSetup, unique, useComposeSandbox } from './compose.test-support';

// Send is POST in the use case (§6.13.1) and PUT in the service table: the client uses POST and falls back to PUT
// once, only on 405. Against a real sandbox, whose fault hook answers 405 in place of the route.

const { sandbox } = useComposeSandbox();

/** A saved draft to an authority, ready to send, and the methods its send requests went out with. */
const setup = async () => {
  const s = await composeSetup();
  const draft = await s.h['compose.create'](
    {
      mailboxId: s.mailboxId,
      label: unique('Send'),
      recipient: { recipientIdType: 'CVR', recipientId: '91000013' },
    },
    call,
  );
  await s.h['compose.save'](
    { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html: '<p>Hej</p>' } },
    call,
  );
  const sendPath = `/apis/v1/mailboxes/${s.mailboxId}/messages/${draft.messageId}/send`;
  const sends = () => s.sent.filter((r) => `/apis/v1/${r.path}` === sendPath).map((r) => r.method);
  return { h: s.h, mailboxId: s.mailboxId, messageId: draft.messageId, sendPath, sends };
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
    await fetch(`${sandbox().url}/sandbox/faults`, { method: 'DELETE' });
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

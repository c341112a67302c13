import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateStrictHtml } from '../../../shared/html/validate-strict';
import { AppFault } from '../../errors';
import { call, fault, setup as composeSetup, unique, useComposeSandbox } from './compose.test-support';

// The server's second opinion before send (POST /validations/?policy=STRICT, §10.14.3). The sandbox's validator
// refuses any element naming a host under `.invalid`, which the local STRICT validator approves: Digital Post's
// verdict wins, and the disagreement is logged with ids and codes, never the words.

useComposeSandbox();

const setup = async (html: string) => {
  const s = await composeSetup();
  const label = unique('Second');
  const draft = await s.h['compose.create'](
    { mailboxId: s.mailboxId, label, recipient: { recipientIdType: 'CVR', recipientId: '91000013' } },
    call,
  );
  await s.h['compose.save'](
    { mailboxId: s.mailboxId, messageId: draft.messageId, content: { format: 'html', html } },
    call,
  );
  const send = () => s.h['compose.send']({ mailboxId: s.mailboxId, messageId: draft.messageId }, call);
  return { ...s, label, messageId: draft.messageId, send };
};

const REFUSED = '<p>Se mere på <a href="https://portal.afvist.invalid/sag">portalen</a>.</p>';
let warn: ReturnType<typeof vi.spyOn>;
const logged = (): string[] => (warn.mock.calls as unknown[][]).map((c) => String(c[0]));
afterEach(() => warn?.mockRestore());

describe('HTML second opinion before send', () => {
  it('Digital Post refuses what the local validator approved: not sent, its code shown, the disagreement logged', async () => {
    expect(validateStrictHtml(REFUSED).approved).toBe(true);
    const s = await setup(REFUSED);
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const err = await s.send().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppFault);
    const e = (err as AppFault).appError;
    // The printed finding's code and Danish message, as Digital Post words it.
    expect(e.code).toBe('html.validator.rejected.element');
    expect(e.message).toContain('element "a"');
    expect(e.fieldErrors?.map((f) => f.code)).toEqual(['html.validator.rejected.element']);
    expect(e.fieldErrors?.[0]?.message).toContain('element "a"');
    expect(s.sent.some((r) => r.path.endsWith('/send'))).toBe(false);
    expect(await s.inFolder('DRAFTS', s.label)).toBe(1);
    const line = logged().find((l) => l.includes('second opinion'));
    expect(line).toContain(s.messageId);
    expect(line).toContain('html.validator.rejected.element');
    expect(line).not.toContain('portalen');
    expect(line).not.toContain('afvist.invalid');
  });

  it('an approved letter is asked about with STRICT and sent', async () => {
    const s = await setup('<p>Hej</p>');
    const { message } = await s.send();
    expect(message.messageState).toBe('SENT');
    const i = s.sent.findIndex((r) => r.method === 'POST' && r.path.startsWith('validations/'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(s.sent.findIndex((r) => r.path.endsWith('/send'))).toBeGreaterThan(i);
  });

  it('when the validator cannot be asked, the local verdict stands and the letter is sent', async () => {
    const s = await setup('<p>Hej igen</p>');
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await fault({ path: '/apis/v1/validations', method: 'POST', kind: 'status', status: 503, times: 10 });
    const { message } = await s.send();
    expect(message.messageState).toBe('SENT');
    expect(logged().some((l) => l.includes('second opinion not available'))).toBe(true);
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { byRole, click } from '../../../test/render';
import { message } from '../../../test/fake-api';
import { composeComponentEnv } from '../test/component-env';
import { DEFAULT_LIMITS } from '../lib/form-checks';
import { ReplyForwardButtons } from './ReplyForwardButtons';
import { RecipientPicker, SEARCH_DELAY_MS } from './RecipientPicker';
import { ForwardDialog } from './ForwardDialog';

const { env, mount } = composeComponentEnv();

describe('ReplyForwardButtons', () => {
  it('keeps Svar visible but disabled, described with the reason, when the message cannot be answered', () => {
    const { container } = mount(
      <ReplyForwardButtons
        message={message('m1', { reply: false, forward: true })}
        canWrite
        onReply={vi.fn()}
        onForward={vi.fn()}
      />,
    );
    const reply = byRole(container, 'button', 'Svar') as HTMLButtonElement;
    expect(reply.disabled).toBe(true);
    expect(document.getElementById(reply.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Denne meddelelse kan ikke besvares',
    );
    expect((byRole(container, 'button', 'Videresend') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers Svar when allowed and explains a forward already made', () => {
    const onReply = vi.fn();
    const m = message('m1', { reply: true, forward: true, userActivities: [{ userActivityType: 'FORWARDED' }] });
    const { container } = mount(<ReplyForwardButtons message={m} canWrite onReply={onReply} onForward={vi.fn()} />);
    click(byRole(container, 'button', 'Svar'));
    expect(onReply).toHaveBeenCalled();
    const forward = byRole(container, 'button', 'Videresend') as HTMLButtonElement;
    expect(forward.disabled).toBe(true);
    expect(document.getElementById(forward.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Denne meddelelse er allerede videresendt',
    );
  });
});

describe('RecipientPicker', () => {
  it('searches after typing pauses and shows an authority’s report link before proceeding', async () => {
    vi.useFakeTimers();
    const onChoose = vi.fn();
    const { container } = mount(<RecipientPicker allowCpr={false} onChoose={onChoose} />);
    const input = container.querySelector('input')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const text of ['b', 'bo', 'bol']) {
      act(() => {
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    });
    expect(env.compose.authorities.search).toHaveBeenCalledTimes(1);
    expect(env.compose.authorities.search).toHaveBeenCalledWith({ query: 'bol', size: 20 });
    const hit = Array.from(container.querySelectorAll<HTMLButtonElement>('.recipient-hit')).find((b) =>
      b.textContent?.includes('Boligstøtte'),
    )!;
    click(hit);
    expect(onChoose).not.toHaveBeenCalled();
    const notice = container.querySelector('.report-link')!;
    expect(notice.textContent).toMatch(/selvbetjening/);
    click(byRole(notice, 'button', 'Søg boligstøtte'));
    expect(env.api.app.openExternal).toHaveBeenCalledWith({ url: 'https://www.borger.dk/boligstoette' });
    click(byRole(notice, 'button', 'Skriv alligevel'));
    expect(onChoose).toHaveBeenCalledWith(
      {
        recipientIdType: 'CVR',
        recipientId: '87654321',
        label: 'Udbetaling Danmark – Boligstøtte',
        contactPointId: 'cp2',
      },
      'Udbetaling Danmark – Boligstøtte (CVR 87654321)',
    );
  });

  it('accepts a CVR typed directly and refuses a CPR where citizens cannot be written to', () => {
    const onChoose = vi.fn();
    const { container } = mount(<RecipientPicker allowCpr={false} onChoose={onChoose} />);
    const input = container.querySelector('input')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(input, '0101901234');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Ugyldig modtagertype CPR/);
    act(() => {
      setter.call(input, '12345678');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(byRole(container, 'button', 'Brug CVR-nummer 12345678'));
    expect(onChoose).toHaveBeenCalledWith({ recipientIdType: 'CVR', recipientId: '12345678' }, 'CVR 12345678');
  });
});

describe('ForwardDialog', () => {
  it('explains the e-mail size limit and refuses a too-long comment before any request', () => {
    const onForward = vi.fn(async () => null);
    mount(
      <ForwardDialog
        messageLabel="Skat"
        messageBytes={25 * 1024 * 1024}
        defaultSenderLabel="Lone"
        limits={DEFAULT_LIMITS}
        onForward={onForward}
        onClose={vi.fn()}
      />,
    );
    const dialog = byRole(document.body, 'dialog');
    expect(dialog.textContent).toMatch(/for stor til at blive videresendt som e-mail \(højst 20,0 MB\)/);
    click(byRole(dialog, 'button', 'Videresend'));
    expect(onForward).not.toHaveBeenCalled();
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(
      /Modtagers id skal angives.*Total filstørrelse 25,0 MB overskrider/,
    );
  });
});

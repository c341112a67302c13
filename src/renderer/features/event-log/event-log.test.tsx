// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { EventPage, EventQuery } from '../../../shared/ipc/channels/access';
import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import { AppErrorException } from '../../../shared/ipc/app-error';
import { initI18n } from '../../i18n';
import { installFakeApi } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { EventLogDialog } from './EventLogDialog';

initI18n();

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

/** The control a wrapping <label> holds. */
const control = (root: HTMLElement, label: string): HTMLInputElement | HTMLSelectElement => {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.firstChild?.textContent?.trim() === label);
  const el = l?.htmlFor ? root.ownerDocument.getElementById(l.htmlFor) : l?.querySelector('input, select');
  if (!el) throw new Error(`no control labelled ${label}`);
  return el as HTMLInputElement;
};
const setValue = (el: HTMLInputElement | HTMLSelectElement, value: string) =>
  act(() => {
    const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });

/** Types a day the way a Danish user does and leaves the field, which is when the date field reads it. */
const typeDay = (el: HTMLInputElement | HTMLSelectElement, text: string) => {
  setValue(el, text);
  act(() => {
    el.focus();
    el.blur();
  });
};

const page = (ids: string[], next: string | null): EventPage => ({
  events: ids.map((id) => ({
    id,
    subject: 'MESSAGE',
    type: 'RECEIVED_X',
    eventTime: '2026-12-01T10:00:00.000Z',
    title: `Brev ${id}`,
    mailboxId: 'mb-1',
    messageId: `m-${id}`,
  })),
  next,
  total: 3,
});

describe('EventLogDialog', () => {
  let events: ReturnType<typeof vi.fn>;
  let eventMessage: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    const api = installFakeApi();
    events = vi.fn(async (q: EventQuery) => (q.next ? page(['c'], null) : page(['a', 'b'], 'cursor-1')));
    eventMessage = vi.fn(async () => ({ exists: false }));
    (api as unknown as { access: unknown }).access = { events, eventMessage };
  });
  afterEach(() => vi.restoreAllMocks());

  it('loads three weeks on open, pages on with next, and shows an unknown type as sent', async () => {
    const { container, unmount } = render(<EventLogDialog onClose={vi.fn()} ownName="Lone" />);
    await flush();
    const first = events.mock.calls[0]![0] as EventQuery;
    const days = (Date.parse(first.dateTo) - Date.parse(first.dateFrom)) / 86_400_000;
    expect(days).toBeGreaterThan(20);
    expect(days).toBeLessThanOrEqual(22);
    expect(container.textContent).toContain('MESSAGE · RECEIVED_X');
    expect(container.textContent).toContain('2 af 3 hændelser');
    click(byRole(container, 'button', 'Vis flere'));
    await flush();
    expect((events.mock.calls[1]![0] as EventQuery).next).toBe('cursor-1');
    expect(container.textContent).toContain('3 af 3 hændelser');
    expect(container.textContent).not.toContain('Vis flere');
    unmount();
  });

  it('refuses a range over three months before asking Digital Post', async () => {
    const { container, unmount } = render(<EventLogDialog onClose={vi.fn()} ownName="Lone" />);
    await flush();
    events.mockClear();
    typeDay(control(container, 'Fra dato'), '01.01.2026');
    typeDay(control(container, 'Til dato'), '01.06.2026');
    click(byRole(container, 'button', 'Vis hændelser'));
    await flush();
    expect(events).not.toHaveBeenCalled();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Perioden må højst være tre måneder. Vælg en kortere periode.',
    );
    unmount();
  });

  it("words Digital Post's own refusal and says when a letter is gone", async () => {
    const { container, unmount } = render(<EventLogDialog onClose={vi.fn()} ownName="Lone" />);
    await flush();
    click(byRole(container, 'button', 'Åbn brevet Brev a'));
    await flush();
    expect(eventMessage).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'm-a' });
    expect(container.textContent).toContain('Brevet findes ikke længere.');
    events.mockRejectedValueOnce(
      new AppErrorException({ code: EVENT_LOG_RANGE_REFUSAL.value, message: 'Perioden er for lang.' }),
    );
    click(byRole(container, 'button', 'Vis hændelser'));
    await flush();
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('Perioden er for lang.');
    unmount();
  });
});

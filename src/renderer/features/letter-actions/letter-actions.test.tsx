// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppErrorException } from '../../../shared/ipc/app-error';
import { initI18n } from '../../i18n';
import { message } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { useAppStore } from '../../store';
import { DeadlineChip } from '../deadlines/DeadlineChip';
import { LetterActions } from './LetterActions';

initI18n();

const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)));
const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const withActions = (actions: unknown[]) =>
  message('m1', { documents: [{ id: 'd1', version: 1, documentType: 'MAIN', files: [], actions: actions as never }] });

const install = () => {
  const api = {
    app: { openExternal: vi.fn(async () => ({ opened: true })) },
    actions: { calendar: vi.fn(async () => ({ saved: true })) },
  };
  (window as unknown as { digitalPost: unknown }).digitalPost = api;
  useAppStore.setState({ selectedMailboxId: 'mb-1' });
  return api;
};

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('LetterActions', () => {
  it('opens a payment link through app.openExternal and puts an appointment in the calendar', async () => {
    const api = install();
    const view = render(
      <LetterActions
        message={withActions([
          {
            actionCode: 'BETALING',
            label: 'Betal nu',
            entryPoint: 'https://betal.example.dk/a',
            endDateTime: ahead(3),
          },
          { actionCode: 'AFTALE', label: 'Møde', startDateTime: ahead(2), location: 'Rådhuset' },
        ])}
      />,
    );
    unmount = view.unmount;
    const region = view.container.querySelector<HTMLElement>('section[aria-label="Handlinger i brevet"]')!;
    click(byRole(region, 'button', 'Betal nu'));
    expect(api.app.openExternal).toHaveBeenCalledWith({ url: 'https://betal.example.dk/a' });
    expect(region.textContent).toContain('Sted: Rådhuset');
    click(byRole(region, 'button', 'Tilføj til kalender: Møde'));
    await flush();
    expect(api.actions.calendar).toHaveBeenCalledWith({
      mailboxId: 'mb-1',
      messageId: 'm1',
      documentId: 'd1',
      index: 1,
    });
    expect(byRole(region, 'status').textContent).toBe('Aftalen er gemt som kalenderfil.');
  });

  it("words main's refusal as an error", async () => {
    const api = install();
    api.actions.calendar.mockRejectedValueOnce(
      new AppErrorException({ code: 'app.action.unavailable', message: 'Handlingen findes ikke længere.' }),
    );
    const view = render(
      <LetterActions message={withActions([{ actionCode: 'AFTALE', label: 'Møde', startDateTime: ahead(2) }])} />,
    );
    unmount = view.unmount;
    click(byRole(view.container, 'button', 'Tilføj til kalender: Møde'));
    await flush();
    expect(byRole(view.container, 'alert').textContent).toContain('Handlingen findes ikke længere');
  });

  it('shows nothing for actions it cannot read, and no button for a link that is not https', () => {
    install();
    const none = render(<LetterActions message={withActions([{ handling_x: 'BETALING' }, 7, null])} />);
    expect(none.container.innerHTML).toBe('');
    none.unmount();
    const view = render(
      <LetterActions
        message={withActions([{ actionCode: 'SELVBETJENING', label: 'Læs', entryPoint: 'http://x.dk' }])}
      />,
    );
    unmount = view.unmount;
    expect(view.container.textContent).toContain('Læs');
    expect(view.container.querySelector('button')).toBeNull();
  });
});

describe('DeadlineChip', () => {
  it('shows the soonest upcoming deadline as day and month, and nothing once it has passed', () => {
    const soon = new Date(Date.now() + 3 * 86_400_000);
    const two = (n: number) => String(n).padStart(2, '0');
    const view = render(<DeadlineChip message={withActions([{ label: 'x', endDateTime: soon.toISOString() }])} />);
    expect(view.container.textContent).toContain(`Frist ${two(soon.getDate())}.${two(soon.getMonth() + 1)}.`);
    view.unmount();
    const past = render(<DeadlineChip message={withActions([{ label: 'x', endDateTime: ahead(-1) }])} />);
    expect(past.container.textContent).toBe('');
    past.unmount();
  });
});

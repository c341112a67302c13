// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { AccessView } from '../../../shared/ipc/channels/notify';
import type { AppEvent } from '../../../shared/ipc/events';
import { AppErrorException } from '../../../shared/ipc/app-error';
import { initI18n } from '../../i18n';
import { installFakeApi, MAILBOX } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { NotificationSettings } from './NotificationSettings';
import { startWebAlerts } from './web-alerts';

initI18n();

const ACCESS: AccessView = {
  mailboxId: 'mb-1',
  accessId: 'acc-1',
  version: 3,
  accessType: 'OWNER',
  introductionCompleted: true,
  optOut: false,
  emails: [{ id: 'e-1', email: 'lone@example.dk' }],
  sms: { id: 's-1', mobileNumber: '31415926', verified: false },
  push: [{ id: 'p-1', providerType: 'FCM', deviceId: 'device-1' }],
};

/** The input a visible <label> names (the shared byRole knows only buttons and checkboxes implicitly). */
const field = (root: HTMLElement, label: string): HTMLInputElement => {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent?.trim() === label);
  const input = l ? document.getElementById(l.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return input;
};

const type = (el: HTMLElement, value: string) =>
  act(() => {
    const input = el as HTMLInputElement;
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

const setup = () => {
  const api = installFakeApi();
  const notify = {
    getAccess: vi.fn(async () => ACCESS),
    updateAccess: vi.fn(),
    verifySms: vi.fn(),
    resendSmsPin: vi.fn(async () => ACCESS),
    getNemSms: vi.fn(async () => ({ contactId: 'c-1', version: 1, nemSms: null })),
    updateNemSms: vi.fn(),
    verifyNemSms: vi.fn(),
    resendNemSmsPin: vi.fn(),
    getAlerts: vi.fn(async () => ({ mailboxes: {}, intervalMs: 60_000 })),
    setAlerts: vi.fn(),
    setFocus: vi.fn(async () => ({ ok: true as const })),
  };
  (api as unknown as { notify: typeof notify }).notify = notify;
  (api.app as unknown as { info: () => Promise<unknown> }).info = async () => ({
    version: '1',
    mode: 'browser',
    platform: 'linux',
  });
  return notify;
};

describe('NotificationSettings', () => {
  let notify: ReturnType<typeof setup>;
  beforeEach(() => {
    notify = setup();
  });

  it('refuses an invalid address before any request and keeps what the user typed', async () => {
    const { container, unmount } = render(<NotificationSettings mailbox={MAILBOX} onClose={vi.fn()} />);
    await flush();
    const input = field(container, 'Ny e-mailadresse');
    type(input, 'lone@');
    click(byRole(container, 'button', 'Tilføj e-mail'));
    expect(container.textContent).toContain('E-mailadressen er ikke gyldig');
    expect((input as HTMLInputElement).value).toBe('lone@');
    type(input, 'Lone@Example.dk');
    click(byRole(container, 'button', 'Tilføj e-mail'));
    expect(container.textContent).toContain('E-mailadressen Lone@Example.dk er allerede tilmeldt.');
    expect(notify.updateAccess).not.toHaveBeenCalled();
    unmount();
  });

  it('a failed save leaves the form filled and offers a retry of the same change', async () => {
    notify.updateAccess
      .mockRejectedValueOnce(new AppErrorException({ code: 'app.network', message: 'offline' }))
      .mockResolvedValueOnce({ ...ACCESS, emails: [...ACCESS.emails, { id: 'e-2', email: 'ny@example.dk' }] });
    const { container, unmount } = render(<NotificationSettings mailbox={MAILBOX} onClose={vi.fn()} />);
    await flush();
    const input = field(container, 'Ny e-mailadresse');
    type(input, 'ny@example.dk');
    click(byRole(container, 'button', 'Tilføj e-mail'));
    await flush();
    expect(container.textContent).toContain('Der er ingen forbindelse til Digital Post');
    expect((input as HTMLInputElement).value).toBe('ny@example.dk');
    click(byRole(container, 'button', 'Prøv igen'));
    await flush();
    expect(notify.updateAccess).toHaveBeenCalledTimes(2);
    expect(notify.updateAccess).toHaveBeenLastCalledWith({
      mailboxId: 'mb-1',
      change: { kind: 'addEmail', email: 'ny@example.dk' },
    });
    expect(container.textContent).toContain('ny@example.dk');
    expect((field(container, 'Ny e-mailadresse') as HTMLInputElement).value).toBe('');
    unmount();
  });

  it('PIN refusals are told in plain Danish; the device shows its provider', async () => {
    const refusal = (code: string) =>
      new AppErrorException({ code, message: 'x', fieldErrors: [{ code, message: 'x' }] });
    notify.verifySms
      .mockRejectedValueOnce(refusal('verification.max.attempts'))
      .mockRejectedValueOnce(refusal('verification.validity.exceeded'));
    const { container, unmount } = render(<NotificationSettings mailbox={MAILBOX} onClose={vi.fn()} />);
    await flush();
    expect(container.textContent).toContain('Google/Android · enhed device-1');
    expect(container.textContent).toContain('Status: ikke bekræftet');
    type(field(container, 'Pinkode fra sms'), '123456');
    click(byRole(container, 'button', 'Bekræft nummer'));
    await flush();
    expect(container.textContent).toContain('Du har prøvet for mange gange. Bestil en ny pinkode.');
    click(byRole(container, 'button', 'Bekræft nummer'));
    await flush();
    expect(container.textContent).toContain('Pinkoden er udløbet. Bestil en ny pinkode.');
    unmount();
  });
});

describe('startWebAlerts', () => {
  const created: { title: string; body?: string; self: { onclick: (() => void) | null } }[] = [];
  beforeEach(() => {
    created.length = 0;
    class FakeNotification {
      static permission = 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, o?: { body?: string }) {
        created.push({ title, ...(o?.body !== undefined ? { body: o.body } : {}), self: this });
      }
      close() {}
    }
    vi.stubGlobal('Notification', FakeNotification);
    vi.spyOn(window, 'focus').mockImplementation(() => undefined);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('turns mail.new into a notification, except for the mailbox being read; a click opens the letter', () => {
    let emit: (e: AppEvent) => void = () => undefined;
    const open = vi.fn();
    const stop = startWebAlerts({
      subscribe: (l) => ((emit = l), () => undefined),
      readingMailbox: () => 'mb-read',
      title: (s) => `Ny post fra ${s}`,
      open,
    });
    emit({ type: 'mail.new', mailboxId: 'mb-read', messageId: 'm0', senderLabel: 'Skattestyrelsen', label: 'Stille' });
    emit({
      type: 'mail.new',
      mailboxId: 'mb-2',
      messageId: 'm1',
      senderLabel: 'Skattestyrelsen',
      label: 'Årsopgørelse',
    });
    expect(created.map((c) => [c.title, c.body])).toEqual([['Ny post fra Skattestyrelsen', 'Årsopgørelse']]);
    created[0]!.self.onclick!();
    expect(open).toHaveBeenCalledWith('mb-2', 'm1');
    stop();
  });
});

// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { RequestLists, RequestView, TrusteeView } from '../../../shared/ipc/channels/access';
import { initI18n } from '../../i18n';
import { installFakeApi } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { RequestsDialog } from './RequestsDialog';
import { WhoHasAccessDialog } from './WhoHasAccessDialog';

initI18n();

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
const input = (root: HTMLElement, label: string): HTMLInputElement => {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.firstChild?.textContent?.trim() === label);
  const el = l?.querySelector('input');
  if (!el) throw new Error(`no input labelled ${label}`);
  return el;
};
const type = (el: HTMLInputElement, value: string) =>
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

const request = (over: Partial<RequestView>): RequestView => ({
  id: 'r-1',
  version: 0,
  state: 'SUBMITTED',
  requestType: 'PRIVILEGE_REQUEST',
  privileges: ['LEGAL_REPRESENTATIVE'],
  requester: '020250****',
  ...over,
});

describe('RequestsDialog', () => {
  let access: Record<string, ReturnType<typeof vi.fn>>;
  beforeEach(() => {
    const api = installFakeApi();
    let lists: RequestLists = {
      mine: [request({ id: 'r-2', state: 'AFVIST_X', accessTo: 'Karl' })],
      toMe: [request({})],
    };
    access = {
      requests: vi.fn(async () => lists),
      requestAccess: vi.fn(async () => request({})),
      answerRequest: vi.fn(async () => {
        lists = { ...lists, toMe: [request({ state: 'APPROVED' })] };
        return request({ state: 'APPROVED' });
      }),
    };
    (api as unknown as { access: unknown }).access = access;
  });

  it('refuses a CPR that is not ten digits before asking, and sends one that is', async () => {
    const { container, unmount } = render(<RequestsDialog onClose={vi.fn()} />);
    await flush();
    type(input(container, 'CPR-nummer (10 cifre)'), '12345');
    type(input(container, 'Fornavn'), 'Lone');
    type(input(container, 'Efternavn'), 'Defaultssen');
    act(() => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    expect(access.requestAccess).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Skriv et CPR-nummer med 10 cifre.');
    type(input(container, 'CPR-nummer (10 cifre)'), '010170-1231');
    act(() => {
      container.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    await flush();
    expect(access.requestAccess).toHaveBeenCalledWith({
      cpr: '0101701231',
      firstName: 'Lone',
      lastName: 'Defaultssen',
      privilege: 'LEGAL_REPRESENTATIVE',
    });
    unmount();
  });

  it('approves a request made to me and shows an unknown state as sent', async () => {
    const { container, unmount } = render(<RequestsDialog onClose={vi.fn()} />);
    await flush();
    expect(container.textContent).toContain('Status: AFVIST_X');
    click(byRole(container, 'button', 'Godkend anmodningen fra 020250****'));
    await flush();
    expect(access.answerRequest).toHaveBeenCalledWith({ id: 'r-1', answer: 'approve' });
    expect(container.textContent).toContain('Status: Godkendt');
    unmount();
  });
});

describe('WhoHasAccessDialog', () => {
  it('revokes only after the confirmation, with the privileges behind the row', async () => {
    const api = installFakeApi();
    const trustee: TrusteeView = {
      key: 't-1',
      name: 'Karl Testersen',
      accessType: 'LEGAL_REPRESENTATIVE_READER',
      privilegeTypes: ['LEGAL_REPRESENTATIVE'],
      privilegeIds: ['p-1'],
    };
    let trustees = [trustee];
    const access = {
      trustees: vi.fn(async () => ({ trustees })),
      revoke: vi.fn(async () => {
        trustees = [];
        return { ok: true as const };
      }),
    };
    (api as unknown as { access: unknown }).access = access;
    const { container, unmount } = render(<WhoHasAccessDialog onClose={vi.fn()} ownName="Lone" />);
    await flush();
    expect(container.textContent).toContain('Adgang: Partsrepræsentant (læser)');
    click(byRole(container, 'button', 'Fjern adgang for Karl Testersen'));
    expect(access.revoke).not.toHaveBeenCalled();
    expect(container.textContent).toContain('Vil du fjerne Karl Testersens adgang til din post?');
    const confirm = Array.from(container.querySelectorAll('[role="dialog"]')).at(-1) as HTMLElement;
    click(byRole(confirm, 'button', 'Fjern adgang'));
    await flush();
    expect(access.revoke).toHaveBeenCalledWith({ privilegeIds: ['p-1'] });
    expect(container.textContent).toContain('Ingen andre har adgang til din post.');
    unmount();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { initI18n, setLanguage } from '../i18n';
import { byRole, click, render } from '../test/render';
import { SettingsDialog, type SettingsDialogProps } from './SettingsDialog';

initI18n();

afterEach(() => setLanguage('da'));

/** Types into a controlled input the way a user does (React listens for the native input event). */
const type = (el: HTMLElement, value: string) =>
  act(() => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });

const field = (root: ParentNode, label: string): HTMLInputElement => {
  const l = Array.from(root.querySelectorAll('label')).find((x) => x.textContent?.trim() === label);
  if (!l) throw new Error(`no field labelled ${label}`);
  return document.getElementById(l.htmlFor) as HTMLInputElement;
};

const SECRET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const registration = { clientId: 'vendor-app', idp: 'nemlogin', scopes: ['openid', 'native'] };

const open = (settings: Partial<SettingsDialogProps['settings']>) => {
  const onSave = vi.fn<SettingsDialogProps['onSave']>(async () => true);
  const view = render(
    <SettingsDialog
      settings={{ environment: 'prod', registrations: {}, language: 'da', ...settings }}
      error={null}
      onSave={onSave}
      onClose={vi.fn()}
      trayOption={false}
    />,
  );
  return { ...view, onSave };
};

describe('SettingsDialog: client registration', () => {
  it('refuses an http redirect for prod with a sentence saying why, in Danish and in English', () => {
    const { container, onSave, unmount } = open({ registrations: { prod: registration } });
    type(field(container, 'Redirect-URI (præcis som registreret)'), 'http://127.0.0.1:8765/callback');
    click(byRole(container, 'button', 'Gem'));
    expect(byRole(container, 'alert').textContent).toContain('Digital Post tillader kun http for testklienter');
    expect(onSave).not.toHaveBeenCalled();

    act(() => setLanguage('en'));
    click(byRole(container, 'button', 'Save'));
    expect(byRole(container, 'alert').textContent).toContain('Digital Post allows http only for test clients');
    expect(onSave).not.toHaveBeenCalled();
    unmount();
  });

  it('saves a test registration with its fixed-port loopback redirect and a new secret in a masked field', async () => {
    const { container, onSave, unmount } = open({
      environment: 'test',
      registrations: { test: registration },
      clientSecretStored: { test: false, prod: false },
    });
    expect(container.textContent).toContain('Ingen klienthemmelighed gemt.');
    type(field(container, 'Redirect-URI (præcis som registreret)'), 'http://127.0.0.1:8765/callback');
    type(field(container, 'OneTimeUse-realm (valgfri)'), 'nemloginEboksOneTimeUse');
    const secret = field(container, 'Klienthemmelighed');
    expect(secret.type).toBe('password');
    type(secret, SECRET);
    await act(async () => click(byRole(container, 'button', 'Gem')));
    expect(onSave).toHaveBeenCalledWith(
      expect.objectContaining({
        environment: 'test',
        registrations: {
          test: {
            ...registration,
            redirectUri: 'http://127.0.0.1:8765/callback',
            oneTimeUseIdp: 'nemloginEboksOneTimeUse',
          },
        },
        clientSecrets: { test: SECRET },
      }),
    );
    unmount();
  });

  it('refuses a secret shorter than Digital Post issues, before anything is sent', () => {
    const { container, onSave, unmount } = open({ registrations: { prod: registration } });
    type(field(container, 'Klienthemmelighed'), 'too-short');
    click(byRole(container, 'button', 'Gem'));
    expect(byRole(container, 'alert').textContent).toContain('mindst 32 tegn');
    expect(onSave).not.toHaveBeenCalled();
    unmount();
  });

  it('only knows that a secret is stored: it can be replaced or removed, never shown', async () => {
    const { container, onSave, unmount } = open({
      registrations: { prod: { ...registration, redirectUri: 'dk.digitalpost.desktop:/oauth2redirect' } },
      clientSecretStored: { test: false, prod: true },
    });
    expect(container.textContent).toContain(
      'En klienthemmelighed er gemt (i systemets sikre lager, aldrig i settings.json).',
    );
    expect(field(container, 'Klienthemmelighed').value).toBe('');
    click(byRole(container, 'button', 'Fjern klienthemmelighed'));
    expect(container.textContent).toContain('fjernes, når du gemmer');
    await act(async () => click(byRole(container, 'button', 'Gem')));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ clientSecrets: { prod: null } }));

    // Saving without touching the field leaves the stored secret alone.
    const again = open({ registrations: { prod: registration }, clientSecretStored: { test: false, prod: true } });
    await act(async () => click(byRole(again.container, 'button', 'Gem')));
    expect(again.onSave.mock.calls[0]![0]).not.toHaveProperty('clientSecrets');
    again.unmount();
    unmount();
  });
});

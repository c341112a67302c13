// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { byRole, click, render } from '../test/render';
import { LoginScreen } from './LoginScreen';

initI18n();

const status = { loggedIn: false, environment: 'sandbox' as const, pending: false, secretStore: 'memory' as const };

describe('LoginScreen', () => {
  it('logs in with the keep-me choice, shows the environment and the memory notice', () => {
    const onLogin = vi.fn();
    const { container, unmount } = render(
      <LoginScreen
        status={status}
        starting={false}
        error={null}
        onLogin={onLogin}
        onCancel={vi.fn()}
        onOpenSettings={vi.fn()}
      />,
    );
    expect(container.textContent).toContain('Miljø: Sandkasse');
    expect(container.textContent).toContain('logge ind igen');
    click(byRole(container, 'checkbox', 'Hold mig ikke logget ind'));
    click(byRole(container, 'button', 'Log ind'));
    expect(onLogin).toHaveBeenCalledWith({ oneTimeUse: true });
    expect(byRole(container, 'button', 'Prøv sandkassen')).toBeTruthy();
    unmount();
  });

  it('offers Annullér while the login is pending', () => {
    const onCancel = vi.fn();
    const { container, unmount } = render(
      <LoginScreen
        status={{ ...status, pending: true }}
        starting={false}
        error="Login blev afvist."
        onLogin={vi.fn()}
        onCancel={onCancel}
        onOpenSettings={vi.fn()}
      />,
    );
    expect(byRole(container, 'alert').textContent).toBe('Login blev afvist.');
    click(byRole(container, 'button', 'Annullér'));
    expect(onCancel).toHaveBeenCalled();
    unmount();
  });
});

// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { byRole, click, render } from '../../test/render';
import { ListEmptyState } from './EmptyState';
import { SandboxWelcome } from './SandboxWelcome';

initI18n();

let unmount = () => undefined as void;
afterEach(() => unmount());

describe('ListEmptyState', () => {
  const text = (folderType: string | undefined, filtered = false) => {
    const r = render(<ListEmptyState folderType={folderType} filtered={filtered} />);
    const words = r.container.textContent;
    r.unmount();
    return words;
  };

  it('says why each kind of folder is empty and what fills it', () => {
    expect(text('INBOX')).toMatch(/indbakke er tom.*Nye breve/);
    expect(text('DRAFTS')).toMatch(/ingen kladder.*lukker den uden at sende/);
    expect(text('SENT')).toMatch(/ikke sendt noget/);
    expect(text('USER_DEFINED')).toMatch(/ingen breve i denne mappe/);
    // A folder type Digital Post may add later reads as a folder.
    expect(text('ARCHIVE_2030')).toMatch(/ingen breve i denne mappe/);
  });

  it('blames the filters, not the folder, when they are on', () => {
    expect(text('INBOX', true)).toMatch(/Ingen breve passer til søgningen eller datoerne/);
  });
});

describe('SandboxWelcome', () => {
  const settings = { environment: 'sandbox' as const, registrations: {}, language: 'da' as const };

  it('shows once in the sandbox and is dismissed through settings', () => {
    const updateSettings = vi.fn(async () => true);
    useAppStore.setState({
      settings: { ...settings },
      updateSettings,
    });
    const r = render(<SandboxWelcome environment="sandbox" />);
    unmount = r.unmount;
    const region = document.querySelector<HTMLElement>('section[aria-labelledby]')!;
    expect(document.getElementById(region.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'Velkommen til sandkassen',
    );
    expect(region.textContent).toMatch(/testdata/);
    click(byRole(region, 'button', 'Luk velkomsten'));
    expect(updateSettings).toHaveBeenCalledWith({ welcomeDismissed: true });
  });

  it('stays away once dismissed, and outside the sandbox', () => {
    useAppStore.setState({
      settings: { ...settings, welcomeDismissed: true },
    });
    let r = render(<SandboxWelcome environment="sandbox" />);
    expect(r.container.innerHTML).toBe('');
    r.unmount();
    useAppStore.setState({ settings: { ...settings } });
    r = render(<SandboxWelcome environment="prod" />);
    expect(r.container.innerHTML).toBe('');
    unmount = r.unmount;
  });
});

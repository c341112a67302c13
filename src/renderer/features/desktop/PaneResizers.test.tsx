// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { press, render } from '../../test/render';
import { PaneResizers } from './PaneResizers';

initI18n();

const settings = { environment: 'sandbox' as const, registrations: {}, language: 'da' as const };
let unmount = () => undefined as void;
afterEach(() => unmount());

const mount = (paneWidths?: { sidebar?: number; list?: number }) => {
  const updateSettings = vi.fn(async () => true);
  useAppStore.setState({ settings: { ...settings, ...(paneWidths ? { paneWidths } : {}) }, updateSettings });
  const r = render(
    <div className="mail-layout">
      <nav />
      <main />
      <section />
      <PaneResizers />
    </div>,
  );
  unmount = r.unmount;
  const layout = r.container.querySelector<HTMLElement>('.mail-layout')!;
  return { layout, updateSettings, separators: () => Array.from(layout.querySelectorAll('[role="separator"]')) };
};

describe('PaneResizers', () => {
  it('applies remembered widths to the layout as CSS variables', () => {
    const { layout } = mount({ sidebar: 300, list: 500 });
    expect(layout.classList.contains('has-pane-widths')).toBe(true);
    expect(layout.style.getPropertyValue('--pane-sidebar')).toBe('300px');
    expect(layout.style.getPropertyValue('--pane-list')).toBe('500px');
  });

  it('keeps the flexible default when nothing is remembered', () => {
    const { layout } = mount();
    expect(layout.classList.contains('has-pane-widths')).toBe(false);
    expect(layout.style.getPropertyValue('--pane-sidebar')).toBe('');
  });

  it('moves a width with the arrow keys within the limits, and remembers it in settings', () => {
    // jsdom lays nothing out: give the panes a width so the separators have a place.
    const width = vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(250);
    const { updateSettings, separators } = mount({ sidebar: 300, list: 500 });
    const [sidebar, list] = separators();
    expect(sidebar!.getAttribute('aria-label')).toBe('Bredde på mappeoversigten');
    expect(sidebar!.getAttribute('aria-valuenow')).toBe('300');
    press(sidebar!, 'ArrowRight');
    expect(updateSettings).toHaveBeenLastCalledWith({ paneWidths: { sidebar: 316, list: 500 } });
    // The settings answer has not come (the mock never gives one): a held key still steps on from the last width.
    press(sidebar!, 'ArrowRight');
    expect(updateSettings).toHaveBeenLastCalledWith({ paneWidths: { sidebar: 332, list: 500 } });
    expect(sidebar!.getAttribute('aria-valuenow')).toBe('332');
    press(list!, 'Home');
    expect(updateSettings).toHaveBeenLastCalledWith({ paneWidths: { sidebar: 332, list: 240 } });
    press(list!, 'End');
    expect(updateSettings).toHaveBeenLastCalledWith({ paneWidths: { sidebar: 332, list: 1000 } });
    width.mockRestore();
  });
});

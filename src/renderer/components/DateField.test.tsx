// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { initI18n, setLanguage } from '../i18n';
import { isoDay } from '../lib/date-format';
import { byRole, click, press, render } from '../test/render';
import { DateField } from './DateField';

initI18n();

const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
const type = (input: HTMLInputElement, value: string) =>
  act(() => {
    setValue.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
const blur = (input: HTMLInputElement) =>
  act(() => {
    input.focus();
    input.blur();
  });

const field = (value = '') => {
  const onChange = vi.fn();
  const r = render(<DateField label="Fra dato" value={value} onChange={onChange} />);
  const input = r.container.querySelector('input')!;
  return { ...r, input, onChange };
};

afterEach(() => setLanguage('da'));

describe('DateField', () => {
  it('is labelled, shows its day as dd.mm.åååå and says how to write one', () => {
    const { container, input, unmount } = field('2026-11-05');
    expect(container.querySelector(`label[for="${input.id}"]`)?.textContent).toBe('Fra dato');
    expect(input.value).toBe('05.11.2026');
    expect(input.placeholder).toBe('dd.mm.åååå');
    const hint = document.getElementById(input.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.textContent).toMatch(/dd\.mm\.åååå/);
    unmount();
  });

  it('reads a short day on Enter and on leaving the field, and shows it in full', () => {
    const { input, onChange, unmount } = field();
    type(input, '5.11.26');
    expect(onChange).not.toHaveBeenCalled();
    press(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-05');
    expect(input.value).toBe('05.11.2026');
    type(input, '6/11/2026');
    blur(input);
    expect(onChange).toHaveBeenLastCalledWith('2026-11-06');
    unmount();
  });

  it('says when the text is not a day, changes nothing, and clears the filter when emptied', () => {
    const { container, input, onChange, unmount } = field('2026-11-05');
    type(input, '31.11.2026');
    press(input, 'Enter');
    expect(onChange).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(byRole(container, 'alert').textContent).toMatch(/"31\.11\.2026" er ikke en dato/);
    type(input, '');
    press(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    unmount();
  });

  it('writes and reads the English order in English', () => {
    setLanguage('en');
    const { input, onChange, unmount } = field('2026-11-05');
    expect(input.value).toBe('05/11/2026');
    type(input, '7/11/2026');
    press(input, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('2026-11-07');
    unmount();
  });

  it('picks a day in the calendar with the keyboard and hands focus back', () => {
    const { container, onChange, unmount } = field('2026-11-05');
    const button = byRole(container, 'button', 'Vælg Fra dato i kalender');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    click(button);
    const dialog = byRole(container, 'dialog', 'Kalender: Fra dato');
    expect(dialog.querySelector('[aria-live]')?.textContent).toBe('november 2026');
    let cell = document.activeElement as HTMLElement;
    expect(cell.dataset.day).toBe('2026-11-05');
    expect(cell.getAttribute('aria-selected')).toBe('true');
    expect(cell.getAttribute('aria-label')).toBe('torsdag den 5. november 2026');
    press(cell, 'ArrowRight');
    press(document.activeElement!, 'ArrowDown');
    cell = document.activeElement as HTMLElement;
    expect(cell.dataset.day).toBe('2026-11-13');
    press(cell, 'PageDown');
    expect((document.activeElement as HTMLElement).dataset.day).toBe('2026-12-13');
    expect(dialog.querySelector('[aria-live]')?.textContent).toBe('december 2026');
    press(document.activeElement!, 'Home');
    expect((document.activeElement as HTMLElement).dataset.day).toBe('2026-12-07');
    press(document.activeElement!, 'Enter');
    expect(onChange).toHaveBeenLastCalledWith('2026-12-07');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(document.activeElement).toBe(button);
    unmount();
  });

  it('closes on Escape without choosing, and offers today', () => {
    const { container, onChange, unmount } = field();
    const button = byRole(container, 'button', 'Vælg Fra dato i kalender');
    click(button);
    expect((document.activeElement as HTMLElement).dataset.day).toBe(isoDay(new Date()));
    press(document.activeElement!, 'Escape');
    expect(container.querySelector('[role="dialog"]')).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    click(button);
    click(byRole(container, 'button', 'I dag'));
    expect(onChange).toHaveBeenLastCalledWith(isoDay(new Date()));
    unmount();
  });

  it('shows a new value from outside, e.g. a cleared filter', () => {
    const onChange = vi.fn();
    const r = render(<DateField label="Til dato" value="2026-11-05" onChange={onChange} />);
    r.rerender(<DateField label="Til dato" value="" onChange={onChange} />);
    expect(r.container.querySelector('input')!.value).toBe('');
    r.unmount();
  });
});

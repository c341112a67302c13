// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { validateStrictHtml } from '../../../../shared/html/validate-strict';
import { byRole, click } from '../../../test/render';
import { composeComponentEnv } from '../test/component-env';
import { HtmlImport } from './HtmlImport';

const { mount } = composeComponentEnv();

describe('HtmlImport', () => {
  it('lists each STRICT error in Danish, fixes automatically and only then allows the content', async () => {
    const onUse = vi.fn();
    const { container } = mount(<HtmlImport onUse={onUse} />);
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['<html><body><p onclick="x()">Brev</p><script>y()</script></body></html>'], 'brev.html', {
      type: 'text/html',
    });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 20));
    });
    const errors = Array.from(container.querySelectorAll('.import-errors li')).map((li) => li.textContent);
    expect(
      errors.some((e) => /Elementet "script" indeholder html der ikke accepteres af Digital Post/.test(e ?? '')),
    ).toBe(true);
    expect(errors.some((e) => /attribut "onclick"/.test(e ?? ''))).toBe(true);
    const use = byRole(container, 'button', 'Brug indholdet') as HTMLButtonElement;
    expect(use.disabled).toBe(true);

    click(byRole(container, 'button', 'Ret automatisk'));
    expect(container.textContent).toMatch(/rettet og overholder nu/);
    expect(container.querySelector('.removal-note')?.textContent).toMatch(/script/);
    expect(use.disabled).toBe(false);
    click(use);
    const html = onUse.mock.calls[0]![0] as string;
    expect(html).toContain('Brev');
    expect(validateStrictHtml(html).approved).toBe(true);
  });
});

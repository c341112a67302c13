// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { validateStrictHtml } from '../../../../shared/html/validate-strict';
import { byRole, click } from '../../../test/render';
import { composeComponentEnv } from '../test/component-env';
import { RichTextEditor } from './RichTextEditor';

const { mount } = composeComponentEnv();

const HOSTILE =
  '<h2 onclick="steal()">Hej</h2><p>Se <a href="javascript:alert(1)">her</a> og <a href="https://borger.dk">her</a></p><script>x()</script><iframe src="https://evil.example"></iframe><!-- note --><p style="position: fixed; color: red">tekst</p>';

function typeInto(area: HTMLElement, html: string) {
  act(() => {
    area.innerHTML = html;
    area.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

function paste(area: HTMLElement, data: Record<string, string>) {
  const event = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'clipboardData', { value: { getData: (type: string) => data[type] ?? '' } });
  act(() => {
    area.focus();
    area.dispatchEvent(event);
  });
  return event;
}

describe('RichTextEditor', () => {
  it('is a labelled multi-line textbox with real toggle buttons', () => {
    const { container } = mount(<RichTextEditor initialHtml="" contentKey={1} onChange={() => undefined} />);
    const area = byRole(container, 'textbox');
    expect(area.getAttribute('aria-multiline')).toBe('true');
    expect(document.getElementById(area.getAttribute('aria-labelledby')!)?.textContent).toBe('Besked');
    const bold = byRole(container, 'button', 'Fed');
    expect(bold.tagName).toBe('BUTTON');
    expect(bold.getAttribute('aria-pressed')).toBe('false');
    expect(byRole(container, 'toolbar', 'Formatering')).toBeTruthy();
  });

  it('only ever hands out HTML that passes the STRICT validator', () => {
    const onChange = vi.fn();
    const { container } = mount(<RichTextEditor initialHtml="" contentKey={1} onChange={onChange} />);
    expect(validateStrictHtml(HOSTILE).approved).toBe(false);
    typeInto(byRole(container, 'textbox'), HOSTILE);
    const out = onChange.mock.calls.at(-1)![0] as string;
    expect(validateStrictHtml(out)).toEqual({ approved: true });
    expect(out).toContain('<a href="https://borger.dk">her</a>');
    expect(out).toContain('Hej');
    expect(out).not.toMatch(/script|iframe|onclick|javascript|position/);
  });

  it('cleans pasted markup and says what it removed', () => {
    const onChange = vi.fn();
    const { container } = mount(<RichTextEditor initialHtml="" contentKey={1} onChange={onChange} />);
    const area = byRole(container, 'textbox');
    const event = paste(area, {
      'text/html': '<p>Fra Word</p><script>a()</script><iframe></iframe><o:p></o:p>',
      'text/plain': 'Fra Word',
    });
    expect(event.defaultPrevented).toBe(true);
    expect(area.innerHTML).toContain('Fra Word');
    expect(area.innerHTML).not.toMatch(/script|iframe/);
    const note = container.querySelector('.removal-note')!;
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toMatch(/Vi fjernede 3 elementer, som Digital Post ikke tillader: .*script.*iframe/);
    expect(validateStrictHtml(onChange.mock.calls.at(-1)![0] as string).approved).toBe(true);
  });

  it('pastes plain text as escaped paragraphs', () => {
    const onChange = vi.fn();
    const { container } = mount(<RichTextEditor initialHtml="" contentKey={1} onChange={onChange} />);
    paste(byRole(container, 'textbox'), { 'text/plain': 'a <b>\n\nny linje' });
    expect(onChange.mock.calls.at(-1)![0]).toBe('<p>a &lt;b&gt;</p><p>ny linje</p>');
  });

  it('refuses links that are not https: or mailto:', () => {
    const onChange = vi.fn();
    const { container } = mount(<RichTextEditor initialHtml="<p>x</p>" contentKey={1} onChange={onChange} />);
    click(byRole(container, 'button', 'Indsæt link'));
    const dialog = byRole(document.body, 'dialog');
    const url = dialog.querySelector('input')!;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(url, 'javascript:alert(1)');
      url.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(byRole(dialog, 'button', 'Indsæt'));
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(/https: eller mailto:/);
    expect(byRole(container, 'textbox').innerHTML).not.toContain('javascript');
  });
});

// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { act } from 'react';
import i18next from 'i18next';
import { initI18n, setLanguage } from '../i18n';
import { render } from '../test/render';
import { APP_ERROR_TEXTS } from './app-error-texts';
import { localRefusal, useUiErrorText, type UiError } from './ui-error';

initI18n();

const DANISH_LETTERS = /[æøåÆØÅ]/;
const danishTexts = Object.values(APP_ERROR_TEXTS.da);

function Probe({ errors }: { errors: UiError[] }) {
  const say = useUiErrorText();
  return (
    <ul>
      {errors.map((e, i) => (
        <li key={i}>{say(e)}</li>
      ))}
    </ul>
  );
}

describe('errors on screen follow the UI language', () => {
  it('walks every app-level code: Danish first, then the English UI shows none of the Danish texts', () => {
    const codes = Object.keys(APP_ERROR_TEXTS.da);
    // Main words its own codes in Danish; the English UI must not pass that on.
    const errors = codes.map((code) => ({ code, message: 'Beskeden fra main på dansk.' }));
    act(() => setLanguage('da'));
    const { container, unmount } = render(<Probe errors={errors} />);
    const items = () => [...container.querySelectorAll('li')].map((li) => li.textContent ?? '');
    expect(items()).toHaveLength(codes.length);
    for (const text of items()) expect(text.trim()).not.toBe('');

    act(() => setLanguage('en'));
    expect(i18next.language).toBe('en');
    items().forEach((text, i) => {
      expect(text.trim(), codes[i]).not.toBe('');
      expect(text, codes[i]).not.toMatch(DANISH_LETTERS);
      expect(danishTexts, codes[i]).not.toContain(text);
      expect(text, codes[i]).not.toContain('på dansk');
    });
    unmount();
    act(() => setLanguage('da'));
  });

  it("words the renderer's own refusals through i18n", () => {
    act(() => setLanguage('en'));
    const { container, unmount } = render(
      <Probe errors={[localRefusal('digital.post.error', 'list.searchTooLong')]} />,
    );
    expect(container.textContent).toBe('The search may be at most 100 characters.');
    act(() => setLanguage('da'));
    expect(container.textContent).toBe('Søgningen må højst være 100 tegn.');
    unmount();
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { installFakeApi } from '../test/fake-api';
import { render } from '../test/render';
import { LetterPage } from './LetterPage';

initI18n();

const letter = { mailboxId: 'mb1', messageId: 'm1', documentId: 'd1', fileId: 'f1' };
const b64 = (s: string) => btoa(String.fromCharCode(...new TextEncoder().encode(s)));
const settle = () => act(async () => new Promise((r) => setTimeout(r, 0)));

let api: ReturnType<typeof installFakeApi>;
beforeEach(() => {
  api = installFakeApi();
});

describe('LetterPage', () => {
  it('shows the HTML letter sanitised in a sandboxed frame, under its scrubbed name', async () => {
    api.files.content.mockResolvedValue({
      base64: b64('<p>Kære borger</p><script>window.parent.__pwned = 1</script>'),
      encodingFormat: 'text/html',
      filename: 'brev\u202Elmth.exe',
    });
    const { container, unmount } = render(<LetterPage letter={letter} />);
    await settle();
    expect(api.files.content).toHaveBeenCalledWith(letter);
    const frame = container.querySelector('iframe')!;
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toContain('Kære borger');
    expect(frame.getAttribute('srcdoc')).not.toContain('<script');
    expect(document.title).toBe('Brev: brevlmth.exe.html');
    unmount();
  });

  it('shows nothing of a file that is not HTML', async () => {
    api.files.content.mockResolvedValue({ base64: b64('MZ'), encodingFormat: 'application/pdf', filename: 'x.pdf' });
    const { container, unmount } = render(<LetterPage letter={letter} />);
    await settle();
    expect(container.querySelector('iframe')).toBeNull();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('Filen kunne ikke vises.');
    unmount();
  });
});

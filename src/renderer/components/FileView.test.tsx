// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { DpFile } from '../../shared/dp/resources';
import { initI18n } from '../i18n';
import { byRole, click, render } from '../test/render';
import { FileView } from './FileView';

initI18n();

const file = (filename: string, encodingFormat: string): DpFile =>
  ({ id: 'f1', version: 0, filename, encodingFormat }) as DpFile;

const view = (f: DpFile, onOpen = vi.fn()) =>
  render(
    <FileView
      file={f}
      content={{ status: 'loading' }}
      onLoad={vi.fn()}
      onSave={vi.fn()}
      onOpen={onOpen}
      onOpenLink={vi.fn()}
      canOpen
    />,
  );

describe('FileView', () => {
  it.each([
    ['Faktura\u202Efdp.exe', 'application/pdf', 'Fakturafdp.exe.pdf'],
    ['rapport.pdf.exe', 'application/pdf', 'rapport.pdf.exe.pdf'],
    ['noter.desktop', 'text/plain', 'noter.desktop.txt'],
    ['../../hjem.sh', 'text/plain', 'hjem.sh.txt'],
  ])('shows %j as the name that would be written, %j', (filename, format, shown) => {
    const { container, unmount } = view(file(filename, format));
    expect(container.querySelector('.file-name')?.textContent).toBe(shown);
    expect(container.querySelector('section')?.getAttribute('aria-label')).toBe(shown);
    expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
    unmount();
  });

  it('offers Åbn for a PDF and for an HTML letter', () => {
    for (const format of ['application/pdf', 'text/html']) {
      const onOpen = vi.fn();
      const { container, unmount } = view(file('brev', format), onOpen);
      click(byRole(container, 'button', 'Åbn'));
      expect(onOpen).toHaveBeenCalled();
      unmount();
    }
  });

  it('offers only Gem som… for a format that can run code, and says why', () => {
    const { container, unmount } = view(file('setup.exe', 'application/x-msdownload'));
    expect(byRole(container, 'button', 'Gem som…')).toBeTruthy();
    expect(() => byRole(container, 'button', 'Åbn')).toThrow();
    expect(container.textContent).toContain('application/x-msdownload åbnes ikke direkte');
    unmount();
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { byRole, click } from '../../../test/render';
import { composeComponentEnv } from '../test/component-env';
import { draftView } from '../test/fake-compose';
import type { ComposeSession } from '../store';
import { setLanguage } from '../../../i18n';
import { LABEL_SIZE_CODE } from '../lib/form-checks';
import { ComposeDialog, type ComposeActions } from './ComposeDialog';

const { mount } = composeComponentEnv();

describe('ComposeDialog', () => {
  const session = (overrides: Partial<ComposeSession> = {}): ComposeSession => ({
    mailboxId: 'mb-1',
    messageId: 'd1',
    draft: draftView(),
    isReply: false,
    format: 'html',
    html: '<p>Hej <b>med</b> dig</p>',
    text: '',
    saved: { format: 'html', html: '' },
    initialHtml: '<p>Hej <b>med</b> dig</p>',
    contentKey: 1,
    label: '',
    senderLabel: 'Lone',
    recipient: null,
    recipientName: '',
    saveState: 'idle',
    savedAt: null,
    saveError: null,
    conflict: null,
    fieldsDirty: false,
    fieldErrors: [],
    sending: false,
    sendError: null,
    uploads: [],
    attachErrors: [],
    restoredUnsaved: false,
    ...overrides,
  });
  const actions = (): ComposeActions => ({
    setHtml: vi.fn(),
    replaceContent: vi.fn(),
    setText: vi.fn(),
    setFormat: vi.fn(),
    setFields: vi.fn(),
    setRecipient: vi.fn(),
    flush: vi.fn(),
    retry: vi.fn(),
    resolveConflict: vi.fn(),
    send: vi.fn(),
    discard: vi.fn(),
    close: vi.fn(),
    attach: vi.fn(),
    cancelUpload: vi.fn(),
    removeAttachment: vi.fn(),
  });

  it('is a dialog named "Ny besked" that starts at the recipient search and closes (saving) on Escape', () => {
    const a = actions();
    mount(<ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={a} />);
    const dialog = byRole(document.body, 'dialog');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Ny besked');
    expect(document.activeElement?.getAttribute('type')).toBe('search');
    act(() => {
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(a.close).toHaveBeenCalled();
  });

  it('attaches files dropped on it, highlighted while they hover; other drags are left alone', () => {
    const a = actions();
    mount(<ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={a} />);
    const dialog = byRole(document.body, 'dialog');
    const file = new File(['%PDF-1.4'], 'bilag.pdf', { type: 'application/pdf' });
    const drag = (type: string, types: string[], files: File[] = []) => {
      const e = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(e, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
      act(() => void dialog.querySelector('.editor-area')!.dispatchEvent(e));
      return e;
    };
    expect(drag('dragenter', ['text/plain']).defaultPrevented).toBe(false);
    expect(dialog.className).not.toContain('drop-target');
    expect(drag('dragenter', ['Files']).defaultPrevented).toBe(true);
    expect(dialog.className).toContain('drop-target');
    expect(dialog.textContent).toContain('Slip filerne her for at vedhæfte dem');
    expect(drag('dragover', ['Files']).defaultPrevented).toBe(true);
    expect(drag('drop', ['Files'], [file]).defaultPrevented).toBe(true);
    expect(a.attach).toHaveBeenCalledWith(file);
    expect(dialog.className).not.toContain('drop-target');
    drag('dragenter', ['Files']);
    drag('dragleave', ['Files']);
    expect(dialog.className).not.toContain('drop-target');
  });

  it('says when unsent words live in memory only (no secure key store)', () => {
    const dialog = mount(
      <ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={actions()} journalInMemory />,
    );
    expect(byRole(dialog.container, 'note').textContent).toMatch(/gemmes kun, indtil programmet lukkes/);
    dialog.rerender(<ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={actions()} />);
    expect(dialog.container.querySelector('[role="note"]')).toBeNull();
  });

  it('Escape in a filled search empties it instead of closing the composer', () => {
    const a = actions();
    const { container } = mount(
      <ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={a} />,
    );
    const search = container.querySelector<HTMLInputElement>('input[type="search"]')!;
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(search, 'skat');
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    act(() => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    });
    expect(search.value).toBe('');
    expect(a.close).not.toHaveBeenCalled();
  });

  it('plain-text mode: the radio asks for text, and a text draft opens in "Ren tekst" writing its raw words', () => {
    const a = actions();
    const { container, rerender } = mount(
      <ComposeDialog session={session()} maxLabelLength={256} allowCpr={false} actions={a} />,
    );
    const radios = () => Array.from(container.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios()[0]!.checked).toBe(true);
    expect(container.querySelector('textarea')).toBeNull();
    click(radios()[1]!);
    expect(a.setFormat).toHaveBeenCalledWith('text');

    rerender(
      <ComposeDialog
        session={session({ format: 'text', text: 'Hej med dig', html: '<p>Hej med dig</p>' })}
        maxLabelLength={256}
        allowCpr={false}
        actions={a}
      />,
    );
    expect(radios()[1]!.checked).toBe(true);
    expect(container.querySelector('[role="textbox"]')).toBeNull();
    const textarea = container.querySelector('textarea')!;
    expect(textarea.value).toBe('Hej med dig');
    act(() => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      setter.call(textarea, 'Linje 1\nLinje <2>');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(a.setText).toHaveBeenLastCalledWith('Linje 1\nLinje <2>');
    expect(a.setHtml).not.toHaveBeenCalled();
  });

  it('marks the subject invalid with the Danish message and shows a save failure without losing the words', () => {
    const s = session({
      fieldErrors: [
        { code: 'message.send.label.required', field: 'label', message: 'Feltet label skal udfyldes ved afsendelse.' },
      ],
      saveState: 'error',
      saveError: { code: 'app.network' },
    });
    const { container } = mount(
      <ComposeDialog session={s} maxLabelLength={256} allowCpr={false} actions={actions()} />,
    );
    const subject = Array.from(container.querySelectorAll('input')).find(
      (i) => document.querySelector(`label[for="${i.id}"]`)?.textContent === 'Emne',
    )!;
    expect(subject.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(subject.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Feltet label skal udfyldes ved afsendelse.',
    );
    expect(container.textContent).toMatch(/Ikke gemt — prøver igen/);
    expect(container.querySelector('[role="textbox"]')?.textContent).toBe('Hej med dig');
  });

  it('words its own errors in the language shown: English carries none of the Danish texts', () => {
    const s = session({
      fieldErrors: [{ code: LABEL_SIZE_CODE, field: 'label', message: 'Emnet må højst være 256 tegn.' }],
      saveState: 'error',
      saveError: { code: 'app.network' },
      sendError: { code: 'app.compose.unsaved' },
      attachErrors: [
        { reason: 'cancelled', name: 'stor.pdf' },
        { reason: 'failed', name: 'scan.pdf', error: { code: 'app.network' } },
      ],
    });
    const danish = mount(<ComposeDialog session={s} maxLabelLength={256} allowCpr={false} actions={actions()} />);
    const da = danish.container.textContent ?? '';
    expect(da).toMatch(/Emnet må højst være 256 tegn\./);
    expect(da).toMatch(/Der er ingen forbindelse til Digital Post/);
    expect(da).toMatch(/Kladden er ikke gemt endnu/);
    expect(da).toMatch(/Upload af stor\.pdf er annulleret\./);
    danish.unmount();
    setLanguage('en');
    try {
      const { container } = mount(
        <ComposeDialog session={s} maxLabelLength={256} allowCpr={false} actions={actions()} />,
      );
      const en = container.textContent ?? '';
      expect(en).toMatch(/The subject may be at most 256 characters\./);
      expect(en).toMatch(/There is no connection to Digital Post/);
      expect(en).toMatch(/The draft is not saved yet/);
      expect(en).toMatch(/Upload of stor\.pdf was cancelled\./);
      expect(en).toMatch(/scan\.pdf was not attached: There is no connection/);
      expect(en).not.toMatch(/Emnet|forbindelse|Kladden|annulleret|vedhæftet/);
      const tooLong = { code: LABEL_SIZE_CODE, field: 'label', message: 'Emnet må højst være 256 tegn.' };
      const refused = mount(
        <ComposeDialog
          session={session({ sendError: { code: LABEL_SIZE_CODE, fieldErrors: [tooLong] } })}
          maxLabelLength={256}
          allowCpr={false}
          actions={actions()}
        />,
      );
      expect(refused.container.querySelector('.compose-footer [role="alert"]')?.textContent).toBe(
        'The subject may be at most 256 characters.',
      );
    } finally {
      setLanguage('da');
    }
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { validateStrictHtml } from '../../../../shared/html/validate-strict';
import { initI18n } from '../../../i18n';
import { byRole, click, render } from '../../../test/render';
import { installFakeApi, message } from '../../../test/fake-api';
import { installFakeCompose } from '../test/fake-compose';
import { RichTextEditor } from '../editor/RichTextEditor';
import { HtmlImport } from './HtmlImport';
import { ReplyForwardButtons } from './ReplyForwardButtons';
import { RecipientPicker, SEARCH_DELAY_MS } from './RecipientPicker';
import { ForwardDialog } from './ForwardDialog';
import { DEFAULT_LIMITS } from '../lib/form-checks';
import { ConflictView } from './ConflictView';
import { JournalBanner } from './JournalBanner';
import { JournalKeptNotice } from './JournalKeptNotice';
import { SaveStatusLine } from './SaveStatusLine';
import { ComposeDialog, type ComposeActions } from './ComposeDialog';
import { draftView } from '../test/fake-compose';
import type { ComposeSession } from '../../../store/compose';

initI18n();

let api: ReturnType<typeof installFakeApi>;
let compose: ReturnType<typeof installFakeCompose>;
const cleanups: (() => void)[] = [];
const mount = (ui: Parameters<typeof render>[0]) => {
  const r = render(ui);
  cleanups.push(r.unmount);
  return r;
};

beforeEach(() => {
  api = installFakeApi();
  compose = installFakeCompose(api);
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
  vi.useRealTimers();
});

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

describe('ReplyForwardButtons', () => {
  it('keeps Svar visible but disabled, described with the reason, when the message cannot be answered', () => {
    const { container } = mount(
      <ReplyForwardButtons
        message={message('m1', { reply: false, forward: true })}
        canWrite
        onReply={vi.fn()}
        onForward={vi.fn()}
      />,
    );
    const reply = byRole(container, 'button', 'Svar') as HTMLButtonElement;
    expect(reply.disabled).toBe(true);
    expect(document.getElementById(reply.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Denne meddelelse kan ikke besvares',
    );
    expect((byRole(container, 'button', 'Videresend') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers Svar when allowed and explains a forward already made', () => {
    const onReply = vi.fn();
    const m = message('m1', { reply: true, forward: true, userActivities: [{ userActivityType: 'FORWARDED' }] });
    const { container } = mount(<ReplyForwardButtons message={m} canWrite onReply={onReply} onForward={vi.fn()} />);
    click(byRole(container, 'button', 'Svar'));
    expect(onReply).toHaveBeenCalled();
    const forward = byRole(container, 'button', 'Videresend') as HTMLButtonElement;
    expect(forward.disabled).toBe(true);
    expect(document.getElementById(forward.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Denne meddelelse er allerede videresendt',
    );
  });
});

describe('RecipientPicker', () => {
  it('searches after typing pauses and shows an authority’s report link before proceeding', async () => {
    vi.useFakeTimers();
    const onChoose = vi.fn();
    const { container } = mount(<RecipientPicker allowCpr={false} onChoose={onChoose} />);
    const input = container.querySelector('input')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    for (const text of ['b', 'bo', 'bol']) {
      act(() => {
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      });
    }
    await act(async () => {
      await vi.advanceTimersByTimeAsync(SEARCH_DELAY_MS);
    });
    expect(compose.authorities.search).toHaveBeenCalledTimes(1);
    expect(compose.authorities.search).toHaveBeenCalledWith({ query: 'bol', size: 20 });
    const hit = Array.from(container.querySelectorAll<HTMLButtonElement>('.recipient-hit')).find((b) =>
      b.textContent?.includes('Boligstøtte'),
    )!;
    click(hit);
    expect(onChoose).not.toHaveBeenCalled();
    const notice = container.querySelector('.report-link')!;
    expect(notice.textContent).toMatch(/selvbetjening/);
    click(byRole(notice, 'button', 'Søg boligstøtte'));
    expect(api.app.openExternal).toHaveBeenCalledWith({ url: 'https://www.borger.dk/boligstoette' });
    click(byRole(notice, 'button', 'Skriv alligevel'));
    expect(onChoose).toHaveBeenCalledWith(
      {
        recipientIdType: 'CVR',
        recipientId: '87654321',
        label: 'Udbetaling Danmark – Boligstøtte',
        contactPointId: 'cp2',
      },
      'Udbetaling Danmark – Boligstøtte (CVR 87654321)',
    );
  });

  it('accepts a CVR typed directly and refuses a CPR where citizens cannot be written to', () => {
    const onChoose = vi.fn();
    const { container } = mount(<RecipientPicker allowCpr={false} onChoose={onChoose} />);
    const input = container.querySelector('input')!;
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    act(() => {
      setter.call(input, '0101901234');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(container.querySelector('[role="alert"]')?.textContent).toMatch(/Ugyldig modtagertype CPR/);
    act(() => {
      setter.call(input, '12345678');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    click(byRole(container, 'button', 'Brug CVR-nummer 12345678'));
    expect(onChoose).toHaveBeenCalledWith({ recipientIdType: 'CVR', recipientId: '12345678' }, 'CVR 12345678');
  });
});

describe('ForwardDialog', () => {
  it('explains the e-mail size limit and refuses a too-long comment before any request', () => {
    const onForward = vi.fn(async () => null);
    mount(
      <ForwardDialog
        messageLabel="Skat"
        messageBytes={25 * 1024 * 1024}
        defaultSenderLabel="Lone"
        limits={DEFAULT_LIMITS}
        onForward={onForward}
        onClose={vi.fn()}
      />,
    );
    const dialog = byRole(document.body, 'dialog');
    expect(dialog.textContent).toMatch(/for stor til at blive videresendt som e-mail \(højst 20,0 MB\)/);
    click(byRole(dialog, 'button', 'Videresend'));
    expect(onForward).not.toHaveBeenCalled();
    expect(dialog.querySelector('[role="alert"]')?.textContent).toMatch(
      /Modtagers id skal angives.*Total filstørrelse 25,0 MB overskrider/,
    );
  });
});

describe('ConflictView', () => {
  it('shows both versions side by side and lets the user choose', () => {
    const onKeep = vi.fn();
    const { container } = mount(
      <ConflictView
        conflict={{ local: '<p>mine</p>', server: { html: '<p>fra en anden enhed</p>', fileVersion: 3 } }}
        localHtml="<p>mine, nyeste</p>"
        onKeep={onKeep}
      />,
    );
    const figures = container.querySelectorAll('figure');
    expect(figures).toHaveLength(2);
    expect(figures[0]!.textContent).toMatch(/Din udgave.*mine, nyeste/);
    expect(figures[1]!.textContent).toMatch(/Udgaven i Digital Post.*fra en anden enhed/);
    click(byRole(container, 'button', 'Brug udgaven fra Digital Post'));
    expect(onKeep).toHaveBeenCalledWith('server');
  });
});

describe('JournalBanner and SaveStatusLine', () => {
  it('offers to restore or discard a draft the journal holds', () => {
    const onRestore = vi.fn();
    const onDismiss = vi.fn();
    const entry = {
      mailboxId: 'mb-1',
      messageId: 'd7',
      label: 'Til kommunen',
      savedAt: '2026-11-23T11:00:00Z',
      format: 'html' as const,
      excerpt: 'Hej',
      bytes: 3,
    };
    const { container } = mount(
      <JournalBanner entries={[entry]} error={null} onRestore={onRestore} onDismiss={onDismiss} />,
    );
    expect(container.textContent).toMatch(/Vi fandt en kladde, der ikke blev gemt: Til kommunen/);
    click(byRole(container, 'button', 'Gendan'));
    click(byRole(container, 'button', 'Kassér'));
    expect(onRestore).toHaveBeenCalledWith(entry);
    expect(onDismiss).toHaveBeenCalledWith(entry);
  });

  it('says in the banner when unsent words live in memory only', () => {
    const entry = {
      mailboxId: 'mb-1',
      messageId: 'd7',
      savedAt: '2026-11-23T11:00:00Z',
      format: 'html' as const,
      excerpt: 'Hej',
      bytes: 3,
    };
    const memory = /gemmes kun, indtil programmet lukkes/;
    const banner = mount(<JournalBanner entries={[entry]} error={null} onRestore={vi.fn()} onDismiss={vi.fn()} />);
    expect(banner.container.textContent).not.toMatch(memory);
    banner.rerender(<JournalBanner entries={[entry]} error={null} inMemory onRestore={vi.fn()} onDismiss={vi.fn()} />);
    expect(banner.container.textContent).toMatch(memory);
  });

  it('after logout tells the person their unsent words are kept for them, and where', () => {
    const { container, rerender } = mount(<JournalKeptNotice kept={null} />);
    expect(container.textContent).toBe('');
    rerender(<JournalKeptNotice kept={{ count: 2, storage: 'disk' }} />);
    expect(byRole(container, 'status', 'Ikke-sendte ord').textContent).toMatch(
      /^2 kladder .* gemt krypteret på denne computer\. Kun du får dem tilbudt, næste gang du logger ind\.$/,
    );
    rerender(<JournalKeptNotice kept={{ count: 1, storage: 'memory' }} />);
    expect(container.textContent).toMatch(/^Én kladde .* gemt, indtil programmet lukkes/);
  });

  it('announces the save state politely and offers a retry after a failure', () => {
    const onRetry = vi.fn();
    const { container, rerender } = mount(
      <SaveStatusLine state="saving" savedAt={null} error={null} onRetry={onRetry} />,
    );
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe('Gemmer…');
    rerender(<SaveStatusLine state="saved" savedAt="2026-11-23T12:03:00" error={null} onRetry={onRetry} />);
    expect(live.textContent).toBe('Gemt 12:03');
    rerender(
      <SaveStatusLine
        state="error"
        savedAt="2026-11-23T12:03:00"
        error="Der er ingen forbindelse til Digital Post. Prøv igen."
        onRetry={onRetry}
      />,
    );
    expect(live.textContent).toBe('Ikke gemt — prøver igen');
    click(byRole(container, 'button', 'Prøv igen'));
    expect(onRetry).toHaveBeenCalled();
  });
});

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
      saveError: 'Der er ingen forbindelse til Digital Post. Prøv igen.',
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
});

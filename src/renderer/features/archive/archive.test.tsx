// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ArchiveStatus } from '../../../shared/ipc/channels/archive';
import type { AppEvent } from '../../../shared/ipc/events';
import { initI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { installFakeApi, MAILBOX, message } from '../../test/fake-api';
import { byRole, click, render } from '../../test/render';
import { ArchiveBar } from './ArchiveBar';
import { ArchiveLetterText } from './ArchiveLetterText';
import { ArchiveSettings } from './ArchiveSettings';
import { markTerms, nearFirstMatch } from './Highlight';
import { queryList } from './store/list-search';
import { useArchiveStore } from './store/archive-store';

initI18n();

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

const KEPT: ArchiveStatus = {
  available: true,
  mailboxes: [
    {
      mailboxId: MAILBOX.id,
      withDocuments: true,
      messages: 20_000,
      documents: 1234,
      documentsPending: 0,
      complete: true,
      lastSyncAt: '2026-12-01T10:00:00Z',
    },
  ],
};

const setup = (status: ArchiveStatus) => {
  const api = installFakeApi();
  let listener: ((e: AppEvent) => void) | undefined;
  api.events.subscribe = vi.fn((l: (e: AppEvent) => void) => {
    listener = l;
    return () => undefined;
  }) as typeof api.events.subscribe;
  const archive = {
    status: vi.fn(async () => status),
    configure: vi.fn(async () => KEPT),
    delete: vi.fn(async () => ({ available: true, mailboxes: [] })),
    sync: vi.fn(async () => ({ started: true })),
    cancelSync: vi.fn(async () => ({ cancelled: true })),
    search: vi.fn(),
    text: vi.fn(async () => ({
      files: [{ documentId: 'd-1', fileId: 'f-1', text: `${'Indledning. '.repeat(40)}Se beløbsgrænser for fradrag.` }],
    })),
    export: vi.fn(),
    cancelExport: vi.fn(),
  };
  (api as unknown as { archive: typeof archive }).archive = archive;
  useAppStore.setState({ mailboxes: [MAILBOX], selectedMailboxId: MAILBOX.id });
  return { api, archive, emit: (e: AppEvent) => act(() => listener?.(e)) };
};

afterEach(() => useArchiveStore.getState().reset());

describe('markTerms', () => {
  it('marks prefix words and whole phrase words, with æ, ø and å as letters of their own', () => {
    const terms = [
      { words: ['skat'], prefix: true },
      { words: ['årsopgørelse'], prefix: false },
    ];
    const parts = markTerms('Skattestyrelsen sender din årsopgørelse; arsopgorelse og årsopgørelser nej.', terms);
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['Skattestyrelsen', 'årsopgørelse']);
    expect(parts.map((p) => p.text).join('')).toBe(
      'Skattestyrelsen sender din årsopgørelse; arsopgorelse og årsopgørelser nej.',
    );
  });
});

describe('nearFirstMatch', () => {
  it('cuts the text before the first found word to its last few words, so the mark fits in a row', () => {
    const parts = nearFirstMatch([
      { text: 'Denne vejledning gennemgår de almindelige fradrag. Hvert afsnit forklarer ', match: false },
      { text: 'beløbsgrænser', match: true },
      { text: '.', match: false },
    ]);
    expect(parts[0]!.text).toBe('…Hvert afsnit forklarer ');
    expect(parts.slice(1)).toEqual([
      { text: 'beløbsgrænser', match: true },
      { text: '.', match: false },
    ]);
  });
});

describe('ArchiveBar', () => {
  it('shows the sync as a progress bar named Arkivering, in Danish numbers, and stops it', async () => {
    const { archive, emit } = setup(KEPT);
    const { container, unmount } = render(<ArchiveBar />);
    await flush();
    emit({
      type: 'archive.progress',
      kind: 'sync',
      phase: 'metadata',
      state: 'running',
      mailboxId: MAILBOX.id,
      done: 1234,
      total: 20000,
    });
    const bar = byRole(container, 'progressbar', 'Arkivering');
    expect(bar.getAttribute('aria-valuetext')).toBe('Henter 1.234 af 20.000');
    expect(container.textContent).toContain('Henter 1.234 af 20.000');
    await click(byRole(container, 'button', 'Stop arkivering'));
    expect(archive.cancelSync).toHaveBeenCalled();
    emit({ type: 'archive.progress', kind: 'sync', phase: 'metadata', state: 'cancelled', done: 1234, total: 20000 });
    expect(container.querySelector('[role=progressbar]')).toBeNull();
    expect(container.textContent).toContain('Arkiveringen er stoppet');
    expect(byRole(container, 'button', 'Eksportér…')).toBeDefined();
    unmount();
  });
});

describe('the Offline banner', () => {
  it('says the post comes from the archive, read only, while Digital Post cannot be reached', async () => {
    const { emit } = setup({ available: true, mailboxes: [] });
    const { container, unmount } = render(<ArchiveBar />);
    await flush();
    expect(container.textContent).not.toContain('Offline');
    emit({ type: 'archive.offline', offline: true });
    expect(byRole(container, 'status', 'Offline').textContent).toContain('fra det lokale arkiv og kan kun læse');
    emit({ type: 'archive.offline', offline: false });
    expect(container.textContent).not.toContain('Offline');
    unmount();
  });
});

describe('ArchiveSettings', () => {
  it('keeps a mailbox when its box is ticked, with documents unless told otherwise', async () => {
    const { archive } = setup({ available: true, mailboxes: [] });
    const { container, unmount } = render(<ArchiveSettings />);
    await flush();
    const box = byRole(container, 'checkbox', 'Gem min post krypteret på denne computer') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await click(box);
    await flush();
    expect(archive.configure).toHaveBeenCalledWith({ mailboxId: MAILBOX.id, enabled: true, withDocuments: true });
    expect(container.textContent).toContain('20.000 breve, 1.234 dokumenter gemt');
    unmount();
  });

  it('says why the archive cannot be used, and offers no box to tick', async () => {
    setup({ available: false, reason: 'no-secure-store', mailboxes: [] });
    const { container, unmount } = render(<ArchiveSettings />);
    await flush();
    expect(container.textContent).toContain('ikke har et sikkert sted til nøglen');
    expect(
      (byRole(container, 'checkbox', 'Gem min post krypteret på denne computer') as HTMLInputElement).disabled,
    ).toBe(true);
    unmount();
  });

  it('deletes the archive only after the confirmation', async () => {
    const { archive } = setup(KEPT);
    const { container, unmount } = render(<ArchiveSettings />);
    await flush();
    await click(byRole(container, 'button', 'Slet lokalt arkiv'));
    expect(archive.delete).not.toHaveBeenCalled();
    await click(byRole(container, 'button', 'Ja, slet arkivet'));
    await flush();
    expect(archive.delete).toHaveBeenCalledTimes(1);
    expect(container.textContent).toContain('Det lokale arkiv er slettet.');
    unmount();
  });
});

describe('queryList', () => {
  it('searches the archive when it covers the mailbox, and Digital Post when it does not', async () => {
    const { api, archive } = setup(KEPT);
    const found = message('m-1', { label: 'Vejledning' });
    archive.search.mockResolvedValueOnce({
      covered: true,
      messages: [found],
      snippets: [{ messageId: 'm-1', parts: [{ text: 'beløbsgrænser', match: true }] }],
      total: 1,
      terms: [{ words: ['beløbsgrænser'], prefix: true }],
    });
    const page = await queryList({ mailboxId: MAILBOX.id, search: 'beløbsgrænser' });
    expect(page.messages).toEqual([found]);
    expect(useArchiveStore.getState().searchSource).toBe('archive');
    expect(useArchiveStore.getState().snippets['m-1']).toEqual([{ text: 'beløbsgrænser', match: true }]);
    expect(api.messages.query).not.toHaveBeenCalled();

    archive.search.mockResolvedValueOnce({ covered: false, messages: [], snippets: [], total: 0, terms: [] });
    await queryList({ mailboxId: MAILBOX.id, search: 'skat' });
    expect(api.messages.query).toHaveBeenCalledWith({ mailboxId: MAILBOX.id, search: 'skat' });
    expect(useArchiveStore.getState().searchSource).toBe('server');
  });
});

describe('ArchiveLetterText', () => {
  it('marks the searched words in the text the archive holds of the letter, only after an archive search', async () => {
    const { archive } = setup(KEPT);
    const { container, unmount } = render(<ArchiveLetterText messageId="m-1" />);
    await flush();
    expect(archive.text).not.toHaveBeenCalled();
    act(() => useArchiveStore.getState().setSearchResult('archive', {}, [{ words: ['beløbsgrænse'], prefix: true }]));
    await flush();
    expect(archive.text).toHaveBeenCalledWith({ messageId: 'm-1' });
    expect([...container.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['beløbsgrænser']);
    expect(container.textContent).toContain('Fundet i brevets tekst');
    unmount();
  });
});

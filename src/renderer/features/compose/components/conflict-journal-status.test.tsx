// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { byRole, click } from '../../../test/render';
import { composeComponentEnv } from '../test/component-env';
import { ConflictView } from './ConflictView';
import { JournalBanner } from './JournalBanner';
import { JournalKeptNotice } from './JournalKeptNotice';
import { SaveStatusLine } from './SaveStatusLine';

const { mount } = composeComponentEnv();

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

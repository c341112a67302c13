// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS } from './autosave-loop';
import { draftView } from '../test/fake-compose';
import { composeStoreEnv } from '../test/store-env';

const { env, open } = composeStoreEnv();

describe('compose slice: reply and journal', () => {
  it('quotes the original below the reply as a whitelist blockquote and saves it', async () => {
    env.compose.compose.reply.mockResolvedValueOnce({
      draft: draftView({ isReply: true, label: 'Re: Skat' }),
      original: {
        label: 'Skat',
        senderLabel: 'Skattestyrelsen',
        messageDateTime: '2026-11-20T10:00:00Z',
        html: '<h1>Skat</h1><p>Din <script>x</script>opgørelse</p>',
      },
    });
    expect(await env.store.getState().startReply('m1')).toBe(true);
    const c = env.store.getState().compose!;
    expect(c.isReply).toBe(true);
    expect(c.html).toMatch(/<blockquote><p><strong>Skat<\/strong><\/p><p>Din opgørelse<\/p><\/blockquote>/);
    expect(c.html).toMatch(/skrev Skattestyrelsen:/);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(env.compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: c.html } }),
    );
  });

  it('restores a journalled draft into the composer', async () => {
    await env.store.getState().loadJournal();
    const entry = env.store.getState().journalEntries[0]!;
    expect(await env.store.getState().restoreJournal(entry)).toBe(true);
    expect(env.compose.journal.restore).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd7' });
    expect(env.store.getState().journalEntries).toEqual([]);
    expect(env.store.getState().compose?.messageId).toBe('d7');
    expect(env.store.getState().compose?.html).toBe('<p>gendannet</p>');
  });
});

describe('compose slice: journal entry already delivered', () => {
  it('opens the draft instead when main says the words have reached Digital Post meanwhile', async () => {
    const { AppErrorException } = await import('../../../../shared/ipc/app-error');
    await env.store.getState().loadJournal();
    env.compose.journal.restore.mockRejectedValueOnce(
      new AppErrorException({
        code: 'app.compose.journal-entry-missing',
        message: 'Der er ingen gemt kladde at gendanne.',
      }),
    );
    expect(await env.store.getState().restoreJournal(env.store.getState().journalEntries[0]!)).toBe(true);
    expect(env.compose.compose.open).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd7' });
    expect(env.store.getState().journalEntries).toEqual([]);
    expect(env.store.getState().journalError).toBeNull();
    expect(env.store.getState().compose?.messageId).toBe('d7');
  });
});

describe('compose slice: logout', () => {
  it('forgets the open composer and stops its timers', async () => {
    await open();
    env.store.getState().setComposeHtml('<p>privat</p>');
    env.store.getState().resetCompose();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(env.store.getState().compose).toBeNull();
    expect(env.compose.compose.save).not.toHaveBeenCalled();
  });
});

describe('compose slice: logout and the journal', () => {
  it('hands main the words typed so far before logging out, and notes what stays unsent for the next login', async () => {
    await open();
    env.store.getState().setComposeHtml('<p>Halvfærdig</p>');
    await env.store.getState().logout();
    const saved = env.compose.compose.save.mock.invocationCallOrder[0]!;
    expect(saved).toBeLessThan(env.api.auth.logout.mock.invocationCallOrder[0]!);
    expect(env.compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Halvfærdig</p>' } }),
    );
    expect(env.store.getState().journalKeptAtLogout).toEqual({ count: 1, storage: 'disk' });
    // The next login's list replaces the note.
    env.compose.journal.list.mockResolvedValueOnce({ entries: [], storage: 'memory' });
    await env.store.getState().loadJournal();
    expect(env.store.getState().journalKeptAtLogout).toBeNull();
    expect(env.store.getState().journalStorage).toBe('memory');
  });

  it('notes nothing when every word reached Digital Post', async () => {
    env.compose.journal.list.mockResolvedValueOnce({ entries: [], storage: 'disk' });
    await env.store.getState().logout();
    expect(env.store.getState().journalKeptAtLogout).toBeNull();
    expect(env.api.auth.logout).toHaveBeenCalled();
  });
});

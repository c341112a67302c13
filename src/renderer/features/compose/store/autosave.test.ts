// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { AUTOSAVE_DELAY_MS } from './autosave-loop';
import { networkError } from '../../../test/fake-api';
import { draftView } from '../test/fake-compose';
import { composeStoreEnv } from '../test/store-env';
import type { SaveResult } from '../../../../shared/ipc/channels/compose';

type SaveConflictServer = Extract<SaveResult, { status: 'conflict' }>['server'];

const { env, danish, open } = composeStoreEnv();

/** Opens a new message, types "mine", and lets its save meet a 409 carrying `server`. */
const conflictOnSave = async (server: SaveConflictServer) => {
  await open();
  env.compose.compose.save.mockResolvedValueOnce({
    status: 'conflict',
    local: { format: 'html', html: '<p>mine</p>' },
    server,
  });
  env.store.getState().setComposeHtml('<p>mine</p>');
  await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
};

describe('compose slice: autosave', () => {
  it('creates the draft with the user as sender and saves once, a second after typing stops', async () => {
    await open();
    expect(env.compose.compose.create).toHaveBeenCalledWith({ mailboxId: 'mb-1', senderLabel: 'Lone Defaultssen' });
    env.store.getState().setComposeHtml('<p>H</p>');
    await vi.advanceTimersByTimeAsync(500);
    env.store.getState().setComposeHtml('<p>Hej</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(env.compose.compose.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(env.compose.compose.save).toHaveBeenCalledTimes(1);
    expect(env.compose.compose.save).toHaveBeenCalledWith({
      mailboxId: 'mb-1',
      messageId: 'd1',
      content: { format: 'html', html: '<p>Hej</p>' },
      journalLabel: '',
    });
    expect(env.store.getState().compose?.saveState).toBe('saved');
    expect(env.store.getState().compose?.savedAt).toBe('2026-11-23T12:03:00Z');
  });

  it('saves words typed during a save right after it, never two at once', async () => {
    await open();
    let release!: () => void;
    env.compose.compose.save.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) => (release = () => resolve({ status: 'saved', fileVersion: 2, savedAt: '2026-11-23T12:03:00Z' })),
        ),
    );
    env.store.getState().setComposeHtml('<p>one</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    env.store.getState().setComposeHtml('<p>one two</p>');
    const flushed = env.store.getState().flushCompose();
    await vi.advanceTimersByTimeAsync(0);
    expect(env.compose.compose.save).toHaveBeenCalledTimes(1);
    release();
    expect(await flushed).toBe(true);
    expect(env.compose.compose.save).toHaveBeenCalledTimes(2);
    expect(env.compose.compose.save.mock.calls[1]![0]).toMatchObject({
      content: { format: 'html', html: '<p>one two</p>' },
    });
  });

  it('keeps the words after a failed save, says so, and retries on its own', async () => {
    await open();
    env.compose.compose.save.mockRejectedValueOnce(networkError());
    env.store.getState().setComposeHtml('<p>Vigtige ord</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    let c = env.store.getState().compose!;
    expect(c.saveState).toBe('error');
    expect(danish(c.saveError)).toMatch(/ingen forbindelse/);
    expect(c.html).toBe('<p>Vigtige ord</p>');
    await vi.advanceTimersByTimeAsync(3000);
    c = env.store.getState().compose!;
    expect(env.compose.compose.save).toHaveBeenCalledTimes(2);
    expect(c.saveState).toBe('saved');
    expect(c.html).toBe('<p>Vigtige ord</p>');
  });

  it('does not close the composer when the words could not be saved', async () => {
    await open();
    env.compose.compose.save.mockRejectedValue(networkError());
    env.store.getState().setComposeHtml('<p>Ikke tabt</p>');
    expect(await env.store.getState().closeCompose()).toBe(false);
    expect(env.store.getState().compose?.html).toBe('<p>Ikke tabt</p>');
  });
});

describe('compose slice: plain text', () => {
  it('saves the text itself as text, switches back to html as paragraphs, and sends a text draft', async () => {
    await open();
    env.store.getState().setComposeHtml('<p>Hej <b>med</b> dig</p>');
    env.store.getState().setComposeFormat('text');
    let c = env.store.getState().compose!;
    expect(c).toMatchObject({ format: 'text', text: 'Hej med dig', saveState: 'dirty' });
    env.store.getState().setComposeText('Linje 1\nLinje <2>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(env.compose.compose.save).toHaveBeenCalledTimes(1);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'Linje 1\nLinje <2>' } }),
    );
    expect(env.store.getState().compose?.saveState).toBe('saved');

    const key = env.store.getState().compose!.contentKey;
    env.store.getState().setComposeFormat('html');
    c = env.store.getState().compose!;
    expect(c).toMatchObject({
      format: 'html',
      html: '<p>Linje 1<br>Linje &lt;2&gt;</p>',
      initialHtml: '<p>Linje 1<br>Linje &lt;2&gt;</p>',
      contentKey: key + 1,
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Linje 1<br>Linje &lt;2&gt;</p>' } }),
    );

    env.store.getState().setComposeFormat('text');
    env.store.getState().setComposeFields({ label: 'Tekstbrev' });
    env.store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    expect(await env.store.getState().sendCompose()).toBe(true);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'Linje 1\nLinje <2>' } }),
    );
    expect(env.compose.compose.send).toHaveBeenCalled();
  });

  it('a text draft reopens in text mode with its text; unsaved journal text is offered as text', async () => {
    env.compose.compose.open.mockResolvedValueOnce(
      draftView({ messageId: 'd5', format: 'text', html: '', text: 'Gemt tekst' }),
    );
    expect(await env.store.getState().openDraft('d5')).toBe(true);
    expect(env.store.getState().compose).toMatchObject({ format: 'text', text: 'Gemt tekst', saveState: 'idle' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(env.compose.compose.save).not.toHaveBeenCalled();

    env.compose.compose.open.mockResolvedValueOnce(
      draftView({
        messageId: 'd6',
        unsaved: { format: 'text', text: 'Fra journalen', savedAt: '2026-11-23T11:00:00Z' },
      }),
    );
    expect(await env.store.getState().openDraft('d6')).toBe(true);
    expect(env.store.getState().compose).toMatchObject({
      format: 'text',
      text: 'Fra journalen',
      restoredUnsaved: true,
      saveState: 'dirty',
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ messageId: 'd6', content: { format: 'text', text: 'Fra journalen' } }),
    );
  });

  it('keeping the server’s text version after a conflict returns to text mode', async () => {
    await conflictOnSave({ format: 'text', text: 'deres', fileVersion: 4 });
    expect(env.store.getState().compose?.conflict?.server).toMatchObject({
      format: 'text',
      text: 'deres',
      html: '<p>deres</p>',
    });
    await env.store.getState().resolveConflict('server');
    expect(env.store.getState().compose).toMatchObject({ format: 'text', text: 'deres' });
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'deres' }, baseFileVersion: 4 }),
    );
  });
});

describe('compose slice: journal label', () => {
  it('a save carries the subject just typed, even while its update has not gone out', async () => {
    await open();
    env.store.getState().setComposeFields({ label: 'Nyt emne' });
    env.store.getState().setComposeHtml('<p>Hej</p>');
    env.compose.compose.save.mockRejectedValueOnce(networkError());
    await env.store.getState().flushCompose();
    expect(env.compose.compose.save.mock.calls[0]![0]).toMatchObject({ journalLabel: 'Nyt emne' });
  });
});

describe('compose slice: conflicts', () => {
  it('shows both versions on a 409 and writes nothing until the user chooses', async () => {
    await conflictOnSave({ format: 'html', html: '<p>theirs</p>', fileVersion: 7 });
    const c = env.store.getState().compose!;
    expect(c.saveState).toBe('conflict');
    expect(c.conflict).toEqual({ local: '<p>mine</p>', server: { html: '<p>theirs</p>', fileVersion: 7 } });
    expect(c.html).toBe('<p>mine</p>');

    env.store.getState().setComposeHtml('<p>mine, more</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5);
    expect(env.compose.compose.save).toHaveBeenCalledTimes(1);

    expect(await env.store.getState().resolveConflict('local')).toBe(true);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith({
      mailboxId: 'mb-1',
      messageId: 'd1',
      content: { format: 'html', html: '<p>mine, more</p>' },
      journalLabel: '',
      baseFileVersion: 7,
    });
    expect(env.store.getState().compose?.conflict).toBeNull();
  });

  it('loads the server version into the editor when the user keeps it', async () => {
    await conflictOnSave({ format: 'html', html: '<p>theirs</p>', fileVersion: 4 });
    const key = env.store.getState().compose!.contentKey;
    await env.store.getState().resolveConflict('server');
    const c = env.store.getState().compose!;
    expect(c.html).toBe('<p>theirs</p>');
    expect(c.initialHtml).toBe('<p>theirs</p>');
    expect(c.contentKey).toBe(key + 1);
    expect(env.compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>theirs</p>' }, baseFileVersion: 4 }),
    );
  });
});

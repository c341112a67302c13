// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore } from './index';
import { AUTOSAVE_DELAY_MS } from './compose';
import { initI18n } from '../i18n';
import { installFakeApi, message, networkError } from '../test/fake-api';
import { installFakeCompose, draftView } from '../features/compose/test/fake-compose';

initI18n();

let api: ReturnType<typeof installFakeApi>;
let compose: ReturnType<typeof installFakeCompose>;
let store: ReturnType<typeof createAppStore>;

beforeEach(async () => {
  vi.useFakeTimers();
  api = installFakeApi();
  compose = installFakeCompose(api);
  store = createAppStore();
  await store.getState().loadMailboxes();
  await store.getState().refreshStatus();
});

afterEach(() => {
  vi.useRealTimers();
});

const open = async () => {
  expect(await store.getState().startNewMessage()).toBe(true);
  return store.getState().compose!;
};

describe('compose slice: autosave', () => {
  it('creates the draft with the user as sender and saves once, a second after typing stops', async () => {
    await open();
    expect(compose.compose.create).toHaveBeenCalledWith({ mailboxId: 'mb-1', senderLabel: 'Lone Defaultssen' });
    store.getState().setComposeHtml('<p>H</p>');
    await vi.advanceTimersByTimeAsync(500);
    store.getState().setComposeHtml('<p>Hej</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(compose.compose.save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(compose.compose.save).toHaveBeenCalledTimes(1);
    expect(compose.compose.save).toHaveBeenCalledWith({
      mailboxId: 'mb-1',
      messageId: 'd1',
      content: { format: 'html', html: '<p>Hej</p>' },
      journalLabel: '',
    });
    expect(store.getState().compose?.saveState).toBe('saved');
    expect(store.getState().compose?.savedAt).toBe('2026-11-23T12:03:00Z');
  });

  it('saves words typed during a save right after it, never two at once', async () => {
    await open();
    let release!: () => void;
    compose.compose.save.mockImplementationOnce(
      () =>
        new Promise(
          (resolve) => (release = () => resolve({ status: 'saved', fileVersion: 2, savedAt: '2026-11-23T12:03:00Z' })),
        ),
    );
    store.getState().setComposeHtml('<p>one</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    store.getState().setComposeHtml('<p>one two</p>');
    const flushed = store.getState().flushCompose();
    await vi.advanceTimersByTimeAsync(0);
    expect(compose.compose.save).toHaveBeenCalledTimes(1);
    release();
    expect(await flushed).toBe(true);
    expect(compose.compose.save).toHaveBeenCalledTimes(2);
    expect(compose.compose.save.mock.calls[1]![0]).toMatchObject({
      content: { format: 'html', html: '<p>one two</p>' },
    });
  });

  it('keeps the words after a failed save, says so, and retries on its own', async () => {
    await open();
    compose.compose.save.mockRejectedValueOnce(networkError());
    store.getState().setComposeHtml('<p>Vigtige ord</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    let c = store.getState().compose!;
    expect(c.saveState).toBe('error');
    expect(c.saveError).toMatch(/ingen forbindelse/);
    expect(c.html).toBe('<p>Vigtige ord</p>');
    await vi.advanceTimersByTimeAsync(3000);
    c = store.getState().compose!;
    expect(compose.compose.save).toHaveBeenCalledTimes(2);
    expect(c.saveState).toBe('saved');
    expect(c.html).toBe('<p>Vigtige ord</p>');
  });

  it('does not close the composer when the words could not be saved', async () => {
    await open();
    compose.compose.save.mockRejectedValue(networkError());
    store.getState().setComposeHtml('<p>Ikke tabt</p>');
    expect(await store.getState().closeCompose()).toBe(false);
    expect(store.getState().compose?.html).toBe('<p>Ikke tabt</p>');
  });
});

describe('compose slice: plain text', () => {
  it('saves the text itself as text, switches back to html as paragraphs, and sends a text draft', async () => {
    await open();
    store.getState().setComposeHtml('<p>Hej <b>med</b> dig</p>');
    store.getState().setComposeFormat('text');
    let c = store.getState().compose!;
    expect(c).toMatchObject({ format: 'text', text: 'Hej med dig', saveState: 'dirty' });
    store.getState().setComposeText('Linje 1\nLinje <2>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose.compose.save).toHaveBeenCalledTimes(1);
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'Linje 1\nLinje <2>' } }),
    );
    expect(store.getState().compose?.saveState).toBe('saved');

    const key = store.getState().compose!.contentKey;
    store.getState().setComposeFormat('html');
    c = store.getState().compose!;
    expect(c).toMatchObject({
      format: 'html',
      html: '<p>Linje 1<br>Linje &lt;2&gt;</p>',
      initialHtml: '<p>Linje 1<br>Linje &lt;2&gt;</p>',
      contentKey: key + 1,
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Linje 1<br>Linje &lt;2&gt;</p>' } }),
    );

    store.getState().setComposeFormat('text');
    store.getState().setComposeFields({ label: 'Tekstbrev' });
    store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    expect(await store.getState().sendCompose()).toBe(true);
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'Linje 1\nLinje <2>' } }),
    );
    expect(compose.compose.send).toHaveBeenCalled();
  });

  it('a text draft reopens in text mode with its text; unsaved journal text is offered as text', async () => {
    compose.compose.open.mockResolvedValueOnce(
      draftView({ messageId: 'd5', format: 'text', html: '', text: 'Gemt tekst' }),
    );
    expect(await store.getState().openDraft('d5')).toBe(true);
    expect(store.getState().compose).toMatchObject({ format: 'text', text: 'Gemt tekst', saveState: 'idle' });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(compose.compose.save).not.toHaveBeenCalled();

    compose.compose.open.mockResolvedValueOnce(
      draftView({
        messageId: 'd6',
        unsaved: { format: 'text', text: 'Fra journalen', savedAt: '2026-11-23T11:00:00Z' },
      }),
    );
    expect(await store.getState().openDraft('d6')).toBe(true);
    expect(store.getState().compose).toMatchObject({
      format: 'text',
      text: 'Fra journalen',
      restoredUnsaved: true,
      saveState: 'dirty',
    });
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ messageId: 'd6', content: { format: 'text', text: 'Fra journalen' } }),
    );
  });

  it('keeping the server’s text version after a conflict returns to text mode', async () => {
    await open();
    compose.compose.save.mockResolvedValueOnce({
      status: 'conflict',
      local: { format: 'html', html: '<p>mine</p>' },
      server: { format: 'text', text: 'deres', fileVersion: 4 },
    });
    store.getState().setComposeHtml('<p>mine</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(store.getState().compose?.conflict?.server).toMatchObject({
      format: 'text',
      text: 'deres',
      html: '<p>deres</p>',
    });
    await store.getState().resolveConflict('server');
    expect(store.getState().compose).toMatchObject({ format: 'text', text: 'deres' });
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'text', text: 'deres' }, baseFileVersion: 4 }),
    );
  });
});

describe('compose slice: journal label', () => {
  it('a save carries the subject just typed, even while its update has not gone out', async () => {
    await open();
    store.getState().setComposeFields({ label: 'Nyt emne' });
    store.getState().setComposeHtml('<p>Hej</p>');
    compose.compose.save.mockRejectedValueOnce(networkError());
    await store.getState().flushCompose();
    expect(compose.compose.save.mock.calls[0]![0]).toMatchObject({ journalLabel: 'Nyt emne' });
  });
});

describe('compose slice: conflicts', () => {
  it('shows both versions on a 409 and writes nothing until the user chooses', async () => {
    await open();
    compose.compose.save.mockResolvedValueOnce({
      status: 'conflict',
      local: { format: 'html', html: '<p>mine</p>' },
      server: { format: 'html', html: '<p>theirs</p>', fileVersion: 7 },
    });
    store.getState().setComposeHtml('<p>mine</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    const c = store.getState().compose!;
    expect(c.saveState).toBe('conflict');
    expect(c.conflict).toEqual({ local: '<p>mine</p>', server: { html: '<p>theirs</p>', fileVersion: 7 } });
    expect(c.html).toBe('<p>mine</p>');

    store.getState().setComposeHtml('<p>mine, more</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 5);
    expect(compose.compose.save).toHaveBeenCalledTimes(1);

    expect(await store.getState().resolveConflict('local')).toBe(true);
    expect(compose.compose.save).toHaveBeenLastCalledWith({
      mailboxId: 'mb-1',
      messageId: 'd1',
      content: { format: 'html', html: '<p>mine, more</p>' },
      journalLabel: '',
      baseFileVersion: 7,
    });
    expect(store.getState().compose?.conflict).toBeNull();
  });

  it('loads the server version into the editor when the user keeps it', async () => {
    await open();
    compose.compose.save.mockResolvedValueOnce({
      status: 'conflict',
      local: { format: 'html', html: '<p>mine</p>' },
      server: { format: 'html', html: '<p>theirs</p>', fileVersion: 4 },
    });
    store.getState().setComposeHtml('<p>mine</p>');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    const key = store.getState().compose!.contentKey;
    await store.getState().resolveConflict('server');
    const c = store.getState().compose!;
    expect(c.html).toBe('<p>theirs</p>');
    expect(c.initialHtml).toBe('<p>theirs</p>');
    expect(c.contentKey).toBe(key + 1);
    expect(compose.compose.save).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>theirs</p>' }, baseFileVersion: 4 }),
    );
  });
});

describe('compose slice: checks before requests', () => {
  it('refuses to send without a subject, in Digital Post words, without asking main', async () => {
    await open();
    store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    store.getState().setComposeHtml('<p>Hej</p>');
    expect(await store.getState().sendCompose()).toBe(false);
    const c = store.getState().compose!;
    expect(c.fieldErrors.map((e) => e.code)).toEqual(['message.send.label.required']);
    expect(c.sendError).toBe('Feltet label skal udfyldes ved afsendelse.');
    expect(compose.compose.send).not.toHaveBeenCalled();
    expect(c.html).toBe('<p>Hej</p>');
  });

  it('saves then sends, closes and confirms; the words stay when send fails', async () => {
    await open();
    store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    store.getState().setComposeFields({ label: 'Spørgsmål' });
    store.getState().setComposeHtml('<p>Hej</p>');
    compose.compose.send.mockRejectedValueOnce(networkError());
    expect(await store.getState().sendCompose()).toBe(false);
    expect(store.getState().compose?.html).toBe('<p>Hej</p>');
    expect(store.getState().compose?.sendError).toMatch(/ingen forbindelse/);
    expect(compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Hej</p>' } }),
    );

    compose.compose.send.mockResolvedValueOnce({
      message: message('d1', { label: 'Spørgsmål', messageState: 'SENT' }),
      reconciled: false,
    });
    expect(await store.getState().sendCompose()).toBe(true);
    expect(store.getState().compose).toBeNull();
    expect(store.getState().composeNotice).toMatch(/Spørgsmål.*er sendt/);
  });

  it('refuses a file over 10 MB before any upload', async () => {
    await open();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    expect(await store.getState().attachFile(big)).toBe(false);
    expect(compose.compose.attach).not.toHaveBeenCalled();
    expect(store.getState().compose?.attachErrors.join(' ')).toMatch(/Filen er for stor/);
  });

  it('refuses a format Digital Post does not allow for attachments', async () => {
    await open();
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' });
    expect(await store.getState().attachFile(exe)).toBe(false);
    expect(store.getState().compose?.attachErrors.join(' ')).toMatch(/ikke tilladt for dokumenter af typen ADDITIONAL/);
  });

  it('uploads a PDF under its scrubbed name and follows progress events', async () => {
    await open();
    let resolveAttach!: (v: unknown) => void;
    compose.compose.attach.mockImplementationOnce(() => new Promise((r) => (resolveAttach = r)));
    const pdf = new File(['%PDF-1.4'], 'svar?.pdf', { type: 'application/pdf' });
    const done = store.getState().attachFile(pdf);
    await vi.waitFor(() => expect(compose.compose.attach).toHaveBeenCalled());
    const req = compose.compose.attach.mock.calls[0]![0] as { uploadId: string; filename: string };
    expect(req.filename).toBe('svar.pdf');
    store.getState().onComposeEvent({
      type: 'compose.upload',
      uploadId: req.uploadId,
      messageId: 'd1',
      phase: 'content',
      sentBytes: 4,
      totalBytes: 8,
    });
    expect(store.getState().compose?.uploads[0]).toMatchObject({ phase: 'content', sentBytes: 4, totalBytes: 8 });
    resolveAttach({
      document: draftView().attachments[0] ?? { documentId: 'a1', version: 1, documentType: 'ADDITIONAL', files: [] },
      draft: draftView({
        attachments: [
          {
            documentId: 'a1',
            version: 1,
            documentType: 'ADDITIONAL',
            files: [{ fileId: 'f9', version: 1, filename: 'svar.pdf', encodingFormat: 'application/pdf', fileSize: 8 }],
          },
        ],
      }),
    });
    expect(await done).toBe(true);
    expect(store.getState().compose?.uploads).toEqual([]);
    expect(store.getState().compose?.draft.attachments).toHaveLength(1);
  });

  it('refuses an invalid e-mail forward without a request', async () => {
    const errors = await store.getState().forwardMessage('m1', {
      recipientIdType: 'EMAIL',
      recipientId: 'nej@',
      comment: '',
      senderLabel: '',
      recipientLabel: '',
      messageBytes: 0,
    });
    expect(errors?.map((e) => e.code)).toEqual(['message.create.forward.recipientId.email.invalid']);
    expect(compose.compose.forward).not.toHaveBeenCalled();
  });
});

describe('compose slice: reply and journal', () => {
  it('quotes the original below the reply as a whitelist blockquote and saves it', async () => {
    compose.compose.reply.mockResolvedValueOnce({
      draft: draftView({ isReply: true, label: 'Re: Skat' }),
      original: {
        label: 'Skat',
        senderLabel: 'Skattestyrelsen',
        messageDateTime: '2026-11-20T10:00:00Z',
        html: '<h1>Skat</h1><p>Din <script>x</script>opgørelse</p>',
      },
    });
    expect(await store.getState().startReply('m1')).toBe(true);
    const c = store.getState().compose!;
    expect(c.isReply).toBe(true);
    expect(c.html).toMatch(/<blockquote><p><strong>Skat<\/strong><\/p><p>Din opgørelse<\/p><\/blockquote>/);
    expect(c.html).toMatch(/skrev Skattestyrelsen:/);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: c.html } }),
    );
  });

  it('restores a journalled draft into the composer', async () => {
    await store.getState().loadJournal();
    const entry = store.getState().journalEntries[0]!;
    expect(await store.getState().restoreJournal(entry)).toBe(true);
    expect(compose.journal.restore).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd7' });
    expect(store.getState().journalEntries).toEqual([]);
    expect(store.getState().compose?.messageId).toBe('d7');
    expect(store.getState().compose?.html).toBe('<p>gendannet</p>');
  });
});

describe('compose slice: journal entry already delivered', () => {
  it('opens the draft instead when main says the words have reached Digital Post meanwhile', async () => {
    const { AppErrorException } = await import('../../shared/ipc/app-error');
    await store.getState().loadJournal();
    compose.journal.restore.mockRejectedValueOnce(
      new AppErrorException({
        code: 'app.compose.journal-entry-missing',
        message: 'Der er ingen gemt kladde at gendanne.',
      }),
    );
    expect(await store.getState().restoreJournal(store.getState().journalEntries[0]!)).toBe(true);
    expect(compose.compose.open).toHaveBeenCalledWith({ mailboxId: 'mb-1', messageId: 'd7' });
    expect(store.getState().journalEntries).toEqual([]);
    expect(store.getState().journalError).toBeNull();
    expect(store.getState().compose?.messageId).toBe('d7');
  });
});

describe('compose slice: attachment limits and cancel', () => {
  it('refuses an eleventh additional document with Digital Post’s code before any upload', async () => {
    await open();
    const attachments = Array.from({ length: 10 }, (_, i) => ({
      documentId: `a${i}`,
      version: 1,
      documentType: 'ADDITIONAL' as const,
      files: [{ fileId: `f${i}`, version: 1, filename: `b${i}.pdf`, encodingFormat: 'application/pdf', fileSize: 10 }],
    }));
    store.setState({ compose: { ...store.getState().compose!, draft: draftView({ attachments, totalBytes: 100 }) } });
    expect(await store.getState().attachFile(new File(['%PDF'], 'elleve.pdf', { type: 'application/pdf' }))).toBe(
      false,
    );
    expect(store.getState().compose?.attachErrors.join(' ')).toMatch(
      /Grænsen for antal dokumenter der kan tilføjes beskeden er oversteget: 11/,
    );
    expect(compose.compose.attach).not.toHaveBeenCalled();
  });

  it('cancels a running upload through main and says it was cancelled', async () => {
    await open();
    let rejectAttach!: (e: unknown) => void;
    compose.compose.attach.mockImplementationOnce(() => new Promise((_r, reject) => (rejectAttach = reject)));
    const done = store.getState().attachFile(new File(['%PDF'], 'stor.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(compose.compose.attach).toHaveBeenCalled());
    const { uploadId } = compose.compose.attach.mock.calls[0]![0] as { uploadId: string };
    await store.getState().cancelUpload(uploadId);
    expect(compose.compose.cancelUpload).toHaveBeenCalledWith({ uploadId });
    // Main's late progress must not revive a cancelled upload.
    store.getState().onComposeEvent({
      type: 'compose.upload',
      uploadId,
      messageId: 'd1',
      phase: 'content',
      sentBytes: 2,
      totalBytes: 4,
    });
    expect(store.getState().compose?.uploads[0]?.phase).toBe('cancelled');
    rejectAttach(networkError());
    expect(await done).toBe(false);
    expect(store.getState().compose?.uploads).toEqual([]);
    expect(store.getState().compose?.attachErrors).toEqual(['Upload af stor.pdf er annulleret.']);
  });
});

describe('compose slice: logout', () => {
  it('forgets the open composer and stops its timers', async () => {
    await open();
    store.getState().setComposeHtml('<p>privat</p>');
    store.getState().resetCompose();
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 3);
    expect(store.getState().compose).toBeNull();
    expect(compose.compose.save).not.toHaveBeenCalled();
  });
});

describe('compose slice: logout and the journal', () => {
  it('hands main the words typed so far before logging out, and notes what stays unsent for the next login', async () => {
    await open();
    store.getState().setComposeHtml('<p>Halvfærdig</p>');
    await store.getState().logout();
    const saved = compose.compose.save.mock.invocationCallOrder[0]!;
    expect(saved).toBeLessThan(api.auth.logout.mock.invocationCallOrder[0]!);
    expect(compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Halvfærdig</p>' } }),
    );
    expect(store.getState().journalKeptAtLogout).toEqual({ count: 1, storage: 'disk' });
    // The next login's list replaces the note.
    compose.journal.list.mockResolvedValueOnce({ entries: [], storage: 'memory' });
    await store.getState().loadJournal();
    expect(store.getState().journalKeptAtLogout).toBeNull();
    expect(store.getState().journalStorage).toBe('memory');
  });

  it('notes nothing when every word reached Digital Post', async () => {
    compose.journal.list.mockResolvedValueOnce({ entries: [], storage: 'disk' });
    await store.getState().logout();
    expect(store.getState().journalKeptAtLogout).toBeNull();
    expect(api.auth.logout).toHaveBeenCalled();
  });
});

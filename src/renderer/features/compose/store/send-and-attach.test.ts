// @vitest-environment jsdom
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { message, networkError } from '../../../test/fake-api';
import { draftView } from '../test/fake-compose';
import { composeStoreEnv } from '../test/store-env';

const { env, danish, attachWords, open } = composeStoreEnv();

describe('compose slice: checks before requests', () => {
  it('refuses to send without a subject, in Digital Post words, without asking main', async () => {
    await open();
    env.store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    env.store.getState().setComposeHtml('<p>Hej</p>');
    expect(await env.store.getState().sendCompose()).toBe(false);
    const c = env.store.getState().compose!;
    expect(c.fieldErrors.map((e) => e.code)).toEqual(['message.send.label.required']);
    expect(danish(c.sendError)).toBe('Feltet label skal udfyldes ved afsendelse.');
    expect(env.compose.compose.send).not.toHaveBeenCalled();
    expect(c.html).toBe('<p>Hej</p>');
  });

  it('saves then sends, closes and confirms; the words stay when send fails', async () => {
    await open();
    env.store.getState().setComposeRecipient({ recipientIdType: 'CVR', recipientId: '12345678' }, 'Skattestyrelsen');
    env.store.getState().setComposeFields({ label: 'Spørgsmål' });
    env.store.getState().setComposeHtml('<p>Hej</p>');
    env.compose.compose.send.mockRejectedValueOnce(networkError());
    expect(await env.store.getState().sendCompose()).toBe(false);
    expect(env.store.getState().compose?.html).toBe('<p>Hej</p>');
    expect(danish(env.store.getState().compose?.sendError)).toMatch(/ingen forbindelse/);
    expect(env.compose.compose.save).toHaveBeenCalledWith(
      expect.objectContaining({ content: { format: 'html', html: '<p>Hej</p>' } }),
    );

    env.compose.compose.send.mockResolvedValueOnce({
      message: message('d1', { label: 'Spørgsmål', messageState: 'SENT' }),
      reconciled: false,
    });
    expect(await env.store.getState().sendCompose()).toBe(true);
    expect(env.store.getState().compose).toBeNull();
    const notice = env.store.getState().composeNotice!;
    expect(i18next.t(`compose.${notice.key}`, { label: notice.label })).toMatch(/Spørgsmål.*er sendt/);
  });

  it('refuses a file over 10 MB before any upload', async () => {
    await open();
    const big = new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' });
    expect(await env.store.getState().attachFile(big)).toBe(false);
    expect(env.compose.compose.attach).not.toHaveBeenCalled();
    expect(attachWords().join(' ')).toMatch(/Filen er for stor/);
  });

  it('refuses a format Digital Post does not allow for attachments', async () => {
    await open();
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' });
    expect(await env.store.getState().attachFile(exe)).toBe(false);
    expect(attachWords().join(' ')).toMatch(/ikke tilladt for dokumenter af typen ADDITIONAL/);
  });

  it('uploads a PDF under its scrubbed name and follows progress events', async () => {
    await open();
    let resolveAttach!: (v: unknown) => void;
    env.compose.compose.attach.mockImplementationOnce(() => new Promise((r) => (resolveAttach = r)));
    const pdf = new File(['%PDF-1.4'], 'svar?.pdf', { type: 'application/pdf' });
    const done = env.store.getState().attachFile(pdf);
    await vi.waitFor(() => expect(env.compose.compose.attach).toHaveBeenCalled());
    const req = env.compose.compose.attach.mock.calls[0]![0] as { uploadId: string; filename: string };
    expect(req.filename).toBe('svar.pdf');
    env.store.getState().onComposeEvent({
      type: 'compose.upload',
      uploadId: req.uploadId,
      messageId: 'd1',
      phase: 'content',
      sentBytes: 4,
      totalBytes: 8,
    });
    expect(env.store.getState().compose?.uploads[0]).toMatchObject({ phase: 'content', sentBytes: 4, totalBytes: 8 });
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
    expect(env.store.getState().compose?.uploads).toEqual([]);
    expect(env.store.getState().compose?.draft.attachments).toHaveLength(1);
  });

  it('refuses an invalid e-mail forward without a request', async () => {
    const errors = await env.store.getState().forwardMessage('m1', {
      recipientIdType: 'EMAIL',
      recipientId: 'nej@',
      comment: '',
      senderLabel: '',
      recipientLabel: '',
      messageBytes: 0,
    });
    expect(errors?.map((e) => e.code)).toEqual(['message.create.forward.recipientId.email.invalid']);
    expect(env.compose.compose.forward).not.toHaveBeenCalled();
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
    env.store.setState({
      compose: { ...env.store.getState().compose!, draft: draftView({ attachments, totalBytes: 100 }) },
    });
    expect(await env.store.getState().attachFile(new File(['%PDF'], 'elleve.pdf', { type: 'application/pdf' }))).toBe(
      false,
    );
    expect(attachWords().join(' ')).toMatch(/Grænsen for antal dokumenter der kan tilføjes beskeden er oversteget: 11/);
    expect(env.compose.compose.attach).not.toHaveBeenCalled();
  });

  it('cancels a running upload through main and says it was cancelled', async () => {
    await open();
    let rejectAttach!: (e: unknown) => void;
    env.compose.compose.attach.mockImplementationOnce(() => new Promise((_r, reject) => (rejectAttach = reject)));
    const done = env.store.getState().attachFile(new File(['%PDF'], 'stor.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(env.compose.compose.attach).toHaveBeenCalled());
    const { uploadId } = env.compose.compose.attach.mock.calls[0]![0] as { uploadId: string };
    await env.store.getState().cancelUpload(uploadId);
    expect(env.compose.compose.cancelUpload).toHaveBeenCalledWith({ uploadId });
    // Main's late progress must not revive a cancelled upload.
    env.store.getState().onComposeEvent({
      type: 'compose.upload',
      uploadId,
      messageId: 'd1',
      phase: 'content',
      sentBytes: 2,
      totalBytes: 4,
    });
    expect(env.store.getState().compose?.uploads[0]?.phase).toBe('cancelled');
    rejectAttach(networkError());
    expect(await done).toBe(false);
    expect(env.store.getState().compose?.uploads).toEqual([]);
    expect(attachWords()).toEqual(['Upload af stor.pdf er annulleret.']);
  });
});

// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../../../store';
import { initI18n } from '../../../i18n';
import { byRole, render } from '../../../test/render';
import { installFakeApi } from '../../../test/fake-api';
import { installFakeCompose } from '../test/fake-compose';
import { AttachmentList } from './AttachmentList';

initI18n();

// The bar is bound to the store the way ComposeDialog binds it: main's byte counts must move it during the content step.
describe('upload progress bar', () => {
  it('follows loaded of total from compose.upload events, then the confirmed bytes', async () => {
    const api = installFakeApi();
    const compose = installFakeCompose(api);
    const store = createAppStore();
    await store.getState().loadMailboxes();
    await store.getState().refreshStatus();
    expect(await store.getState().startNewMessage()).toBe(true);
    compose.compose.attach.mockImplementationOnce(() => new Promise(() => undefined));
    void store.getState().attachFile(new File(['%PDF-1.4'], 'stor.pdf', { type: 'application/pdf' }));
    await vi.waitFor(() => expect(compose.compose.attach).toHaveBeenCalled());
    const { uploadId } = compose.compose.attach.mock.calls[0]![0] as { uploadId: string };

    const view = () => (
      <AttachmentList
        attachments={[]}
        uploads={store.getState().compose!.uploads}
        errors={[]}
        onAttach={() => undefined}
        onCancel={() => undefined}
        onRemove={() => undefined}
      />
    );
    const { container, rerender, unmount } = render(view());
    const total = 1_000_000;
    const bar = () => byRole(container, 'progressbar').getAttribute('aria-valuenow');
    const send = (phase: 'content' | 'done', loaded: number, sentBytes = 0) =>
      act(() => {
        store.getState().onComposeEvent({
          type: 'compose.upload',
          uploadId,
          messageId: 'd1',
          phase,
          sentBytes,
          totalBytes: total,
          loaded,
          total,
        });
        rerender(view());
      });

    await send('content', 0);
    expect(bar()).toBe('0');
    await send('content', 250_000);
    expect(bar()).toBe('25');
    await send('content', 655_360);
    expect(bar()).toBe('66');
    await send('done', total, total);
    expect(bar()).toBe('100');
    unmount();
  });
});

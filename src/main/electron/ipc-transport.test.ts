import { describe, expect, it, vi } from 'vitest';

const ipc = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, payload?: unknown) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload?: unknown) => Promise<unknown>) =>
      ipc.handlers.set(channel, fn),
    removeHandler: (channel: string) => ipc.handlers.delete(channel),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

import { channelNames } from '../../shared/ipc/contract';
import { createDispatcher } from '../ipc/dispatch';
import { createEventHub } from '../services/event-hub';
import { isAppUrl } from './app-protocol';
import { forwardEvents, registerIpcTransport } from './ipc-transport';

const mainFrame = { processId: 7, routingId: 1 };
const send = vi.fn();
const win = {
  isDestroyed: () => false,
  webContents: { id: 3, mainFrame, send, getURL: () => 'app://digital-post/index.html' },
};
const windows = () => [win] as never;

const openExternal = vi.fn(async ({ url }: { url: string }) => ({ opened: url.startsWith('https:') }));
const dispatch = createDispatcher(
  {
    'app.info': async (_req, ctx) => ({ version: '1.0.0', mode: ctx.transport, platform: 'linux' }),
    'app.openExternal': openExternal,
  },
  () => undefined,
);

const event = (frame: Record<string, unknown> | null, senderId = 3) => ({
  sender: { id: senderId },
  senderFrame: frame === null ? null : { parent: null, url: 'app://digital-post/index.html', ...mainFrame, ...frame },
});

const call = (channel: string, ev: unknown, payload?: unknown) => ipc.handlers.get(`dp:${channel}`)!(ev, payload);

const remove = registerIpcTransport({ dispatch, windows, isAppUrl: (u) => isAppUrl(u, 'http://localhost:5173') });

describe('IPC transport', () => {
  it('registers one dp:<channel> handler per contract channel', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(channelNames.map((c) => `dp:${c}`).sort());
  });

  it('dispatches a call from the app window main frame, as transport electron', async () => {
    expect(await call('app.info', event({}))).toEqual({
      ok: true,
      value: { version: '1.0.0', mode: 'electron', platform: 'linux' },
    });
    // The dev server counts as the app only because it was passed in as the dev URL.
    expect(await call('app.info', event({ url: 'http://localhost:5173/' }))).toMatchObject({ ok: true });
  });

  it.each([
    ['an iframe', { parent: { url: 'app://digital-post/index.html' } }, 3],
    ['another frame of the window', { routingId: 2 }, 3],
    ['another process', { processId: 8 }, 3],
    ['a foreign origin', { url: 'https://evil.example/' }, 3],
    ['a file: page', { url: 'file:///tmp/x.html' }, 3],
    ['a webContents that is not an app window', {}, 99],
  ])('refuses %s with forbiddenSender', async (_label, frame, senderId) => {
    openExternal.mockClear();
    const res = await call('app.openExternal', event(frame, senderId), { url: 'https://x.dk' });
    expect(res).toMatchObject({ ok: false, error: { code: 'app.ipc.forbidden-sender' } });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('refuses a destroyed sender frame', async () => {
    expect(await call('app.info', event(null))).toMatchObject({
      ok: false,
      error: { code: 'app.ipc.forbidden-sender' },
    });
  });

  it('rejects a malformed payload with the zod field errors, before the handler runs', async () => {
    openExternal.mockClear();
    const res = (await call('app.openExternal', event({}), { url: 42, extra: true })) as {
      ok: boolean;
      error: { code: string; fieldErrors: unknown[] };
    };
    expect(res.ok).toBe(false);
    expect(res.error.code).toBe('app.ipc.invalid-request');
    expect(res.error.fieldErrors.length).toBeGreaterThan(0);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('forwards service events to app windows as dp:event', () => {
    const hub = createEventHub();
    const stop = forwardEvents(hub, windows, (u) => isAppUrl(u));
    hub.emit({ type: 'mail.unread', total: 4 });
    expect(send).toHaveBeenCalledWith('dp:event', { type: 'mail.unread', total: 4 });
    stop();
    hub.emit({ type: 'auth.changed' });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('removes its handlers again', () => {
    remove();
    expect(ipc.handlers.size).toBe(0);
  });
});

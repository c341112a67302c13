import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createPreloadTransport, type IpcRendererLike } from './transport';

const fakeIpc = () => {
  const emitter = new EventEmitter();
  const invoke = vi.fn(async (_channel: string, _payload?: unknown): Promise<unknown> => ({ ok: true, value: 'x' }));
  const ipc: IpcRendererLike & { emit: (ch: string, ...a: unknown[]) => void } = {
    invoke,
    on: (ch, l) => emitter.on(ch, l),
    removeListener: (ch, l) => emitter.removeListener(ch, l),
    emit: (ch, ...a) => emitter.emit(ch, ...a),
  };
  return { ipc, invoke, emitter };
};

describe('preload transport', () => {
  it('invokes dp:<channel> for contract channels only', async () => {
    const { ipc, invoke } = fakeIpc();
    const t = createPreloadTransport(ipc);
    await expect(t.invoke('app.info', undefined)).resolves.toEqual({ ok: true, value: 'x' });
    expect(invoke).toHaveBeenCalledWith('dp:app.info', undefined);
    await expect(t.invoke('../evil', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'app.ipc.unknown-channel' },
    });
    await expect(t.invoke('toString', {})).resolves.toMatchObject({ ok: false });
    expect(invoke).toHaveBeenCalledTimes(1);
  });

  it('hands listeners the event payload only, and unsubscribes', () => {
    const { ipc, emitter } = fakeIpc();
    const t = createPreloadTransport(ipc);
    const seen: unknown[][] = [];
    const off = t.subscribe((...args: unknown[]) => seen.push(args));
    const ipcEvent = { sender: ipc };
    ipc.emit('dp:event', ipcEvent, { type: 'auth.changed' });
    expect(seen).toEqual([[{ type: 'auth.changed' }]]);
    off();
    expect(emitter.listenerCount('dp:event')).toBe(0);
  });

  it('drops events the contract does not name, or that miss a field, and passes the parsed event on', () => {
    const { ipc } = fakeIpc();
    const t = createPreloadTransport(ipc);
    const seen: unknown[] = [];
    t.subscribe((e) => seen.push(e));
    const ipcEvent = { sender: ipc };
    ipc.emit('dp:event', ipcEvent, { type: 'mail.unread', total: 'four' });
    ipc.emit('dp:event', ipcEvent, { type: 'mail.open', mailboxId: 'm1' });
    ipc.emit('dp:event', ipcEvent, { type: 'evil.exec', code: 'x' });
    ipc.emit('dp:event', ipcEvent, 'auth.changed');
    ipc.emit('dp:event', ipcEvent, null);
    ipc.emit('dp:event', ipcEvent);
    expect(seen).toEqual([]);
    ipc.emit('dp:event', ipcEvent, { type: 'mail.open', mailboxId: 'm1', messageId: 'x1', extra: 'dropped' });
    expect(seen).toEqual([{ type: 'mail.open', mailboxId: 'm1', messageId: 'x1' }]);
  });

  it('refuses a listener that is not a function', () => {
    const { ipc, emitter } = fakeIpc();
    const t = createPreloadTransport(ipc);
    expect(() => t.subscribe('x' as unknown as () => void)).toThrow(TypeError);
    expect(emitter.listenerCount('dp:event')).toBe(0);
  });
});

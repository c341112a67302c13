import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const emitter = new EventEmitter();
const ipcRenderer = {
  invoke: vi.fn(async () => ({ ok: true, value: null })),
  on: (ch: string, l: (...a: unknown[]) => void) => emitter.on(ch, l),
  removeListener: (ch: string, l: (...a: unknown[]) => void) => emitter.removeListener(ch, l),
  send: vi.fn(),
};

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer,
}));

type Transport = {
  invoke: (channel: string, payload?: unknown) => Promise<unknown>;
  subscribe: (listener: (e: unknown) => void) => () => void;
};

describe('preload entry', () => {
  beforeEach(async () => {
    exposed.clear();
    vi.resetModules();
    await import('./index');
  });

  it('exposes the transport and nothing else, never ipcRenderer', () => {
    expect([...exposed.keys()]).toEqual(['digitalPostTransport']);
    const transport = exposed.get('digitalPostTransport') as Record<string, unknown>;
    expect(Object.keys(transport).sort()).toEqual(['invoke', 'subscribe']);
    expect(Object.values(transport)).not.toContain(ipcRenderer);
    expect(Object.values(transport)).not.toContain(ipcRenderer.send);
  });

  it('hands the page only events that parse against the contract', () => {
    const transport = exposed.get('digitalPostTransport') as Transport;
    const seen: unknown[] = [];
    const off = transport.subscribe((e) => seen.push(e));
    emitter.emit('dp:event', {}, { type: 'mail.unread', total: 3 });
    emitter.emit('dp:event', {}, { type: 'mail.unread' });
    emitter.emit('dp:event', {}, { type: 'compose.upload', uploadId: 'u1' });
    expect(seen).toEqual([{ type: 'mail.unread', total: 3 }]);
    off();
  });
});

import { describe, expect, it } from 'vitest';
import { channelNames } from '../../shared/ipc/contract';
import type { Handlers } from '../ipc/dispatch';
import { createEventHub } from '../services/event-hub';
import { createHandlers, type ServiceContext } from '.';

// Nothing is called while the handlers are built, so a context without working services is enough to list them.
const inertContext = (): ServiceContext =>
  ({
    api: {},
    auth: {},
    settings: {},
    events: createEventHub(),
    hooks: { mode: 'browser', userDataDir: '/nonexistent', appVersion: '0.0.0' },
  }) as unknown as ServiceContext;

describe('createHandlers', () => {
  it('answers every contract channel and nothing else', () => {
    const handlers = createHandlers(inertContext());
    expect(Object.keys(handlers).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof handlers[name]).toBe('function');
  });

  it('is typed complete: a map without one channel is not a Handlers', () => {
    const { 'app.info': _dropped, ...rest } = createHandlers(inertContext());
    // @ts-expect-error 'app.info' is missing, which the compiler must refuse
    const incomplete: Handlers = rest;
    expect(Object.keys(incomplete)).not.toContain('app.info');
  });
});

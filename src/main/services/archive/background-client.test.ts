import { describe, expect, it } from 'vitest';
import { createDpClient } from '../dp-client/dp-client';
import type { Charge, RateLimiter, RequestPriority } from '../dp-client/token-bucket';
import { inBackground } from './background-client';

/** A client over a fake server, with a limiter that notes in which lane each request asked. */
const recording = () => {
  const lanes: (RequestPriority | undefined)[] = [];
  const limiter: RateLimiter = {
    acquire: (_kind?: string, priority?: RequestPriority): Promise<Charge> => {
      lanes.push(priority);
      return Promise.resolve({ cost: 1 });
    },
    complete: () => undefined,
    penalize: () => 0,
  };
  const dp = createDpClient({
    baseUrl: () => 'https://dp.test/apis/v1',
    tokens: { getAccessToken: async () => 'token', renewAfterUnauthorized: async () => 'token' },
    limiter,
    fetch: async () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
    log: () => undefined,
  });
  return { dp, lanes };
};

describe('the archive view of the API client', () => {
  it('asks the rate limiter in the background lane for every kind of request', async () => {
    const { dp, lanes } = recording();
    const api = inBackground(dp);
    await api.get('/mailboxes/', { query: { size: 1 } });
    await api.getBytes('/mailboxes/m/messages/1/documents/2/files/3/content');
    await api.post('/x', {});
    await api.put('/x', {}, { ifMatch: 1 });
    await api.patch('/x', {}, { ifMatch: 1 });
    await api.delete('/x', { ifMatch: 1 });
    await api.putMultipart('/x', { data: new Uint8Array([1]), filename: 'a.txt' }, { ifMatch: 1 });
    expect(lanes).toEqual(Array(7).fill('background'));
    expect(api.limiter).toBe(dp.limiter);
  });

  it('leaves the app client in the foreground', async () => {
    const { dp, lanes } = recording();
    await dp.get('/mailboxes/');
    await dp.getBytes('/mailboxes/m/messages/1/documents/2/files/3/content', { priority: 'foreground' });
    expect(lanes).toEqual([undefined, undefined]);
  });
});

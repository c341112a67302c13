import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from './api-test-client.test-support';

// Bad input never crashes the sandbox or half-applies a change: every answer is a DP body below 500, and a refused
// write leaves the resource exactly as it was.

let api: ApiClient;
let lone: string;

beforeAll(async () => {
  api = await startApi();
  lone = await api.mailboxOf('lone', 'Lone Defaultssen');
});
afterAll(async () => api.close());

const json = fc.jsonValue({ maxDepth: 3 });
const messageFields = fc.dictionary(
  fc.constantFrom(
    'label',
    'flag',
    'read',
    'note',
    'folderId',
    'legallyNotified',
    'recipient',
    'sender',
    'documents',
    'bogus',
    'version',
  ),
  json,
  { maxKeys: 4 },
);

describe('robustness', () => {
  it('PATCH with arbitrary JSON answers < 500 and changes nothing when refused', async () => {
    const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
    const path = `/mailboxes/${lone}/messages/${draft.id}`;
    await fc.assert(
      fc.asyncProperty(messageFields, async (body) => {
        const before = (await api.request('lone', 'GET', path)).body;
        const res = await api.request('lone', 'PATCH', path, { body, ifMatch: before.version });
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.body.code).toBe('digital.post.error');
          expect((await api.request('lone', 'GET', path)).body).toEqual(before);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('odd ids, queries and bodies on every route family answer with a DP error body', async () => {
    const paths = [
      `/mailboxes/${lone}/messages/%2e%2e%2f%2e%2e`,
      `/mailboxes/${lone}/folders/%00`,
      `/mailboxes/${lone}/messages/?size=-1`,
      `/mailboxes/${lone}/messages/?sortFields=${encodeURIComponent('label:asc:desc')}`,
      `/mailboxes/${lone}/messages/?${encodeURIComponent('a[b]')}=1`,
      `/mailboxes/${lone}/messages/?next=${encodeURIComponent('W10=')}`,
      '/mailboxes/not-a-uuid/messages/',
    ];
    for (const path of paths) {
      const res = await api.request('lone', 'GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body.code, path).toBe('digital.post.error');
    }
    for (const body of [[], 'text', 42, { documentType: 'NOPE' }, { files: 'x' }]) {
      const draft = (await api.request('lone', 'POST', `/mailboxes/${lone}/messages/`, { body: {} })).body;
      const res = await api.request('lone', 'POST', `/mailboxes/${lone}/messages/${draft.id}/documents/`, { body });
      expect(res.status).toBe(400);
    }
    const malformed = await fetch(`${api.sandbox.apiBase}/mailboxes/${lone}/messages/`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${await api.sandbox.mintAccessToken('lone')}`,
        'content-type': 'application/json',
      },
      body: '{"label":',
    });
    expect(malformed.status).toBe(400);
  });
});

describe('unread status', () => {
  it('tells whether a CPR/CVR has unread regular messages from the last six months', async () => {
    const get = await api.request('lone', 'GET', '/mailboxes/messages/unread/exists?idType=CPR&id=0101701231');
    expect(get.body).toBe(true);
    const post = await api.request('lone', 'POST', '/mailboxes/messages/unread/exists/', {
      body: { idType: 'CVR', id: '12345678' },
    });
    expect(post.body).toBe(false);
    expect((await api.request('lone', 'GET', '/mailboxes/messages/unread/exists?idType=CPR&id=12')).status).toBe(400);
  });
});

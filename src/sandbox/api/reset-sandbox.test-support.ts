// Test-only: one real sandbox per test file, reset to its seed before each test, with Lone's mailbox and folders.
// The bindings are live (ES module exports), so tests read `api`, `lone` and `folders` as set by the hooks.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { startApi, type ApiClient } from './api-test-client.test-support';
/* eslint-disable @typescript-eslint/no-explicit-any */

export let api: ApiClient;
export let lone: string;
export let folders: Record<string, string>;

export const useResetSandbox = (): void => {
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => api.close());
  beforeEach(async () => {
    expect((await api.hook('POST', '/reset')).status).toBe(204);
    lone = await api.mailboxOf('lone', 'Lone Defaultssen');
    folders = await folderIds('lone', lone);
  });
};

export const folderIds = async (identity: string, mailboxId: string) => {
  const res = await api.request(identity, 'GET', `/mailboxes/${mailboxId}/folders/summary/`);
  const out: Record<string, string> = {};
  for (const f of res.body.folders) out[f.folderType === 'USER_DEFINED' ? f.name : f.folderType] = f.folderId;
  return out;
};
export const findByLabel = async (label: string, mailboxId = lone, identity = 'lone') => {
  const res = await api.request(
    identity,
    'GET',
    `/mailboxes/${mailboxId}/messages/?label=${encodeURIComponent(`"${label}"`)}`,
  );
  expect(res.status).toBe(200);
  return res.body.messages[0];
};
export const uploadHtml = async (mailboxId: string, message: any, html: string) => {
  const doc = message.documents[0];
  const file = doc.files[0];
  const form = new FormData();
  form.append('file', new Blob([html], { type: 'text/html' }), 'hoveddokument.html');
  return api.request(
    'lone',
    'PUT',
    `/mailboxes/${mailboxId}/messages/${message.id}/documents/${doc.id}/files/${file.id}/content`,
    { form, ifMatch: file.version },
  );
};

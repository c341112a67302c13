import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_TYPES, DOCUMENT_TYPES, OWNER_TYPES, USER_ACTIVITY_TYPE_FIELD } from '../../shared/dp/assumptions';
import { parseCli } from '../cli';
import { startApi, type ApiClient } from './api-test-client.test-support';
import { PRINTED_KEYS } from './views';

// Spec-minimal mode: every answer keeps only keys the document prints, and no value it leaves unprinted is spelled
// the way our assumptions spell it, so a client leaning on a guess cannot pass against it.

let api: ApiClient;
beforeAll(async () => {
  api = await startApi({ specMinimal: true });
});
afterAll(async () => api.close());

const unprinted = (o: Record<string, unknown>, allowed: readonly string[]): string[] =>
  Object.keys(o).filter((k) => !allowed.includes(k));

const GUESSED_VALUES = [
  ...Object.values(DOCUMENT_TYPES.values),
  ...Object.values(ACCESS_TYPES.values),
  ...Object.values(OWNER_TYPES.values),
];

const mailboxes = async (identity: string): Promise<any[]> =>
  (await api.request(identity, 'GET', '/mailboxes/')).body.mailboxes;

describe('spec-minimal mode', () => {
  it('is switched on by --spec-minimal', () => {
    expect(parseCli(['--spec-minimal'])).toEqual({ specMinimal: true });
    expect(parseCli([])).toEqual({});
  });

  it('answers mailboxes and their access with printed keys only, respelling the unprinted access types', async () => {
    for (const identity of ['lone', 'karl', 'mette']) {
      for (const mb of await mailboxes(identity)) {
        expect(unprinted(mb, PRINTED_KEYS.mailbox)).toEqual([]);
        expect(unprinted(mb.access, PRINTED_KEYS.access)).toEqual([]);
        if (mb.access.smsNotificationSubscription)
          expect(unprinted(mb.access.smsNotificationSubscription, PRINTED_KEYS.sms)).toEqual([]);
        for (const e of mb.access.emailNotificationSubscriptions) expect(unprinted(e, PRINTED_KEYS.email)).toEqual([]);
        expect(GUESSED_VALUES).not.toContain(mb.access.accessType);
        expect(GUESSED_VALUES).not.toContain(mb.ownerType);
      }
    }
    const [own, other] = await mailboxes('lone');
    expect(own.access.accessType).toBe('OWNER');
    expect(other.access.accessType).toBe('FULDMAGT_X');
    expect((await mailboxes('mette'))[0].ownerType).toBe('VIRKSOMHED_X');
  });

  it('answers messages, documents, files and folders with printed keys only', async () => {
    const [own] = await mailboxes('lone');
    const folders = (await api.request('lone', 'GET', `/mailboxes/${own.id}/folders/`)).body.folders;
    expect(folders.length).toBeGreaterThan(4);
    for (const f of folders) expect(unprinted(f, PRINTED_KEYS.folder)).toEqual([]);
    const { messages } = (await api.request('lone', 'GET', `/mailboxes/${own.id}/messages/?size=200`)).body;
    expect(messages.length).toBeGreaterThan(20);
    const types = new Set<string>();
    for (const m of messages) {
      expect(unprinted(m, PRINTED_KEYS.message)).toEqual([]);
      for (const d of m.documents) {
        expect(unprinted(d, PRINTED_KEYS.document)).toEqual([]);
        for (const f of d.files) expect(unprinted(f, PRINTED_KEYS.file)).toEqual([]);
        types.add(d.documentType);
      }
    }
    expect([...types].sort()).toEqual(['BILAG_X', 'MAIN']);
    const one = (await api.request('lone', 'GET', `/mailboxes/${own.id}/messages/${messages[0].id}`)).body;
    expect(unprinted(one, PRINTED_KEYS.message)).toEqual([]);
  });

  it('puts the type of a user activity under a field no client could guess', async () => {
    const [mine] = await mailboxes('lone');
    const page = (await api.request('lone', 'GET', `/mailboxes/${mine.id}/messages/?size=200`)).body;
    const activities = page.messages.flatMap((m: any) => m.userActivities ?? []);
    expect(activities.length).toBeGreaterThan(0);
    for (const a of activities) {
      expect(a).not.toHaveProperty(USER_ACTIVITY_TYPE_FIELD.value);
      expect(a).toHaveProperty('aktivitetstype_x');
    }
  });

  it('gives the unprinted folder summary and sender information no shape a client could guess', async () => {
    const [own] = await mailboxes('lone');
    const summary = (await api.request('lone', 'GET', `/mailboxes/${own.id}/folders/summary`)).body;
    expect(Object.keys(summary)).toEqual(['mappeoversigt_x']);
    expect(JSON.stringify(summary)).not.toMatch(/unread|total/i);
    const senders = (await api.request('lone', 'GET', `/mailboxes/${own.id}/sender-information/`)).body;
    expect(Object.keys(senders)).toEqual(['afsenderoversigt_x']);
  });

  it('takes its own spellings back on input: a document created as BILAG_X is an attachment', async () => {
    const [own] = await mailboxes('lone');
    const draft = await api.request('lone', 'POST', `/mailboxes/${own.id}/messages/`, { body: {} });
    expect(draft.status).toBe(201);
    const doc = await api.request('lone', 'POST', `/mailboxes/${own.id}/messages/${draft.body.id}/documents/`, {
      body: { documentType: 'BILAG_X', label: 'Bilag' },
    });
    expect(doc.body).toMatchObject({ documentType: 'BILAG_X' });
    expect(doc.status).toBe(201);
    expect(doc.body.documentType).toBe('BILAG_X');
  });
});

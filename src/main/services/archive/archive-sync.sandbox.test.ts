import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from '../../../sandbox/api/api-test-client.test-support';
import { sandboxTokens } from '../dp-client/sandbox-tokens.test-support';
import { createDpClient, type DpClient } from '../dp-client/dp-client';
import { openArchiveDatabase } from './archive-db';
import { searchArchive } from './archive-search';
import { ArchiveStore } from './archive-store';
import { ArchiveSync, type SyncProgress } from './archive-sync';
import { checkSearchIndex, tempArchive, type TempArchive } from './archive.test-support';

let api: ApiClient;
let mailboxId: string;
let archive: TempArchive;

/** The app's DpClient against the sandbox, counting the message-list requests it makes. */
const client = (): { dp: DpClient; listCalls: () => number } => {
  let calls = 0;
  const dp = createDpClient({
    baseUrl: () => api.sandbox.apiBase,
    tokens: sandboxTokens(api.sandbox, 'lone'),
    fetch: (input, init) => {
      if (/\/messages\/\?/.test(String(input))) calls += 1;
      return fetch(input, init);
    },
    log: () => undefined,
  });
  return { dp, listCalls: () => calls };
};

const serverIds = async (): Promise<string[]> => {
  const res = await api.request('lone', 'GET', `/mailboxes/${mailboxId}/messages/?size=10000&fields=id`);
  return (res.body.messages as { id: string }[]).map((m) => m.id).sort();
};

const localIds = (store: ArchiveStore): string[] => [...store.localVersions(mailboxId).keys()].sort();

const ftsRows = (a: TempArchive): number =>
  (a.db.prepare('SELECT count(*) AS n FROM messages_fts').get() as { n: number }).n;

beforeAll(async () => {
  api = await startApi();
  mailboxId = await api.mailboxOf('lone');
  archive = tempArchive();
});
afterAll(async () => {
  archive.dispose();
  await api.close();
});

describe('archive sync against the sandbox', () => {
  it('a sync stopped halfway resumes from its checkpoint, without duplicates, and archives the documents', async () => {
    const expected = await serverIds();
    expect(expected.length).toBeGreaterThan(12);

    const first = client();
    const controller = new AbortController();
    const seen: SyncProgress[] = [];
    const stopped = new ArchiveSync({ api: first.dp, store: archive.store, pageSize: 4 }).sync(
      [{ mailboxId, withDocuments: true }],
      {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p);
          if (p.phase === 'metadata' && seen.length === 2) controller.abort();
        },
      },
    );
    await expect(stopped).rejects.toBeDefined();
    const before = localIds(archive.store);
    expect(before.length).toBe(8);

    // As after a crash: the file is closed and opened again, and only what was committed is there.
    archive.db.close();
    archive.db = openArchiveDatabase({ file: archive.file, key: archive.key });
    archive.store = new ArchiveStore(archive.db);

    const second = client();
    const progress: SyncProgress[] = [];
    const report = await new ArchiveSync({ api: second.dp, store: archive.store, pageSize: 4 }).sync(
      [{ mailboxId, withDocuments: true }],
      { onProgress: (p) => progress.push(p) },
    );
    expect(localIds(archive.store)).toEqual(expected);
    expect(ftsRows(archive)).toBe(expected.length);
    expect(report.changed).toBe(expected.length - before.length);
    // It went on from page 3; starting over would have listed the first two pages again.
    const fromStart = Math.ceil(expected.length / 4);
    expect(second.listCalls()).toBeLessThan(fromStart + 2);
    expect(progress.some((p) => p.phase === 'documents' && p.done === p.total && p.total > 0)).toBe(true);
    expect(archive.store.pendingCount(mailboxId)).toBe(0);
    checkSearchIndex(archive.db);
  });

  it('finds a word that occurs only inside a seeded PDF', () => {
    const hits = searchArchive(archive.db, { text: 'beløbsgrænser' }).hits;
    expect(hits.map((h) => h.message.subject)).toEqual(['Vejledning om fradrag – samlet oversigt']);
    const m = archive.store.message(hits[0]!.message.id)!;
    expect(`${m.subject} ${m.note ?? ''} ${m.senderLabel}`.toLowerCase()).not.toContain('beløbsgrænser');
    expect(hits[0]!.snippet!.some((p) => p.match && p.text.toLowerCase() === 'beløbsgrænser')).toBe(true);
  });

  it('an incremental sync fetches only what changed; moves, flags and new post follow the server', async () => {
    const folders = (await api.request('lone', 'GET', `/mailboxes/${mailboxId}/folders/`)).body.folders as {
      id: string;
      folderType: string;
      name: string;
    }[];
    const target = folders.find((f) => f.folderType === 'USER_DEFINED')!;
    const inbox = folders.find((f) => f.folderType === 'INBOX')!;
    const victim = searchArchive(archive.db, { folderIds: [inbox.id], limit: 1 }).hits[0]!.message;
    const path = `/mailboxes/${mailboxId}/messages/${victim.id}`;
    const current = (await api.request('lone', 'GET', path)).body as { version: number };
    const moved = await api.request('lone', 'PATCH', path, {
      body: { folderId: target.id, flag: true },
      ifMatch: current.version,
    });
    expect(moved.status).toBe(200);
    const delivered = await api.hook('POST', '/messages', {
      mailboxId,
      label: 'Ny post om pindsvinepleje',
      pdfPages: [['Kvittering for pindsvinepleje']],
    });
    expect(delivered.status).toBeLessThan(300);

    const c = client();
    const report = await new ArchiveSync({
      api: c.dp,
      store: archive.store,
      pageSize: 4,
    }).sync([{ mailboxId, withDocuments: true }]);
    expect(report).toMatchObject({ changed: 2, deleted: 0, documents: 1 });
    expect(c.listCalls()).toBeLessThanOrEqual(2);
    expect(archive.store.message(victim.id)).toMatchObject({ folderId: target.id, flagged: true });
    expect(searchArchive(archive.db, { text: 'kvittering pindsvine' }).total).toBe(1);
    checkSearchIndex(archive.db);
    expect(localIds(archive.store)).toEqual(await serverIds());
  });

  it('a message deleted on the server leaves the archive at the next reconciliation', async () => {
    const draft = await api.request('lone', 'POST', `/mailboxes/${mailboxId}/messages/`, {
      body: { label: 'Kladde der slettes' },
    });
    expect(draft.status).toBe(201);
    const sync = new ArchiveSync({ api: client().dp, store: archive.store, pageSize: 4 });
    await sync.sync([{ mailboxId, withDocuments: false }]);
    expect(archive.store.message(draft.body.id)).toBeDefined();

    const del = await api.request('lone', 'DELETE', `/mailboxes/${mailboxId}/messages/${draft.body.id}`, {
      ifMatch: draft.body.version,
    });
    expect(del.status).toBe(204);
    // The listing never shows a deleted message again, so only the id pass can notice it is gone.
    await sync.sync([{ mailboxId, withDocuments: false }]);
    expect(archive.store.message(draft.body.id)).toBeDefined();
    const report = await sync.sync([{ mailboxId, withDocuments: false }], { reconcile: true });
    expect(report.deleted).toBe(1);
    expect(archive.store.message(draft.body.id)).toBeUndefined();
    expect(searchArchive(archive.db, { text: 'kladde slettes' }).total).toBe(0);
    checkSearchIndex(archive.db);
    expect(localIds(archive.store)).toEqual(await serverIds());
  });
});

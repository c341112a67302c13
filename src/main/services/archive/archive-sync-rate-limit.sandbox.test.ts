import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type ApiClient } from '../../../sandbox/api/api-test-client.test-support';
import { sandboxTokens } from '../dp-client/sandbox-tokens.test-support';
import { createDpClient } from '../dp-client/dp-client';
import { TokenBucket, type RateLimiter } from '../dp-client/token-bucket';
import { fileContentPath, messagePath } from '../dp-client/api-paths';
import { ArchiveSync } from './archive-sync';
import { tempArchive, type TempArchive } from './archive.test-support';

// The archive and the UI share the one bucket Digital Post keeps for the person, at the printed view-client limit.
const BURST = 20;
const RATE = 10;
const TOKEN_INTERVAL_MS = 1000 / RATE;

let api: ApiClient;
let mailboxId: string;
let archive: TempArchive;

beforeAll(async () => {
  api = await startApi({ messages: 0, rateLimit: { enabled: true, burstCapacity: BURST, replenishRate: RATE } });
  mailboxId = await api.mailboxOf('lone');
  archive = tempArchive();
});
afterAll(async () => {
  archive.dispose();
  await api.close();
});

describe('archive sync sharing the rate limit with the UI', () => {
  it('downloads every document without a 429 while the UI never waits longer than one token interval', async () => {
    const bucket = new TokenBucket();
    const foregroundWaits: number[] = [];
    // The app's limiter, timing how long each UI request waited for its tokens.
    const limiter: RateLimiter = {
      acquire: async (kind, priority) => {
        if (priority === 'background') return bucket.acquire(kind, 'background');
        const asked = performance.now();
        const charge = await bucket.acquire(kind);
        foregroundWaits.push(performance.now() - asked);
        return charge;
      },
      complete: (headers, charge) => bucket.complete(headers, charge),
      penalize: (ms) => bucket.penalize(ms),
    };
    const statuses: number[] = [];
    const dp = createDpClient({
      baseUrl: () => api.sandbox.apiBase,
      tokens: sandboxTokens(api.sandbox, 'lone'),
      limiter,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        statuses.push(res.status);
        return res;
      },
      log: () => undefined,
    });

    let documentsTotal = 0;
    const sync = new ArchiveSync({ api: dp, store: archive.store, pageSize: 10 }).sync(
      [{ mailboxId, withDocuments: true }],
      { onProgress: (p) => p.phase === 'documents' && (documentsTotal = p.total) },
    );
    let syncing = true;
    void sync.finally(() => (syncing = false)).catch(() => undefined);

    // Meanwhile the user opens letters the archive already knows: the message, then its first file.
    let opened = 0;
    while (syncing) {
      await new Promise((r) => setTimeout(r, 1000));
      const letter = archive.store
        .pendingFiles(mailboxId, 50)
        .concat()
        .reverse()
        .find((f) => f.documentType === 'MAIN');
      if (!letter || !syncing) continue;
      await dp.get(messagePath(mailboxId, letter.messageId));
      await dp.getBytes(fileContentPath(mailboxId, letter.messageId, letter.documentId, letter.id));
      opened += 1;
    }
    const report = await sync;

    expect(statuses.filter((s) => s === 429)).toEqual([]);
    expect(Math.max(...foregroundWaits)).toBeLessThanOrEqual(TOKEN_INTERVAL_MS);
    expect(documentsTotal).toBeGreaterThan(30);
    expect(report.documents).toBe(documentsTotal);
    expect(archive.store.pendingCount(mailboxId)).toBe(0);
    // The sync ran long enough for the UI to be served many times while it was busy.
    expect(opened).toBeGreaterThanOrEqual(5);
    expect(foregroundWaits.length).toBeGreaterThanOrEqual(2 * opened);
  }, 90_000);
});

import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSandbox } from '../src/sandbox/server';
import { createDpClient, type AccessTokenSource, type DpClient } from '../src/main/services/dp-client/dp-client';
import { TokenBucket, type RateLimiter } from '../src/main/services/dp-client/token-bucket';
import { fileContentPath, messagePath } from '../src/main/services/dp-client/api-paths';
import { searchArchive, type ArchiveSearchQuery } from '../src/main/services/archive/archive-search';
import { ArchiveSync } from '../src/main/services/archive/archive-sync';
import { exportMbox } from '../src/main/services/archive/export-mail';
import { tempArchive, type TempArchive } from '../src/main/services/archive/archive.test-support';
import { openArchiveDatabase } from '../src/main/services/archive/archive-db';
import { ArchiveStore } from '../src/main/services/archive/archive-store';
import { MessageSchema } from '../src/shared/dp/resources';
import { efficiency, idealSeconds, p95, round, summarize, type BenchLine } from './stats';

// The local archive against the 20,000-message sandbox: the first metadata sync with the app's DpClient in the token
// bucket's background lane, then the documents of the newest letters at the view-client limit (once with the UI idle,
// once with a user opening letters meanwhile), then search and export over the archive once every letter has text.
// Fetching 20,000 documents at the view-client limit would take over an hour, so the rest of the text is filled in
// locally from a Danish word list: the sizes and the index are what 20,000 letters with text give.

export interface ArchiveBenchOptions {
  searchRuns: number;
  exportLetters: number;
  exportRuns: number;
  /** Documents the sync downloads with the UI idle; fixed costs (the first listing) weigh less the more there are. */
  documents?: number;
  /** Documents the sync downloads while the UI opens a letter every second. */
  uiDocuments?: number;
  /** Cold opens of the archive with its first inbox page. */
  coldStartRuns?: number;
}

export const ARCHIVE_NAMES = [
  { name: 'archive_sync_20k_metadata_s', unit: 's' },
  { name: 'archive_sync_documents_efficiency', unit: 'ratio' },
  { name: 'archive_sync_ui_wait_ms_max', unit: 'ms' },
  { name: 'archive_search_p50_ms', unit: 'ms' },
  { name: 'archive_search_p95_ms', unit: 'ms' },
  { name: 'archive_size_mb_20k', unit: 'MB' },
  { name: 'export_mbox_1000_s', unit: 's' },
  { name: 'cold_start_from_archive_ms', unit: 'ms' },
] as const;

const WORDS = (
  'skat restskat årsopgørelse forskudsopgørelse fradrag befordring renter pension boligstøtte udbetaling kommune ' +
  'borger afgørelse klage frist betaling beløb konto nemkonto måned år tilbage oplysninger ændring adresse ' +
  'flytning sygehus læge tid aftale vaccination børn skole institution pladsanvisning daginstitution ' +
  'ejendomsskat vurdering grund hus lejlighed bil registrering nummerplade pas kørekort fornyelse ansøgning ' +
  'bevilling afslag kontrol dokumentation frister rykker gebyr inkasso gæld afdrag aftale ordning kvittering ' +
  'bekræftelse samtykke høring partshøring aktindsigt sagsbehandling sagsnummer journalnummer henvendelse ' +
  'svar spørgsmål vejledning information meddelelse varsel påmindelse indkaldelse møde samtale jobcenter ' +
  'dagpenge kontanthjælp sygedagpenge folkepension efterløn førtidspension tilskud medicin tandlæge ' +
  'æble øre ål søn datter mor far familie ægtefælle samlever værge fuldmagt'
).split(' ');

/** Deterministic words, so every run indexes the same text. */
const prng = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

const letterText = (rand: () => number, words: number): string =>
  Array.from({ length: words }, () => WORDS[Math.floor(rand() * WORDS.length)]!).join(' ');

const QUERIES: ArchiveSearchQuery[] = [
  { text: 'restskat' },
  { text: 'skat' },
  { text: 'årsop' },
  { text: 'boligstøtte udbetaling' },
  { text: '"betaling beløb"' },
  { text: 'æble' },
  { text: 'fuldmagt værge' },
  { text: 'vacc' },
  { text: 'klage', unread: true },
  { text: 'kommune', dateFrom: '2025-01-01' },
  { text: 'pension', flagged: false },
  { text: 'ansøgning afslag' },
  { text: 'kvittering', hasAttachments: true },
  { text: 'NEAR " - *' },
  { unread: true },
];

const tokensFor = (sandbox: RunningSandbox): AccessTokenSource => {
  let token: Promise<string> | undefined;
  return {
    getAccessToken: () => (token ??= sandbox.mintAccessToken('lone')),
    renewAfterUnauthorized: () => (token = sandbox.mintAccessToken('lone')),
  };
};

const largestMailbox = async (dp: DpClient): Promise<string> => {
  const res = await dp.get<{ mailboxes: { id: string }[] }>('/mailboxes/');
  let best = { id: '', total: -1 };
  for (const { id } of res.data.mailboxes) {
    const page = await dp.get<{ totalElements: number }>(`/mailboxes/${id}/messages/`, { query: { size: 1 } });
    if (page.data.totalElements > best.total) best = { id, total: page.data.totalElements };
  }
  return best.id;
};

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface DocumentsRun {
  seconds: number;
  /** Until the first document was stored: the listing that comes first, and the first download. */
  firstSeconds: number;
  documents: number;
  /** What the server charged for the answers that came back before the stop. */
  tokens: number;
  count429: number;
  uiWaitsMs: number[];
}

/**
 * One sync that downloads documents until `documents` are done, on a fresh bucket (as after a start) once the
 * server's has refilled. With `openEveryMs` a user opens a letter (the message, then its file) that often, through
 * the same client in the foreground, and how long each of those requests waited for its tokens is noted.
 */
const runDocuments = async (
  sandbox: RunningSandbox,
  tokens: AccessTokenSource,
  archive: TempArchive,
  mailboxId: string,
  documents: number,
  openEveryMs?: number,
): Promise<DocumentsRun> => {
  const { burstCapacity, replenishRate } = sandbox.config.rateLimit;
  await sleep(Math.ceil((burstCapacity / replenishRate) * 1000) + 300);
  const bucket = new TokenBucket();
  const uiWaitsMs: number[] = [];
  const limiter: RateLimiter = {
    acquire: async (kind, priority) => {
      if (priority === 'background') return bucket.acquire(kind, 'background');
      const asked = performance.now();
      const charge = await bucket.acquire(kind);
      uiWaitsMs.push(performance.now() - asked);
      return charge;
    },
    complete: (headers, charge) => bucket.complete(headers, charge),
    penalize: (ms) => bucket.penalize(ms),
  };
  let stopped = false;
  let charged = 0;
  let count429 = 0;
  const dp = createDpClient({
    baseUrl: () => sandbox.apiBase,
    tokens,
    limiter,
    log: () => undefined,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      if (!stopped) {
        if (res.status === 429) count429 += 1;
        else charged += Number(res.headers.get('x-ratelimit-requested-tokens') ?? 1);
      }
      return res;
    },
  });
  const controller = new AbortController();
  let done = 0;
  let seconds = 0;
  let firstSeconds = 0;
  const t0 = performance.now();
  const sync = new ArchiveSync({ api: dp, store: archive.store, log: () => undefined }).sync(
    [{ mailboxId, withDocuments: true }],
    {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'documents' && p.done === 1) firstSeconds = (performance.now() - t0) / 1000;
        if (p.phase !== 'documents' || stopped || p.done < documents) return;
        seconds = (performance.now() - t0) / 1000;
        done = p.done;
        stopped = true;
        controller.abort();
      },
    },
  );
  const ui = (async () => {
    if (openEveryMs === undefined) return;
    while (!stopped) {
      await sleep(openEveryMs);
      const letter = archive.store.pendingFiles(mailboxId, 200).findLast((f) => f.documentType === 'MAIN');
      if (!letter || stopped) continue;
      await dp.get(messagePath(mailboxId, letter.messageId));
      await dp.getBytes(fileContentPath(mailboxId, letter.messageId, letter.documentId, letter.id));
    }
  })();
  await sync.catch((err: unknown) => {
    if (!controller.signal.aborted) throw err;
  });
  await ui;
  if (done < documents) throw new Error(`the sync stopped after ${done} of ${documents} documents`);
  return { seconds, firstSeconds, documents: done, tokens: charged, count429, uiWaitsMs };
};

export const runArchiveBench = async (
  sandbox: RunningSandbox,
  options: ArchiveBenchOptions,
  progress: (msg: string) => void = () => undefined,
): Promise<BenchLine[]> => {
  const archive = tempArchive();
  try {
    const tokens = tokensFor(sandbox);
    await tokens.getAccessToken();
    const dp = createDpClient({ baseUrl: () => sandbox.apiBase, tokens, log: () => undefined });
    const mailboxId = await largestMailbox(dp);
    // The sandbox's bucket refilled while the mailboxes were looked at; the sync starts as it would after a start.
    await new Promise((r) => setTimeout(r, 2500));

    const t0 = performance.now();
    await new ArchiveSync({ api: dp, store: archive.store, log: () => undefined }).sync([
      { mailboxId, withDocuments: false },
    ]);
    const syncS = (performance.now() - t0) / 1000;
    const count = archive.store.messageCount();
    if (count < 20_000) throw new Error(`the archive holds ${count} of ≥20,000 messages`);
    const lines: BenchLine[] = [
      summarize('archive_sync_20k_metadata_s', 's', [syncS], {
        note: `${count} messages, pages of 1000, background lane, incl. the id reconciliation`,
      }),
    ];

    const documents = options.documents ?? 250;
    const { burstCapacity, replenishRate } = sandbox.config.rateLimit;
    progress(`archive: ${documents} documents at the rate limit, UI idle`);
    const idle = await runDocuments(sandbox, tokens, archive, mailboxId, documents);
    const ideal = idealSeconds(idle.tokens, burstCapacity, replenishRate);
    lines.push(
      summarize('archive_sync_documents_efficiency', 'ratio', [efficiency(ideal, idle.seconds)], {
        note: `${idle.documents} documents (${idle.tokens} tokens, the metadata page included) in ${round(idle.seconds)} s (the first after ${round(idle.firstSeconds)} s), ideal ${round(ideal)} s at ${burstCapacity} burst / ${replenishRate} per s, ${idle.count429} × 429`,
      }),
    );
    const uiDocuments = options.uiDocuments ?? 60;
    progress(`archive: ${uiDocuments} documents while the UI opens a letter every second`);
    const busy = await runDocuments(sandbox, tokens, archive, mailboxId, uiDocuments, 1000);
    const waits = busy.uiWaitsMs;
    lines.push(
      summarize('archive_sync_ui_wait_ms_max', 'ms', [Math.max(...waits)], {
        note: `longest wait for tokens of ${waits.length} UI requests during a sync (p95 ${round(p95(waits))} ms; one token interval is ${round(1000 / replenishRate)} ms), ${busy.count429} × 429`,
      }),
    );

    progress('archive: filling in letter text');
    const rand = prng(20261204);
    const ids = [...archive.store.localVersions(mailboxId).keys()];
    const fill = archive.db.transaction((batch: string[]) => {
      for (const id of batch) {
        archive.store.files(id).forEach((f, i) => {
          const text = i === 0 ? letterText(rand, 120 + Math.floor(rand() * 200)) : null;
          const bytes = text !== null ? Buffer.from(`<p>${text}</p>`) : Buffer.alloc(4096, i);
          archive.store.storeContent(f, bytes, text);
        });
      }
    });
    for (let i = 0; i < ids.length; i += 1000) fill(ids.slice(i, i + 1000));
    archive.db.pragma('wal_checkpoint(TRUNCATE)');
    const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const parts = archive.db
      .prepare('SELECT name, sum(pgsize) AS size FROM dbstat GROUP BY name ORDER BY size DESC LIMIT 5')
      .all() as { name: string; size: number }[];
    lines.push(
      summarize('archive_size_mb_20k', 'MB', [statSync(archive.file).size / 1024 / 1024], {
        note: `metadata, raw JSON, 120–320 words of text and the file bytes of every letter; largest: ${parts
          .map((p) => `${p.name} ${mb(p.size)}`)
          .join(', ')}`,
      }),
    );

    progress('archive: search');
    for (const q of QUERIES) searchArchive(archive.db, q);
    const samples: number[] = [];
    for (let run = 0; run < options.searchRuns; run += 1) {
      for (const q of QUERIES) {
        const s = performance.now();
        searchArchive(archive.db, q);
        samples.push(performance.now() - s);
      }
    }
    const note = `${samples.length} searches of ${QUERIES.length} kinds (words, prefixes, phrases, filters), first 50 hits with snippets`;
    const p50Line = summarize('archive_search_p50_ms', 'ms', samples, { note });
    const p95Value = round(p95(samples));
    lines.push(p50Line, { ...p50Line, name: 'archive_search_p95_ms', value: p95Value });

    progress('archive: mbox export');
    const exportIds = ids.slice(0, options.exportLetters);
    const exportSeconds: number[] = [];
    for (let run = 0; run < options.exportRuns; run += 1) {
      const s = performance.now();
      const summary = await exportMbox(archive.store, exportIds, join(archive.dir, `export-${run}.mbox`));
      exportSeconds.push((performance.now() - s) / 1000);
      if (summary.exported.length !== exportIds.length) throw new Error(`exported ${summary.exported.length}`);
    }
    lines.push(
      summarize('export_mbox_1000_s', 's', exportSeconds, {
        note: `${exportIds.length} letters with every file, nodemailer MIME, mboxrd`,
      }),
    );

    // Main's share of a cold start from the archive: open the encrypted file (as after a restart, nothing cached by
    // this connection), read the inbox's first page newest first and parse each letter as the handlers do.
    progress('archive: cold start from the archive');
    const inbox = archive.db
      .prepare('SELECT folder_id FROM messages WHERE mailbox_id = ? GROUP BY folder_id ORDER BY count(*) DESC LIMIT 1')
      .pluck()
      .get(mailboxId) as string;
    const coldMs: number[] = [];
    let painted = 0;
    for (let run = 0; run < (options.coldStartRuns ?? 5); run += 1) {
      archive.db.close();
      const s = performance.now();
      archive.db = openArchiveDatabase({ file: archive.file, key: archive.key });
      archive.store = new ArchiveStore(archive.db);
      const page = searchArchive(archive.db, { mailboxIds: [mailboxId], folderIds: [inbox], limit: 200 });
      painted = page.hits.filter(
        (h) => MessageSchema.safeParse(JSON.parse(archive.store.message(h.message.id)?.raw ?? '{}')).success,
      ).length;
      coldMs.push(performance.now() - s);
    }
    if (painted === 0) throw new Error('the cold start found no inbox letters in the archive');
    lines.push(
      summarize('cold_start_from_archive_ms', 'ms', coldMs, {
        note: `main's part: open the SQLCipher file of ${count} letters and read and parse the inbox's first ${painted} (of 200) letters; the page's paint is measured by cold_start_to_inbox_ms`,
      }),
    );
    return lines;
  } finally {
    archive.dispose();
  }
};

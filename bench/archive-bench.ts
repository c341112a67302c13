import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningSandbox } from '../src/sandbox/server';
import { createDpClient, type AccessTokenSource, type DpClient } from '../src/main/services/dp-client/dp-client';
import { searchArchive, type ArchiveSearchQuery } from '../src/main/services/archive/archive-search';
import { ArchiveSync } from '../src/main/services/archive/archive-sync';
import { exportMbox } from '../src/main/services/archive/export-mail';
import { tempArchive } from '../src/main/services/archive/archive.test-support';
import { p95, round, summarize, type BenchLine } from './stats';

// The local archive against the 20,000-message sandbox: the first metadata sync with the archive's own background
// pacing and the app's DpClient, then search and export over the archive once every letter has text. Fetching
// 20,000 documents at the view-client limit would take over half an hour, so their text is filled in locally from a
// Danish word list: the sizes and the index are what 20,000 letters with text give, the download time is not.

export interface ArchiveBenchOptions {
  searchRuns: number;
  exportLetters: number;
  exportRuns: number;
}

export const ARCHIVE_NAMES = [
  { name: 'archive_sync_20k_metadata_s', unit: 's' },
  { name: 'archive_search_p50_ms', unit: 'ms' },
  { name: 'archive_search_p95_ms', unit: 'ms' },
  { name: 'archive_size_mb_20k', unit: 'MB' },
  { name: 'export_mbox_1000_s', unit: 's' },
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
        note: `${count} messages, pages of 1000, background pacing 200 ms, incl. the id reconciliation`,
      }),
    ];

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
    return lines;
  } finally {
    archive.dispose();
  }
};

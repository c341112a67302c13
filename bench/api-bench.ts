import { requestCost } from '../src/sandbox/http/rate-limit';
import type { RunningSandbox } from '../src/sandbox/server';
import { createDpClient, type AccessTokenSource, type DpClient } from '../src/main/services/dp-client/dp-client';
import { efficiency, idealSeconds, round, summarize, type BenchLine } from './stats';

// The app's own API client (with its client-side token bucket, as the composition root builds it) against the
// sandbox at its default view-client limit. Only what went over the wire is counted.

interface Wire {
  fetch: typeof fetch;
  statuses: number[];
}

const countingFetch = (): Wire => {
  const statuses: number[] = [];
  return {
    statuses,
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      statuses.push(res.status);
      return res;
    },
  };
};

const tokensFor = (sandbox: RunningSandbox, identity: string): AccessTokenSource => {
  let token: Promise<string> | undefined;
  return {
    getAccessToken: () => (token ??= sandbox.mintAccessToken(identity)),
    renewAfterUnauthorized: () => (token = sandbox.mintAccessToken(identity)),
  };
};

/** A fresh client: a new token bucket starts full, as the app's does after a start. */
const newClient = (sandbox: RunningSandbox, wire: Wire, tokens: AccessTokenSource): DpClient =>
  createDpClient({ baseUrl: () => sandbox.apiBase, tokens, fetch: wire.fetch, log: () => undefined });

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until the server's bucket for this identity is full again, so each run starts where the ideal assumes. */
const letBucketRefill = (sandbox: RunningSandbox): Promise<void> => {
  const { burstCapacity, replenishRate } = sandbox.config.rateLimit;
  return sleep(Math.ceil((burstCapacity / replenishRate) * 1000) + 300);
};

interface MessageMeta {
  id: string;
  messageState?: string;
  documents?: { id: string; files?: { id: string }[] }[];
}
interface MessagePage {
  messages: MessageMeta[];
  next?: string;
  totalElements: number;
}

/** The user's mailbox with the large seeded inbox (she may see others' mailboxes too). */
const largestMailbox = async (dp: DpClient): Promise<string> => {
  const mailboxes = await dp.get<{ mailboxes: { id: string }[] }>('/mailboxes/');
  let best = { id: '', total: -1 };
  for (const { id } of mailboxes.data.mailboxes) {
    const page = await dp.get<MessagePage>(`/mailboxes/${id}/messages/`, { query: { size: 1 } });
    if (page.data.totalElements > best.total) best = { id, total: page.data.totalElements };
  }
  if (!best.id) throw new Error('no mailbox');
  return best.id;
};

/** Every message's metadata, page by page along `next`. */
const syncAll = async (dp: DpClient, mailboxId: string, pageSize: number): Promise<MessageMeta[]> => {
  const all: MessageMeta[] = [];
  let next: string | undefined;
  do {
    const page = await dp.get<MessagePage>(`/mailboxes/${mailboxId}/messages/`, {
      query: { size: pageSize, sortFields: 'messageDateTime:desc', ...(next ? { next } : {}) },
    });
    all.push(...page.data.messages);
    next = page.data.next;
  } while (next);
  return all;
};

export interface ApiBenchOptions {
  syncRuns: number;
  syncWarmups: number;
  syncPageSize: number;
  files: number;
  fileRuns: number;
  /** Messages the sandbox was seeded with (for the check that the sync saw them all). */
  expectedMessages: number;
}

export const runApiBench = async (sandbox: RunningSandbox, options: ApiBenchOptions): Promise<BenchLine[]> => {
  const lines: BenchLine[] = [];

  // Metadata sync: warm-ups (JIT in client and sandbox), then the runs.
  const syncSeconds: number[] = [];
  let metas: MessageMeta[] = [];
  const tokens = tokensFor(sandbox, 'lone');
  // Minting a token is the sandbox's work, not the client's: done once, outside every timing.
  await tokens.getAccessToken();
  const mailboxId = await largestMailbox(newClient(sandbox, countingFetch(), tokens));
  for (let i = 0; i < options.syncWarmups + options.syncRuns; i += 1) {
    const dp = newClient(sandbox, countingFetch(), tokens);
    const t0 = performance.now();
    metas = await syncAll(dp, mailboxId, options.syncPageSize);
    const s = (performance.now() - t0) / 1000;
    if (metas.length < options.expectedMessages)
      throw new Error(`sync saw ${metas.length} of ≥${options.expectedMessages} messages`);
    if (i >= options.syncWarmups) syncSeconds.push(s);
  }
  lines.push(
    summarize('sync_metadata_20k_s', 's', syncSeconds, {
      note: `${metas.length} messages, pages of ${options.syncPageSize}`,
    }),
  );

  // File downloads: the main file of the newest messages, one request each, all asked for at once as a folder
  // prefetch would; the client's bucket decides the pace.
  // Received letters only: a draft's main document may have no content yet.
  const paths = metas
    .filter((m) => m.messageState === 'RECEIVED')
    .flatMap((m) =>
      (m.documents ?? []).flatMap((d) =>
        (d.files ?? []).map((f) => `/mailboxes/${mailboxId}/messages/${m.id}/documents/${d.id}/files/${f.id}/content`),
      ),
    )
    .slice(0, options.files);
  if (paths.length < options.files) throw new Error(`only ${paths.length} files to fetch`);
  const { burstCapacity, replenishRate } = sandbox.config.rateLimit;
  // The ceiling is in tokens: the sandbox charges a content download more than one (X-RateLimit-Requested-Tokens).
  const tokensNeeded = paths.reduce((sum, p) => sum + requestCost('GET', p), 0);
  const ideal = idealSeconds(tokensNeeded, burstCapacity, replenishRate);
  const seconds: number[] = [];
  const count429: number[] = [];
  const eff: number[] = [];
  for (let i = 0; i < options.fileRuns; i += 1) {
    await letBucketRefill(sandbox);
    const wire = countingFetch();
    const dp = newClient(sandbox, wire, tokens);
    const t0 = performance.now();
    const results = await Promise.all(paths.map((p) => dp.getBytes(p)));
    const s = (performance.now() - t0) / 1000;
    if (results.some((r) => r.status !== 200)) throw new Error('a file download failed');
    seconds.push(s);
    count429.push(wire.statuses.filter((st) => st === 429).length);
    eff.push(efficiency(ideal, s));
  }
  const note = `${paths.length} files (${tokensNeeded} tokens), ideal ${round(ideal)} s at ${burstCapacity} burst / ${replenishRate} per s`;
  lines.push(summarize('fetch_files_300_s', 's', seconds, { note }));
  lines.push(summarize('fetch_files_429_count', 'count', count429));
  lines.push(summarize('fetch_files_efficiency', 'ratio', eff));
  return lines;
};

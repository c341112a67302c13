import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { BenchApp } from './app-harness';
import { logIn } from './app-harness';
import {
  INIT_PROBE,
  READ_COLD_MARKS,
  READ_MARKS,
  ROW_SELECTOR,
  openAndTime,
  preloadRows,
  scrollThrough,
  type InitMarks,
} from './page/ui-probes';
import { profileDuring } from './profile';
import { median, notBuilt, p95, summarize, type BenchLine } from './stats';

// What the user feels in the renderer: first screen, scrolling, cold start with a stored session, opening letters,
// and the heap after a long scroll. Everything is timed inside the page (performance.now), never across the
// automation protocol.

export interface UiBenchOptions {
  coldRuns: number;
  /** Unmeasured cold loads first; the login's own load already warmed the server side. */
  coldWarmups: number;
  scrollRuns: number;
  scrollRows: number;
  rowsPerFrame: number;
  openRuns: number;
  /** Unmeasured open rounds first (lazy chunks such as pdf.js and its worker load on the first PDF). */
  openWarmups: number;
  /** Rows to have loaded before the heap is read (the whole mailbox in the full run). */
  heapRows: number;
  heapBudgetMs: number;
  /** `--profile`: where to save CPU profiles of one extra cold load, scroll and letter open. */
  profileDir?: string;
  /** `--ui=`: only these parts while iterating (every part when not given). */
  parts?: UiPart[];
}
export type UiPart = 'first' | 'scroll' | 'open';

/** The seeded letters the open benchmarks use (src/sandbox/api/seed/lone-letters.ts). */
export const HTML_LETTER = 'Årsopgørelse 2025 – detaljeret';
export const PDF_LETTER = 'Vejledning om fradrag – samlet oversigt';

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

const newAppContext = (browser: Browser, storageState?: StorageState): Promise<BrowserContext> =>
  browser.newContext({
    locale: 'da-DK',
    viewport: { width: 1280, height: 900 },
    ...(storageState ? { storageState } : {}),
  });

/** Waits for the first message row; when none comes, the error says what the page showed instead. */
const waitForRows = async (page: Page, timeout = 30_000): Promise<void> => {
  try {
    await page.locator(ROW_SELECTOR).first().waitFor({ timeout });
  } catch (err) {
    const shown = await page.evaluate('document.body ? document.body.innerText : ""').catch(() => '');
    const text = String(shown).replace(/\s+/g, ' ').slice(0, 200);
    throw new Error(`no message rows within ${timeout} ms; the page showed: ${text || '(nothing)'}`, { cause: err });
  }
};

/**
 * A fresh context (no HTTP cache) navigating to the app while the server holds the session. It starts with the
 * page storage the last session left (the remembered mailbox ids), as the desktop app's profile keeps it between
 * starts.
 */
const coldLoad = async (
  browser: Browser,
  app: BenchApp,
  options: UiBenchOptions,
  profileName?: string,
  storageState?: StorageState,
): Promise<{ context: BrowserContext; page: Page; marks: InitMarks }> => {
  const context = await newAppContext(browser, storageState);
  const page = await context.newPage();
  await page.addInitScript(INIT_PROBE);
  const load = async (): Promise<void> => {
    // A fresh context, as after a browser restart: the launch URL's 303 to the app is part of what the person waits for.
    await page.goto(app.launchUrl());
    await waitForRows(page);
    await page.waitForFunction(`${READ_MARKS} && ${READ_MARKS}.rowsPaintedAt !== null`, undefined, { timeout: 10_000 });
  };
  if (profileName) await maybeProfile(options, page, profileName, load);
  else await load();
  const marks = (await page.evaluate(READ_COLD_MARKS)) as InitMarks;
  return { context, page, marks };
};

const medianOf = (values: readonly (number | null)[]): string => {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? String(Math.round(median(known))) : '?';
};

const search = async (page: Page, text: string): Promise<void> => {
  const box = page.getByRole('searchbox', { name: 'Søg' });
  await box.fill(text);
  await box.press('Enter');
  await page.locator(ROW_SELECTOR).filter({ hasText: text }).first().waitFor({ timeout: 20_000 });
};

/** With --profile, runs `step` once more under the CPU profiler and prints where the time went. */
const maybeProfile = async (
  options: UiBenchOptions,
  page: Page,
  name: string,
  step: () => Promise<unknown>,
): Promise<void> => {
  if (!options.profileDir) return;
  const { top, file } = await profileDuring(page, options.profileDir, name, step);
  process.stderr.write(
    `  profile ${name} → ${file}\n${top.map((t) => `    ${String(t.ms).padStart(8)} ms  ${t.fn}`).join('\n')}\n`,
  );
};

const heapMb = async (page: Page): Promise<number> => {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    if (used === undefined) throw new Error('no JSHeapUsedSize');
    return used / (1024 * 1024);
  } finally {
    await cdp.detach();
  }
};

const UNITS: Record<string, string> = { list_dom_rows: 'rows', renderer_heap_mb_20k: 'MB' };

/** A section that fails (e.g. a feature still being built) yields null lines with the reason, not a crash. */
const guarded = async (names: readonly string[], body: (out: BenchLine[]) => Promise<void>): Promise<BenchLine[]> => {
  const out: BenchLine[] = [];
  try {
    await body(out);
    return out;
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);
    const done = new Set(out.map((l) => l.name));
    return [
      ...out,
      ...names.filter((n) => !done.has(n)).map((n) => notBuilt(n, UNITS[n] ?? 'ms', `failed: ${reason}`)),
    ];
  }
};

export const UI_NAMES = [
  'list_first_screen_ms',
  'cold_start_to_inbox_ms',
  'list_dom_rows',
  'list_scroll_frame_ms_p95',
  'renderer_heap_mb_20k',
  'open_message_html_ms',
  'open_message_pdf_ms',
] as const;
export const uiUnit = (name: string): string => UNITS[name] ?? 'ms';

/** Scrolling and DOM size on a long list, then the heap after loading as much of the inbox as the budget allows. */
const scrollAndHeap = async (page: Page, options: UiBenchOptions, out: BenchLine[]): Promise<void> => {
  const pre = (await page.evaluate(preloadRows(options.scrollRows + 200, 120_000))) as { loaded: number; ms: number };
  const p95s: number[] = [];
  const domRows: number[] = [];
  // p95 moves in whole frames (16.7, 33.3, …); the share of long frames shows what lies between.
  const longShare: number[] = [];
  // Preloading has already rendered every row once (the warm-up), so each scroll here is a measured run.
  for (let i = 0; i < options.scrollRuns; i += 1) {
    const r = (await page.evaluate(scrollThrough(options.scrollRows, options.rowsPerFrame))) as {
      deltas: number[];
      domRows: number;
    };
    if (r.deltas.length === 0) continue;
    p95s.push(p95(r.deltas));
    domRows.push(r.domRows);
    longShare.push(r.deltas.filter((d) => d > 20).length / r.deltas.length);
  }
  await maybeProfile(options, page, 'list-scroll', () =>
    page.evaluate(scrollThrough(options.scrollRows, options.rowsPerFrame)),
  );
  const scrolled = Math.min(options.scrollRows, pre.loaded);
  out.push(
    summarize('list_dom_rows', 'rows', domRows, {
      note: `in the DOM with the list parked at row ${Math.round(scrolled / 2)} of ${pre.loaded} loaded`,
    }),
  );
  const longPct = longShare.length > 0 ? Math.round(median(longShare) * 1000) / 10 : 0;
  out.push(
    summarize('list_scroll_frame_ms_p95', 'ms', p95s, {
      note: `${scrolled} rows at ${options.rowsPerFrame} rows per frame; ${longPct}% of frames over 20 ms`,
    }),
  );

  const heapLoad = (await page.evaluate(preloadRows(options.heapRows, options.heapBudgetMs))) as { loaded: number };
  await page.evaluate(scrollThrough(Math.min(heapLoad.loaded, 4000), 40));
  const heap: number[] = [];
  for (let i = 0; i < 3; i += 1) heap.push(await heapMb(page));
  out.push(
    summarize('renderer_heap_mb_20k', 'MB', heap, {
      note: `after GC, ${heapLoad.loaded} of the inbox's rows loaded and scrolled`,
    }),
  );
};

/**
 * Opening letters: search for each, click it, time to painted content. Alternating, so every open replaces the
 * other kind of view.
 */
const openLetters = async (page: Page, options: UiBenchOptions, out: BenchLine[]): Promise<void> => {
  const html: number[] = [];
  const pdf: number[] = [];
  let timeouts = 0;
  for (let i = 0; i < options.openWarmups + options.openRuns; i += 1) {
    for (const [kind, label, into] of [
      ['html', HTML_LETTER, html],
      ['pdf', PDF_LETTER, pdf],
    ] as const) {
      await search(page, label);
      const ms = (await page.evaluate(openAndTime(kind, label, 20_000))) as number;
      if (ms < 0) timeouts += 1;
      else if (i >= options.openWarmups) into.push(ms);
    }
  }
  await maybeProfile(options, page, 'open-html', async () => {
    await search(page, HTML_LETTER);
    return page.evaluate(openAndTime('html', HTML_LETTER, 20_000));
  });
  await maybeProfile(options, page, 'open-pdf', async () => {
    await search(page, PDF_LETTER);
    return page.evaluate(openAndTime('pdf', PDF_LETTER, 20_000));
  });
  const timeoutNote = timeouts > 0 ? `; ${timeouts} opens never painted within 20 s` : '';
  out.push(
    html.length > 0
      ? summarize('open_message_html_ms', 'ms', html, {
          note: `~200 KB letter, click → iframe loaded and painted${timeoutNote}`,
        })
      : notBuilt('open_message_html_ms', 'ms', `no painted HTML letter${timeoutNote}`),
  );
  out.push(
    pdf.length > 0
      ? summarize('open_message_pdf_ms', 'ms', pdf, {
          note: `20-page PDF, click → first page canvas with ink painted${timeoutNote}`,
        })
      : notBuilt('open_message_pdf_ms', 'ms', `no painted PDF page${timeoutNote}`),
  );
};

export const runUiBench = async (browser: Browser, app: BenchApp, options: UiBenchOptions): Promise<BenchLine[]> => {
  const lines: BenchLine[] = [];

  // Log in once; the server keeps the session (its refresh token), as the desktop app keeps it between starts.
  const loginContext = await newAppContext(browser);
  const loginPage = await loginContext.newPage();
  await logIn(loginPage, app);
  await waitForRows(loginPage);
  const storage = await loginContext.storageState();
  await loginContext.close();

  // Cold start: the profile as the last session left it (remembered mailbox ids), so the app may ask for the inbox
  // before React has even mounted. First screen: loads with empty storage, where the answer arrives after mount,
  // so the figure is the list's own render cost rather than the app's boot. Warm-ups, then the runs, for each.
  const part = (p: UiPart): boolean => !options.parts || options.parts.includes(p);
  const cold: number[] = [];
  const phases: InitMarks[] = [];
  for (let i = 0; part('first') && i < options.coldWarmups + options.coldRuns; i += 1) {
    const { context, marks } = await coldLoad(browser, app, options, undefined, storage);
    await context.close();
    if (i < options.coldWarmups || marks.rowsPaintedAt === null) continue;
    cold.push(marks.rowsPaintedAt);
    phases.push(marks);
  }
  const firstScreen: number[] = [];
  let firstScreenMissing = 0;
  for (let i = 0; part('first') && i < options.coldWarmups + options.coldRuns; i += 1) {
    const { context, marks } = await coldLoad(browser, app, options);
    await context.close();
    if (i < options.coldWarmups || marks.rowsPaintedAt === null) continue;
    if (marks.firstQueryAt === null) firstScreenMissing += 1;
    else firstScreen.push(marks.rowsPaintedAt - marks.firstQueryAt);
  }
  if (part('first')) {
    lines.push(
      firstScreen.length > 0
        ? summarize('list_first_screen_ms', 'ms', firstScreen, {
            note: 'messages.query answer parsed → first rows painted (empty page storage)',
          })
        : notBuilt('list_first_screen_ms', 'ms', `no messages.query answer seen in ${firstScreenMissing} loads`),
    );
    const phaseNote = `medians: DOM ready ${medianOf(phases.map((p) => p.domReadyAt))} ms, messages.query sent ${medianOf(phases.map((p) => p.querySentAt))} ms, answered ${medianOf(phases.map((p) => p.firstQueryAt))} ms`;
    lines.push(
      summarize('cold_start_to_inbox_ms', 'ms', cold, {
        note: `navigation start → first rows painted, stored session and page storage; ${phaseNote}`,
      }),
    );
  }
  if (options.profileDir && part('first')) {
    await (await coldLoad(browser, app, options, 'cold-start', storage)).context.close();
  }

  // One page for the rest, as a user would keep it open.
  const { context, page } = await coldLoad(browser, app, options);
  try {
    if (part('scroll')) {
      lines.push(
        ...(await guarded(['list_dom_rows', 'list_scroll_frame_ms_p95', 'renderer_heap_mb_20k'], (out) =>
          scrollAndHeap(page, options, out),
        )),
      );
    }
    if (part('open')) {
      lines.push(
        ...(await guarded(['open_message_html_ms', 'open_message_pdf_ms'], (out) => openLetters(page, options, out))),
      );
    }
  } finally {
    await context.close();
  }
  return lines;
};

// `npm run bench [-- --quick]`: what users feel, one JSON object per line on stdout, then a short human summary.
// Progress goes to stderr so stdout stays machine-readable.
import { availableParallelism, loadavg } from 'node:os';
import type { Browser } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../src/sandbox/server';
import { runApiBench } from './api-bench';
import { ARCHIVE_NAMES, runArchiveBench } from './archive-bench';
import { ensureBuilt, startBenchApp, type BenchApp } from './app-harness';
import { launchChromium } from './browser';
import { benchConfig } from './config';
import { formatLine, notBuilt, type BenchLine } from './stats';
import { humanSummary } from './targets';
import { UI_NAMES, runUiBench, uiUnit } from './ui-bench';
import { runValidatorBench } from './validator-bench';

const started = performance.now();
const progress = (msg: string): void => {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1)}s] ${msg}\n`);
};
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const reason = (err: unknown): string =>
  (err instanceof Error ? err.message : String(err)).split('\n')[0]!.slice(0, 160);

const all: BenchLine[] = [];
const emit = (lines: readonly BenchLine[]): void => {
  for (const line of lines) {
    all.push(line);
    process.stdout.write(`${formatLine(line)}\n`);
  }
};

/** A section that throws still prints its names, with the reason instead of a value. */
const section = async (
  title: string,
  names: readonly { name: string; unit: string }[],
  body: () => Promise<BenchLine[]>,
): Promise<void> => {
  progress(`${title} (load ${load()})`);
  try {
    emit(await body());
  } catch (err) {
    progress(`${title} failed: ${reason(err)}`);
    emit(names.map((n) => notBuilt(n.name, n.unit, `failed: ${reason(err)}`)));
  }
};

const main = async (): Promise<void> => {
  const config = benchConfig(process.argv.slice(2));
  progress(`${config.quick ? 'quick' : 'full'} run; load average ${load()}`);
  if (ensureBuilt()) progress('renderer was stale: rebuilt with electron-vite');

  let sandbox: RunningSandbox | undefined;
  let browser: Browser | undefined;
  let app: BenchApp | undefined;
  try {
    progress(`seeding a sandbox with ${config.messages} messages`);
    sandbox = await startSandbox({ port: 0, messages: config.messages });
    browser = await launchChromium();
    const b = browser;
    const s = sandbox;

    const validatorNames = config.validator.flatMap((v) => [
      { name: `strict_validate_${v.label}_ms`, unit: 'ms' },
      { name: `dompurify_sanitize_${v.label}_ms`, unit: 'ms' },
    ]);
    if (config.only('validator'))
      await section('STRICT validator vs DOMPurify in Chromium', validatorNames, () =>
        runValidatorBench(b, config.validator),
      );

    const apiNames = [
      { name: 'sync_metadata_20k_s', unit: 's' },
      { name: 'fetch_files_300_s', unit: 's' },
      { name: 'fetch_files_429_count', unit: 'count' },
      { name: 'fetch_files_efficiency', unit: 'ratio' },
    ];
    if (config.only('api'))
      await section('API client: metadata sync and file downloads', apiNames, () => runApiBench(s, config.api));

    if (config.only('archive'))
      await section('local archive: sync, search, size, export', ARCHIVE_NAMES, () =>
        runArchiveBench(
          s,
          config.quick
            ? { searchRuns: 5, exportLetters: 1000, exportRuns: 1 }
            : { searchRuns: 20, exportLetters: 1000, exportRuns: 3 },
          progress,
        ),
      );

    app = await startBenchApp(s);
    const a = app;
    if (config.only('ui'))
      await section(
        'renderer in browser mode',
        UI_NAMES.map((name) => ({ name, unit: uiUnit(name) })),
        () => runUiBench(b, a, config.ui),
      );
  } finally {
    await browser?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\nSummary (${config.quick ? 'quick' : 'full'} run, ${seconds} s, load average ${load()} on ${availableParallelism()} cores):\n`,
  );
  for (const line of humanSummary(all)) process.stdout.write(`${line}\n`);
};

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);

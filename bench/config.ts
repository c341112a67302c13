import type { ApiBenchOptions } from './api-bench';
import type { UiBenchOptions, UiPart } from './ui-bench';
import type { ValidatorSize } from './validator-bench';

// Run sizes. `--quick` keeps every name and the 20,000-message mailbox (seeding takes seconds) but runs fewer
// repetitions and shorter scrolls/downloads, to finish within a minute.

export type BenchSection = 'validator' | 'api' | 'archive' | 'ui';

export interface BenchConfig {
  quick: boolean;
  /** `--only=ui,api`: run just these sections while iterating; every section when not given. */
  only(section: BenchSection): boolean;
  messages: number;
  validator: ValidatorSize[];
  api: ApiBenchOptions;
  ui: UiBenchOptions;
}

const MB = 1024 * 1024;

export const benchConfig = (argv: readonly string[]): BenchConfig => {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const sections = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
  const only = (section: BenchSection): boolean => !sections || sections.has(section);
  // `--ui=open,first`: within the renderer section, only these parts (first screen/cold start, scroll, open).
  const uiArg = argv.find((a) => a.startsWith('--ui='));
  const uiParts = uiArg ? (uiArg.slice('--ui='.length).split(',') as UiPart[]) : undefined;
  const messages = 20_000;
  const profileDir = argv.includes('--profile') ? 'test-results/bench-profiles' : undefined;
  const config: BenchConfig = quick
    ? {
        quick,
        only,
        messages,
        validator: [
          { label: '1mb', bytes: MB, runs: 2, warmups: 1 },
          { label: '10mb', bytes: 10 * MB, runs: 1, warmups: 0 },
        ],
        api: { syncRuns: 1, syncWarmups: 0, syncPageSize: 10_000, files: 60, fileRuns: 1, expectedMessages: messages },
        ui: {
          coldRuns: 3,
          coldWarmups: 0,
          scrollRuns: 1,
          scrollRows: 600,
          rowsPerFrame: 8,
          openRuns: 1,
          openWarmups: 0,
          heapRows: 600,
          heapBudgetMs: 5_000,
        },
      }
    : {
        quick,
        only,
        messages,
        validator: [
          { label: '1mb', bytes: MB, runs: 7, warmups: 1 },
          { label: '10mb', bytes: 10 * MB, runs: 5, warmups: 1 },
        ],
        api: { syncRuns: 5, syncWarmups: 1, syncPageSize: 10_000, files: 300, fileRuns: 2, expectedMessages: messages },
        ui: {
          coldRuns: 7,
          coldWarmups: 1,
          scrollRuns: 3,
          scrollRows: 2_000,
          rowsPerFrame: 8,
          openRuns: 4,
          openWarmups: 1,
          heapRows: messages,
          heapBudgetMs: 45_000,
        },
      };
  if (profileDir) config.ui.profileDir = profileDir;
  if (uiParts) config.ui.parts = uiParts;
  return config;
};

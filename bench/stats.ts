// Pure helpers for `npm run bench`: statistics over samples and the one-JSON-object-per-line output contract.

export interface BenchLine {
  name: string;
  /** null when the feature is not there to measure. */
  value: number | null;
  unit: string;
  baseline?: number;
  /** baseline / value: how many times faster than the baseline (>1 is better). */
  ratio?: number;
  runs: number;
  min: number | null;
  max: number | null;
  note?: string;
}

const sorted = (samples: readonly number[]): number[] => {
  const finite = samples.filter((s) => Number.isFinite(s));
  if (finite.length === 0) throw new Error('no samples');
  return [...finite].sort((a, b) => a - b);
};

export const median = (samples: readonly number[]): number => {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Nearest-rank percentile (p in 0..100): the smallest sample with at least p% of the samples at or below it. */
export const percentile = (samples: readonly number[], p: number): number => {
  const s = sorted(samples);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * s.length);
  return s[Math.max(0, rank - 1)]!;
};

export const p95 = (samples: readonly number[]): number => percentile(samples, 95);

/**
 * The least time N requests can take against a token bucket of capacity B refilled at r per second, starting
 * full: the first B go at once, every further one waits for a token.
 */
export const idealSeconds = (requests: number, burst: number, ratePerSecond: number): number =>
  Math.max(0, requests - burst) / ratePerSecond;

/** ideal ÷ measured, capped at 1 (a measurement can only be slower than the ideal); 1 when the ideal is 0 and so is the cost. */
export const efficiency = (idealS: number, measuredS: number): number => {
  if (measuredS <= 0) return 1;
  return Math.min(1, idealS / measuredS);
};

/** Rounds to a precision that fits the magnitude, so lines stay readable without hiding differences. */
export const round = (v: number): number => {
  const abs = Math.abs(v);
  const digits = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

export interface SummarizeOptions {
  /** Median of the baseline's samples; the ratio is baseline / value. */
  baseline?: readonly number[];
  note?: string;
}

/** One result line from the samples of the measured runs (warm-ups are not passed in). */
export const summarize = (
  name: string,
  unit: string,
  samples: readonly number[],
  options: SummarizeOptions = {},
): BenchLine => {
  const s = sorted(samples);
  const value = median(s);
  const line: BenchLine = {
    name,
    value: round(value),
    unit,
    runs: s.length,
    min: round(s[0]!),
    max: round(s[s.length - 1]!),
  };
  if (options.baseline && options.baseline.length > 0) {
    const base = median(options.baseline);
    line.baseline = round(base);
    if (value > 0) line.ratio = round(base / value);
  }
  if (options.note) line.note = options.note;
  return line;
};

export const notBuilt = (name: string, unit: string, note = 'not built yet'): BenchLine => ({
  name,
  value: null,
  unit,
  runs: 0,
  min: null,
  max: null,
  note,
});

/** Key order is part of the contract: name, value, unit, baseline, ratio, runs, min, max (then note). */
export const formatLine = (line: BenchLine): string =>
  JSON.stringify({
    name: line.name,
    value: line.value,
    unit: line.unit,
    ...(line.baseline !== undefined ? { baseline: line.baseline } : {}),
    ...(line.ratio !== undefined ? { ratio: line.ratio } : {}),
    runs: line.runs,
    min: line.min,
    max: line.max,
    ...(line.note !== undefined ? { note: line.note } : {}),
  });

import type { BenchLine } from './stats';

// The goals printed next to each figure in the human summary. Checking them is reporting, never a test.

export interface Target {
  name: string;
  text: string;
  met(line: BenchLine): boolean;
}

const at = (v: number | null, ok: (x: number) => boolean): boolean => v !== null && ok(v);

export const TARGETS: readonly Target[] = [
  {
    name: 'strict_validate_10mb_ms',
    text: '≤ 500 ms and ≥ 6× faster than DOMPurify',
    met: (l) => at(l.value, (v) => v <= 500) && (l.ratio ?? 0) >= 6,
  },
  { name: 'list_first_screen_ms', text: '≤ 25 ms', met: (l) => at(l.value, (v) => v <= 25) },
  { name: 'open_message_html_ms', text: '≤ 150 ms', met: (l) => at(l.value, (v) => v <= 150) },
  { name: 'open_message_pdf_ms', text: '≤ 150 ms', met: (l) => at(l.value, (v) => v <= 150) },
  { name: 'list_dom_rows', text: '≤ 80 rows', met: (l) => at(l.value, (v) => v <= 80) },
  { name: 'cold_start_to_inbox_ms', text: '≤ 1500 ms', met: (l) => at(l.value, (v) => v <= 1500) },
  { name: 'fetch_files_efficiency', text: '≥ 0.95', met: (l) => at(l.value, (v) => v >= 0.95) },
  { name: 'fetch_files_429_count', text: '0 × 429', met: (l) => l.value !== null && (l.max ?? 0) === 0 },
];

const show = (l: BenchLine): string => {
  if (l.value === null) return `n/a (${l.note ?? 'no value'})`;
  const ratio = l.ratio !== undefined ? `, ${l.ratio}× vs baseline ${l.baseline} ${l.unit}` : '';
  return `${l.value} ${l.unit}${ratio} [${l.min}–${l.max}, ${l.runs} runs]`;
};

/** One line per figure: value, range, and the target with ✓/✗ where there is one. */
export const humanSummary = (lines: readonly BenchLine[]): string[] =>
  lines.map((l) => {
    const target = TARGETS.find((t) => t.name === l.name);
    const verdict = target
      ? `  target ${target.text}: ${l.value === null ? '–' : target.met(l) ? '✓ met' : '✗ missed'}`
      : '';
    return `  ${l.name.padEnd(28)} ${show(l)}${verdict}`;
  });

import { describe, expect, it } from 'vitest';
import { efficiency, formatLine, idealSeconds, median, notBuilt, p95, percentile, round, summarize } from './stats';
import { humanSummary } from './targets';
import { benchConfig } from './config';

describe('median and percentiles', () => {
  it('median of odd and even counts, in any order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('nearest-rank p95', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(p95(hundred)).toBe(95);
    expect(p95([10, 20])).toBe(20);
    expect(percentile([5, 1, 3], 0)).toBe(1);
    expect(percentile([5, 1, 3], 100)).toBe(5);
  });

  it('ignores non-finite samples and refuses an empty set', () => {
    expect(median([1, Number.NaN, 3])).toBe(2);
    expect(() => median([])).toThrow();
  });
});

describe('rate-limit ideal and efficiency', () => {
  it('first B requests are free, the rest come at r per second', () => {
    expect(idealSeconds(300, 20, 10)).toBe(28);
    expect(idealSeconds(60, 20, 10)).toBe(4);
    expect(idealSeconds(15, 20, 10)).toBe(0);
  });

  it('efficiency is ideal over measured, at most 1', () => {
    expect(efficiency(28, 35)).toBeCloseTo(0.8);
    expect(efficiency(28, 20)).toBe(1);
    expect(efficiency(0, 0)).toBe(1);
  });
});

describe('output lines', () => {
  it('summarize takes the median and range, and the ratio as baseline / value', () => {
    const line = summarize('strict_validate_1mb_ms', 'ms', [30, 10, 20], { baseline: [200, 100, 300] });
    expect(line).toEqual({
      name: 'strict_validate_1mb_ms',
      value: 20,
      unit: 'ms',
      baseline: 200,
      ratio: 10,
      runs: 3,
      min: 10,
      max: 30,
    });
  });

  it('formats one JSON object per line with the contract key order', () => {
    const text = formatLine(summarize('x_ms', 'ms', [1.23456, 2], { baseline: [4], note: 'n' }));
    expect(text).not.toContain('\n');
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      'name',
      'value',
      'unit',
      'baseline',
      'ratio',
      'runs',
      'min',
      'max',
      'note',
    ]);
    expect(Object.keys(JSON.parse(formatLine(summarize('y', 'ms', [1]))) as object)).toEqual([
      'name',
      'value',
      'unit',
      'runs',
      'min',
      'max',
    ]);
  });

  it('a feature not there yet prints a null value with a note', () => {
    expect(JSON.parse(formatLine(notBuilt('open_message_pdf_ms', 'ms')))).toEqual({
      name: 'open_message_pdf_ms',
      value: null,
      unit: 'ms',
      runs: 0,
      min: null,
      max: null,
      note: 'not built yet',
    });
  });

  it('rounds to the magnitude', () => {
    expect(round(1234.567)).toBe(1234.6);
    expect(round(12.3456)).toBe(12.35);
    expect(round(0.123456)).toBe(0.1235);
  });

  it('the human summary marks targets met and missed', () => {
    const [met, missed, none] = humanSummary([
      summarize('list_dom_rows', 'rows', [31]),
      summarize('cold_start_to_inbox_ms', 'ms', [2000]),
      notBuilt('list_first_screen_ms', 'ms'),
    ]);
    expect(met).toContain('✓ met');
    expect(missed).toContain('✗ missed');
    expect(none).toContain('n/a');
  });
});

describe('run sizes', () => {
  it('quick keeps the names of the full run', () => {
    const full = benchConfig([]);
    const quick = benchConfig(['--quick']);
    expect(quick.validator.map((v) => v.label)).toEqual(full.validator.map((v) => v.label));
    expect(quick.messages).toBe(full.messages);
    expect(quick.api.files).toBeLessThan(full.api.files);
  });
});

describe('profile summary', () => {
  it('adds self time per function, drops idle, heaviest first', async () => {
    const { topSelfTime } = await import('./profile');
    const frame = (functionName: string, url = 'http://x/assets/index.js', lineNumber = 9) => ({
      functionName,
      url,
      lineNumber,
    });
    const top = topSelfTime(
      {
        nodes: [
          { id: 1, callFrame: frame('(idle)', '', -1) },
          { id: 2, callFrame: frame('formatDateTime') },
          { id: 3, callFrame: frame('') },
        ],
        samples: [1, 2, 3, 2, 1],
        timeDeltas: [5000, 1000, 500, 2000, 5000],
      },
      5,
    );
    expect(top).toEqual([
      { fn: 'formatDateTime index.js:10', ms: 3 },
      { fn: '(anonymous) index.js:10', ms: 0.5 },
    ]);
  });
});

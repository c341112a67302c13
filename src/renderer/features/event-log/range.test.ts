import { describe, expect, it } from 'vitest';
import { EVENT_LOG_RANGE_REFUSAL } from '../../../shared/dp/assumptions';
import { defaultDays, rangeOf } from './range';

// The date fields' whole days against §7.1.1: three weeks by default, three months at most, refused before asking.

const now = new Date(2026, 11, 4, 15, 30);

describe('rangeOf', () => {
  it('starts three weeks back by default and ends now, not at midnight', () => {
    const days = defaultDays(now);
    expect(days).toEqual({ from: '2026-11-13', to: '2026-12-04' });
    const range = rangeOf(days.from, days.to, now);
    expect(range).toEqual({
      ok: true,
      dateFrom: new Date(2026, 10, 13).toISOString(),
      dateTo: now.toISOString(),
    });
  });

  it('allows exactly three months of days and refuses one more under the assumed code', () => {
    const ok = rangeOf('2026-08-04', '2026-11-04', now);
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(Date.parse(ok.dateTo) - Date.parse(ok.dateFrom)).toBeLessThanOrEqual(92 * 86_400_000);
    const tooLong = rangeOf('2026-08-04', '2026-11-05', now);
    expect(tooLong).toEqual({
      ok: false,
      error: { code: EVENT_LOG_RANGE_REFUSAL.value, textKey: 'eventLog.rangeTooLong' },
    });
  });

  it('refuses a from day after the to day', () => {
    const range = rangeOf('2026-12-04', '2026-12-01', now);
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.error.textKey).toBe('eventLog.rangeOrder');
  });
});

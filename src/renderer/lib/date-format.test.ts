import { describe, expect, it } from 'vitest';
import { formatDay, formatListDate, formatTime, fromIsoDay, isoDay, parseDay, weekdayNames } from './date-format';

// Thursday 10 December 2026, 15.30 local time.
const now = new Date(2026, 11, 10, 15, 30);
const at = (y: number, m: number, d: number, h = 9, min = 12) => new Date(y, m - 1, d, h, min).toISOString();

describe('formatDay / formatTime', () => {
  it('writes the day as dd.mm.åååå in Danish and dd/mm/yyyy in English, with leading zeros', () => {
    expect(formatDay('2026-11-05', 'da')).toBe('05.11.2026');
    expect(formatDay('2026-11-05', 'en')).toBe('05/11/2026');
    expect(formatDay(at(2026, 1, 2), 'da')).toBe('02.01.2026');
    expect(formatTime(at(2026, 1, 2, 9, 5), 'da')).toBe('09.05');
    expect(formatTime(at(2026, 1, 2, 21, 5), 'en')).toBe('21:05');
  });

  it('shows nothing for a missing or unreadable date', () => {
    expect(formatDay(undefined, 'da')).toBe('');
    expect(formatDay('not a date', 'da')).toBe('');
    expect(formatDay('2026-02-30', 'da')).toBe('');
  });
});

describe('formatListDate', () => {
  it('says today and yesterday with the time', () => {
    expect(formatListDate(at(2026, 12, 10, 9, 12), now, 'da')).toBe('i dag 09.12');
    expect(formatListDate(at(2026, 12, 9, 14, 3), now, 'da')).toBe('i går 14.03');
    expect(formatListDate(at(2026, 12, 9, 14, 3), now, 'en')).toBe('yesterday 14:03');
    expect(formatListDate(at(2026, 12, 10, 0, 1), now, 'en')).toBe('today 00:01');
  });

  it('names the weekday within the last week, and the full day before that', () => {
    expect(formatListDate(at(2026, 12, 7, 10, 15), now, 'da')).toBe('mandag 10.15');
    expect(formatListDate(at(2026, 12, 4, 10, 15), now, 'en')).toBe('Friday 10:15');
    expect(formatListDate(at(2026, 12, 3, 10, 15), now, 'da')).toBe('03.12.2026');
    expect(formatListDate(at(2025, 12, 10, 10, 15), now, 'en')).toBe('10/12/2025');
  });

  it('shows a time ahead of the clock as its day rather than as "today"', () => {
    expect(formatListDate(at(2026, 12, 11, 8, 0), now, 'da')).toBe('11.12.2026');
    expect(formatListDate(undefined, now, 'da')).toBe('');
  });
});

describe('parseDay', () => {
  const day = (text: string, language: 'da' | 'en' = 'da') => {
    const r = parseDay(text, language, now);
    return r.kind === 'day' ? r.iso : r.kind;
  };

  it('reads the ways people type a day, day first', () => {
    expect(day('05.11.2026')).toBe('2026-11-05');
    expect(day('5.11.26')).toBe('2026-11-05');
    expect(day('5/11')).toBe('2026-11-05');
    expect(day('5-11-2026')).toBe('2026-11-05');
    expect(day(' 5. 11. 2026 ')).toBe('2026-11-05');
    expect(day('05112026')).toBe('2026-11-05');
    expect(day('051126')).toBe('2026-11-05');
    expect(day('2026-11-05')).toBe('2026-11-05');
    expect(day('05/11/2026', 'en')).toBe('2026-11-05');
  });

  it('puts a two-digit year in this century unless that is more than 20 years ahead', () => {
    expect(day('1.2.46')).toBe('2046-02-01');
    expect(day('1.2.47')).toBe('1947-02-01');
  });

  it('refuses days that do not exist and text that is no day', () => {
    expect(day('31.11.2026')).toBe('invalid');
    expect(day('29.02.2026')).toBe('invalid');
    expect(day('29.02.2028')).toBe('2028-02-29');
    expect(day('13/13')).toBe('invalid');
    expect(day('i morgen')).toBe('invalid');
    expect(day('5')).toBe('invalid');
    expect(day('5.11.202')).toBe('invalid');
    expect(day('123.1.2026')).toBe('invalid');
    expect(day('')).toBe('empty');
    expect(day('   ')).toBe('empty');
  });

  it('round-trips what it writes', () => {
    for (const iso of ['2026-01-01', '2026-12-31', '2028-02-29']) {
      expect(day(formatDay(iso, 'da'))).toBe(iso);
      expect(day(formatDay(iso, 'en'), 'en')).toBe(iso);
      expect(isoDay(fromIsoDay(iso)!)).toBe(iso);
    }
  });
});

describe('weekdayNames', () => {
  it('starts the week on Monday', () => {
    expect(weekdayNames('da')[0]!.long).toBe('mandag');
    expect(weekdayNames('en')[6]!.long).toBe('Sunday');
  });
});

import i18next from 'i18next';

/**
 * Every date the app shows or reads: day-first in Danish (05.11.2026, 09.12) and the English locale's own order,
 * relative in the message list ("i dag 09.12", "i går 14.03", a weekday within the week). A calendar day travels as
 * `yyyy-mm-dd` (what the list filters send to Digital Post) and is always a local day, never a UTC instant.
 */

export type DateLanguage = 'da' | 'en';

const currentLanguage = (): DateLanguage => (i18next.language === 'en' ? 'en' : 'da');
export const dateLocale = (language: DateLanguage = currentLanguage()): string =>
  language === 'en' ? 'en-GB' : 'da-DK';

// Building an Intl formatter costs far more than using one; the list formats a date per row per frame.
const cache = new Map<string, Intl.DateTimeFormat>();
const formatter = (language: DateLanguage, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => {
  const key = `${language}|${kind}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(dateLocale(language), options)));
  return f;
};

const dayFormat = (language: DateLanguage) =>
  formatter(language, 'day', { day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = (language: DateLanguage) =>
  formatter(language, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const weekdayFormat = (language: DateLanguage, width: 'long' | 'short' | 'narrow' = 'long') =>
  formatter(language, `weekday-${width}`, { weekday: width });
const monthYearFormat = (language: DateLanguage) =>
  formatter(language, 'month-year', { month: 'long', year: 'numeric' });
const fullDayFormat = (language: DateLanguage) =>
  formatter(language, 'full-day', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

const WORDS = {
  da: { today: 'i dag', yesterday: 'i går' },
  en: { today: 'today', yesterday: 'yesterday' },
} as const;

const toDate = (value: string | Date | undefined): Date | null => {
  if (value === undefined || value === '') return null;
  const d = value instanceof Date ? value : /^\d{4}-\d{2}-\d{2}$/.test(value) ? fromIsoDay(value) : new Date(value);
  return d && !Number.isNaN(d.getTime()) ? d : null;
};

/** A local calendar day as `yyyy-mm-dd`. */
export const isoDay = (d: Date): string =>
  `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** `yyyy-mm-dd` as local midnight; null for anything else or a day that does not exist. */
export function fromIsoDay(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

function realDay(year: number, month: number, day: number): Date | null {
  const d = new Date(year, month - 1, day);
  return d.getFullYear() === year && d.getMonth() === month - 1 && d.getDate() === day ? d : null;
}

/** 05.11.2026 in Danish, 05/11/2026 in English; '' for nothing or an unreadable value. */
export function formatDay(value: string | Date | undefined, language: DateLanguage = currentLanguage()): string {
  const d = toDate(value);
  return d ? dayFormat(language).format(d) : '';
}

/** 09.12 in Danish, 09:12 in English. */
export function formatTime(value: string | Date | undefined, language: DateLanguage = currentLanguage()): string {
  const d = toDate(value);
  return d ? timeFormat(language).format(d) : '';
}

/** "torsdag 5. november 2026": how a screen reader names a day in the calendar. */
export function formatFullDay(value: string | Date, language: DateLanguage = currentLanguage()): string {
  const d = toDate(value);
  return d ? fullDayFormat(language).format(d) : '';
}

export function formatMonthYear(d: Date, language: DateLanguage = currentLanguage()): string {
  return monthYearFormat(language).format(d);
}

/** The week's day names from Monday, long and short, for the calendar's column headers. */
export function weekdayNames(language: DateLanguage = currentLanguage()): { long: string; short: string }[] {
  // 2026-11-02 is a Monday.
  return Array.from({ length: 7 }, (_, i) => {
    const d = new Date(2026, 10, 2 + i);
    return { long: weekdayFormat(language).format(d), short: weekdayFormat(language, 'short').format(d) };
  });
}

const startOfDay = (d: Date): Date => new Date(d.getFullYear(), d.getMonth(), d.getDate());
const daysBetween = (a: Date, b: Date): number =>
  Math.round((startOfDay(a).getTime() - startOfDay(b).getTime()) / 86_400_000);

/**
 * A letter's time in the list: "i dag 09.12", "i går 14.03", "mandag 10.15" within the last week, else the day
 * (05.11.2026). A time in the future (a clock off on either side) is shown as its day.
 */
export function formatListDate(
  value: string | undefined,
  now: Date = new Date(),
  language: DateLanguage = currentLanguage(),
): string {
  const d = toDate(value);
  if (!d) return '';
  const ago = daysBetween(now, d);
  const time = timeFormat(language).format(d);
  if (ago === 0) return `${WORDS[language].today} ${time}`;
  if (ago === 1) return `${WORDS[language].yesterday} ${time}`;
  if (ago > 1 && ago < 7) return `${weekdayFormat(language).format(d)} ${time}`;
  return dayFormat(language).format(d);
}

/** The order day, month and year are written in this language (day-first in both of the app's languages). */
export function dateOrder(language: DateLanguage = currentLanguage()): ('day' | 'month' | 'year')[] {
  return dayFormat(language)
    .formatToParts(new Date(2026, 10, 5))
    .map((p) => p.type)
    .filter((t): t is 'day' | 'month' | 'year' => t === 'day' || t === 'month' || t === 'year');
}

export type ParsedDay = { kind: 'empty' } | { kind: 'day'; iso: string } | { kind: 'invalid' };

const fullYear = (text: string, now: Date): number => {
  const n = Number(text);
  if (text.length > 2) return n;
  // Two digits: this century unless that lies more than 20 years ahead.
  const century = Math.floor(now.getFullYear() / 100) * 100;
  return century + n > now.getFullYear() + 20 ? century - 100 + n : century + n;
};

/**
 * A day as people type it: 05.11.2026, 5.11.26, 5/11 (this year), 5-11-2026, 05112026, or 2026-11-05, in the
 * language's order of day and month. Anything else, and days that do not exist (31.11), are invalid.
 */
export function parseDay(text: string, language: DateLanguage = currentLanguage(), now: Date = new Date()): ParsedDay {
  const s = text.trim();
  if (s === '') return { kind: 'empty' };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (iso) return dayOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  let parts: string[];
  if (/^\d{6}$|^\d{8}$/.test(s)) parts = [s.slice(0, 2), s.slice(2, 4), s.slice(4)];
  else if (/^\d{4}$/.test(s)) parts = [s.slice(0, 2), s.slice(2, 4)];
  else parts = s.split(/\s*[./\-\s]\s*/).filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^\d+$/.test(p))) return { kind: 'invalid' };
  const order = dateOrder(language).filter((t) => t !== 'year');
  const values: Record<string, string> = {};
  order.forEach((field, i) => (values[field] = parts[i]!));
  const yearText = parts[2] ?? String(now.getFullYear());
  if (yearText.length !== 2 && yearText.length !== 4) return { kind: 'invalid' };
  if ((values.day ?? '').length > 2 || (values.month ?? '').length > 2) return { kind: 'invalid' };
  return dayOf(fullYear(yearText, now), Number(values.month), Number(values.day));
}

function dayOf(year: number, month: number, day: number): ParsedDay {
  if (year < 1900 || year > 2199) return { kind: 'invalid' };
  const d = realDay(year, month, day);
  return d ? { kind: 'day', iso: isoDay(d) } : { kind: 'invalid' };
}

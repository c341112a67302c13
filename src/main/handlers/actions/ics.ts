// An RFC 5545 calendar with one VEVENT for "Tilføj til kalender". Hand-written because it is small: times in UTC
// (DATE-TIME form 2, trailing Z), TEXT values escaped (§3.3.11), lines folded at 75 octets (§3.1), CRLF endings.

export interface CalendarEvent {
  /** Stable for the same action, so importing twice updates the one event instead of adding another. */
  uid: string;
  start: string;
  end?: string;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
}

/** 2026-12-20T09:30:00.000Z → 20261220T093000Z */
export const icsUtc = (iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new RangeError(`not a time: ${iso}`);
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
};

/** TEXT escaping: backslash, semicolon, comma, newline; other control characters have no place in a calendar. */
export const icsText = (s: string): string =>
  s
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');

const encoder = new TextEncoder();

/** Folds a content line so no physical line exceeds 75 octets, never splitting a UTF-8 character. */
export const foldLine = (line: string): string => {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // Continuation lines start with one space, which counts towards their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
};

/** A one-hour event when the end is missing or not after the start. */
const endOf = (start: string, end: string | undefined): string => {
  const s = Date.parse(start);
  const e = end ? Date.parse(end) : Number.NaN;
  return new Date(Number.isNaN(e) || e <= s ? s + 3_600_000 : e).toISOString();
};

export const buildIcs = (event: CalendarEvent, now: Date = new Date()): string => {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Digital Post Desktop//Letter actions//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsUtc(now.toISOString())}`,
    `DTSTART:${icsUtc(event.start)}`,
    `DTEND:${icsUtc(endOf(event.start, event.end))}`,
    `SUMMARY:${icsText(event.summary)}`,
    ...(event.location ? [`LOCATION:${icsText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icsText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
};

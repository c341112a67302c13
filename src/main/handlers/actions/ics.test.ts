import { describe, expect, it } from 'vitest';
import { buildIcs, foldLine, icsText, icsUtc } from './ics';

/** Unfolds and splits into [name, value] pairs, as a calendar reads it. */
const parse = (ics: string): [string, string][] =>
  ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i), l.slice(i + 1)];
    });

describe('ics', () => {
  it('writes times in UTC', () => {
    expect(icsUtc('2026-12-10T09:30:00+01:00')).toBe('20261210T083000Z');
    expect(() => icsUtc('nope')).toThrow(RangeError);
  });

  it('escapes TEXT values', () => {
    expect(icsText('a,b;c\\d\ne\r\nf')).toBe('a\\,b\\;c\\\\d\\ne\\nf');
    expect(icsText('x\u0007y')).toBe('xy');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'æ'.repeat(60)}`;
    const folded = foldLine(line);
    for (const physical of folded.split('\r\n'))
      expect(new TextEncoder().encode(physical).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });

  it('builds one event with a stable UID, place, summary, CRLF endings', () => {
    const event = {
      uid: 'm1-d1-0@digitalpost-desktop',
      start: '2026-12-10T08:00:00.000Z',
      end: '2026-12-10T08:30:00.000Z',
      summary: 'Tandlæge, kontrol',
      location: 'Klinikken; 2. sal',
    };
    const ics = buildIcs(event, new Date('2026-12-04T12:00:00Z'));
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const fields = Object.fromEntries(parse(ics).filter(([k]) => k !== 'BEGIN' && k !== 'END'));
    expect(fields).toMatchObject({
      VERSION: '2.0',
      UID: 'm1-d1-0@digitalpost-desktop',
      DTSTAMP: '20261204T120000Z',
      DTSTART: '20261210T080000Z',
      DTEND: '20261210T083000Z',
      SUMMARY: 'Tandlæge\\, kontrol',
      LOCATION: 'Klinikken\\; 2. sal',
    });
    expect(parse(ics).filter(([k, v]) => k === 'BEGIN' && v === 'VEVENT')).toHaveLength(1);
    expect(buildIcs(event, new Date('2026-12-04T12:00:00Z'))).toBe(ics);
  });

  it('an appointment without a usable end lasts an hour', () => {
    const ics = buildIcs({ uid: 'u', start: '2026-12-10T08:00:00Z', end: '2026-12-10T07:00:00Z', summary: 's' });
    expect(ics).toContain('DTEND:20261210T090000Z');
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchArchive, type ArchiveSearchQuery } from './archive-search';
import { fakeMessage, putLetters, tempArchive, type TempArchive } from './archive.test-support';
import { parseSearch } from './fts-query';

let archive: TempArchive;

const letter = (id: string, extra: Parameters<typeof fakeMessage>[0], text?: string) => ({
  message: fakeMessage({ id, files: [{ filename: 'brev.html', encodingFormat: 'text/html' }], ...extra }),
  contents: [{ bytes: Buffer.from(text ?? ''), text: text ?? null }],
});

beforeAll(() => {
  archive = tempArchive();
  putLetters(archive.store, [
    letter('aeble', { label: 'Om æbletræer', date: '2026-01-10T09:00:00Z' }, 'Vores æble er rødt.'),
    letter('ae', { label: 'Stavet uden æ', date: '2026-01-09T09:00:00Z' }, 'Her står aeble med ae.'),
    letter(
      'son',
      { label: 'Søn og datter', sender: 'Københavns Kommune', date: '2025-12-01T09:00:00Z' },
      'Din søn skal i skole.',
    ),
    letter(
      'skat',
      { label: 'Restskat', sender: 'Skattestyrelsen', flag: true, read: true, date: '2025-06-01T09:00:00Z' },
      'Du skal betale din restskat senest fredag.',
    ),
    letter('order', { label: 'Ordstilling', date: '2025-05-01T09:00:00Z' }, 'fredag senest betale skal du'),
    {
      message: fakeMessage({
        id: 'legal',
        label: 'Forkyndelse af afgørelse',
        legallyNotified: true,
        note: 'Husk klagefristen',
        date: '2024-03-03T09:00:00Z',
        files: [
          { filename: 'afgørelse.pdf', encodingFormat: 'application/pdf' },
          { filename: 'Bilag-Regnskab.csv', encodingFormat: 'text/csv' },
        ],
      }),
      contents: [
        { bytes: Buffer.from('%PDF'), text: 'Afgørelsen træder i kraft straks.' },
        { bytes: Buffer.from('a;b'), text: 'a;b' },
      ],
    },
  ]);
});
afterAll(() => archive.dispose());

const ids = (q: ArchiveSearchQuery): string[] => searchArchive(archive.db, q).hits.map((h) => h.message.id);

describe('Danish letters stay letters', () => {
  it('æble finds æble, not aeble; aeble finds only aeble', () => {
    expect(ids({ text: 'æble' })).toEqual(['aeble']);
    expect(ids({ text: 'aeble' })).toEqual(['ae']);
  });
  it('ø is not o, and case folds for Danish capitals too', () => {
    expect(ids({ text: 'søn' })).toEqual(['son']);
    expect(ids({ text: 'son' })).toEqual([]);
    expect(ids({ text: 'KØBENHAVNS' })).toEqual(['son']);
    expect(ids({ text: 'Å' })).toEqual([]);
  });
});

describe('prefix and phrase', () => {
  it('a loose word matches the start of words', () => {
    expect(ids({ text: 'æbletr' })).toEqual(['aeble']);
    expect(ids({ text: 'rest' })).toEqual(['skat']);
    expect(ids({ text: 'afgør' })).toEqual(['legal']);
  });
  it('a quoted phrase matches those words in that order, whole', () => {
    expect(ids({ text: '"betale din restskat"' })).toEqual(['skat']);
    expect(ids({ text: 'betale skal fredag' }).sort()).toEqual(['order', 'skat']);
    expect(ids({ text: '"skal betale"' })).toEqual(['skat']);
    expect(ids({ text: '"rest"' })).toEqual([]);
  });
  it('searches attachment names, notes and senders', () => {
    expect(ids({ text: 'regnskab' })).toEqual(['legal']);
    expect(ids({ text: 'klagefristen' })).toEqual(['legal']);
    expect(ids({ text: 'skattestyrelsen restskat' })).toEqual(['skat']);
  });
});

describe('filters', () => {
  it('flagged, unread, legally notified, attachments, sender and dates narrow the result', () => {
    expect(ids({ flagged: true })).toEqual(['skat']);
    expect(ids({ unread: false })).toEqual(['skat']);
    expect(ids({ legallyNotified: true })).toEqual(['legal']);
    expect(ids({ hasAttachments: true })).toEqual(['legal']);
    expect(ids({ sender: 'københavns kommune' })).toEqual(['son']);
    expect(ids({ sender: 'KØBENHAVNS KOMMUNE' })).toEqual(['son']);
    expect(ids({ sender: 'København' })).toEqual([]);
    expect(ids({ dateFrom: '2025-06-01', dateTo: '2025-12-31' })).toEqual(['son', 'skat']);
    expect(ids({ text: 'skal', dateTo: '2025-06-01' })).toEqual(['skat', 'order']);
    expect(ids({ text: 'skal', mailboxIds: ['other'] })).toEqual([]);
  });
});

describe('snippets and terms', () => {
  it('marks the matched words and returns the terms to highlight', () => {
    const result = searchArchive(archive.db, { text: 'restsk "senest fredag"' });
    expect(result.terms).toEqual([
      { words: ['restsk'], prefix: true },
      { words: ['senest', 'fredag'], prefix: false },
    ]);
    const parts = result.hits[0]!.snippet!;
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['restskat', 'senest fredag']);
    expect(parts.map((p) => p.text).join('')).toContain('Du skal betale din restskat senest fredag');
  });
});

describe('FTS5 syntax from the user never throws', () => {
  it.each([
    '"',
    '*',
    'NEAR',
    'NEAR(a b)',
    '-',
    'a OR',
    'AND',
    '(',
    ')',
    '^x',
    'subject:x',
    '"a" *"',
    "'",
    '\\',
    '{a b}',
    ':',
    '+',
    '-æble',
  ])('%s', (text) => {
    expect(() => searchArchive(archive.db, { text })).not.toThrow();
  });
  it('NOT and OR are words to look for, not operators', () => {
    expect(ids({ text: 'æble OR restskat' })).toEqual([]);
    expect(ids({ text: '-æble' })).toEqual(['aeble']);
  });
  it('any text at all', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        searchArchive(archive.db, { text });
      }),
      { numRuns: 300 },
    );
  });
  it('builds only quoted terms', () => {
    // An unclosed quote runs to the end; its operators and wildcard are plain words inside the phrase.
    expect(parseSearch('a"b NEAR( x*').match).toBe('"a"* AND "b near x"');
    expect(parseSearch('e-Boks').match).toBe('"e boks"*');
    expect(parseSearch(' * - " ').match).toBeNull();
  });
});

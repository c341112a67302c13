import { describe, expect, it } from 'vitest';
import { search } from './search';

const items = [
  { id: 'a', label: 'Københavns Kommune - Borger Service', sender: { label: 'Kommunen' }, n: 3 },
  { id: 'b', label: 'Københavns Kommune - Affald', sender: { label: 'Kommunen' }, n: 1 },
  { id: 'c', label: 'Flytteroden er klar', sender: { label: 'Skattestyrelsen' }, n: 2 },
  { id: 'd', label: 'Årsopgørelse', sender: { label: 'Skattestyrelsen' }, n: 4 },
];
const ids = (result: Record<string, unknown>) => (result.items as { id: string }[]).map((i) => i.id);
const run = (query: Record<string, string | string[]>) =>
  search(items, query, { plural: 'items', defaultSort: [{ path: 'n', desc: false }] });

describe('§3.3 query language', () => {
  it('searches one field: several values OR, several fields AND', () => {
    expect(ids(run({ 'sender.label': 'Skattestyrelsen' }))).toEqual(['c', 'd']);
    expect(ids(run({ label: ['Affald', 'Årsopgørelse'] }))).toEqual(['b', 'd']);
    expect(ids(run({ label: 'Affald,Årsopgørelse' }))).toEqual(['b', 'd']);
    expect(ids(run({ 'sender.label': 'Kommunen', label: 'Affald' }))).toEqual(['b']);
  });

  it('applies |, & and ! operators', () => {
    expect(ids(run({ 'sender.label': '|Kommunen', label: '|Årsopgørelse' }))).toEqual(['b', 'a', 'd']);
    expect(ids(run({ label: ['|Københavns', '!Affald'] }))).toEqual(['a']);
    expect(ids(run({ label: '&Kommune', 'sender.label': '&Kommunen' }))).toEqual(['b', 'a']);
  });

  it('matches quoted terms exactly and expands * and ? wildcards on fields only', () => {
    expect(ids(run({ label: '"Københavns Kommune - Borger Service"' }))).toEqual(['a']);
    expect(ids(run({ label: 'Københavns Kommune' }))).toEqual(['b', 'a']);
    expect(ids(run({ label: 'Flytterod*' }))).toEqual(['c']);
    expect(ids(run({ label: 'Årsopgørels?' }))).toEqual(['d']);
    expect(ids(run({ any: 'Flytterod*' }))).toEqual([]);
  });

  it('searches all fields with any (several values OR)', () => {
    expect(ids(run({ any: 'skattestyrelsen' }))).toEqual(['c', 'd']);
    expect(ids(run({ any: ['affald', 'årsopgørelse'] }))).toEqual(['b', 'd']);
  });

  it('rejects a value longer than 100 characters', () => {
    expect(() => run({ label: 'x'.repeat(101) })).toThrow(/exceeds limit of 100/);
    expect(() => run({ label: 'x'.repeat(100) })).not.toThrow();
  });

  it('sorts by sortFields with asc/desc and pages with page/size', () => {
    expect(ids(run({ sortFields: 'n:desc' }))).toEqual(['d', 'a', 'c', 'b']);
    expect(ids(run({ sortFields: 'sender.label:asc,n:desc' }))).toEqual(['a', 'b', 'd', 'c']);
    const page = run({ page: '1', size: '3' });
    expect(page).toMatchObject({ currentPage: 1, totalPages: 2, elementsOnPage: 1, totalElements: 4 });
    expect(ids(page)).toEqual(['d']);
    expect(() => run({ size: '10001' })).toThrow();
    expect(() => run({ size: 'abc' })).toThrow();
    expect(() => run({ sortFields: 'n:sideways' })).toThrow();
  });

  it('pages with next until the end, currentPage staying 0', () => {
    const seen: string[] = [];
    let result = run({ size: '3' });
    seen.push(...ids(result));
    while (typeof result.next === 'string' && result.next !== '') {
      result = run({ size: '3', next: result.next });
      expect(result.currentPage).toBe(0);
      seen.push(...ids(result));
    }
    expect(seen).toEqual(['b', 'c', 'a', 'd']);
    // The last page says so with an empty next, as §3.3.2 prints it.
    expect(result.next).toBe('');
    expect(() => run({ next: 'garbage' })).toThrow(/next/);
  });

  it('returns only the requested fields', () => {
    const result = run({ fields: 'id,sender.label', size: '1' });
    expect(result.items).toEqual([{ id: 'b', sender: { label: 'Kommunen' } }]);
  });
});

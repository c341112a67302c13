import { describe, expect, it } from 'vitest';
import { AppFault } from '../../errors';
import { toAnySearch, toMessageQueryParams, toQueryDate, toSenderLabelSearch, withTiebreaker } from './query';

const faultOf = (fn: () => unknown): AppFault => {
  try {
    fn();
  } catch (err) {
    if (err instanceof AppFault) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('toAnySearch', () => {
  it('keeps loose words together in one value and drops empty input', () => {
    expect(toAnySearch('  skat   årsopgørelse ')).toEqual(['skat årsopgørelse']);
    expect(toAnySearch('   ')).toEqual([]);
  });

  it('sends a quoted phrase whole, AND-ed with the loose words', () => {
    expect(toAnySearch('"Københavns Kommune"')).toEqual(['"Københavns Kommune"']);
    expect(toAnySearch("affald 'Borger Service, Vest' x")).toEqual(['&affald x', "&'Borger Service, Vest'"]);
  });

  it('drops wildcards, which `any` does not support', () => {
    expect(toAnySearch('Flytterod*')).toEqual(['Flytterod']);
    expect(toAnySearch('a*b? c')).toEqual(['a b c']);
  });

  it('neutralises commas (OR separators) and leading operators', () => {
    expect(toAnySearch('skat,bolig')).toEqual(['skat bolig']);
    expect(toAnySearch('!skat |bolig &x')).toEqual(['skat bolig x']);
  });

  it('refuses more than 100 characters with the code Digital Post uses', () => {
    expect(toAnySearch('x'.repeat(100))).toEqual(['x'.repeat(100)]);
    const fault = faultOf(() => toAnySearch('x'.repeat(101)));
    expect(fault.appError.code).toBe('digital.post.error');
    expect(fault.appError.fieldErrors?.[0]?.message).toContain('exceeds limit of 100');
  });
});

describe('toSenderLabelSearch', () => {
  it('quotes the label for a full match and switches quote when the label holds one', () => {
    expect(toSenderLabelSearch('Skattestyrelsen')).toBe('"Skattestyrelsen"');
    expect(toSenderLabelSearch('Firma "X"')).toBe('\'Firma "X"\'');
  });
  it('refuses over 100 characters', () => {
    expect(faultOf(() => toSenderLabelSearch('y'.repeat(101))).appError.code).toBe('digital.post.error');
  });
});

describe('toQueryDate', () => {
  it('accepts yyyy-MM-dd and cuts an ISO date-time to its date', () => {
    expect(toQueryDate('dateFrom', '2024-03-01')).toBe('2024-03-01');
    expect(toQueryDate('dateTo', '2024-03-01T23:00:00.000Z')).toBe('2024-03-01');
  });
  it('refuses anything else', () => {
    expect(faultOf(() => toQueryDate('dateFrom', '01-03-2024')).appError.code).toBe('app.ipc.invalid-request');
  });
});

describe('toMessageQueryParams', () => {
  it('defaults the sort to newest first', () => {
    expect(toMessageQueryParams({})).toEqual({ sortFields: 'messageDateTime:desc,id:desc' });
  });

  it('maps every field', () => {
    expect(
      toMessageQueryParams({
        folderId: 'f1',
        size: 200,
        page: 2,
        sort: { field: 'sender.label', direction: 'asc' },
        dateFrom: '2024-01-01',
        dateTo: '2024-12-31',
        search: 'skat',
        senderLabel: 'Skattestyrelsen',
      }),
    ).toEqual({
      folderId: 'f1',
      size: 200,
      page: 2,
      sortFields: 'sender.label:asc,id:asc',
      dateFrom: '2024-01-01',
      dateTo: '2024-12-31',
      any: 'skat',
      'sender.label': '"Skattestyrelsen"',
    });
  });

  it('ends every sort with the unique id, so paging with next neither skips nor repeats (§3.3.3)', () => {
    expect(withTiebreaker('messageDateTime:desc')).toBe('messageDateTime:desc,id:desc');
    expect(withTiebreaker('label')).toBe('label,id:asc');
    expect(withTiebreaker('label:asc,messageDateTime:DESC')).toBe('label:asc,messageDateTime:DESC,id:desc');
    expect(withTiebreaker('id:desc')).toBe('id:desc');
    expect(withTiebreaker('id,label:asc')).toBe('id,label:asc');
    expect(withTiebreaker('messageDateTime:asc,id:desc')).toBe('messageDateTime:asc,id:desc');
    const paged = toMessageQueryParams({ next: 'abc', sort: { field: 'messageDateTime', direction: 'asc' } });
    expect(String(paged.sortFields).split(',').at(-1)).toBe('id:asc');
  });

  it('sends next instead of page', () => {
    const params = toMessageQueryParams({ page: 3, next: 'abc', size: 50 });
    expect(params.next).toBe('abc');
    expect(params.page).toBeUndefined();
    expect(params.size).toBe(50);
  });
});

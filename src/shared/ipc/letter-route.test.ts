import { describe, expect, it } from 'vitest';
import { letterHash, parseLetterHash } from './letter-route';

const ref = { mailboxId: 'mb-1', messageId: 'm 2', documentId: 'd/3', fileId: 'f#4' };

describe('letter route', () => {
  it('round-trips a file reference, encoding what would split it', () => {
    const hash = letterHash(ref);
    expect(hash).toBe('#letter=mb-1/m%202/d%2F3/f%234');
    expect(parseLetterHash(hash)).toEqual(ref);
  });

  it.each([
    '',
    '#',
    '#inbox',
    '#letter=',
    '#letter=a/b/c',
    '#letter=a/b/c/d/e',
    '#letter=a/b//d',
    '#letter=%E0%A4%A/b/c/d',
  ])('is the ordinary app for %j', (hash) => {
    expect(parseLetterHash(hash)).toBeNull();
  });

  it('refuses ids longer than any Digital Post id', () => {
    expect(parseLetterHash(`#letter=${'a'.repeat(201)}/b/c/d`)).toBeNull();
  });
});

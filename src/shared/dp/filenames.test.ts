import { describe, expect, it } from 'vitest';
import { invalidFilenameCharacters, scrubFilename } from './filenames';

describe('scrubFilename', () => {
  it('removes the character as in §6.13: file>name.pdf becomes filename.pdf', () => {
    expect(scrubFilename('file>name.pdf')).toBe('filename.pdf');
  });

  it.each(['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\r', '\n', '\r\n'])('removes %j', (ch) => {
    expect(scrubFilename(`a${ch}b.txt`)).toBe('ab.txt');
  });

  it.each([
    0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x205f,
    0x2060, 0x3000,
  ])('removes U+%s', (code) => {
    expect(scrubFilename(`brev${String.fromCharCode(code)}1.pdf`)).toBe('brev1.pdf');
  });

  it('keeps ordinary spaces, Danish letters and other punctuation', () => {
    const name = 'Årsopgørelse 2024 (kopi) - æøå_#&+,;=[]{}.pdf';
    expect(scrubFilename(name)).toBe(name);
    expect(invalidFilenameCharacters(name)).toEqual([]);
  });
});

describe('invalidFilenameCharacters', () => {
  it('lists each offending character once, in order', () => {
    expect(invalidFilenameCharacters('a:b?c:d\u00a0e\r\nf')).toEqual([':', '?', '\u00a0', '\r', '\n']);
  });
});

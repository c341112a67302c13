import { describe, expect, it } from 'vitest';
import { contentOf, filenameFor, formatOfFile, sameContent, wordsOf } from './content';

describe('draft content', () => {
  it('knows html and plain text files, with parameters, and nothing else', () => {
    expect(formatOfFile('text/html')).toBe('html');
    expect(formatOfFile('text/plain; charset=utf-8')).toBe('text');
    expect(formatOfFile('application/pdf')).toBeUndefined();
  });
  it('a switch keeps the filename and changes its extension', () => {
    expect(filenameFor('hoveddokument.html', 'text')).toBe('hoveddokument.txt');
    expect(filenameFor('hoveddokument.txt', 'html')).toBe('hoveddokument.html');
    expect(filenameFor('brev.HTM', 'text')).toBe('brev.txt');
    expect(filenameFor('.html', 'text')).toBe('hoveddokument.txt');
  });
  it('the same words in another format are other content', () => {
    expect(sameContent(contentOf('text', 'Hej'), { format: 'text', text: 'Hej' })).toBe(true);
    expect(sameContent(contentOf('text', 'Hej'), contentOf('html', 'Hej'))).toBe(false);
    expect(wordsOf(contentOf('html', '<p>a</p>'))).toBe('<p>a</p>');
  });
});

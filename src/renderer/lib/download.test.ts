// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLetterTab, startDownload } from './download';

afterEach(() => vi.restoreAllMocks());

describe('startDownload', () => {
  it('follows only a one-time download path of our own server, asking for a download', () => {
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    startDownload('/download/abc_DEF-123');
    expect(clicked).toHaveLength(1);
    expect(clicked[0]!.getAttribute('href')).toBe('/download/abc_DEF-123');
    expect(clicked[0]!.hasAttribute('download')).toBe(true);
    expect(document.querySelectorAll('a')).toHaveLength(0);

    for (const path of ['https://evil.example/download/x', '/download/../bridge/x', 'javascript:alert(1)', '//evil/x'])
      startDownload(path);
    expect(clicked).toHaveLength(1);
  });
});

describe('openLetterTab', () => {
  it('opens the letter view of the app in a new tab without an opener, and nothing else', () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    expect(openLetterTab('#letter=a/b/c/d')).toBe(true);
    expect(open).toHaveBeenCalledWith('/#letter=a/b/c/d', '_blank', 'noopener');
    expect(openLetterTab('https://evil.example/')).toBe(false);
    expect(open).toHaveBeenCalledTimes(1);
  });
});

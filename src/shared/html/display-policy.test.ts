// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import { describe, expect, it } from 'vitest';
import {
  BLOCKED_IMAGE_PLACEHOLDER,
  buildIframeDocument,
  DISPLAY_CSP,
  sanitizeForDisplay,
  scrubCss,
  scrubCssUrls,
} from './display-policy';

// The renderer passes its own window; here jsdom's stands in for it.
const purify = DOMPurify(window);
const show = (html: string) => sanitizeForDisplay(html, purify);

describe('sanitizeForDisplay', () => {
  it('detaches links in the same pass when asked: no href left, each target listed once, and whether anything shows', () => {
    const r = sanitizeForDisplay(
      '<p><a href="https://skat.dk/a">Skat</a> <a href="https://skat.dk/a">igen</a> <a href="mailto:x@y.dk"></a></p>',
      purify,
      { detachLinks: true },
    );
    expect(r.html).not.toMatch(/href|data-dp-href/);
    expect(r.links).toEqual([
      { text: 'Skat', url: 'https://skat.dk/a' },
      { text: 'mailto:x@y.dk', url: 'mailto:x@y.dk' },
    ]);
    expect(r.hasContent).toBe(true);
    expect(sanitizeForDisplay('<script>x</script><p> </p>', purify, { detachLinks: true }).hasContent).toBe(false);
  });

  it('removes scripts and event handlers', () => {
    const { html } = show(
      '<p onclick="a()" onmouseover="b()">x<script>alert(1)</script></p><svg><script>c()</script></svg>',
    );
    expect(html).toBe('<p>x</p>');
    expect(show('<img src="data:image/png;base64,AA" onerror="alert(1)">').html).not.toContain('onerror');
  });

  it('keeps https and mailto links, marked for the renderer, and drops the rest and target', () => {
    const { html } = show(
      '<a href="https://borger.dk" target="_blank">b</a><a href="mailto:a@b.dk">m</a>' +
        '<a href="javascript:alert(1)">j</a><a href=" JaVaScRiPt:alert(1)">k</a><a href="vbscript:x">v</a>' +
        '<a href="data:text/html,x">d</a><a href="http://dr.dk">h</a>',
    );
    expect(html).toBe(
      '<a href="https://borger.dk" data-dp-href="https://borger.dk">b</a>' +
        '<a href="mailto:a@b.dk" data-dp-href="mailto:a@b.dk">m</a><a>j</a><a>k</a><a>v</a><a>d</a><a>h</a>',
    );
    expect(html).not.toMatch(/javascript|vbscript|target|data:text/i);
  });

  it('replaces remote images by a placeholder and counts them, keeping inline images', () => {
    const result = show(
      '<img src="https://track.er/p.gif" width="1"><img src="//cdn/x.png"><img src="data:image/png;base64,AA" alt="ok">' +
        '<picture><source srcset="https://x/a.png"><img src="http://x/b.png"></picture>',
    );
    expect(result.blockedRemoteImages).toBe(3);
    expect(result.html).not.toMatch(/track\.er|cdn|x\/a\.png|x\/b\.png/);
    expect(result.html).toContain('<img src="data:image/png;base64,AA" alt="ok">');
    expect(result.html.split(BLOCKED_IMAGE_PLACEHOLDER.replace(/&/g, '&amp;')).length - 1).toBe(3);
    expect(result.html.match(/data-dp-blocked-image/g)).toHaveLength(3);
  });

  it('removes CSS url()s except inline images, in style attributes and style elements', () => {
    const { html } = show(
      '<html><head><style>@import url(https://x/a.css); body{background:url("https://t/p.gif")} ' +
        '.a{background:url(data:image/png;base64,AA)}</style></head>' +
        '<body><div style="background-image:url(\'https://x/y.png\'); color: blue">s</div></body></html>',
    );
    expect(html).not.toMatch(/https:\/\/|@import/);
    expect(html).toContain('url(data:image/png;base64,AA)');
    expect(html).toContain('<div style="background-image:none; color: blue">s</div>');
  });

  it('removes frames, objects, embeds, forms, meta, base and link', () => {
    const { html } = show(
      '<html><head><meta http-equiv="refresh" content="0;url=https://x"><base href="https://x/"><link rel="stylesheet" href="https://x/c.css"></head>' +
        '<body><iframe src="https://x"></iframe><object data="https://x"></object><embed src="https://x">' +
        '<form action="https://x"><input name="a"><button>b</button></form><frameset></frameset><p>ok</p></body></html>',
    );
    expect(html).not.toMatch(/<(iframe|object|embed|form|input|button|meta|base|link|frameset)\b/i);
    expect(html).toContain('<p>ok</p>');
  });

  it('keeps what LENIENT allows for layout', () => {
    const { html } = show(
      '<table border="1" cellpadding="2" width="100%"><tbody><tr><td colspan="2" class="c" id="i">c</td></tr></tbody></table><pre>p</pre><!-- comment -->',
    );
    expect(html).toBe(
      '<table border="1" cellpadding="2" width="100%"><tbody><tr><td colspan="2" class="c" id="i">c</td></tr></tbody></table><pre>p</pre>',
    );
  });
});

describe('CSS that hides its URLs', () => {
  it('drops styles whose escapes spell a remote url(), and image-set()', () => {
    expect(scrubCss('background:\\75 rl(https://x/y.png)')).toBe('');
    expect(scrubCss('a{b:u\\rl(https://x)}')).toBe('');
    expect(scrubCss('q{quotes:"\\201C" "\\201D"}')).toBe('q{quotes:"\\201C" "\\201D"}');
    expect(scrubCss('b{background:-webkit-image-set("https://x/a.png" 1x)}')).not.toMatch(
      /(?<![\w-])-webkit-image-set\(/,
    );
    const { html } = show('<div style="background:\\75 rl(https://x/y.png)">s</div><p style="c\\olor:red">t</p>');
    expect(html).toBe('<div>s</div><p style="c\\olor:red">t</p>');
  });

  it('never lets a scrubbed <style> end early', () => {
    expect(scrubCss('p{color:red}<@import x;/style><b>')).toBe('');
    const { html } = show('<style>p{color:red}<@import x;/style><img src=x onerror=alert(1)></style><p>x</p>');
    expect(html).not.toMatch(/onerror|<\/style><img/);
  });

  it('does not trust data-dp-* attributes from the sender', () => {
    const { html } = show(
      '<a data-dp-href="javascript:alert(1)">x</a><img data-dp-blocked-image src="data:image/png;base64,AA">',
    );
    expect(html).toBe('<a>x</a><img src="data:image/png;base64,AA">');
  });
});

describe('scrubCssUrls', () => {
  it('leaves inline images and removes everything else', () => {
    expect(scrubCssUrls("a{b:url( 'data:image/gif;base64,R0' )}")).toBe("a{b:url( 'data:image/gif;base64,R0' )}");
    expect(scrubCssUrls('a{b:URL(https://x)} @import "x.css";')).toBe('a{b:none} ');
  });
});

describe('buildIframeDocument', () => {
  it('wraps the HTML in a document whose CSP allows only inline styles and data images', () => {
    const doc = buildIframeDocument('<p>x</p>');
    expect(DISPLAY_CSP).toBe("default-src 'none'; img-src data:; style-src 'unsafe-inline'");
    const parsed = new DOMParser().parseFromString(doc, 'text/html');
    expect(parsed.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      DISPLAY_CSP,
    );
    expect(parsed.body.innerHTML).toBe('<p>x</p>');
  });
});

// @vitest-environment jsdom
import DOMPurify from 'dompurify';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixStrictHtml } from './fix-strict';
import { LENIENT_POLICY } from './lenient-policy';
import { STRICT_CSS_KEYWORDS, STRICT_CSS_PROPERTIES } from './strict-css-whitelist';
import { STRICT_POLICY } from './strict-policy';
import { validateStrictHtml } from './validate-strict';

// The renderer passes its own window; here jsdom's stands in for it.
const purify = DOMPurify(window);

const fix = (html: string) => fixStrictHtml(html, purify);

describe('fixStrictHtml', () => {
  it('repairs the §6.14 example into approved HTML, keeping what was allowed', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"/>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/><meta http-equiv="refresh" content="5"/>
<title>Test page</title></head><body><h1>Hello Digst</h1>
<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAA" alt="" />
<h1 style="background-image:url(&#39;data:image/png;base64,cwAADsMAAA&#39;)">Hello</h1>
<a href="http://www.dr.dk">Danmarks Radio</a></body></html>`;
    const result = fix(html);
    expect(validateStrictHtml(result.html)).toEqual({ approved: true });
    expect(result.html).toMatch(/^<!DOCTYPE html>/);
    expect(result.html).toContain('<title>Test page</title>');
    expect(result.html).toContain('http-equiv="content-type"');
    expect(result.html).not.toContain('refresh');
    expect(result.html).toContain('data:image/png;base64,cwAADsMAAA');
    expect(result.html).toContain('Danmarks Radio');
    expect(result.html).not.toContain('<a');
    expect(result.removed).toEqual(
      expect.arrayContaining([
        { kind: 'attribute', name: 'http-equiv', count: 1 },
        { kind: 'attribute', name: 'href', count: 1 },
        { kind: 'element', name: 'a', count: 1 },
      ]),
    );
  });

  it('keeps the text of dropped elements, drops scripts and comments, and counts what went', () => {
    const result = fix('<p>a<!-- c --><!-- d --><blink>b</blink><script>evil()</script><cite>c</cite></p>');
    expect(result.html).toBe('<p>abc</p>');
    expect(result.removed).toEqual(
      expect.arrayContaining([
        { kind: 'comment', name: '#comment', count: 2 },
        { kind: 'element', name: 'blink', count: 1 },
        { kind: 'element', name: 'script', count: 1 },
        { kind: 'element', name: 'cite', count: 1 },
      ]),
    );
  });

  it('filters attributes per element and value', () => {
    expect(fix('<p align="center" title="t" onclick="x">x</p>').html).toBe('<p title="t">x</p>');
    expect(fix('<td align="left" colspan="2">x</td>').html).toBe('x');
    expect(fix('<table><tbody><tr><td align="left" colspan="2">x</td></tr></tbody></table>').html).toBe(
      '<table><tbody><tr><td align="left">x</td></tr></tbody></table>',
    );
    expect(fix('<img alt="a" width=" 12 " height="1.5" border="2px" src="https://x/y.png">').html).toBe(
      '<img alt="a" width="12">',
    );
    expect(
      fix('<a href="javascript:alert(1)" target="_self">x</a> <a href="https://x" target="_blank">y</a>').html,
    ).toBe('x <a href="https://x" target="_blank">y</a>');
  });

  it('filters CSS to listed properties and allowed values, keeping data URIs only', () => {
    const result = fix(
      '<p style="color: RED; position: fixed; background: url(http://x/y.png) #fff; width: expression(alert(1))">x</p>',
    );
    expect(result.html).toBe('<p style="color:red;background:#fff">x</p>');
    expect(result.removed).toEqual(
      expect.arrayContaining([
        { kind: 'css', name: 'position', count: 1 },
        { kind: 'css', name: 'width', count: 1 },
        { kind: 'css', name: 'url()', count: 1 },
      ]),
    );
    expect(fix('<p style="position: fixed">x</p>').html).toBe('<p>x</p>');
    expect(fix('<span style="background-image: url(\'data:image/gif;base64,R0lG\')">x</span>').html).toBe(
      '<span style="background-image:url(&quot;data:image/gif;base64,R0lG&quot;)">x</span>',
    );
  });

  it('drops values the property itself does not take, as Digital Post does', () => {
    expect(fix('<p style="margin: red; color: red">x</p>').html).toBe('<p style="color:red">x</p>');
    expect(fix('<p style="margin: 1px red">x</p>').html).toBe('<p style="margin:1px">x</p>');
    expect(fix('<table style="padding:auto"><tbody><tr><td>x</td></tr></tbody></table>').html).toBe(
      '<table><tbody><tr><td>x</td></tr></tbody></table>',
    );
    expect(fix('<p style="margin: url(data:image/png;base64,AA)">x</p>').html).toBe('<p>x</p>');
  });

  it('removes its hooks after each call', () => {
    fix('<p>x</p>');
    expect(purify.sanitize('<a href="http://www.dr.dk" class="c">x</a>')).toBe(
      '<a href="http://www.dr.dk" class="c">x</a>',
    );
  });

  it('always produces HTML the validator approves', { timeout: 60_000 }, () => {
    // Values that some properties take and others don't, so the per-property check is exercised.
    const keywords = fc.constantFrom(
      ...STRICT_CSS_KEYWORDS.slice(0, 60),
      'notakeyword',
      '12px',
      '-3.5em',
      '50%',
      '#abc',
      'red',
      'auto',
      'inherit',
      '0',
      '400',
      'bold',
      'circle',
      'to',
      'Arial',
    );
    const cssValue = fc.oneof(
      keywords,
      fc.constantFrom(
        'url(http://x/y.png)',
        "url('data:image/png;base64,AA')",
        'url(javascript:x)',
        'rgb(1, 2, 3)',
        'radial-gradient(circle, red 10%, #fff)',
        'linear-gradient(to right, red, url(http://x))',
        'expression(alert(1))',
        '"Times New Roman"',
        '!important',
        '\\75rl(x)',
        ')(',
      ),
      fc.string({ maxLength: 8 }),
    );
    const declaration = fc
      .tuple(
        fc.oneof(fc.constantFrom(...STRICT_CSS_PROPERTIES), fc.constantFrom('position', 'behavior', 'x')),
        fc.array(cssValue, { maxLength: 3 }),
      )
      .map(([p, vs]) => `${p}: ${vs.join(' ')}`);
    const style = fc.array(declaration, { maxLength: 3 }).map((ds) => ds.join('; '));
    const attributeNames = [
      ...new Set([
        ...Object.keys(LENIENT_POLICY.globalAttributes),
        ...Object.values(LENIENT_POLICY.elementAttributes).flatMap((a) => Object.keys(a)),
        'onclick',
        'onerror',
        'id',
        'data-x',
        '__proto__',
        'constructor',
        'xmlns:v',
      ]),
    ];
    const attrValue = fc.oneof(
      fc.constantFrom(
        'https://borger.dk',
        'http://dr.dk',
        'mailto:a@b.dk',
        'javascript:alert(1)',
        'data:image/png;base64,AA',
        'data:text/html,x',
        '_blank',
        '_self',
        'content-type',
        'Content-Security-Policy',
        'refresh',
        '10',
        ' 7 ',
        '1.5',
        '-1',
        '',
      ),
      fc.string({ maxLength: 10 }),
    );
    const attribute = fc.oneof(
      fc.tuple(fc.constantFrom(...attributeNames), attrValue),
      style.map((s) => ['style', s] as [string, string]),
    );
    const tagNames = [
      ...LENIENT_POLICY.elements,
      ...STRICT_POLICY.elements,
      'script',
      'iframe',
      'svg',
      'math',
      'form',
      'input',
      'textarea',
      'select',
      'noscript',
      'template',
      'xmp',
      'plaintext',
      'x-y',
      'link',
      'base',
    ];
    const escape = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.string({ maxLength: 12 }),
        fc.constantFrom(
          '<!-- c -->',
          '<!--[if mso]>x<![endif]-->',
          '<![CDATA[x]]>',
          '&lt;',
          '<',
          '>',
          '</p>',
          '<?xml x?>',
        ),
        fc
          .tuple(
            fc.constantFrom(...tagNames),
            fc.array(attribute, { maxLength: 4 }),
            fc.array(tie('node'), { maxLength: 4 }),
          )
          .map(([tag, attrs, children]) => {
            const markup = attrs.map(([n, v]) => ` ${n}="${escape(v)}"`).join('');
            return `<${tag}${markup}>${children.join('')}</${tag}>`;
          }),
      ),
    }));
    const documentOrFragment = fc
      .tuple(fc.boolean(), fc.array(node, { maxLength: 5 }))
      .map(([whole, nodes]) =>
        whole
          ? `<!DOCTYPE html><html><head><title>t</title></head><body>${nodes.join('')}</body></html>`
          : nodes.join(''),
      );
    fc.assert(
      fc.property(documentOrFragment, (html) => {
        const fixed = fix(html).html;
        const verdict = validateStrictHtml(fixed);
        if (!verdict.approved) throw new Error(`${JSON.stringify(verdict.errors)}\n${fixed}`);
      }),
      { numRuns: 400 },
    );
  });
});

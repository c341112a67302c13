import { describe, expect, it } from 'vitest';
import { SECTION_6_14_HTML } from './fixtures/section-6-14';
import { STRICT_CSS_FUNCTIONS, STRICT_CSS_KEYWORDS, STRICT_CSS_PROPERTIES } from './strict-css-whitelist';
import { STRICT_POLICY } from './strict-policy';
import { validateStrictHtml } from './validate-strict';
import { approved, attributeError, COMMENTS_ERROR, elementError, errorsOf } from './validate-strict.test-support';

// The §10.14.1 table, written out again by hand so that a slip in strict-whitelist.ts shows up here.
const TABLE_ELEMENTS = [
  'html',
  'head',
  'meta',
  'title',
  'body',
  'address',
  'article',
  'aside',
  'details',
  'figcaption',
  'figure',
  'footer',
  'header',
  'main',
  'mark',
  'nav',
  'section',
  'summary',
  'time',
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'ul',
  'ol',
  'li',
  'blockquote',
  'dl',
  'dt',
  'dd',
  'b',
  'i',
  'font',
  's',
  'u',
  'o',
  'sup',
  'sub',
  'ins',
  'del',
  'strong',
  'strike',
  'tt',
  'code',
  'big',
  'small',
  'br',
  'span',
  'em',
  'table',
  'tr',
  'td',
  'th',
  'colgroup',
  'caption',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'a',
  'img',
];

const TABLE_GLOBAL_ATTRIBUTES = [
  'role',
  'title',
  'aria-hidden',
  'aria-label',
  'aria-level',
  'aria-orientation',
  'aria-placeholder',
  'aria-sort',
  'aria-relevant',
  'aria-activedescendant',
  'aria-colcount',
  'aria-colindex',
  'aria-colspan',
  'aria-describedby',
  'aria-details',
  'aria-labelledby',
  'aria-posinset',
  'aria-rowcount',
  'aria-rowindex',
  'aria-rowspan',
];

/** element → attribute → a value the table allows */
const TABLE_ATTRIBUTES: Record<string, Record<string, string>> = {
  html: { xmlns: 'http://www.w3.org/1999/xhtml', lang: 'da' },
  meta: { charset: 'utf-8', content: 'text/html; charset=UTF-8', name: 'viewport', 'http-equiv': 'content-type' },
  body: { lang: 'da' },
  font: { color: 'red', face: 'Arial', size: '3' },
  table: { summary: 's', align: 'center', valign: 'top' },
  ...Object.fromEntries(
    ['tr', 'td', 'th', 'colgroup', 'col', 'thead', 'tbody', 'tfoot'].map((e) => [e, { align: 'left', valign: 'top' }]),
  ),
  a: { href: 'https://borger.dk', target: '_blank' },
  img: { alt: 'logo', src: 'data:image/png;base64,iVBORw0KGgo=', border: '0', height: '10', width: '200' },
};

describe('the STRICT list as data', () => {
  it('holds exactly the elements of the table', () => {
    expect([...STRICT_POLICY.elements].sort()).toEqual([...new Set(TABLE_ELEMENTS)].sort());
  });

  it('holds the CSS columns: 125 properties, 8 functions and 383 keywords', () => {
    expect(STRICT_CSS_PROPERTIES).toHaveLength(125);
    expect(new Set(STRICT_CSS_PROPERTIES).size).toBe(125);
    expect(STRICT_CSS_FUNCTIONS).toEqual([
      'image',
      'linear-gradient',
      'radial-gradient',
      'rect',
      'repeating-linear-gradient',
      'repeating-radial-gradient',
      'rgb',
      'rgba',
    ]);
    expect(STRICT_CSS_KEYWORDS).toHaveLength(383);
    // Words the PDF split across lines are joined again.
    for (const kw of [
      '-moz-pre-wrap',
      'bidi-override',
      'decimal-leading-zero',
      'no-content',
      'table-footer-group',
      'x-soft',
    ]) {
      expect(STRICT_CSS_KEYWORDS).toContain(kw);
    }
    for (const p of ['-moz-border-radius', 'border-spacing', 'font-family', 'word-wrap', 'text-wrap', 'azimuth']) {
      expect(STRICT_CSS_PROPERTIES).toContain(p);
    }
  });
});

describe('validateStrictHtml: elements', () => {
  it.each(TABLE_ELEMENTS.filter((e) => e !== 'a' && e !== 'img'))('allows <%s> without attributes', (element) => {
    expect(validateStrictHtml(`<${element}>tekst</${element}>`)).toEqual(approved);
  });

  it.each([
    'script',
    'style',
    'iframe',
    'object',
    'embed',
    'form',
    'input',
    'button',
    'textarea',
    'select',
    'link',
    'base',
    'svg',
    'math',
    'video',
    'audio',
    'canvas',
    'pre',
    'cite',
    'picture',
    'source',
    'o:p',
    'marquee',
    'frame',
    'template',
    'noscript',
    'label',
    'abbr',
    'center',
    'x-custom',
  ])('refuses <%s>', (element) => {
    expect(errorsOf(`<p>før<${element}>inde</${element}>efter</p>`)).toEqual([elementError(element)]);
  });

  it('refuses a and img left without attributes, but not font and span', () => {
    expect(errorsOf('<a>x</a>')).toEqual([elementError('a')]);
    expect(errorsOf('<img>')).toEqual([elementError('img')]);
    expect(errorsOf('<a href="http://www.dr.dk">x</a>')).toEqual([elementError('a')]);
    expect(errorsOf('<img src="https://x/y.png" onerror="alert(1)">')).toEqual([elementError('img')]);
    expect(errorsOf('<a href="http://x" title="t">x</a>')).toEqual([attributeError('a', 'href')]);
    expect(errorsOf('<img src="http://x/y.png" alt="">')).toEqual([attributeError('img', 'src')]);
    expect(validateStrictHtml('<font>x</font><span>y</span>')).toEqual(approved);
  });
});

describe('validateStrictHtml: attributes', () => {
  for (const [element, attrs] of Object.entries(TABLE_ATTRIBUTES)) {
    it(`allows every attribute of <${element}>`, () => {
      const markup = Object.entries(attrs)
        .map(([k, v]) => `${k}="${v}"`)
        .join(' ');
      expect(validateStrictHtml(`<${element} ${markup}>x</${element}>`)).toEqual(approved);
      for (const [name, value] of Object.entries(attrs)) {
        expect(validateStrictHtml(`<${element} ${name}="${value}">x</${element}>`), name).toEqual(approved);
      }
    });
  }

  it('allows the global attributes and style on every element of the list', () => {
    const globals = TABLE_GLOBAL_ATTRIBUTES.map((a) => `${a}="v"`).join(' ');
    for (const element of TABLE_ELEMENTS) {
      expect(validateStrictHtml(`<${element} ${globals} style="color:red">x</${element}>`), element).toEqual(approved);
    }
  });

  it('refuses attributes that belong to other elements or to no list', () => {
    expect(errorsOf('<p align="center">x</p>')).toEqual([attributeError('p', 'align')]);
    expect(errorsOf('<div id="a" class="b">x</div>')).toEqual([
      attributeError('div', 'id'),
      attributeError('div', 'class'),
    ]);
    expect(errorsOf('<td colspan="2">x</td>')).toEqual([attributeError('td', 'colspan')]);
    expect(errorsOf('<p onclick="x()">x</p>')).toEqual([attributeError('p', 'onclick')]);
    expect(errorsOf('<body link="red">x</body>')).toEqual([attributeError('body', 'link')]);
    expect(errorsOf('<a href="https://x" name="n">x</a>')).toEqual([attributeError('a', 'name')]);
    expect(errorsOf('<p data-x="1" aria-busy="true">x</p>')).toEqual([
      attributeError('p', 'data-x'),
      attributeError('p', 'aria-busy'),
    ]);
  });

  it.each([
    ['meta', 'http-equiv', 'refresh'],
    ['meta', 'http-equiv', 'set-cookie'],
    ['a', 'target', '_self'],
    ['a', 'target', '_top'],
    ['a', 'href', 'http://www.dr.dk'],
    ['a', 'href', 'javascript:alert(1)'],
    ['a', 'href', 'ftp://x'],
    ['a', 'href', '/relative'],
    ['a', 'href', 'data:text/html,x'],
    ['img', 'src', 'https://x/y.png'],
    ['img', 'src', 'data:text/html;base64,AA'],
    ['img', 'src', 'cid:logo'],
    ['img', 'border', '1px'],
    ['img', 'height', '-1'],
    ['img', 'width', '1.5'],
    ['img', 'width', '100%'],
    ['img', 'width', ''],
  ])('refuses <%s %s="%s">', (element, attribute, value) => {
    // A second, valid attribute keeps a and img from being dropped, so the attribute itself is reported.
    const keep = element === 'a' ? 'title="t"' : element === 'img' ? 'alt="a"' : 'content="c"';
    expect(errorsOf(`<${element} ${keep} ${attribute}="${value}">`)).toEqual([attributeError(element, attribute)]);
  });

  it('reads markup as a browser does: any case, unquoted values, decoded entities', () => {
    expect(
      validateStrictHtml(
        '<P STYLE="COLOR: RED"><A HREF=https://x TARGET=_blank>x</A><IMG SRC=data:image/png;base64,AA>',
      ),
    ).toEqual(approved);
    expect(errorsOf('<a title="t" href="&#106;avascript:alert(1)">x</a>')).toEqual([attributeError('a', 'href')]);
    expect(errorsOf('<a title="t" href="https&colon;//x">x</a>')).toEqual([]);
    expect(errorsOf('<td nowrap>x</td>')).toEqual([attributeError('td', 'nowrap')]);
  });

  it('accepts the URL schemes of the list in any case', () => {
    expect(validateStrictHtml('<a href="HTTPS://borger.dk">x</a><a href="mailto:a@b.dk">m</a>')).toEqual(approved);
    expect(validateStrictHtml('<img src="DATA:image/gif;base64,R0lGOD">')).toEqual(approved);
  });
});

describe('validateStrictHtml: comments and reporting', () => {
  it('refuses comments, once', () => {
    expect(errorsOf('<p>a<!-- x -->b<!--[if mso]><p>y</p><![endif]--></p>')).toEqual([COMMENTS_ERROR]);
    expect(errorsOf('<![CDATA[x]]>')).toEqual([COMMENTS_ERROR]);
    expect(validateStrictHtml('<!DOCTYPE html><p>x</p>')).toEqual(approved);
  });

  it('reports each distinct finding once, in document order', () => {
    expect(
      errorsOf(
        '<script>1</script><p onclick="x"><!-- c --></p><script>2</script><p onclick="y"><a>z</a></p><div onclick="w">',
      ),
    ).toEqual([
      elementError('script'),
      attributeError('p', 'onclick'),
      COMMENTS_ERROR,
      elementError('a'),
      attributeError('div', 'onclick'),
    ]);
  });

  it('returns exactly the two errors of the §6.14 example', () => {
    const html = SECTION_6_14_HTML;
    const verdict = validateStrictHtml(html);
    expect(verdict.approved).toBe(false);
    if (verdict.approved) return;
    expect(verdict.errors.map(({ code, message }) => ({ code, message }))).toEqual([
      {
        code: 'html.validator.rejected.element.attributes',
        message: 'Elementet "meta" indeholder attribut "http-equiv" der ikke accepteres af Digital Post.',
      },
      {
        code: 'html.validator.rejected.element',
        message: 'Elementet "a" indeholder html der ikke accepteres af Digital Post.',
      },
    ]);
  });

  it('does not trip over markup names that are also object properties', () => {
    expect(errorsOf('<constructor>x</constructor>')).toEqual([elementError('constructor')]);
    expect(errorsOf('<p __proto__="x" constructor="y">')).toEqual([
      attributeError('p', '__proto__'),
      attributeError('p', 'constructor'),
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { CSS_BITS, STRICT_CSS_SCHEMA } from './strict-css-schema';
import { STRICT_CSS_FUNCTIONS, STRICT_CSS_KEYWORDS, STRICT_CSS_PROPERTIES } from './strict-css-whitelist';
import { validateStrictHtml } from './validate-strict';
import { approved, attributeError, errorsOf } from './validate-strict.test-support';

describe('validateStrictHtml: style', () => {
  // Per property, not `inherit` on all of them: OWASP's schema (which Digital Post runs) lacks `inherit` on 32 of
  // them, e.g. border-radius, and strips such a declaration. Each property is tried with a value its entry lists.
  it.each([...STRICT_CSS_PROPERTIES])('allows the property %s with a value its OWASP schema accepts', (property) => {
    const entry = STRICT_CSS_SCHEMA[property]!;
    const keyword = entry.literals.find(
      (l) => /^[a-z]/.test(l) && (STRICT_CSS_KEYWORDS as readonly string[]).includes(l),
    );
    const value =
      keyword ??
      ((entry.bits & CSS_BITS.QUANTITY) !== 0
        ? '1px'
        : (entry.bits & CSS_BITS.URL) !== 0
          ? 'url(data:image/png;base64,AA)'
          : undefined);
    expect(value, property).toBeDefined();
    expect(validateStrictHtml(`<p style="${property}: ${value}">x</p>`)).toEqual(approved);
  });

  it('dumped the OWASP schema for exactly the STRICT properties and functions', () => {
    expect(Object.keys(STRICT_CSS_SCHEMA).sort()).toEqual(
      [...STRICT_CSS_PROPERTIES, ...STRICT_CSS_FUNCTIONS.map((f) => `${f}()`)].sort(),
    );
  });

  // Keywords are allowed per property, so each is tried on a property whose OWASP schema lists it.
  it('allows every keyword of the list on a property whose schema lists it', () => {
    for (const keyword of STRICT_CSS_KEYWORDS) {
      const property = STRICT_CSS_PROPERTIES.find((p) => STRICT_CSS_SCHEMA[p]!.literals.includes(keyword));
      if (property === undefined) continue; // only for functions, or for properties STRICT doesn't list (display)
      expect(validateStrictHtml(`<p style="${property}: ${keyword}">x</p>`), keyword).toEqual(approved);
    }
  });

  it('checks values per property, as Digital Post does', () => {
    const refused = [attributeError('p', 'style')];
    expect(validateStrictHtml('<p style="color:red">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="margin:red">x</p>')).toEqual(refused);
    expect(errorsOf('<table style="padding:auto"><tr><td>x</td></tr></table>')).toEqual([
      attributeError('table', 'style'),
    ]);
    expect(validateStrictHtml('<p style="margin:auto">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="font-weight:0">x</p>')).toEqual(refused);
    expect(validateStrictHtml('<p style="font-weight:400">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="border-radius:inherit">x</p>')).toEqual(refused);
    expect(errorsOf('<p style="background-attachment:1px">x</p>')).toEqual(refused);
    // A minus needs OWASP's "negative" bit, which margin lacks and text-indent has.
    expect(errorsOf('<p style="margin:-1px">x</p>')).toEqual(refused);
    expect(validateStrictHtml('<p style="text-indent:-1em">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="margin:#fff">x</p>')).toEqual(refused);
    // Names and quoted names only where the schema takes unreserved words: font-family, not quotes or voice-family.
    expect(validateStrictHtml('<p style="font-family:Arial">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="voice-family:Arial">x</p>')).toEqual(refused);
    expect(errorsOf('<p style="quotes:&quot;Arial&quot;">x</p>')).toEqual(refused);
    // Functions only through the property's own function keys.
    expect(errorsOf('<p style="margin:rgb(1,2,3)">x</p>')).toEqual(refused);
    expect(errorsOf('<p style="color:linear-gradient(red, blue)">x</p>')).toEqual(refused);
    expect(validateStrictHtml('<p style="background:linear-gradient(red, blue)">x</p>')).toEqual(approved);
  });

  it('keeps url(data:…) only on properties that take URLs', () => {
    expect(validateStrictHtml('<p style="background:url(data:image/png;base64,AA)">x</p>')).toEqual(approved);
    expect(validateStrictHtml('<p style="list-style-image:url(data:image/png;base64,AA)">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="margin:url(data:image/png;base64,AA)">x</p>')).toEqual([attributeError('p', 'style')]);
    expect(errorsOf('<p style="color:url(data:image/png;base64,AA)">x</p>')).toEqual([attributeError('p', 'style')]);
  });

  it('allows numbers, lengths, percentages, hex colours, names in font-family and the listed functions', () => {
    const styles = [
      'margin: 0 auto',
      'width: 50%',
      'font-size: 1.2em',
      'line-height: 1.5',
      'color: #a0b',
      'color: #aabbcc',
      "font-family: Calibri, 'Times New Roman', sans-serif",
      'color: rgb(10, 20, 30)',
      'color: rgba(10, 20, 30, .5)',
      'background-image: linear-gradient(to right, red, #fff)',
      'background-image: repeating-radial-gradient(circle, red 10%, blue 20%)',
      'border: 1px solid black !important',
    ];
    for (const style of styles) expect(validateStrictHtml(`<p style="${style}">x</p>`), style).toEqual(approved);
  });

  it('refuses the style attribute only when no declaration survives', () => {
    expect(validateStrictHtml('<p style="color:red; position:fixed; behavior:x">x</p>')).toEqual(approved);
    expect(errorsOf('<p style="position:fixed">x</p>')).toEqual([attributeError('p', 'style')]);
    expect(errorsOf('<p style="color: notacolour">x</p>')).toEqual([attributeError('p', 'style')]);
    expect(errorsOf('<p style="color: expression(alert(1))">x</p>')).toEqual([attributeError('p', 'style')]);
    expect(errorsOf('<p style="width: calc(1px + 2px)">x</p>')).toEqual([attributeError('p', 'style')]);
    expect(errorsOf('<p style="">x</p>')).toEqual([attributeError('p', 'style')]);
  });

  it('allows data URIs in url() and reports any other url() as unknown-element', () => {
    expect(validateStrictHtml(`<p style="background-image:url('data:image/png;base64,AAAA')">x</p>`)).toEqual(approved);
    expect(validateStrictHtml('<p style="background:url(data:image/gif;base64,R0lG) no-repeat">x</p>')).toEqual(
      approved,
    );
    const unknown = {
      code: 'html.validator.rejected.unknown-element',
      message:
        "Filen indeholder url i en ikke godkendt placering. Det er sandsynligvis i en style attribut. Kun data url'er er tilladt.",
      element: 'p',
    };
    expect(errorsOf('<p style="color:red; background-image:url(http://x/y.png)">x</p>')).toEqual([unknown]);
    expect(errorsOf('<p style="background-image:url(\'https://x/y.png\')">x</p>')).toEqual([
      unknown,
      attributeError('p', 'style'),
    ]);
    expect(errorsOf('<p style="color:red;background:image(url(//x/y.png))">x</p>')).toEqual([unknown]);
  });
});

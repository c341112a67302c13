import { describe, expect, it } from 'vitest';
import { LENIENT_POLICY } from './lenient-policy';
import { STRICT_POLICY } from './strict-policy';

describe('LENIENT list (§10.14.2)', () => {
  it('is a superset of STRICT', () => {
    for (const element of STRICT_POLICY.elements) expect(LENIENT_POLICY.elements.has(element), element).toBe(true);
    for (const attribute of Object.keys(STRICT_POLICY.globalAttributes)) {
      expect(LENIENT_POLICY.globalAttributes, attribute).toHaveProperty([attribute]);
    }
    for (const [element, attrs] of Object.entries(STRICT_POLICY.elementAttributes)) {
      for (const attribute of Object.keys(attrs)) {
        expect(LENIENT_POLICY.elementAttributes[element], `${element} ${attribute}`).toHaveProperty([attribute]);
      }
    }
  });

  it('adds its elements, attributes, comments and the style element', () => {
    expect([...LENIENT_POLICY.elements].filter((e) => !STRICT_POLICY.elements.has(e)).sort()).toEqual([
      'cite',
      'o:p',
      'picture',
      'pre',
      'source',
      'style',
    ]);
    expect(LENIENT_POLICY.globalAttributes).toHaveProperty(['id']);
    expect(LENIENT_POLICY.globalAttributes).toHaveProperty(['class']);
    expect(LENIENT_POLICY.globalAttributes).toHaveProperty(['aria-live']);
    expect(Object.keys(LENIENT_POLICY.elementAttributes.td!).sort()).toEqual([
      'align',
      'colspan',
      'headers',
      'height',
      'nowrap',
      'rowspan',
      'scope',
      'valign',
      'width',
    ]);
    expect(LENIENT_POLICY.elementAttributes.source!.srcset).toEqual({ urlPrefixes: ['data:image/'] });
    expect(LENIENT_POLICY.elementAttributes.html).toHaveProperty(['xmlns:o']);
    expect(LENIENT_POLICY.comments).toBe(true);
    expect(LENIENT_POLICY.styleElement).toBe(true);
    expect(LENIENT_POLICY.css).toEqual({ open: true, blockedUrlPrefixes: ['http:', 'https:'] });
  });
});

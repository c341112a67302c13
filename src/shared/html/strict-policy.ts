// The STRICT policy of the Technical Integration document, §10.14.1, assembled from its whitelist data
// (strict-whitelist.ts, strict-css-whitelist.ts) and OWASP's per-property CSS schema (strict-css-schema.ts). The
// validator, the fixer and the tests all read this one object, so a change to the list is a change in one place.
import { rules, type CssPolicy, type HtmlPolicy } from './html-policy';
import { STRICT_CSS_FUNCTIONS, STRICT_CSS_KEYWORDS, STRICT_CSS_PROPERTIES } from './strict-css-whitelist';
import { STRICT_CSS_SCHEMA } from './strict-css-schema';
import { STRICT_ELEMENT_ATTRIBUTES, STRICT_ELEMENT_GROUPS, STRICT_GLOBAL_ATTRIBUTES } from './strict-whitelist';

export const STRICT_POLICY: HtmlPolicy & { readonly css: CssPolicy } = {
  name: 'STRICT',
  elements: new Set(Object.values(STRICT_ELEMENT_GROUPS).flat()),
  globalAttributes: rules(STRICT_GLOBAL_ATTRIBUTES),
  elementAttributes: STRICT_ELEMENT_ATTRIBUTES,
  dropWhenBare: new Set(['a', 'img']),
  comments: false,
  styleElement: false,
  css: {
    properties: new Set(STRICT_CSS_PROPERTIES),
    keywords: new Set(STRICT_CSS_KEYWORDS),
    schema: STRICT_CSS_SCHEMA,
    functions: new Set(STRICT_CSS_FUNCTIONS),
    urlPrefixes: ['data:'],
  },
};

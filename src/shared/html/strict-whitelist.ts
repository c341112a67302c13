// Pure data: the element and attribute columns of the STRICT whitelist (Technical Integration §10.14.1), read from
// the document's flattened table column by column. Where the document is terse the reading follows the OWASP Java
// HTML Sanitizer, which Digital Post's validator is built on: `a` and `img` are dropped when no attribute survives,
// `font` and `span` may stand without attributes. strict-policy.ts assembles the policy from it.
import { ANY_VALUE, rules, type AttributeRules } from './html-policy';

export const STRICT_GLOBAL_ATTRIBUTES = [
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
  // "Inline styling is allowed on all elements that support styling"; the value is checked by the CSS policy.
  'style',
] as const;

export const STRICT_ELEMENT_GROUPS = {
  main: ['html', 'head', 'meta', 'title', 'body'],
  semantic: [
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
  ],
  blocks: ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'li', 'blockquote', 'dl', 'dt', 'dd'],
  formatting: [
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
  ],
  tables: ['table', 'tr', 'td', 'th', 'colgroup', 'caption', 'col', 'thead', 'tbody', 'tfoot'],
  links: ['a'],
  images: ['img'],
} as const;

const tableCell = rules(['align', 'valign']);

export const STRICT_ELEMENT_ATTRIBUTES: Readonly<Record<string, AttributeRules>> = {
  html: rules(['xmlns', 'lang']),
  meta: {
    ...rules(['charset', 'content', 'name']),
    'http-equiv': { values: ['content-security-policy', 'content-type'] },
  },
  body: rules(['lang']),
  font: rules(['color', 'face', 'size']),
  table: rules(['summary', 'align', 'valign']),
  tr: tableCell,
  td: tableCell,
  th: tableCell,
  colgroup: tableCell,
  col: tableCell,
  thead: tableCell,
  tbody: tableCell,
  tfoot: tableCell,
  a: {
    href: { urlPrefixes: ['https:', 'mailto:'] },
    target: { values: ['_blank'] },
  },
  img: {
    alt: ANY_VALUE,
    src: { urlPrefixes: ['data:image/'] },
    ...rules(['border', 'height', 'width'], { integer: true }),
  },
};

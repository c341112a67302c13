// The STRICT whitelist of the Technical Integration document, §10.14.1, as data. The validator, the fixer and the
// tests all read this module, so a change to the list is a change in one place.
//
// The table in the document is a flattened PDF table; it was read column by column. Where the document is terse the
// reading follows the OWASP Java HTML Sanitizer, which Digital Post's validator is built on (its error texts in §6.14
// are the sanitizer's change reports): CSS property values are filtered token by token,
// per property (strict-css-schema.ts, dumped from the sanitizer's own schema), `a` and `img` are dropped
// when no attribute survives, `font` and `span` may stand without attributes.
import { STRICT_CSS_SCHEMA } from './strict-css-schema';

export interface AttributeRule {
  /** The value must be one of these (compared exactly, lower case). */
  readonly values?: readonly string[];
  /** The value must start with one of these (compared case-insensitively, after trimming). */
  readonly urlPrefixes?: readonly string[];
  /** The value must be a non-negative integer. */
  readonly integer?: true;
}

export type AttributeRules = Readonly<Record<string, AttributeRule>>;

/** One entry of OWASP's CssSchema: what values one property (or a function's `name()` arguments) may take. */
export interface CssPropertySchema {
  /** OWASP's CssSchema bits (CSS_BITS in strict-css-schema.ts): which kinds of token are allowed. */
  readonly bits: number;
  /** Identifiers, and the punctuation and numbers, allowed literally (lower case). */
  readonly literals: readonly string[];
  /** `name(` of an allowed function → the schema key its arguments are checked against. */
  readonly functions: Readonly<Record<string, string>>;
}

export interface CssPolicy {
  readonly properties: ReadonlySet<string>;
  /** An upper bound on identifiers for every property; `schema` then decides per property. */
  readonly keywords: ReadonlySet<string>;
  /**
   * Which values each property accepts. Digital Post's sanitizer checks values per property, so a keyword or a
   * number that is fine on one property (`color:red`) gets the declaration stripped on another (`margin:red`).
   */
  readonly schema: Readonly<Record<string, CssPropertySchema>>;
  /** CSS functions allowed inside property values, besides `url()`. */
  readonly functions: ReadonlySet<string>;
  /** What a `url()` inside a style may point at. */
  readonly urlPrefixes: readonly string[];
}

/** LENIENT: any property and value, only URLs to external resources are blocked. */
export interface OpenCssPolicy {
  readonly open: true;
  readonly blockedUrlPrefixes: readonly string[];
}

export interface HtmlPolicy {
  readonly name: 'STRICT' | 'LENIENT';
  readonly elements: ReadonlySet<string>;
  /** Attributes allowed on every element of the list. */
  readonly globalAttributes: AttributeRules;
  /** Attributes allowed on particular elements, with their value rules. */
  readonly elementAttributes: Readonly<Record<string, AttributeRules>>;
  /** Elements that are dropped when none of their attributes survive. */
  readonly dropWhenBare: ReadonlySet<string>;
  readonly comments: boolean;
  /** Whether a `<style>` element is allowed. */
  readonly styleElement: boolean;
  readonly css: CssPolicy | OpenCssPolicy;
}

const none: AttributeRule = {};

export function rules(names: readonly string[], rule: AttributeRule = none): Record<string, AttributeRule> {
  return Object.fromEntries(names.map((n) => [n, rule]));
}

const STRICT_GLOBAL_ATTRIBUTES = [
  'role', 'title', 'aria-hidden', 'aria-label', 'aria-level', 'aria-orientation', 'aria-placeholder', 'aria-sort',
  'aria-relevant', 'aria-activedescendant', 'aria-colcount', 'aria-colindex', 'aria-colspan', 'aria-describedby',
  'aria-details', 'aria-labelledby', 'aria-posinset', 'aria-rowcount', 'aria-rowindex', 'aria-rowspan',
  // "Inline styling is allowed on all elements that support styling"; the value is checked by the CSS policy.
  'style',
] as const;

export const STRICT_ELEMENT_GROUPS = {
  main: ['html', 'head', 'meta', 'title', 'body'],
  semantic: [
    'address', 'article', 'aside', 'details', 'figcaption', 'figure', 'footer', 'header', 'main', 'mark', 'nav',
    'section', 'summary', 'time',
  ],
  blocks: ['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'ul', 'ol', 'li', 'blockquote', 'dl', 'dt', 'dd'],
  formatting: [
    'b', 'i', 'font', 's', 'u', 'o', 'sup', 'sub', 'ins', 'del', 'strong', 'strike', 'tt', 'code', 'big', 'small',
    'br', 'span', 'em',
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
    alt: none,
    src: { urlPrefixes: ['data:image/'] },
    ...rules(['border', 'height', 'width'], { integer: true }),
  },
};

export const STRICT_CSS_PROPERTIES = [
  '-moz-border-radius', '-moz-border-radius-bottomleft', '-moz-border-radius-bottomright',
  '-moz-border-radius-topleft', '-moz-border-radius-topright', '-moz-box-shadow', '-moz-outline',
  '-moz-outline-color', '-moz-outline-style', '-moz-outline-width', '-o-text-overflow',
  '-webkit-border-bottom-left-radius', '-webkit-border-bottom-right-radius', '-webkit-border-radius',
  '-webkit-border-radius-bottom-left', '-webkit-border-radius-bottom-right', '-webkit-border-radius-top-left',
  '-webkit-border-radius-top-right', '-webkit-border-top-left-radius', '-webkit-border-top-right-radius',
  '-webkit-box-shadow', 'azimuth', 'background', 'background-attachment', 'background-color', 'background-image',
  'background-position', 'background-repeat', 'border', 'border-bottom', 'border-bottom-color',
  'border-bottom-left-radius', 'border-bottom-right-radius', 'border-bottom-style', 'border-bottom-width',
  'border-collapse', 'border-color', 'border-left', 'border-left-color', 'border-left-style', 'border-left-width',
  'border-radius', 'border-right', 'border-right-color', 'border-right-style', 'border-right-width',
  'border-spacing', 'border-style', 'border-top', 'border-top-color', 'border-top-left-radius',
  'border-top-right-radius', 'border-top-style', 'border-top-width', 'border-width', 'box-shadow', 'caption-side',
  'color', 'cue', 'cue-after', 'cue-before', 'direction', 'elevation', 'empty-cells', 'font', 'font-family',
  'font-size', 'font-stretch', 'font-style', 'font-variant', 'font-weight', 'height', 'letter-spacing',
  'line-height', 'list-style', 'list-style-image', 'list-style-position', 'list-style-type', 'margin',
  'margin-bottom', 'margin-left', 'margin-right', 'margin-top', 'max-height', 'max-width', 'min-height', 'min-width',
  'outline', 'outline-color', 'outline-style', 'outline-width', 'padding', 'padding-bottom', 'padding-left',
  'padding-right', 'padding-top', 'pause', 'pause-after', 'pause-before', 'pitch', 'pitch-range', 'quotes',
  'richness', 'speak', 'speak-header', 'speak-numeral', 'speak-punctuation', 'speech-rate', 'stress', 'table-layout',
  'text-align', 'text-decoration', 'text-indent', 'text-overflow', 'text-shadow', 'text-transform', 'text-wrap',
  'unicode-bidi', 'vertical-align', 'voice-family', 'volume', 'white-space', 'width', 'word-spacing', 'word-wrap',
] as const;

/** Functions the property column lists with `()`; `url()` is handled on its own (data URIs only). */
export const STRICT_CSS_FUNCTIONS = [
  'image', 'linear-gradient', 'radial-gradient', 'rect', 'repeating-linear-gradient', 'repeating-radial-gradient',
  'rgb', 'rgba',
] as const;

export const STRICT_CSS_KEYWORDS = [
  '-moz-inline-box', '-moz-inline-stack', '-moz-pre-wrap', '-o-pre-wrap', '-pre-wrap', '100', '200', '300', '400',
  '500', '600', '700', '800', '900', 'above', 'absolute', 'aliceblue', 'all-scroll', 'always', 'antiquewhite',
  'aqua', 'aquamarine', 'armenian', 'at', 'auto', 'avoid', 'azure', 'baseline', 'behind', 'beige', 'below',
  'bidi-override', 'bisque', 'black', 'blanchedalmond', 'blink', 'block', 'blue', 'blueviolet', 'bold', 'bolder',
  'border-box', 'both', 'bottom', 'break-word', 'brown', 'burlywood', 'cadetblue', 'capitalize', 'caption', 'center',
  'center-left', 'center-right', 'chartreuse', 'child', 'chocolate', 'circle', 'cjk-decimal', 'clip',
  'closest-corner', 'closest-side', 'code', 'col-resize', 'collapse', 'condensed', 'contain', 'content-box',
  'continuous', 'coral', 'cornflowerblue', 'cornsilk', 'cover', 'crimson', 'crosshair', 'cursive', 'cyan',
  'darkblue', 'darkcyan', 'darkgoldenrod', 'darkgray', 'darkgreen', 'darkkhaki', 'darkmagenta', 'darkolivegreen',
  'darkorange', 'darkorchid', 'darkred', 'darksalmon', 'darkseagreen', 'darkslateblue', 'darkslategray',
  'darkturquoise', 'darkviolet', 'dashed', 'decimal', 'decimal-leading-zero', 'deeppink', 'deepskyblue', 'default',
  'digits', 'dimgray', 'disc', 'disclosure-closed', 'disclosure-open', 'dodgerblue', 'dotted', 'double', 'e-resize',
  'ellipse', 'ellipsis', 'embed', 'ethiopic-numeric', 'expanded', 'extra-condensed', 'extra-expanded', 'fantasy',
  'far-left', 'far-right', 'farthest-corner', 'farthest-side', 'fast', 'faster', 'female', 'firebrick', 'fixed',
  'floralwhite', 'forestgreen', 'fuchsia', 'gainsboro', 'georgian', 'ghostwhite', 'gold', 'goldenrod', 'gray',
  'green', 'greenyellow', 'groove', 'hand', 'hebrew', 'help', 'hidden', 'hide', 'high', 'higher', 'hiragana',
  'hiragana-iroha', 'honeydew', 'hotpink', 'icon', 'indianred', 'indigo', 'inherit', 'inline', 'inline-block',
  'inline-table', 'inset', 'inside', 'invert', 'italic', 'ivory', 'japanese-formal', 'japanese-informal', 'justify',
  'katakana', 'katakana-iroha', 'khaki', 'korean-hangul-formal', 'korean-hanja-formal', 'korean-hanja-informal',
  'large', 'larger', 'lavender', 'lavenderblush', 'lawngreen', 'left', 'left-side', 'leftwards', 'lemonchiffon',
  'level', 'lightblue', 'lightcoral', 'lightcyan', 'lighter', 'lightgoldenrodyellow', 'lightgreen', 'lightgrey',
  'lightpink', 'lightsalmon', 'lightseagreen', 'lightskyblue', 'lightslategray', 'lightsteelblue', 'lightyellow',
  'lime', 'limegreen', 'line-through', 'linen', 'list-item', 'local', 'loud', 'low', 'lower', 'lower-alpha',
  'lower-greek', 'lower-latin', 'lower-roman', 'lowercase', 'ltr', 'magenta', 'male', 'maroon', 'medium',
  'mediumaquamarine', 'mediumblue', 'mediumorchid', 'mediumpurple', 'mediumseagreen', 'mediumslateblue',
  'mediumspringgreen', 'mediumturquoise', 'mediumvioletred', 'menu', 'message-box', 'middle', 'midnightblue',
  'mintcream', 'mistyrose', 'mix', 'moccasin', 'monospace', 'move', 'n-resize', 'narrower', 'navajowhite', 'navy',
  'ne-resize', 'no-content', 'no-display', 'no-drop', 'no-repeat', 'none', 'normal', 'not-allowed', 'nowrap',
  'nw-resize', 'oblique', 'oldlace', 'olive', 'olivedrab', 'once', 'orange', 'orangered', 'orchid', 'outset',
  'outside', 'overline', 'padding-box', 'palegoldenrod', 'palegreen', 'paleturquoise', 'palevioletred', 'papayawhip',
  'peachpuff', 'peru', 'pink', 'plum', 'pointer', 'powderblue', 'pre', 'pre-line', 'pre-wrap', 'progress', 'purple',
  'red', 'relative', 'repeat', 'repeat-x', 'repeat-y', 'ridge', 'right', 'right-side', 'rightwards', 'rosybrown',
  'round', 'row-resize', 'royalblue', 'rtl', 'run-in', 's-resize', 'saddlebrown', 'salmon', 'sandybrown',
  'sans-serif', 'scroll', 'se-resize', 'seagreen', 'seashell', 'semi-condensed', 'semi-expanded', 'separate',
  'serif', 'show', 'sienna', 'silent', 'silver', 'simp-chinese-formal', 'simp-chinese-informal', 'skyblue',
  'slateblue', 'slategray', 'slow', 'slower', 'small', 'small-caps', 'small-caption', 'smaller', 'snow', 'soft',
  'solid', 'space', 'spell-out', 'springgreen', 'square', 'static', 'status-bar', 'steelblue', 'sub', 'super',
  'suppress', 'sw-resize', 'table', 'table-caption', 'table-cell', 'table-column', 'table-column-group',
  'table-footer-group', 'table-header-group', 'table-row', 'table-row-group', 'tan', 'teal', 'text', 'text-bottom',
  'text-top', 'thick', 'thin', 'thistle', 'to', 'tomato', 'top', 'trad-chinese-formal', 'trad-chinese-informal',
  'transparent', 'turquoise', 'ultra-condensed', 'ultra-expanded', 'underline', 'unrestricted', 'upper-alpha',
  'upper-latin', 'upper-roman', 'uppercase', 'vertical-text', 'violet', 'visible', 'w-resize', 'wait', 'wheat',
  'white', 'whitesmoke', 'wider', 'x-fast', 'x-high', 'x-large', 'x-loud', 'x-low', 'x-slow', 'x-small', 'x-soft',
  'xx-large', 'xx-small', 'yellow', 'yellowgreen',
] as const;

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

// The LENIENT whitelist of §10.14.2 as data: what Digital Post lets senders put into incoming post. It is a superset
// of STRICT. The app does not validate against it; the display policy starts from it and takes the active parts out.
import { rules, type AttributeRules, type HtmlPolicy, type OpenCssPolicy } from './html-policy';
import { STRICT_POLICY } from './strict-policy';

const dataImage = { urlPrefixes: ['data:image/'] } as const;

export const LENIENT_EXTRA_ELEMENTS = ['span', 'o:p', 'picture', 'source', 'pre', 'cite', 'style'] as const;

export const LENIENT_EXTRA_GLOBAL_ATTRIBUTES = [
  'id',
  'class',
  'lang',
  'aria-setsize',
  'aria-busy',
  'aria-atomic',
  'aria-controls',
  'aria-current',
  'aria-description',
  'aria-disabled',
  'aria-errormessage',
  'aria-flowto',
  'aria-haspopup',
  'aria-invalid',
  'aria-keyshortcuts',
  'aria-live',
  'aria-owns',
  'aria-roledescription',
] as const;

const cell = rules(['scope', 'headers', 'colspan', 'width', 'rowspan', 'nowrap', 'height']);

export const LENIENT_EXTRA_ELEMENT_ATTRIBUTES: Readonly<Record<string, AttributeRules>> = {
  html: rules(['xmlns:v', 'xmlns:o', 'xmlns:w', 'xmlns:m']),
  body: rules(['link', 'vlink']),
  p: rules(['align']),
  div: rules(['align']),
  hr: rules(['size', 'width', 'align']),
  // The table prints the attribute once as "scrset"; the element's real attribute is srcset.
  source: { srcset: dataImage, src: dataImage, ...rules(['media', 'type']) },
  ol: rules(['type', 'start']),
  ul: rules(['type']),
  a: rules(['name']),
  table: rules(['border', 'cellspacing', 'cellpadding', 'width']),
  td: cell,
  th: cell,
  colgroup: rules(['width']),
  col: rules(['width', 'height', 'span']),
};

function merge(
  base: Readonly<Record<string, AttributeRules>>,
  extra: Readonly<Record<string, AttributeRules>>,
): Record<string, AttributeRules> {
  const out: Record<string, AttributeRules> = { ...base };
  for (const [element, attrs] of Object.entries(extra)) out[element] = { ...(out[element] ?? {}), ...attrs };
  return out;
}

const LENIENT_CSS: OpenCssPolicy = { open: true, blockedUrlPrefixes: ['http:', 'https:'] };

export const LENIENT_POLICY: HtmlPolicy & { readonly css: OpenCssPolicy } = {
  name: 'LENIENT',
  elements: new Set([...STRICT_POLICY.elements, ...LENIENT_EXTRA_ELEMENTS]),
  globalAttributes: { ...STRICT_POLICY.globalAttributes, ...rules(LENIENT_EXTRA_GLOBAL_ATTRIBUTES) },
  elementAttributes: merge(STRICT_POLICY.elementAttributes, LENIENT_EXTRA_ELEMENT_ATTRIBUTES),
  dropWhenBare: STRICT_POLICY.dropWhenBare,
  comments: true,
  styleElement: true,
  css: LENIENT_CSS,
};

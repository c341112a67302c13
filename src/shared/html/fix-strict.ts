// Rewrites HTML so that it passes the STRICT whitelist, for the "fix it for me" action after a failed validation.
// DOMPurify does the tree work; everything it is told comes from strict-policy.ts, and the decisions it cannot make
// (per-element attributes, attribute values, CSS) go through the same functions the validator uses.
import type { DOMPurify, UponSanitizeAttributeHook } from 'dompurify';
import { attributeNames, attributeRule, valueAllowed } from './attribute-rules';
import { purifyToDom } from './purify-pass';
import { filterStrictStyle } from './strict-css';
import { STRICT_POLICY } from './strict-policy';

export type RemovalKind = 'element' | 'attribute' | 'comment' | 'css';

export interface Removal {
  readonly kind: RemovalKind;
  readonly name: string;
  readonly count: number;
}

export interface FixResult {
  readonly html: string;
  readonly removed: Removal[];
}

const ALL_ATTRIBUTES = attributeNames(STRICT_POLICY);

/** Markup that only makes sense in a whole document; fragments would lose it to the parser's `<head>`. */
const DOCUMENT_MARKUP = /<(?:!doctype|html|head|body|meta|title)[\s/>]/i;
const LEADING_DOCTYPE = /^\s*<!doctype[\s>]/i;

class Tally {
  private readonly counts = new Map<string, Removal>();

  add(kind: RemovalKind, name: string, count = 1): void {
    const key = `${kind}\u0000${name}`;
    const previous = this.counts.get(key);
    this.counts.set(key, { kind, name, count: (previous?.count ?? 0) + count });
  }

  list(): Removal[] {
    return [...this.counts.values()];
  }
}

function strictAttributeHook(tally: Tally): UponSanitizeAttributeHook {
  return (node, data) => {
    const element = node.nodeName.toLowerCase();
    const name = data.attrName;
    if (name === 'style') {
      const result = filterStrictStyle(data.attrValue, STRICT_POLICY.css);
      for (const property of result.droppedProperties) tally.add('css', property);
      if (result.remoteUrl) tally.add('css', 'url()');
      if (result.style === '') data.keepAttr = false;
      else data.attrValue = result.style;
      return;
    }
    const rule = attributeRule(STRICT_POLICY, element, name);
    if (!rule) {
      data.keepAttr = false;
      return;
    }
    // Enumerated values are written in their listed form, so "Content-Type" survives as "content-type".
    const canonical = rule.values?.find((v) => v === data.attrValue.trim().toLowerCase());
    if (canonical !== undefined) data.attrValue = canonical;
    if (rule.urlPrefixes || rule.integer) data.attrValue = data.attrValue.trim();
    if (!valueAllowed(rule, data.attrValue)) data.keepAttr = false;
  };
}

function tallyPurifyRemovals(purify: DOMPurify, tally: Tally): void {
  for (const entry of purify.removed) {
    if ('element' in entry) {
      const node = entry.element;
      if (node.nodeType === 1) tally.add('element', node.nodeName.toLowerCase());
      else if (node.nodeType === 7 || node.nodeType === 8) tally.add('comment', '#comment');
    } else if (entry.attribute) {
      tally.add('attribute', entry.attribute.name.toLowerCase());
    }
  }
}

/** Drops `a` and `img` that lost all their attributes, keeping the link text. */
function unwrapBareElements(root: Element, tally: Tally): void {
  const bare = [...root.querySelectorAll([...STRICT_POLICY.dropWhenBare].join(','))].filter(
    (el) => el.attributes.length === 0,
  );
  for (const el of bare) {
    el.replaceWith(...el.childNodes);
    tally.add('element', el.nodeName.toLowerCase());
  }
}

export function fixStrictHtml(html: string, purify: DOMPurify): FixResult {
  const tally = new Tally();
  const wholeDocument = DOCUMENT_MARKUP.test(html);
  const element = purifyToDom(purify, html, strictAttributeHook(tally), {
    ALLOWED_TAGS: [...STRICT_POLICY.elements],
    ALLOWED_ATTR: ALL_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: wholeDocument,
  });
  tallyPurifyRemovals(purify, tally);
  unwrapBareElements(element, tally);
  let out = wholeDocument ? element.outerHTML : element.innerHTML;
  if (wholeDocument && LEADING_DOCTYPE.test(html)) out = `<!DOCTYPE html>\n${out}`;
  return { html: out, removed: tally.list() };
}

// Prepares RECEIVED post for display. Senders may use the LENIENT list; from it everything that could act on its own
// is taken out: no scripts, handlers, forms, frames, meta/base/link, no remote loads (images become placeholders,
// CSS url()s go), and links survive only as https/mailto, marked so the renderer can route clicks to main. The result
// is meant for an iframe with `sandbox` (no allow-scripts) whose CSP is the second line of defence.
import type { DOMPurify, UponSanitizeAttributeHook } from 'dompurify';
import { attributeNames, attributeRule, valueAllowed } from './attribute-rules';
import { purifyToDom } from './purify-pass';
import { LENIENT_POLICY } from './lenient-policy';
import type { AttributeRules, HtmlPolicy } from './html-policy';

export interface DisplayResult {
  readonly html: string;
  readonly blockedRemoteImages: number;
}

/** With `detachLinks`: links come out without href, listed on their own, and whether anything is left to show. */
export interface DetachedLinksResult extends DisplayResult {
  /** Every distinct link target in document order, with the link's text (or the target where it has none). */
  readonly links: { text: string; url: string }[];
  /** Text, an image or a table: something a reader would see. */
  readonly hasContent: boolean;
}

/** Elements of the LENIENT list that have no business in a rendered letter. */
const NOT_DISPLAYED = new Set(['meta', 'title']);

const LINK_SCHEMES = ['https:', 'mailto:'];
const DATA_IMAGE = ['data:image/'];

/** The LENIENT list with the display restrictions applied, so the hook below reads one policy. */
const DISPLAY_POLICY: HtmlPolicy = (() => {
  const elementAttributes: Record<string, AttributeRules> = {};
  for (const [element, attrs] of Object.entries(LENIENT_POLICY.elementAttributes)) {
    const copy = { ...attrs };
    delete copy.target;
    elementAttributes[element] = copy;
  }
  elementAttributes.a = { ...elementAttributes.a, href: { urlPrefixes: LINK_SCHEMES } };
  return {
    ...LENIENT_POLICY,
    elements: new Set([...LENIENT_POLICY.elements].filter((e) => !NOT_DISPLAYED.has(e))),
    elementAttributes,
  };
})();

const ALL_ATTRIBUTES = attributeNames(DISPLAY_POLICY);

/** A neutral box in place of a remote image; the only kind of image the iframe's CSP lets through is data:. */
export const BLOCKED_IMAGE_PLACEHOLDER =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><rect x="0.5" y="0.5" width="23" height="23" ' +
      'fill="#eee" stroke="#999" stroke-dasharray="3 2"/></svg>',
  );

const CSS_URL = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)/gi;
const CSS_IMPORT = /@import[^;]*;?/gi;
// image-set() takes plain strings as image URLs; breaking the function name makes the declaration invalid.
const CSS_IMAGE_SET = /(?<![\w-])((?:-webkit-)?image-set)\s*\(/gi;

/** Removes every CSS url() that is not an inline image, @import and image-set(). */
export function scrubCssUrls(css: string): string {
  return css
    .replace(CSS_IMPORT, '')
    .replace(CSS_IMAGE_SET, 'blocked-$1(')
    .replace(CSS_URL, (whole, dq?: string, sq?: string, bare?: string) => {
      const target = (dq ?? sq ?? bare ?? '').trim().toLowerCase();
      return target.startsWith('data:image/') ? whole : 'none';
    });
}

function decodeCssEscapes(css: string): string {
  return css
    .replace(/\\([0-9a-f]{1,6})[ \t\n\r\f]?/gi, (_, hex: string) => {
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    })
    .replace(/\\([^\n])/g, '$1');
}

/**
 * CSS fit for display, or '' when it cannot be made so: escapes could spell a url() the scrubber does not see, and
 * removing an @import could leave "</style" behind, which would end a <style> element early.
 */
export function scrubCss(css: string): string {
  const scrubbed = scrubCssUrls(css);
  if (/<\/style/i.test(scrubbed)) return '';
  if (scrubbed.includes('\\')) {
    const decoded = decodeCssEscapes(scrubbed);
    if (scrubCssUrls(decoded) !== decoded) return '';
  }
  return scrubbed;
}

function isRemoteImage(element: string, attribute: string, value: string): boolean {
  if (element !== 'img' && element !== 'source') return false;
  if (attribute !== 'src' && attribute !== 'srcset') return false;
  return !DATA_IMAGE.some((p) => value.trim().toLowerCase().startsWith(p));
}

function displayAttributeHook(blockedImages: Set<Element>): UponSanitizeAttributeHook {
  return (node, data) => {
    const element = node.nodeName.toLowerCase();
    const name = data.attrName;
    if (name === 'style') {
      data.attrValue = scrubCss(data.attrValue);
      if (data.attrValue === '') data.keepAttr = false;
      return;
    }
    const rule = attributeRule(DISPLAY_POLICY, element, name);
    if (!rule || !valueAllowed(rule, data.attrValue)) {
      if (isRemoteImage(element, name, data.attrValue) && data.attrValue.trim() !== '') blockedImages.add(node);
      data.keepAttr = false;
    }
  };
}

export function sanitizeForDisplay(html: string, purify: DOMPurify): DisplayResult;
export function sanitizeForDisplay(
  html: string,
  purify: DOMPurify,
  options: { detachLinks: true },
): DetachedLinksResult;
export function sanitizeForDisplay(
  html: string,
  purify: DOMPurify,
  options?: { detachLinks?: boolean },
): DisplayResult | DetachedLinksResult {
  const blockedImages = new Set<Element>();
  const root = purifyToDom(purify, html, displayAttributeHook(blockedImages), {
    ALLOWED_TAGS: [...DISPLAY_POLICY.elements],
    ALLOWED_ATTR: ALL_ATTRIBUTES,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    KEEP_CONTENT: true,
    // Whole document so that <style> in <head> survives; only the body and the styles are returned.
    WHOLE_DOCUMENT: true,
  });

  let blockedRemoteImages = 0;
  for (const img of blockedImages) {
    if (img.nodeName.toLowerCase() !== 'img' || !root.contains(img)) continue;
    img.setAttribute('src', BLOCKED_IMAGE_PLACEHOLDER);
    img.setAttribute('data-dp-blocked-image', '');
    blockedRemoteImages++;
  }
  // Detached in the same pass as sanitising, so a caller does not parse and serialise the whole letter again.
  const links: { text: string; url: string }[] = [];
  for (const link of root.querySelectorAll('a[href]')) {
    const url = link.getAttribute('href')!;
    if (!options?.detachLinks) {
      link.setAttribute('data-dp-href', url);
      continue;
    }
    link.removeAttribute('href');
    const target = url.trim();
    if (target && !links.some((l) => l.url === target)) {
      links.push({ text: (link.textContent ?? '').trim() || target, url: target });
    }
  }
  const styles: string[] = [];
  for (const style of root.querySelectorAll('style')) {
    style.textContent = scrubCss(style.textContent ?? '');
    if (style.closest('head')) styles.push(style.outerHTML);
  }
  const body = root.querySelector('body');
  const out = { html: styles.join('') + (body ? body.innerHTML : ''), blockedRemoteImages };
  if (!options?.detachLinks) return out;
  const hasContent = (body?.textContent ?? '').trim().length > 0 || body?.querySelector('img, table') != null;
  return { ...out, links, hasContent };
}

export const DISPLAY_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

/** Wraps sanitized HTML into the document loaded through `srcdoc` of a sandboxed iframe (no allow-scripts). */
export function buildIframeDocument(sanitizedHtml: string): string {
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${DISPLAY_CSP}">` +
    '<style>img[data-dp-blocked-image]{min-width:24px;min-height:24px}</style>' +
    `</head><body>${sanitizedHtml}</body></html>`
  );
}

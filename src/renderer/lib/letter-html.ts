import DOMPurify from 'dompurify';
import { buildIframeDocument, sanitizeForDisplay } from '../../shared/html/display-policy';

/** Beyond this the letter is not rendered (a multi-megabyte "letter" would freeze the view); the user can save it. */
export const MAX_DISPLAY_HTML_CHARS = 5_000_000;

export interface PreparedLetter {
  kind: 'ok';
  srcdoc: string;
  blockedRemoteImages: number;
  /** https/mailto links of the letter, opened from the list under it (the sandboxed frame cannot run our code). */
  links: { text: string; url: string }[];
}
export type LetterResult = PreparedLetter | { kind: 'empty' } | { kind: 'too-large' };

/** Links without href still read as links; their targets are in the list under the letter. */
const LINK_STYLE = '<style>a{color:#0b5cad;text-decoration:underline}</style>';
const ALLOWED_LINK = /^(https:|mailto:)/i;

/**
 * Received HTML → the srcdoc of a sandboxed iframe. After the display policy, links lose their href: inside a
 * frame without scripts a click would navigate the frame itself, so links are shown as text there and listed under
 * the letter, where a click goes to app.openExternal.
 */
export function prepareLetter(html: string): LetterResult {
  if (html.length > MAX_DISPLAY_HTML_CHARS) return { kind: 'too-large' };
  const purify = DOMPurify(window);
  const { html: clean, blockedRemoteImages } = sanitizeForDisplay(html, purify);
  // DOMParser documents are inert: nothing in them loads or runs.
  const doc = new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${clean}</body></html>`, 'text/html');
  const links: PreparedLetter['links'] = [];
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    const url = a.getAttribute('data-dp-href') ?? a.getAttribute('href') ?? '';
    a.removeAttribute('href');
    a.removeAttribute('data-dp-href');
    if (ALLOWED_LINK.test(url.trim()) && !links.some((l) => l.url === url.trim())) {
      links.push({ text: (a.textContent ?? '').trim() || url.trim(), url: url.trim() });
    }
  }
  const hasText = (doc.body.textContent ?? '').trim().length > 0;
  if (!hasText && !doc.body.querySelector('img, table')) return { kind: 'empty' };
  return { kind: 'ok', srcdoc: buildIframeDocument(LINK_STYLE + doc.body.innerHTML), blockedRemoteImages, links };
}

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
// One DOMPurify instance: building it per letter is wasted work (its hooks are set and removed per call).
let instance: ReturnType<typeof DOMPurify> | null = null;
const purifier = () => (instance ??= DOMPurify(window));

export function prepareLetter(html: string): LetterResult {
  if (html.length > MAX_DISPLAY_HTML_CHARS) return { kind: 'too-large' };
  // One sanitising pass that also takes the links out: parsing and serialising a 200 KB letter a second time was a
  // large part of opening it.
  const {
    html: clean,
    blockedRemoteImages,
    links,
    hasContent,
  } = sanitizeForDisplay(html, purifier(), {
    detachLinks: true,
  });
  if (!hasContent) return { kind: 'empty' };
  return {
    kind: 'ok',
    srcdoc: buildIframeDocument(LINK_STYLE + clean),
    blockedRemoteImages,
    links: links.filter((l) => ALLOWED_LINK.test(l.url)),
  };
}

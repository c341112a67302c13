// Everything the composer writes passes through here: the editor's markup is run through the STRICT fixer before it
// is saved, so what reaches Digital Post validates by construction, whatever the browser's contentEditable produced.
import DOMPurify from 'dompurify';
import { fixStrictHtml, type FixResult, type Removal } from '../../../../shared/html/fix-strict';
import { validateStrictHtml } from '../../../../shared/html/validate-strict';

let purify: ReturnType<typeof DOMPurify> | null = null;
const instance = () => (purify ??= DOMPurify(window));

export function cleanHtml(html: string): FixResult {
  return fixStrictHtml(html, instance());
}

/** The browser's editing leftovers that are allowed but mean nothing: a lone `<br>` in an empty editor. */
export function isBlank(html: string): boolean {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  return (doc.body.textContent ?? '').trim() === '' && !doc.body.querySelector('img, table, hr');
}

/** The editor's HTML as it will be saved: STRICT-clean, and empty when nothing was written. */
export function editorOutput(html: string): string {
  if (isBlank(html)) return '';
  return cleanHtml(html).html;
}

/** The names removed, in the "script, iframe, …" form of the paste note; the count is the number of things removed. */
export function summariseRemovals(removed: readonly Removal[]): { count: number; names: string } {
  const count = removed.reduce((n, r) => n + r.count, 0);
  const names = [
    ...new Set(
      removed.map((r) => (r.kind === 'comment' ? 'kommentar' : r.kind === 'css' ? `style: ${r.name}` : r.name)),
    ),
  ];
  const shown = names.slice(0, 6).join(', ');
  return { count, names: names.length > 6 ? `${shown}, …` : shown };
}

export const isApproved = (html: string): boolean => validateStrictHtml(html).approved;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]!);

/** Plain text as paragraphs (blank lines) and line breaks. */
export function textToHtml(text: string): string {
  const paragraphs = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return paragraphs
    .filter((p) => p.trim() !== '')
    .map((p) => `<p>${p.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** The words of an HTML text with its paragraphs and line breaks kept, for the plain-text mode and the journal excerpt. */
export function htmlToText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const lines: string[] = [];
  const walk = (node: Node, line: string[]): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) line.push(child.textContent ?? '');
      else if (child.nodeName === 'BR') line.push('\n');
      else if (/^(P|DIV|H[1-6]|LI|BLOCKQUOTE|TR|UL|OL|TABLE)$/.test(child.nodeName)) {
        const inner: string[] = [];
        walk(child, inner);
        const text = inner.join('');
        if (line.length > 0) {
          lines.push(line.join(''));
          line.length = 0;
        }
        if (child.nodeName === 'LI') lines.push(`• ${text}`);
        else if (text.trim() !== '' || child.nodeName === 'P') lines.push(text);
      } else if (child.nodeName === 'TD' || child.nodeName === 'TH') {
        const inner: string[] = [];
        walk(child, inner);
        line.push(inner.join(''), '\t');
      } else walk(child, line);
    }
  };
  const rest: string[] = [];
  walk(doc.body, rest);
  if (rest.length > 0) lines.push(rest.join(''));
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The original letter quoted below the reply: a whitelist blockquote with a "… skrev …:" line above it. */
export function quoteOriginal(header: string, original: { html?: string; text?: string }): string {
  let body = '';
  if (original.html) body = demoteHeadings(cleanHtml(bodyOf(original.html)).html);
  else if (original.text) body = textToHtml(original.text);
  if (body.trim() === '') return '';
  return `<p><br></p><p>${escapeHtml(header)}</p><blockquote>${body}</blockquote>`;
}

/**
 * The quoted letter's headings become bold paragraphs: they belong to the other letter, not to the outline of the
 * reply (and of the composer around it).
 */
function demoteHeadings(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const h of Array.from(doc.body.querySelectorAll('h1, h2, h3, h4, h5, h6'))) {
    const p = doc.createElement('p');
    const strong = doc.createElement('strong');
    strong.append(...Array.from(h.childNodes));
    p.append(strong);
    h.replaceWith(p);
  }
  return doc.body.innerHTML;
}

/** A whole document's body; quoting `<html><head>…` inside a blockquote would not be a fragment any more. */
export function bodyOf(html: string): string {
  if (!/<(html|body|head)[\s>]/i.test(html)) return html;
  return new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
}

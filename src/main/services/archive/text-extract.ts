import { Parser } from 'htmlparser2';

/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript']);
/** Elements that end a line, so words on either side never run together in the index. */
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'td',
  'th',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'dd',
  'dt',
  'hr',
]);

const tidy = (text: string): string =>
  text
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n[\s]*/g, '\n')
    .trim();

export const htmlToText = (html: string): string => {
  const out: string[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden += 1;
        else if (BLOCK.has(name)) out.push('\n');
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BLOCK.has(name)) out.push('\n');
      },
      ontext(text) {
        if (hidden === 0) out.push(text);
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return tidy(out.join(''));
};

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

/**
 * pdfjs in Node runs every document through one in-process fake worker, and documents parsed side by side can fail
 * there ("Invalid page request"). Parsing is work on this thread anyway, so one document at a time costs nothing
 * while the downloads around it still overlap.
 */
let pdfTurn: Promise<unknown> = Promise.resolve();

/** Text of every page, with pdfjs in Node (the legacy build runs without a DOM or a worker file). */
export const pdfToText = (bytes: Uint8Array): Promise<string> => {
  const text = pdfTurn.then(() => parsePdf(bytes));
  pdfTurn = text.catch(() => undefined);
  return text;
};

const parsePdf = async (bytes: Uint8Array): Promise<string> => {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdfjs takes ownership of the buffer it is given; a copy keeps the caller's bytes intact for storage.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        (content.items as PdfTextItem[]).map((item) => (item.str ?? '') + (item.hasEOL ? '\n' : ' ')).join(''),
      );
      page.cleanup();
    }
    return tidy(pages.join('\n'));
  } finally {
    await doc.destroy();
  }
};

const decodeUtf8 = (bytes: Uint8Array): string => {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
};

/** The base media type, lower case, without parameters. */
const mediaType = (encodingFormat: string | null | undefined): string =>
  (encodingFormat ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * Searchable text of a file, or null for a format we do not read (images, office files): those are still archived
 * and found by name, just not by content. A file that fails to parse is treated the same way.
 */
export const extractText = async (
  bytes: Uint8Array,
  encodingFormat: string | null | undefined,
  filename?: string | null,
): Promise<string | null> => {
  const type = mediaType(encodingFormat);
  const ext = (filename ?? '').toLowerCase().split('.').pop() ?? '';
  try {
    if (type === 'text/html' || type === 'application/xhtml+xml') return htmlToText(decodeUtf8(bytes));
    if (type === 'application/pdf') return await pdfToText(bytes);
    if (type === 'text/plain' || type === 'text/csv' || (type === '' && (ext === 'txt' || ext === 'csv'))) {
      return tidy(decodeUtf8(bytes));
    }
  } catch {
    return null;
  }
  return null;
};

// A large letter as authorities' systems produce them: a document skeleton, headings, paragraphs with inline styles,
// long tables, lists, https links and data-URI images, all within STRICT so that both the validator and DOMPurify
// walk every part of it. Deterministic, so every run and both contenders see the same bytes. Runs in Node and in the
// benchmark page (bundled), so it uses no Node APIs.

const WORDS = [
  'skat',
  'borger',
  'afgørelse',
  'beløb',
  'kommune',
  'ydelse',
  'periode',
  'opgørelse',
  'betaling',
  'frist',
  'vejledning',
  'ansøgning',
  'oplysninger',
  'indkomst',
  'fradrag',
  'bolig',
  'pension',
  'klage',
  'dokumentation',
  'kontakt',
  'og',
  'i',
  'at',
  'du',
  'har',
  'for',
  'med',
  'til',
  'den',
  'det',
  'af',
  'på',
  'er',
  'vi',
  'som',
];
const STYLES = [
  'color: #1a1a1a; font-family: Arial, sans-serif; font-size: 14px; line-height: 1.5',
  'margin: 0 0 12px 0; text-align: justify',
  'color: #003366; font-weight: bold',
  'padding: 4px 8px; border-bottom: 1px solid #cccccc',
  'background-color: #f2f2f2; padding: 4px 8px; text-align: right',
];

/** Mulberry32: small, fast and the same everywhere. */
const prng = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export interface LetterOptions {
  /** Target size in bytes of the UTF-8 result; the letter ends at the first block past it. */
  bytes: number;
  seed?: number;
  /** Share of the bytes spent on data-URI images (logos, signatures, charts). */
  imageShare?: number;
}

export const utf8Length = (s: string): number => {
  let n = 0;
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i += 1;
    } else n += 3;
  }
  return n;
};

export const generateLetterHtml = (options: LetterOptions): string => {
  const rand = prng(options.seed ?? 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const sentence = (words: number): string => {
    const out: string[] = [];
    for (let i = 0; i < words; i += 1) out.push(pick(WORDS));
    const s = out.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const image = (bytes: number): string => {
    let data = '';
    for (let i = 0; i < bytes; i += 1) data += B64[Math.floor(rand() * 64)];
    return `<img src="data:image/png;base64,${data}" alt="Figur" width="${120 + Math.floor(rand() * 200)}" height="80">`;
  };
  const imageShare = options.imageShare ?? 0.3;
  const parts: string[] = [
    '<!DOCTYPE html>\n<html lang="da"><head><meta charset="utf-8"><title>Årsopgørelse</title></head>',
    `<body style="${STYLES[0]}">`,
    `<header><p style="${STYLES[2]}">Skattestyrelsen</p>${image(3000)}</header><main>`,
  ];
  let size = parts.reduce((n, p) => n + utf8Length(p), 0);
  let imageBytes = 3000;
  let section = 0;
  while (size < options.bytes) {
    section += 1;
    const block: string[] = [`<section><h2 style="${STYLES[2]}">Afsnit ${section}: ${sentence(4)}</h2>`];
    for (let p = 0; p < 3; p += 1) {
      block.push(
        `<p style="${STYLES[1]}">${sentence(25)} <b>${sentence(3)}</b> <a href="https://skat.dk/afsnit/${section}" target="_blank">Læs mere</a> ${sentence(18)}</p>`,
      );
    }
    block.push(
      `<table summary="Beløb" style="border-collapse: collapse; width: 100%"><thead><tr><th style="${STYLES[3]}">Post</th><th style="${STYLES[3]}">Beløb (kr.)</th></tr></thead><tbody>`,
    );
    for (let r = 0; r < 12; r += 1) {
      block.push(
        `<tr><td style="${STYLES[3]}">${sentence(3)}</td><td align="right" style="${STYLES[4]}">${Math.floor(rand() * 1e6).toLocaleString('da-DK')},00</td></tr>`,
      );
    }
    block.push('</tbody></table>');
    block.push(
      `<ul>${[0, 1, 2].map(() => `<li><span style="color: #333333">${sentence(8)}</span></li>`).join('')}</ul>`,
    );
    // Images keep their share of the bytes written so far.
    if (imageBytes < (size + 1) * imageShare) {
      const n = 2000 + Math.floor(rand() * 6000);
      block.push(`<figure>${image(n)}<figcaption>${sentence(5)}</figcaption></figure>`);
      imageBytes += n;
    }
    block.push('</section>\n');
    const text = block.join('');
    parts.push(text);
    size += utf8Length(text);
  }
  parts.push('</main><footer><p>Med venlig hilsen<br>Skattestyrelsen</p></footer></body></html>\n');
  return parts.join('');
};

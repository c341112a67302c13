import { deflateSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';

// File content for seeded and hook-delivered messages. Everything is built in code, so the sandbox needs no fixtures.

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A letter an authority's sender system would send: plain structural HTML that passes the LENIENT whitelist. */
export const letterHtml = (
  title: string,
  sender: string,
  paragraphs: readonly string[],
  table?: readonly (readonly string[])[],
): string => {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  const tableHtml = table
    ? `<table><thead><tr>${(table[0] ?? []).map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${table
        .slice(1)
        .map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"/><title>${escapeHtml(title)}</title></head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
${tableHtml}
<p>Med venlig hilsen<br/>${escapeHtml(sender)}</p>
</body></html>`;
};

/** The ~200 KB "detailed annual statement" letter benchmarks render. */
export const largeAnnualStatementHtml = (): string => {
  const rows: string[][] = [['Rubrik', 'Beskrivelse', 'Beløb (kr.)']];
  const items = [
    'Lønindkomst',
    'Befordringsfradrag',
    'Renteudgifter',
    'Fagforeningskontingent',
    'Pensionsindbetaling',
    'Gaver til foreninger',
    'Servicefradrag',
    'Aktieindkomst',
  ];
  for (let i = 0; i < 2650; i += 1) {
    rows.push([
      String(10 + i),
      `${items[i % items.length]} – post ${i + 1}`,
      ((i * 7919) % 100000).toLocaleString('da-DK'),
    ]);
  }
  return letterHtml(
    'Årsopgørelse 2025 – detaljeret',
    'Skattestyrelsen',
    [
      'Din årsopgørelse for 2025 er klar. Nedenfor ser du alle rubrikker med de beløb, vi har modtaget fra arbejdsgivere, banker og andre.',
      'Kontrollér oplysningerne. Hvis noget er forkert, kan du rette det på skat.dk senest 1. maj.',
    ],
    rows,
  );
};

export const plainText = (lines: readonly string[]): string => `${lines.join('\n')}\n`;

export const csvTable = (rows: readonly (readonly string[])[]): string =>
  `${rows.map((row) => row.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n')}\r\n`;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const byte of buf) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const pngChunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([len, typeAndData, crc]);
};

/** A small RGB PNG (a coloured gradient with a stripe), valid for any decoder. */
export const makePng = (width = 64, height = 48, hue = 0): Buffer => {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0;
    for (let x = 0; x < width; x += 1) {
      const i = row + 1 + x * 3;
      const stripe = Math.abs(y - height / 2) < 3;
      raw[i] = stripe ? 255 : (x * 4 + hue) & 0xff;
      raw[i + 1] = stripe ? 255 : (y * 5) & 0xff;
      raw[i + 2] = stripe ? 255 : (160 + hue) & 0xff;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
};

/** A real PDF with one page per entry of `pages` (each a list of lines). WinAnsi covers æøå. */
export const makePdf = async (title: string, pages: readonly (readonly string[])[]): Promise<Buffer> => {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  doc.setProducer('Digital Post sandbox');
  // Fixed dates keep the bytes deterministic across runs.
  doc.setCreationDate(new Date('2025-01-01T00:00:00Z'));
  doc.setModificationDate(new Date('2025-01-01T00:00:00Z'));
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  pages.forEach((lines, index) => {
    const page = doc.addPage([595, 842]);
    page.drawText(title, { x: 50, y: 790, size: 16, font: bold });
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 750 - i * 16, size: 11, font }));
    page.drawText(`Side ${index + 1} af ${pages.length}`, { x: 480, y: 30, size: 9, font });
  });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
};

export const pdfPagesFor = (title: string, count: number, paragraph: string): string[][] =>
  Array.from({ length: count }, (_v, i) => [
    `${title} – afsnit ${i + 1}`,
    '',
    ...paragraph.match(/.{1,85}(\s|$)/g)!.map((s) => s.trim()),
  ]);

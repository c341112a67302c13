import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText, htmlToText } from './text-extract';

const pdf = async (lines: string[]): Promise<Uint8Array> => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  return doc.save();
};

describe('text of a letter for the index', () => {
  it('HTML: the visible text, blocks on their own lines, no script or style, entities decoded', () => {
    const text = htmlToText(
      '<html><head><title>T</title><style>p{}</style></head><body><p>Kære&nbsp;Lone</p><p>Du får <b>1.250&nbsp;kr.</b></p><script>alert(1)</script><table><tr><td>a</td><td>b</td></tr></table></body></html>',
    );
    expect(text).toBe('Kære Lone\nDu får 1.250 kr.\na\nb');
  });

  it('PDF: the words on its pages, æ, ø and å included', async () => {
    const bytes = await pdf(['Forskudsopgørelse for 2026', 'Befordringsfradrag på grønne æbler']);
    const copy = new Uint8Array(bytes);
    const text = await extractText(bytes, 'application/pdf', 'brev.pdf');
    expect(text).toContain('Forskudsopgørelse for 2026');
    expect(text).toContain('Befordringsfradrag på grønne æbler');
    // The caller's bytes are stored afterwards; extraction must not have detached or changed them.
    expect(Buffer.from(bytes).equals(Buffer.from(copy))).toBe(true);
  });

  it('plain text and CSV as they are (UTF-8, BOM dropped); other formats and broken files give no text', async () => {
    expect(await extractText(Buffer.from('\ufeffnavn;beløb\nLone;12'), 'text/csv; charset=utf-8')).toBe(
      'navn;beløb\nLone;12',
    );
    expect(await extractText(Buffer.from('Hej'), 'text/plain')).toBe('Hej');
    expect(await extractText(Buffer.from([0x89, 0x50]), 'image/png')).toBeNull();
    expect(await extractText(Buffer.from('not a pdf'), 'application/pdf')).toBeNull();
  });
});

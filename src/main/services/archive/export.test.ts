import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeMessage, putLetters, tempArchive, type TempArchive } from './archive.test-support';
import { exportFolder, safeLocalName } from './export-folder';
import { composeEml, exportEmlFolder, exportMbox, messageIdOf, splitMboxrd } from './export-mail';
import { loadExportLetter } from './export-letters';
import type { Manifest } from './export-folder';

let archive: TempArchive;
const binary = Buffer.from(Array.from({ length: 3000 }, (_v, i) => (i * 37) % 256));
const tricky = 'Linje et\nFrom here on a line starting with From\n>From quoted already\n';

beforeAll(() => {
  archive = tempArchive();
  putLetters(archive.store, [
    {
      message: fakeMessage({
        id: 'm-1',
        label: 'Årsopgørelse 2025: "endelig" / rettet?',
        sender: 'Skattestyrelsen',
        recipient: 'Lone Ørnebjerg',
        date: '2026-03-05T08:30:00Z',
        files: [
          { filename: 'brev.html', encodingFormat: 'text/html' },
          { filename: 'bilag<1>.pdf', encodingFormat: 'application/pdf' },
          { filename: 'bilag<1>.pdf', encodingFormat: 'application/pdf' },
        ],
      }),
      contents: [
        { bytes: Buffer.from('<p>Kære Lone</p>'), text: 'Kære Lone' },
        { bytes: binary, text: null },
        { bytes: Buffer.from('%PDF-1.4 anden'), text: null },
      ],
    },
    {
      message: fakeMessage({
        id: 'm-2',
        label: 'From the start',
        sender: 'Udbetaling Danmark',
        date: '2026-01-01T00:00:00Z',
        files: [{ filename: 'brev.txt', encodingFormat: 'text/plain' }],
      }),
      contents: [{ bytes: Buffer.from(tricky), text: tricky }],
    },
    // Metadata only: nothing to export, so it is reported, not faked.
    { message: fakeMessage({ id: 'm-3', files: [{ filename: 'x.pdf', encodingFormat: 'application/pdf' }] }) },
  ]);
});
afterAll(() => archive.dispose());

const originals = (id: string): Buffer[] => loadExportLetter(archive.store, id)!.files.map((f) => f.content);

describe('e-mail export', () => {
  it('an .eml parses back with every attachment byte-identical and the headers in UTF-8', async () => {
    const eml = await composeEml(archive.store, loadExportLetter(archive.store, 'm-1')!);
    const headers = eml.toString('latin1').split('\r\n\r\n')[0]!;
    expect([...headers].every((c) => c.charCodeAt(0) < 128)).toBe(true);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe('Årsopgørelse 2025: "endelig" / rettet?');
    expect(mail.from?.value[0]?.name).toBe('Skattestyrelsen');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.name : undefined).toBe('Lone Ørnebjerg');
    expect(mail.date?.toISOString()).toBe('2026-03-05T08:30:00.000Z');
    expect(mail.messageId).toBe(messageIdOf('m-1'));
    expect(mail.text?.trim()).toBe('Kære Lone');
    expect(mail.attachments.map((a) => a.filename)).toEqual(['brev.html', 'bilag<1>.pdf', 'bilag<1>.pdf']);
    expect(mail.attachments.map((a) => a.content)).toEqual(originals('m-1'));
  });

  it('one .mbox holds each letter once, mboxrd-quoted, and parses back byte for byte', async () => {
    const file = join(archive.dir, 'post.mbox');
    const summary = await exportMbox(archive.store, ['m-1', 'm-2', 'm-3'], file);
    expect(summary).toEqual({ exported: ['m-1', 'm-2'], skipped: ['m-3'] });
    const raw = readFileSync(file);
    expect(raw.toString('latin1').match(/^From /gm)).toHaveLength(2);
    const entries = splitMboxrd(raw);
    expect(entries).toHaveLength(2);
    const [first, second] = await Promise.all(entries.map((e) => simpleParser(e)));
    expect(first!.attachments.map((a) => a.content)).toEqual(originals('m-1'));
    expect(second!.subject).toBe('From the start');
    expect(second!.attachments[0]!.content.toString()).toBe(tricky);
    expect(second!.text?.replace(/\r\n/g, '\n').trim()).toBe(tricky.trim());
  });

  it('writes one named .eml per letter into a folder', async () => {
    const target = join(archive.dir, 'eml');
    const summary = await exportEmlFolder(archive.store, ['m-2', 'm-1'], target);
    expect(summary.exported).toEqual(['m-2', 'm-1']);
    expect(readdirSync(target).sort()).toEqual([
      '2026-01-01 Udbetaling Danmark – From the start.eml',
      '2026-03-05 Skattestyrelsen – Årsopgørelse 2025 endelig  rettet.eml',
    ]);
    const mail = await simpleParser(readFileSync(join(target, '2026-01-01 Udbetaling Danmark – From the start.eml')));
    expect(mail.attachments.map((a) => a.content)).toEqual(originals('m-2'));
  });

  it('a cancelled mbox export leaves no file', async () => {
    const file = join(archive.dir, 'cancelled.mbox');
    const controller = new AbortController();
    const run = exportMbox(archive.store, ['m-1', 'm-2'], file, {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toBeDefined();
    expect(readdirSync(archive.dir)).not.toContain('cancelled.mbox');
  });
});

describe('folder export', () => {
  it('one folder per letter, scrubbed names, and a manifest whose hashes match the files', async () => {
    const target = join(archive.dir, 'export');
    const progress: number[] = [];
    const result = await exportFolder(archive.store, ['m-1', 'm-2', 'm-3'], target, {
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress).toEqual([1, 2, 3]);
    expect(result.skipped).toEqual(['m-3']);
    const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.letters.map((l) => l.folder)).toEqual([
      '2026-03-05 Skattestyrelsen – Årsopgørelse 2025 endelig  rettet',
      '2026-01-01 Udbetaling Danmark – From the start',
    ]);
    expect(manifest.letters[0]!.files.map((f) => f.path.split('/')[1])).toEqual([
      'brev.html',
      'bilag1.pdf',
      'bilag1 (2).pdf',
    ]);
    for (const letter of manifest.letters) {
      for (const f of letter.files) {
        const bytes = readFileSync(join(target, ...f.path.split('/')));
        expect(createHash('sha256').update(bytes).digest('hex')).toBe(f.sha256);
        expect(bytes.length).toBe(f.size);
      }
    }
    expect(readFileSync(join(target, manifest.letters[0]!.files[1]!.path)).equals(binary)).toBe(true);
    const html = readFileSync(join(target, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Årsopgørelse 2025: &quot;endelig&quot; / rettet?');
    const csv = readFileSync(join(target, 'index.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\ufeffid,date,sender,recipient,folderId,subject,files');
    expect(csv).toContain('m-2,2026-01-01T00:00:00Z,Udbetaling Danmark');
  });

  it('names a sender chose cannot leave the folder or upset a file system', () => {
    expect(safeLocalName('../../etc/passwd', 'x')).toBe('....etcpasswd');
    expect(safeLocalName('..', 'fallback')).toBe('fallback');
    expect(safeLocalName('CON.txt', 'x')).toBe('_CON.txt');
    expect(safeLocalName('navn. ', 'x')).toBe('navn');
    expect(safeLocalName('a\u0007b', 'x')).toBe('ab');
    expect(safeLocalName(`${'ø'.repeat(200)}.pdf`, 'x')).toMatch(/^ø{116}\.pdf$/);
  });
});

import { describe, expect, it } from 'vitest';
import {
  invalidFilenameCharacters,
  offeredFilename,
  safeFilename,
  scrubFilename,
  withoutHiddenCharacters,
} from './filenames';

describe('scrubFilename', () => {
  it('removes the character as in §6.13: file>name.pdf becomes filename.pdf', () => {
    expect(scrubFilename('file>name.pdf')).toBe('filename.pdf');
  });

  it.each(['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\r', '\n', '\r\n'])('removes %j', (ch) => {
    expect(scrubFilename(`a${ch}b.txt`)).toBe('ab.txt');
  });

  it.each([
    0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x205f,
    0x2060, 0x3000,
  ])('removes U+%s', (code) => {
    expect(scrubFilename(`brev${String.fromCharCode(code)}1.pdf`)).toBe('brev1.pdf');
  });

  it('keeps ordinary spaces, Danish letters and other punctuation', () => {
    const name = 'Årsopgørelse 2024 (kopi) - æøå_#&+,;=[]{}.pdf';
    expect(scrubFilename(name)).toBe(name);
    expect(invalidFilenameCharacters(name)).toEqual([]);
  });
});

describe('invalidFilenameCharacters', () => {
  it('lists each offending character once, in order', () => {
    expect(invalidFilenameCharacters('a:b?c:d\u00a0e\r\nf')).toEqual([':', '?', '\u00a0', '\r', '\n']);
  });
});

describe('safeFilename', () => {
  it('removes a right-to-left override, so the name cannot disguise its extension', () => {
    expect(safeFilename('Faktura\u202Efdp.exe')).toBe('Fakturafdp.exe');
  });

  it.each([
    0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x200b, 0x200c, 0x200d,
    0xfeff, 0x00ad, 0x061c,
  ])('removes the format character U+%s', (code) => {
    expect(safeFilename(`brev${String.fromCharCode(code)}.pdf`)).toBe('brev.pdf');
  });

  it('removes control characters, C0 and C1, and line and paragraph separators', () => {
    expect(safeFilename('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg\u2029h.txt')).toBe('abcdefgh.txt');
  });

  it('cannot leave its folder: separators go and leading dots with them', () => {
    expect(safeFilename('../../hjem.sh')).toBe('hjem.sh');
    expect(safeFilename('..\\..\\Windows\\win.ini')).toBe('Windowswin.ini');
    expect(safeFilename('/etc/passwd')).toBe('etcpasswd');
    expect(safeFilename('..')).toBe('fil');
    expect(safeFilename('.bashrc')).toBe('bashrc');
  });

  it('drops trailing dots and spaces, which Windows would drop from the written name', () => {
    expect(safeFilename('brev.pdf. . ')).toBe('brev.pdf');
    expect(safeFilename('  brev.pdf')).toBe('brev.pdf');
  });

  it.each(['CON', 'prn', 'Aux', 'NUL', 'COM1', 'com9', 'LPT1', 'lpt9', 'COM¹'])(
    'prefixes the reserved Windows name %s, also with an extension',
    (reserved) => {
      expect(safeFilename(reserved)).toBe(`_${reserved}`);
      expect(safeFilename(`${reserved}.txt`)).toBe(`_${reserved}.txt`);
      expect(safeFilename(`${reserved}.tar.gz`)).toBe(`_${reserved}.tar.gz`);
    },
  );

  it('keeps names that only look like reserved ones', () => {
    expect(safeFilename('CONTRACT.pdf')).toBe('CONTRACT.pdf');
    expect(safeFilename('COM10.txt')).toBe('COM10.txt');
    expect(safeFilename('console.log')).toBe('console.log');
  });

  it('never yields an empty name', () => {
    expect(safeFilename('')).toBe('fil');
    expect(safeFilename('\u202E\u200B')).toBe('fil');
    expect(safeFilename('<>:"|?*')).toBe('fil');
  });

  it('keeps ordinary names as they are', () => {
    const name = 'Årsopgørelse 2024 (kopi) - æøå_#&+,;=[]{}.pdf';
    expect(safeFilename(name)).toBe(name);
  });

  it('shortens very long names but keeps the extension', () => {
    const name = safeFilename(`${'ø'.repeat(400)}.pdf`);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(255);
  });
});

describe('offeredFilename', () => {
  it('forces the extension of the declared format onto a name that claims another', () => {
    expect(offeredFilename('rapport.pdf.exe', 'application/pdf')).toBe('rapport.pdf.exe.pdf');
    expect(offeredFilename('Faktura\u202Efdp.exe', 'application/pdf')).toBe('Fakturafdp.exe.pdf');
    expect(offeredFilename('noter.desktop', 'text/plain')).toBe('noter.desktop.txt');
    expect(offeredFilename('../../hjem.sh', 'text/plain')).toBe('hjem.sh.txt');
    expect(offeredFilename('x.docm', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'x.docm.docx',
    );
    expect(offeredFilename('brev', 'text/html')).toBe('brev.html');
  });

  it('keeps a name whose extension already matches the format, in any case or synonym', () => {
    expect(offeredFilename('brev.pdf', 'application/pdf')).toBe('brev.pdf');
    expect(offeredFilename('BREV.PDF', 'Application/PDF; charset=binary')).toBe('BREV.PDF');
    expect(offeredFilename('foto.jpeg', 'image/jpeg')).toBe('foto.jpeg');
    expect(offeredFilename('scan.tif', 'image/tiff')).toBe('scan.tif');
  });

  it('keeps the scrubbed name of a format it does not know; such files are only saved', () => {
    expect(offeredFilename('setup\u202E.exe', 'application/x-msdownload')).toBe('setup.exe');
  });

  it('scrubs first, so a reserved name cannot come back with the forced extension', () => {
    expect(offeredFilename('CON', 'text/plain')).toBe('_CON.txt');
    expect(offeredFilename('', 'application/pdf')).toBe('fil.pdf');
  });

  it('always ends in the format extension even for very long names', () => {
    const name = offeredFilename(`${'a'.repeat(300)}.exe`, 'application/pdf');
    expect(name.endsWith('.exe.pdf') || name.endsWith('.pdf')).toBe(true);
    expect(name.length).toBeLessThanOrEqual(120);
  });
});

describe('withoutHiddenCharacters', () => {
  it('removes bidi and control characters from a label but keeps its punctuation', () => {
    expect(withoutHiddenCharacters('Faktura\u202Efdp.exe')).toBe('Fakturafdp.exe');
    expect(withoutHiddenCharacters('Årsopgørelse 2024/2025: bilag\u200B\u0007')).toBe('Årsopgørelse 2024/2025: bilag');
  });
});

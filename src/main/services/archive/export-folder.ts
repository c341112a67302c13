import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { scrubFilename } from '../../../shared/dp/filenames';
import type { ArchiveStore } from './archive-store';
import {
  dateOf,
  exportEachLetter,
  recipientName,
  senderName,
  subjectOf,
  type ExportLetter,
  type ExportRunOptions,
  type ExportSummary,
} from './export-letters';

const MAX_NAME = 120;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f]/g;
/** Names Windows reserves whatever the extension; a sender could choose one as a file name. */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A name the sender chose, made safe for every file system: the project's scrubber (§10.13.1), then what it does not
 * cover for local files — control characters, trailing dots and spaces, `.` and `..`, reserved device names, length.
 */
export const safeLocalName = (raw: string, fallback: string): string => {
  let name = scrubFilename(raw).replace(CONTROL, '').trim();
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length).trimEnd() + ext;
  }
  name = name.replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) return fallback;
  if (RESERVED.test(name)) return `_${name}`;
  return name;
};

/** The first free name among `name`, `name (2)`, … (case-insensitive, as on Windows and macOS). */
export const unique = (name: string, taken: Set<string>): string => {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
};

const isoDay = (d: Date | undefined): string => (d ? d.toISOString().slice(0, 10) : '0000-00-00');

export const letterFolderName = (letter: ExportLetter): string => {
  const m = letter.message;
  return safeLocalName(`${isoDay(dateOf(m))} ${senderName(m)} – ${subjectOf(m)}`, m.id);
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** RFC 4180 quoting, and a leading `'` on what a spreadsheet would run as a formula (CSV injection). */
const csvCell = (value: string): string => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export interface ManifestFile {
  documentId: string;
  fileId: string;
  documentType: string | null;
  filename: string | null;
  encodingFormat: string | null;
  /** Relative to the export folder, with `/`. */
  path: string;
  size: number;
  sha256: string;
}

export interface ManifestLetter {
  id: string;
  mailboxId: string;
  folderId: string | null;
  date: string | null;
  sender: string;
  recipient: string;
  subject: string;
  folder: string;
  files: ManifestFile[];
}

export interface Manifest {
  format: 'digital-post-desktop-export';
  version: 1;
  exportedAt: string;
  letters: ManifestLetter[];
}

const indexHtml = (letters: ManifestLetter[]): string => {
  const href = (path: string): string => path.split('/').map(encodeURIComponent).join('/');
  const rows = letters
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.date?.slice(0, 10) ?? '')}</td><td>${escapeHtml(l.sender)}</td><td>${escapeHtml(
          l.subject,
        )}</td><td>${l.files
          .map((f) => `<a href="${escapeHtml(href(f.path))}">${escapeHtml(f.path.split('/').pop() ?? '')}</a>`)
          .join('<br>')}</td></tr>`,
    )
    .join('\n');
  // No scripts and nothing fetched from anywhere: the page opens offline and cannot run what a letter contained.
  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Digital Post – eksport</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}</style>
</head>
<body>
<h1>Digital Post – eksport</h1>
<table>
<thead><tr><th>Dato</th><th>Afsender</th><th>Emne</th><th>Filer</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
};

/**
 * "Mappe med filer": one folder per letter with its original files, plus index.html, index.csv and manifest.json
 * (with each file's SHA-256) at the top. The index files are written last, so a cancelled export has none.
 */
export const exportFolder = async (
  store: ArchiveStore,
  ids: readonly string[],
  targetDir: string,
  options: ExportRunOptions = {},
): Promise<ExportSummary & { manifest: Manifest }> => {
  await mkdir(targetDir, { recursive: true });
  return exportFolderTo(store, ids, diskSink(targetDir), options);
};

/** Where the folder export writes: the disk (a chosen folder), or memory (browser mode's .zip). Paths use `/`. */
export interface FolderSink {
  dir(path: string): Promise<void>;
  /** A new file; never overwrites. */
  file(path: string, bytes: Uint8Array | string): Promise<void>;
}

const diskSink = (root: string): FolderSink => ({
  dir: async (path) => {
    await mkdir(join(root, ...path.split('/')));
  },
  file: (path, bytes) => writeFile(join(root, ...path.split('/')), bytes, { flag: 'wx', mode: 0o600 }),
});

/** Files kept in memory by path, for a .zip: nothing of the letters touches the disk. */
export const memorySink = (): FolderSink & { files: Map<string, Uint8Array> } => {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    dir: () => Promise.resolve(),
    file: (path, bytes) => {
      if (files.has(path)) return Promise.reject(new Error(`${path} exists`));
      files.set(path, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
      return Promise.resolve();
    },
  };
};

export const exportFolderTo = async (
  store: ArchiveStore,
  ids: readonly string[],
  sink: FolderSink,
  options: ExportRunOptions = {},
): Promise<ExportSummary & { manifest: Manifest }> => {
  const taken = new Set<string>(['index.html', 'index.csv', 'manifest.json']);
  const manifest: Manifest = {
    format: 'digital-post-desktop-export',
    version: 1,
    exportedAt: new Date().toISOString(),
    letters: [],
  };
  const summary = await exportEachLetter(
    store,
    ids,
    async (letter) => {
      const folder = unique(letterFolderName(letter), taken);
      await sink.dir(folder);
      const names = new Set<string>();
      const files: ManifestFile[] = [];
      for (const f of letter.files) {
        const name = unique(safeLocalName(f.filename ?? '', `fil-${f.position + 1}`), names);
        await sink.file(`${folder}/${name}`, f.content);
        files.push({
          documentId: f.documentId,
          fileId: f.id,
          documentType: f.documentType,
          filename: f.filename,
          encodingFormat: f.encodingFormat,
          path: `${folder}/${name}`,
          size: f.content.length,
          sha256: createHash('sha256').update(f.content).digest('hex'),
        });
      }
      const m = letter.message;
      manifest.letters.push({
        id: m.id,
        mailboxId: m.mailboxId,
        folderId: m.folderId,
        date: m.messageDate,
        sender: senderName(m),
        recipient: recipientName(m),
        subject: subjectOf(m),
        folder,
        files,
      });
    },
    options,
  );
  const header = ['id', 'date', 'sender', 'recipient', 'folderId', 'subject', 'files'];
  const csv = [
    header.join(','),
    ...manifest.letters.map((l) =>
      [l.id, l.date ?? '', l.sender, l.recipient, l.folderId ?? '', l.subject, l.files.map((f) => f.path).join(' | ')]
        .map(csvCell)
        .join(','),
    ),
  ].join('\r\n');
  // The BOM makes spreadsheet programs read æ, ø and å as UTF-8.
  await sink.file('index.csv', `\ufeff${csv}\r\n`);
  await sink.file('index.html', indexHtml(manifest.letters));
  await sink.file('manifest.json', JSON.stringify(manifest, null, 2));
  return { ...summary, manifest };
};

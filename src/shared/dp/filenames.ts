// File names Digital Post does not accept (Technical Integration §10.13.1). A view client's upload is scrubbed by
// Digital Post rather than refused (§6.13: "file>name.pdf" becomes "filename.pdf"); the app scrubs the same way first
// so that the name the user sees is the name that is stored.
import { extensionsForFormat } from './encoding-formats';

/** Characters that are removed, as listed in §10.13.1 (CRLF is its two characters). */
export const INVALID_FILENAME_CHARACTERS: readonly string[] = [
  '<',
  '>',
  ':',
  '"',
  '/',
  '\\',
  '|',
  '?',
  '*',
  '\r',
  '\n',
  '\u00A0', // No-Break Space
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200A',
  '\u2028', // Line Separator
  '\u205F', // Medium Mathematical Space
  '\u2060', // Word Joiner
  '\u3000', // Ideographic Space
];

const INVALID = new Set(INVALID_FILENAME_CHARACTERS);

/** The name with every invalid character removed (not replaced). */
export function scrubFilename(name: string): string {
  let out = '';
  for (const ch of name) if (!INVALID.has(ch)) out += ch;
  return out;
}

/** The distinct invalid characters in the name, in order of first appearance. */
export function invalidFilenameCharacters(name: string): string[] {
  const found: string[] = [];
  for (const ch of name) if (INVALID.has(ch) && !found.includes(ch)) found.push(ch);
  return found;
}

// Beyond §10.13.1: what makes a name lie about the file or escape the folder it is written to. Bidi overrides and
// other format characters (Unicode Cf) reorder or hide text ("Faktura\u202Efdp.exe" shows as "Fakturaexe.pdf"),
// control characters and line/paragraph separators have no place in a name.
const HIDDEN_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/**
 * Text a sender chose that is shown next to file names (a document's label): without the hidden and control
 * characters, so it cannot reorder itself into a convincing "Fakturaexe.pdf". Other characters stay; it is a title,
 * not a name anything is written under.
 */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(HIDDEN_OR_CONTROL, '');
}

/** Windows refuses these as the part before the first dot, whatever the extension ("con.txt", "LPT1.tar.gz"). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
/** Room for the longest forced extension within the 255 bytes most file systems allow (UTF-8, Danish letters). */
const MAX_NAME_CHARS = 120;
const FALLBACK_NAME = 'fil';

const splitExtension = (name: string): { stem: string; extension: string } => {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? { stem: name, extension: '' } : { stem: name.slice(0, dot), extension: name.slice(dot + 1) };
};

const limitLength = (name: string, keepExtension: string): string => {
  const chars = [...name];
  if (chars.length <= MAX_NAME_CHARS) return name;
  const suffix = keepExtension ? `.${keepExtension}` : '';
  const stem = [...(keepExtension ? name.slice(0, name.length - suffix.length) : name)];
  return stem.slice(0, MAX_NAME_CHARS - [...suffix].length).join('') + suffix;
};

/**
 * The one scrubber for every name the app shows, writes or offers: §10.13.1's characters, then hidden and control
 * characters, leading dots (no hidden files, no "..") and trailing dots and spaces (Windows drops them, so the name
 * written would not be the name shown), and Windows' reserved device names, which get a leading underscore.
 * Never empty.
 */
export function safeFilename(name: string): string {
  let out = scrubFilename(name.normalize('NFC')).replace(HIDDEN_OR_CONTROL, '');
  out = out
    .replace(/^[\s.]+/u, '')
    .replace(/[\s.]+$/u, '')
    .trim();
  const firstPart = out.split('.')[0]!.trim();
  if (WINDOWS_RESERVED.test(firstPart)) out = `_${out}`;
  if (out === '') return FALLBACK_NAME;
  return limitLength(out, splitExtension(out).extension.slice(0, 16)).replace(/[\s.]+$/u, '') || FALLBACK_NAME;
}

/**
 * The name a file is written and shown under: scrubbed, with the extension forced from its declared format, so the
 * OS opens the bytes as what Digital Post let through and never as what the sender named them. The sender's own
 * extension stays visible before ours ("rapport.pdf.exe" as application/pdf is "rapport.pdf.exe.pdf"). A format
 * without a known extension keeps the scrubbed name; such files are only ever saved, never opened.
 */
export function offeredFilename(name: string, encodingFormat: string): string {
  const safe = safeFilename(name);
  const extensions = extensionsForFormat(encodingFormat);
  const forced = extensions[0];
  if (!forced) return safe;
  if (extensions.includes(splitExtension(safe).extension.toLowerCase())) return safe;
  return limitLength(`${safe}.${forced}`, forced);
}

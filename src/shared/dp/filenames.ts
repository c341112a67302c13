// File names Digital Post does not accept (Technical Integration §10.13.1). A view client's upload is scrubbed by
// Digital Post rather than refused (§6.13: "file>name.pdf" becomes "filename.pdf"); the app scrubs the same way first
// so that the name the user sees is the name that is stored.

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

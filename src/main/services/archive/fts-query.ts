// The user's search text → an FTS5 MATCH expression that can never be a syntax error. Nothing the user typed reaches
// FTS5 as syntax: every term is rebuilt from letters and digits and sent as a quoted string, so `"`, `*`, `-`, `:`,
// `^`, parentheses and the words AND, OR, NOT and NEAR are all just text.

export interface SearchTerm {
  /** The words of the term, lower case, as the index holds them. */
  words: string[];
  /** A loose word matches words that start with it (search as you type); a quoted phrase matches exactly. */
  prefix: boolean;
}

export interface ParsedSearch {
  terms: SearchTerm[];
  /** The FTS5 expression, or null when the text has nothing to search for. */
  match: string | null;
}

/** Letters (any script, æ, ø and å included), digits and marks that belong to letters, as unicode61 keeps them. */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

const wordsOf = (text: string): string[] => (text.toLocaleLowerCase('da').match(WORD) ?? []).slice(0, 32);

const quote = (words: readonly string[]): string => `"${words.join(' ').replace(/"/g, '""')}"`;

export const parseSearch = (raw: string): ParsedSearch => {
  const terms: SearchTerm[] = [];
  // Straight and typographic quotes; an unclosed quote runs to the end, as people type it.
  const pattern =
    /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)(?:["\u201c\u201d\u201e]|$)|([^\s"\u201c\u201d\u201e]+)/g;
  for (let m = pattern.exec(raw); m !== null; m = pattern.exec(raw)) {
    if (m[1] !== undefined) {
      const words = wordsOf(m[1]);
      if (words.length > 0) terms.push({ words, prefix: false });
    } else {
      // `e-Boks` or `2025/26` are one thing to the user: its parts in order, the last one as a prefix.
      const words = wordsOf(m[2] ?? '');
      if (words.length > 0) terms.push({ words, prefix: true });
    }
    if (terms.length >= 16) break;
  }
  if (terms.length === 0) return { terms, match: null };
  const match = terms.map((t) => (t.prefix ? `${quote(t.words)}*` : quote(t.words))).join(' AND ');
  return { terms, match };
};

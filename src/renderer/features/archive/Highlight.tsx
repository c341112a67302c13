import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchTerm, SnippetPart } from '../../../shared/ipc/channels/archive';
import { useArchiveStore } from './store/archive-store';

/** A snippet from the archive's search: the found words in `<mark>`, the rest as text (React escapes both). */
export function Snippet({ parts, className }: { parts: readonly SnippetPart[]; className?: string }) {
  return (
    <span className={className ?? 'archive-snippet'}>
      {parts.map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <Fragment key={i}>{p.text}</Fragment>))}
    </span>
  );
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/**
 * Splits text into parts, marking each word the search matched the way the archive matches it: a loose term's words
 * match words that start with them, a quoted phrase's words match whole words; Danish letters stay letters.
 */
export const markTerms = (text: string, terms: readonly SearchTerm[]): SnippetPart[] => {
  const prefixes = terms.filter((t) => t.prefix).flatMap((t) => t.words);
  const exact = new Set(terms.filter((t) => !t.prefix).flatMap((t) => t.words));
  if (prefixes.length === 0 && exact.size === 0) return [{ text, match: false }];
  const parts: SnippetPart[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLocaleLowerCase('da');
    if (!exact.has(word) && !prefixes.some((p) => word.startsWith(p))) continue;
    const at = m.index;
    if (at > last) parts.push({ text: text.slice(last, at), match: false });
    parts.push({ text: m[0], match: true });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
};

/** Text with the words of the archive's last search marked. */
export function Highlighted({ text, terms }: { text: string; terms: readonly SearchTerm[] }) {
  return <Snippet parts={markTerms(text, terms)} className="archive-highlighted" />;
}

/** A row has room for a few words: the text before the first found word is cut to its last few words. */
const LEAD = 24;
export const nearFirstMatch = (parts: readonly SnippetPart[]): SnippetPart[] => {
  const first = parts.findIndex((p) => p.match);
  if (first <= 0) return [...parts];
  const before = parts
    .slice(0, first)
    .map((p) => p.text)
    .join('');
  const lead = before.length > LEAD ? `…${before.slice(-LEAD).replace(/^\S*\s/, '')}` : before;
  return [{ text: lead, match: false }, ...parts.slice(first)];
};

/** The list row's snippet of a letter the archive search found, if it found it there. */
export function ArchiveSnippet({ messageId }: { messageId: string }) {
  const parts = useArchiveStore((s) => (s.searchSource === 'archive' ? s.snippets[messageId] : undefined));
  if (!parts || parts.length === 0) return null;
  return (
    <>
      <span className="sr-only">, </span>
      <Snippet parts={nearFirstMatch(parts)} />
    </>
  );
}

/** Under the search box: where the search looked. */
export function SearchSourceNote() {
  const source = useArchiveStore((s) => s.searchSource);
  return source === null ? null : <SearchSourceText source={source} />;
}

function SearchSourceText({ source }: { source: 'archive' | 'server' }) {
  const { t } = useTranslation();
  return (
    <p className="hint search-source" role="status">
      {source === 'archive' ? t('archive.searchLocal') : t('archive.searchServer')}
    </p>
  );
}

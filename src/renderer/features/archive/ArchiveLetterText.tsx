import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { dp } from '../../lib/api';
import { markTerms, Snippet } from './Highlight';
import { useArchiveStore } from './store/archive-store';

/** How much text around each found word is shown, so a long PDF does not fill the pane. */
const CONTEXT = 160;

/**
 * Under a letter opened from a search in the archive: the places in its text (PDF text included) where the search
 * words stand, marked. The letter itself is shown as always; this is the text the archive searched.
 */
export function ArchiveLetterText({ messageId }: { messageId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { source, terms } = useArchiveStore(useShallow((s) => ({ source: s.searchSource, terms: s.terms })));
  const [loaded, setLoaded] = useState<{ messageId: string; texts: string[] } | null>(null);
  const active = source === 'archive' && terms.length > 0;

  useEffect(() => {
    if (!active) return;
    let current = true;
    dp()
      .archive.text({ messageId })
      .then((r) => current && setLoaded({ messageId, texts: r.files.map((f) => f.text) }))
      .catch(() => current && setLoaded({ messageId, texts: [] }));
    return () => {
      current = false;
    };
  }, [active, messageId]);

  if (!active || loaded?.messageId !== messageId) return null;
  const excerpts = loaded.texts.flatMap((text) => excerptsOf(text, terms));
  return (
    <section className="archive-matches" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('archive.matchesHeading')}</h3>
      {excerpts.length === 0 ? (
        <p className="muted">{t('archive.matchesNone')}</p>
      ) : (
        <div className="archive-text">
          {excerpts.map((parts, i) => (
            <p key={i}>
              <Snippet parts={parts} className="archive-highlighted" />
            </p>
          ))}
        </div>
      )}
    </section>
  );
}

/** Pieces of the text around each marked word (merged where they overlap), at most a handful. */
const excerptsOf = (text: string, terms: Parameters<typeof markTerms>[1]) => {
  const parts = markTerms(text, terms);
  const spans: [number, number][] = [];
  let at = 0;
  for (const p of parts) {
    if (p.match) {
      const start = Math.max(0, at - CONTEXT);
      const end = Math.min(text.length, at + p.text.length + CONTEXT);
      const last = spans[spans.length - 1];
      if (last && start <= last[1]) last[1] = end;
      else spans.push([start, end]);
    }
    at += p.text.length;
  }
  return spans.slice(0, 8).map(([s, e]) => {
    const piece = `${s > 0 ? '…' : ''}${text.slice(s, e)}${e < text.length ? '…' : ''}`;
    return markTerms(piece, terms);
  });
};

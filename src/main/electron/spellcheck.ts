import type { Session } from 'electron';

/** Danish first: the app is written in Danish and so are the letters people write to authorities. */
export const SPELLCHECK_LANGUAGES = ['da-DK'] as const;

/**
 * Spell checking in Danish for the window's session (Windows and Linux use Chromium's Hunspell dictionaries; macOS
 * always uses the OS checker, where this call does nothing). A failure only costs the red underlines, never the app.
 */
export function enableDanishSpellcheck(
  session: Pick<Session, 'setSpellCheckerLanguages' | 'availableSpellCheckerLanguages'> | undefined,
): boolean {
  if (!session) return false;
  try {
    const available = session.availableSpellCheckerLanguages ?? [];
    const languages = SPELLCHECK_LANGUAGES.filter((l) => available.length === 0 || available.includes(l));
    if (languages.length === 0) return false;
    session.setSpellCheckerLanguages([...languages]);
    return true;
  } catch (err) {
    console.warn('Spell checking not set to Danish', err);
    return false;
  }
}

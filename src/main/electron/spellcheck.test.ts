import { describe, expect, it, vi } from 'vitest';
import { enableDanishSpellcheck } from './spellcheck';

describe('enableDanishSpellcheck', () => {
  it('sets the session to Danish when Danish is available', () => {
    const session = { availableSpellCheckerLanguages: ['en-US', 'da-DK'], setSpellCheckerLanguages: vi.fn() };
    expect(enableDanishSpellcheck(session)).toBe(true);
    expect(session.setSpellCheckerLanguages).toHaveBeenCalledWith(['da-DK']);
  });

  it('leaves the session alone without Danish, without a session, or when Electron refuses', () => {
    const english = { availableSpellCheckerLanguages: ['en-US'], setSpellCheckerLanguages: vi.fn() };
    expect(enableDanishSpellcheck(english)).toBe(false);
    expect(english.setSpellCheckerLanguages).not.toHaveBeenCalled();
    expect(enableDanishSpellcheck(undefined)).toBe(false);
    const refusing = {
      availableSpellCheckerLanguages: ['da-DK'],
      setSpellCheckerLanguages: vi.fn(() => {
        throw new Error('not supported');
      }),
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(enableDanishSpellcheck(refusing)).toBe(false);
    warn.mockRestore();
  });
});

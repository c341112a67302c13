import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES, AppErrorException } from '../../shared/ipc/app-error';
import { dpErrorMessage } from '../../shared/dp/error-codes';
import { APP_ERROR_TEXTS } from './app-error-texts';
import { toUiError, uiError, uiErrorText } from './ui-error';

// Letters only Danish has, and words no English sentence here would carry.
const DANISH = /[æøåÆØÅ]|\b(og|ikke|eller|prøv|igen|kladde|fejl|der|er|af)\b/i;

const fromMain = (code: string, message: string): AppErrorException => new AppErrorException({ code, message });

describe('app-level error codes in both languages', () => {
  // Every code the app can raise; app-error.test.ts pins this list to the shipped spellings.
  const codes: string[] = Object.values(APP_ERROR_CODES);

  it('every code has a Danish and an English text', () => {
    expect(Object.keys(APP_ERROR_TEXTS.da).sort()).toEqual(Object.keys(APP_ERROR_TEXTS.en).sort());
    for (const code of codes) {
      expect(APP_ERROR_TEXTS.da[code as keyof typeof APP_ERROR_TEXTS.da]?.trim(), code).toBeTruthy();
      expect(APP_ERROR_TEXTS.en[code as keyof typeof APP_ERROR_TEXTS.en]?.trim(), code).toBeTruthy();
    }
  });

  it.each(codes)('%s: the English UI shows no Danish, even when main sent a Danish sentence', (code) => {
    const danishFromMain = 'Der skete en fejl, som main beskrev på dansk.';
    for (const e of [uiError(code), toUiError(fromMain(code, danishFromMain)), toUiError(fromMain(code, ''))]) {
      const en = uiErrorText(e, 'en');
      expect(en.trim(), code).not.toBe('');
      expect(en, code).not.toMatch(DANISH);
      expect(en).not.toContain(danishFromMain);
      const da = uiErrorText(e, 'da');
      expect(da.trim(), code).not.toBe('');
      expect(da, code).not.toBe(en);
    }
  });

  it('field errors under app codes are worded in English too', () => {
    const e = toUiError(
      new AppErrorException({
        code: 'app.query.date.invalid',
        message: 'Ugyldig dato.',
        fieldErrors: [{ field: 'from', code: 'app.query.date.invalid', message: 'Ugyldig dato.' }],
      }),
    );
    expect(uiErrorText(e, 'en')).toBe('Invalid date.');
    expect(uiErrorText(e, 'da')).toBe('Ugyldig dato.');
  });
});

describe('Danish wording', () => {
  it("keeps main's sentence where it carries the specifics", () => {
    const e = toUiError(
      fromMain('app.file.open-refused', 'Filer af typen application/x-msdownload åbnes ikke direkte.'),
    );
    expect(uiErrorText(e, 'da')).toBe('Filer af typen application/x-msdownload åbnes ikke direkte.');
  });

  it('uses the fixed wording where the message may come from an identity provider or the network stack', () => {
    expect(uiErrorText(toUiError(fromMain('app.auth.access-denied', 'access_denied: user aborted')), 'da')).toBe(
      'Login blev afvist.',
    );
    expect(uiErrorText(toUiError(fromMain('app.network', 'fetch failed')), 'en')).toBe(
      'There is no connection to Digital Post. Try again.',
    );
  });

  it('fills in parameters the renderer knows', () => {
    expect(uiErrorText({ code: 'app.internal', params: { x: 1 } }, 'da')).toBe('Der opstod en fejl i programmet.');
  });
});

describe('a Digital Post answer without a code of its own (app.http.<status>)', () => {
  it("shows main's Danish sentence in Danish and an English one by status in English", () => {
    for (const status of [400, 403, 404, 413, 418, 500, 507]) {
      const e = toUiError(fromMain(`app.http.${status}`, 'Det blev ikke fundet i Digital Post.'));
      expect(uiErrorText(e, 'da')).toBe('Det blev ikke fundet i Digital Post.');
      const en = uiErrorText(e, 'en');
      expect(en, String(status)).toMatch(/Digital Post|access|too large/);
      expect(en, String(status)).not.toMatch(DANISH);
    }
    expect(uiErrorText(toUiError(fromMain('app.http.404', '')), 'en')).toBe('It was not found in Digital Post.');
    expect(uiErrorText(toUiError(fromMain('app.http.404', '')), 'da').trim()).not.toBe('');
  });
});

describe("Digital Post's own codes", () => {
  const code = 'message.update.folderType.not.allowed';

  it("shows the server's text, else the printed message for the code", () => {
    expect(uiErrorText(toUiError(fromMain(code, 'Serverens tekst.')), 'da')).toBe('Serverens tekst.');
    expect(uiErrorText(toUiError(fromMain(code, '')), 'da')).toBe(dpErrorMessage(code));
  });

  it('says in English that the text exists in Danish only, and names the code', () => {
    const en = uiErrorText(toUiError(fromMain(code, 'Serverens tekst.')), 'en');
    expect(en).toContain(code);
    expect(en).toContain('in Danish only');
    expect(en).toContain('Serverens tekst.');
  });

  it('keeps each field error, the specific ones, in order', () => {
    const e = toUiError(
      new AppErrorException({
        code: 'a',
        message: 'overall',
        fieldErrors: [
          { code: 'x', message: 'Første.' },
          { code: 'y', message: 'Anden.' },
        ],
      }),
    );
    expect(e.fieldErrors).toHaveLength(2);
    expect(uiErrorText(e, 'da')).toBe('Første. Anden.');
  });
});

describe('toUiError', () => {
  it('keeps the code and message of anything shaped like an error envelope, and never a stack trace', () => {
    expect(toUiError({ error: { code: 'x.y', message: 'hej' } })).toEqual({ code: 'x.y', message: 'hej' });
    const thrown = toUiError(new Error('TypeError at foo.ts:12'));
    expect(thrown).toEqual({ code: APP_ERROR_CODES.internal });
    expect(uiErrorText(thrown, 'da')).toBe('Der opstod en fejl i programmet.');
  });
});

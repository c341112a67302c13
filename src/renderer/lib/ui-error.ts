import i18next from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DP_GENERIC_ERROR_MESSAGE, dpErrorMessage, isDpErrorCode } from '../../shared/dp/error-codes';
import { APP_ERROR_CODES, isAppErrorException, type FieldError } from '../../shared/ipc/app-error';
import {
  APP_ERROR_TEXTS,
  FIXED_WORDING,
  HTTP_FALLBACK_DA,
  httpStatusOf,
  httpStatusTextEn,
  isAppErrorCode,
} from './app-error-texts';

export type UiLanguage = 'da' | 'en';

/**
 * An error as state keeps it: the code (Digital Post's verbatim, or one of the app's), what is needed to word it,
 * and Digital Post's own text. It is put into words only when shown, so a language switch rewords it.
 */
export type UiError = {
  code: string;
  params?: Record<string, string | number>;
  message?: string;
  fieldErrors?: FieldError[];
  /** A refusal the renderer words itself (an i18n key), raised before any request under `code`. */
  textKey?: string;
};

export function toUiError(e: unknown): UiError {
  if (isAppErrorException(e)) {
    const { code, message, fieldErrors } = e.error;
    return {
      code,
      ...(message ? { message } : {}),
      ...(fieldErrors && fieldErrors.length > 0 ? { fieldErrors } : {}),
    };
  }
  if (e && typeof e === 'object' && 'error' in e) {
    const inner = (e as { error?: { code?: unknown; message?: unknown } }).error;
    if (inner && typeof inner.message === 'string') {
      return { code: typeof inner.code === 'string' ? inner.code : APP_ERROR_CODES.internal, message: inner.message };
    }
  }
  return { code: APP_ERROR_CODES.internal };
}

/** An error the renderer raises itself, before any request, under the code Digital Post or main would use. */
export const uiError = (code: string, params?: Record<string, string | number>): UiError =>
  params ? { code, params } : { code };

/** A refusal the renderer makes before any request: Digital Post's code for it, the app's own words. */
export const localRefusal = (code: string, textKey: string, params?: Record<string, string | number>): UiError => ({
  code,
  textKey,
  ...(params ? { params } : {}),
});

export const isNetworkUiError = (e: UiError | null | undefined): boolean => e?.code === APP_ERROR_CODES.network;

const interpolate = (text: string, params: UiError['params']): string =>
  params ? text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;

/** Digital Post words its codes in Danish only; the English UI says so and names the code instead of pretending. */
const inDigitalPostWords = (code: string, text: string, language: UiLanguage): string =>
  language === 'da' ? text : `Digital Post (${code}, in Danish only): ${text}`;

function codeText(code: string, message: string | undefined, params: UiError['params'], language: UiLanguage): string {
  if (isAppErrorCode(code)) {
    if (language === 'da' && message && !FIXED_WORDING.has(code)) return message;
    return interpolate(APP_ERROR_TEXTS[language][code], params);
  }
  const status = httpStatusOf(code);
  if (status !== undefined) return language === 'da' ? message || HTTP_FALLBACK_DA : httpStatusTextEn(status);
  const text = message || (isDpErrorCode(code) ? dpErrorMessage(code) : DP_GENERIC_ERROR_MESSAGE);
  return inDigitalPostWords(code, text, language);
}

/** The words for an error in `language`: each field error when there are any (they are the specific ones). */
export function uiErrorText(error: UiError, language: UiLanguage): string {
  if (error.textKey) return i18next.getFixedT(language)(error.textKey, error.params ?? {});
  if (error.fieldErrors && error.fieldErrors.length > 0) {
    return error.fieldErrors.map((f) => codeText(f.code, f.message, error.params, language)).join(' ');
  }
  return codeText(error.code, error.message, error.params, language);
}

/** `uiErrorText` in the UI's current language; components re-render when the language changes. */
export function useUiErrorText(): (error: UiError) => string {
  const { i18n } = useTranslation();
  const language: UiLanguage = i18n.language === 'en' ? 'en' : 'da';
  return useCallback((error: UiError) => uiErrorText(error, language), [language]);
}

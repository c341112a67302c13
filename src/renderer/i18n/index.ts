import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { da } from './da';
import { en } from './en';

export type Language = 'da' | 'en';

/** Danish is the app's language; English is a choice the user makes in settings or the header. */
export function initI18n(language: Language = 'da'): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources: { da: { translation: da }, en: { translation: en } },
      lng: language,
      fallbackLng: 'da',
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
  }
  return i18next;
}

export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

const locale = (): string => (i18next.language === 'en' ? 'en-GB' : 'da-DK');

// Building an Intl formatter costs far more than using one, and the message list formats a date per row per frame.
const formatters = new Map<string, Intl.DateTimeFormat>();
const dateFormatter = (style: 'dateTime' | 'date'): Intl.DateTimeFormat => {
  const key = `${locale()}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      style === 'dateTime'
        ? { dateStyle: 'short', timeStyle: 'short' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
    formatters.set(key, (f = new Intl.DateTimeFormat(locale(), options)));
  }
  return f;
};

/** Dates as Danes write them (23.11.2026 14.05) in Danish, day-first in English too. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormatter('dateTime').format(d);
}

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormatter('date').format(d);
}

/** 20.000 in Danish, 20,000 in English. */
export const formatCount = (n: number): string => new Intl.NumberFormat(locale()).format(n);

/** Numbers as the UI's language writes them: "1.234" in Danish, "1,234" in English. */
export const formatCount = (n: number, language: string): string =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'da-DK').format(n);

export const formatWhen = (iso: string, language: string): string =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'da-DK', { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );

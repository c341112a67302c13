import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n';

export function LanguageSwitch({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as Language)}>
        <option value="da" lang="da">
          {t('language.da')}
        </option>
        <option value="en" lang="en">
          {t('language.en')}
        </option>
      </select>
    </span>
  );
}

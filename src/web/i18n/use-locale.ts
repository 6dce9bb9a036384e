import { useTranslation } from 'react-i18next';
import type { Locale } from '../api/types.ts';

/** The current UI language, for formatting helpers and bilingual labels. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** Picks the English label when it exists and English is shown, else the French one. */
export function useLabel() {
  const locale = useLocale();
  return (item: { labelFr: string; labelEn?: string | null }) =>
    locale === 'en' && item.labelEn ? item.labelEn : item.labelFr;
}

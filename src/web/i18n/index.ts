import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../api/types.ts';
import { readStored, writeStored } from '../ui/stored-value.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';

export const LOCALE_KEY = 'socle.locale';

/** The locale chosen on this browser, if any. */
export function storedLocale(): Locale | null {
  const stored = readStored(LOCALE_KEY);
  return stored === 'fr' || stored === 'en' ? stored : null;
}

/** French first: English only when chosen on this browser or in the account. */
function initialLocale(): Locale {
  return storedLocale() ?? 'fr';
}

void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initialLocale(),
  fallbackLng: 'fr',
  interpolation: { escapeValue: false },
  returnNull: false,
});

function applyDocumentLanguage(lng: string) {
  document.documentElement.lang = lng;
}
applyDocumentLanguage(i18next.language);
i18next.on('languageChanged', applyDocumentLanguage);

/** Changes the language and remembers the choice on this browser. */
export function setLocale(locale: Locale) {
  writeStored(LOCALE_KEY, locale);
  void i18next.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return i18next.language === 'en' ? 'en' : 'fr';
}

export { i18next };

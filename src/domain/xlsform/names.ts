/** XLSForm names become Socle keys and option values; language columns become ISO codes. */

function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[^a-z0-9_]/g, '_');
}

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const VALUE_PATTERN = /^[a-z0-9_]{1,60}$/;

/** Gives each name a distinct key; `suffix` tries `name_2`, `name_3`… within the length limit. */
export function uniqueName(base: string, taken: Set<string>, maxLength: number): string {
  let candidate = base.slice(0, maxLength);
  for (let n = 2; taken.has(candidate); n++) {
    const suffix = `_${n}`;
    candidate = base.slice(0, maxLength - suffix.length) + suffix;
  }
  taken.add(candidate);
  return candidate;
}

/** A question key: lowercase letter first, then letters, digits, underscores; 40 at most. */
export function toKey(name: string, taken: Set<string>, fallback: string): string {
  let base = plain(name);
  if (!/[a-z0-9]/.test(base)) base = fallback;
  if (!/^[a-z]/.test(base)) base = `q_${base}`;
  return uniqueName(base, taken, 40);
}

/** An option value: lowercase letters, digits and underscores; 60 at most. */
export function toValue(name: string, taken: Set<string>, fallback: string): string {
  let base = plain(name);
  if (!/[a-z0-9]/.test(base)) base = fallback;
  return uniqueName(base, taken, 60);
}

const languageNames: Record<string, string> = {
  french: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  arabic: 'ar',
  arabe: 'ar',
  spanish: 'es',
  espanol: 'es',
  espagnol: 'es',
  portuguese: 'pt',
  portugues: 'pt',
  portugais: 'pt',
  german: 'de',
  deutsch: 'de',
  allemand: 'de',
  italian: 'it',
  italiano: 'it',
  italien: 'it',
  dutch: 'nl',
  nederlands: 'nl',
  neerlandais: 'nl',
  russian: 'ru',
  russe: 'ru',
  ukrainian: 'uk',
  ukrainien: 'uk',
  turkish: 'tr',
  turc: 'tr',
  romanian: 'ro',
  roumain: 'ro',
  polish: 'pl',
  polonais: 'pl',
  chinese: 'zh',
  chinois: 'zh',
  swahili: 'sw',
  kiswahili: 'sw',
  wolof: 'wo',
  bambara: 'bm',
  hausa: 'ha',
  haoussa: 'ha',
  lingala: 'ln',
  malagasy: 'mg',
  malgache: 'mg',
  pular: 'ff',
  fulfulde: 'ff',
  peul: 'ff',
  somali: 'so',
  tigrinya: 'ti',
  tigrigna: 'ti',
  amharic: 'am',
  amharique: 'am',
  dari: 'prs',
  pashto: 'ps',
  pachto: 'ps',
  persian: 'fa',
  farsi: 'fa',
  persan: 'fa',
  bengali: 'bn',
  urdu: 'ur',
  ourdou: 'ur',
  hindi: 'hi',
  tamil: 'ta',
  tamoul: 'ta',
  vietnamese: 'vi',
  vietnamien: 'vi',
  albanian: 'sq',
  albanais: 'sq',
  georgian: 'ka',
  georgien: 'ka',
  armenian: 'hy',
  armenien: 'hy',
  kurdish: 'ku',
  kurde: 'ku',
  tamazight: 'zgh',
  berber: 'ber',
  berbere: 'ber',
  kabyle: 'kab',
  creole: 'ht',
  'haitian creole': 'ht',
  'creole haitien': 'ht',
};

/**
 * The ISO code of a language as XLSForm columns write it: "French (fr)", "Français",
 * "English", "ar"… Null when it is not recognised.
 */
export function languageCode(text: string): string | null {
  const trimmed = text.trim();
  const inParens = /\(\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*\)\s*$/.exec(trimmed);
  if (inParens) return inParens[1]!.toLowerCase();
  if (/^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$/.test(trimmed)) {
    const asName = languageNames[trimmed.toLowerCase()];
    if (asName) return asName;
    return trimmed.split(/[-_]/)[0]!.toLowerCase();
  }
  const name = trimmed
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
  if (name === 'العربية') return 'ar';
  return languageNames[name] ?? null;
}

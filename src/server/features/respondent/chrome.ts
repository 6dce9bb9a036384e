/**
 * The respondent page's own words (buttons, notes), in the languages a questionnaire is most
 * often translated into. A questionnaire in another language shows its questions in that
 * language and these words in English.
 */
export interface Chrome {
  name: string;
  required: string;
  optional: string;
  next: string;
  back: string;
  submit: string;
  anonymous: string;
  errorsTitle: string;
  thanksTitle: string;
  thanks: string;
  closed: string;
  notFound: string;
  scaleLow: string;
  scaleHigh: string;
  again: string;
  page: (n: number, of: number) => string;
  easyOn: string;
  easyOff: string;
  onlyIf: string;
  rank: string;
  rankHint: (n: number) => string;
  dateHint: string;
  faces3: [string, string, string];
  faces5: [string, string, string, string, string];
  language: string;
}

const fr: Chrome = {
  name: 'Français',
  required: 'obligatoire',
  optional: 'facultatif',
  next: 'Suivant',
  back: 'Précédent',
  submit: 'Envoyer mes réponses',
  anonymous: 'Vos réponses sont anonymes : votre nom n’est pas demandé.',
  errorsTitle: 'Quelques réponses sont à corriger :',
  thanksTitle: 'Merci !',
  thanks: 'Vos réponses ont bien été enregistrées.',
  closed: 'Cette collecte est terminée. Merci de votre intérêt.',
  notFound: 'Ce questionnaire n’existe pas ou n’est plus en ligne.',
  scaleLow: 'pas du tout',
  scaleHigh: 'tout à fait',
  again: 'Répondre à nouveau (pour une autre personne)',
  page: (n, of) => `Page ${n} sur ${of}`,
  easyOn: 'Facile à lire',
  easyOff: 'Texte habituel',
  onlyIf: 'Répondez seulement si',
  rank: 'Rang',
  rankHint: (n) => `Donnez un rang de 1 (en premier) à ${n}.`,
  dateHint: 'Par exemple : 31/12/2026',
  faces3: ['Pas bien', 'Moyen', 'Bien'],
  faces5: ['Très mal', 'Mal', 'Moyen', 'Bien', 'Très bien'],
  language: 'Langue',
};

const en: Chrome = {
  name: 'English',
  required: 'required',
  optional: 'optional',
  next: 'Next',
  back: 'Back',
  submit: 'Send my answers',
  anonymous: 'Your answers are anonymous: your name is not asked.',
  errorsTitle: 'Some answers need fixing:',
  thanksTitle: 'Thank you!',
  thanks: 'Your answers have been saved.',
  closed: 'This collection has ended. Thank you for your interest.',
  notFound: 'This questionnaire does not exist or is no longer online.',
  scaleLow: 'not at all',
  scaleHigh: 'completely',
  again: 'Answer again (for another person)',
  page: (n, of) => `Page ${n} of ${of}`,
  easyOn: 'Easy to read',
  easyOff: 'Usual text',
  onlyIf: 'Answer only if',
  rank: 'Rank',
  rankHint: (n) => `Give a rank from 1 (first) to ${n}.`,
  dateHint: 'For example: 12/31/2026 is written 31/12/2026',
  faces3: ['Not good', 'So-so', 'Good'],
  faces5: ['Very bad', 'Bad', 'So-so', 'Good', 'Very good'],
  language: 'Language',
};

const es: Chrome = {
  ...en,
  name: 'Español',
  required: 'obligatoria',
  optional: 'opcional',
  next: 'Siguiente',
  back: 'Anterior',
  submit: 'Enviar mis respuestas',
  anonymous: 'Sus respuestas son anónimas: no se pide su nombre.',
  errorsTitle: 'Hay que corregir algunas respuestas:',
  thanksTitle: '¡Gracias!',
  thanks: 'Sus respuestas se han guardado.',
  scaleLow: 'nada',
  scaleHigh: 'totalmente',
  again: 'Responder de nuevo (para otra persona)',
  page: (n, of) => `Página ${n} de ${of}`,
  easyOn: 'Lectura fácil',
  easyOff: 'Texto habitual',
  onlyIf: 'Responda solo si',
  rank: 'Puesto',
  rankHint: (n) => `Dé un puesto de 1 (primero) a ${n}.`,
  dateHint: 'Por ejemplo: 31/12/2026',
  faces3: ['Mal', 'Regular', 'Bien'],
  faces5: ['Muy mal', 'Mal', 'Regular', 'Bien', 'Muy bien'],
  language: 'Idioma',
};

const pt: Chrome = {
  ...en,
  name: 'Português',
  required: 'obrigatória',
  optional: 'opcional',
  next: 'Seguinte',
  back: 'Anterior',
  submit: 'Enviar as minhas respostas',
  anonymous: 'As suas respostas são anónimas: o seu nome não é pedido.',
  errorsTitle: 'Algumas respostas devem ser corrigidas:',
  thanksTitle: 'Obrigado!',
  thanks: 'As suas respostas foram guardadas.',
  scaleLow: 'nada',
  scaleHigh: 'totalmente',
  again: 'Responder de novo (para outra pessoa)',
  page: (n, of) => `Página ${n} de ${of}`,
  easyOn: 'Leitura fácil',
  easyOff: 'Texto habitual',
  onlyIf: 'Responda só se',
  rank: 'Posição',
  rankHint: (n) => `Dê uma posição de 1 (primeiro) a ${n}.`,
  dateHint: 'Por exemplo: 31/12/2026',
  faces3: ['Mal', 'Mais ou menos', 'Bem'],
  faces5: ['Muito mal', 'Mal', 'Mais ou menos', 'Bem', 'Muito bem'],
  language: 'Língua',
};

const ar: Chrome = {
  ...en,
  name: 'العربية',
  required: 'إجباري',
  optional: 'اختياري',
  next: 'التالي',
  back: 'السابق',
  submit: 'إرسال إجاباتي',
  anonymous: 'إجاباتك مجهولة: لا نطلب اسمك.',
  errorsTitle: 'يجب تصحيح بعض الإجابات:',
  thanksTitle: 'شكرًا!',
  thanks: 'تم حفظ إجاباتك.',
  scaleLow: 'أبدًا',
  scaleHigh: 'تمامًا',
  page: (n, of) => `الصفحة ${n} من ${of}`,
  easyOn: 'سهل القراءة',
  easyOff: 'النص العادي',
  language: 'اللغة',
};

const CHROME: Record<string, Chrome> = { fr, en, es, pt, ar };

/** Names of languages often offered, in themselves; others show their code. */
const NAMES: Record<string, string> = {
  fr: 'Français',
  en: 'English',
  es: 'Español',
  pt: 'Português',
  ar: 'العربية',
  de: 'Deutsch',
  it: 'Italiano',
  ro: 'Română',
  tr: 'Türkçe',
  ru: 'Русский',
  uk: 'Українська',
  fa: 'فارسی',
  ps: 'پښتو',
  prs: 'دری',
  zh: '中文',
  so: 'Soomaali',
  ti: 'ትግርኛ',
  wo: 'Wolof',
  bm: 'Bamanankan',
  ln: 'Lingála',
  ka: 'ქართული',
  sq: 'Shqip',
  hy: 'Հայերեն',
};

const RTL = new Set(['ar', 'fa', 'ps', 'prs', 'ur', 'he']);

export function chromeFor(lang: string): Chrome {
  return CHROME[lang] ?? en;
}

export function languageName(lang: string): string {
  return NAMES[lang] ?? lang.toUpperCase();
}

export function directionOf(lang: string): 'rtl' | 'ltr' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

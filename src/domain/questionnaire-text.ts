/**
 * Which words a respondent reads: a question exists in French, may exist in English and other
 * languages, and may have an easy-read (FALC) wording in each. Whatever is missing in the
 * chosen language falls back to French, so that nothing is ever blank.
 */
export interface QuestionTranslation {
  label?: string;
  help?: string;
  /** Easy-read (FALC) wording. */
  easy?: string;
  options?: Record<string, string>;
  items?: Record<string, string>;
}

export interface Labelled {
  value: string;
  labelFr: string;
  labelEn: string;
}

export interface Worded {
  labelFr: string;
  labelEn: string;
  helpFr: string;
  helpEn: string;
  easyFr: string;
  translations: Readonly<Record<string, QuestionTranslation>>;
}

const pick = (...candidates: (string | undefined)[]) => candidates.find((c) => c !== undefined && c.trim() !== '') ?? '';

/** The question's label and help in `lang`; with `easy`, its easy-read wording when there is one. */
export function questionWording(q: Worded, lang: string, easy = false): { label: string; help: string; isEasy: boolean } {
  const tr = q.translations[lang];
  const label = lang === 'fr' ? q.labelFr : pick(lang === 'en' ? q.labelEn : undefined, tr?.label, q.labelFr);
  const help = lang === 'fr' ? q.helpFr : pick(lang === 'en' ? q.helpEn : undefined, tr?.help, q.helpFr);
  const easyText = lang === 'fr' ? q.easyFr : tr?.easy;
  if (easy && easyText && easyText.trim() !== '') return { label: easyText, help, isEasy: true };
  return { label, help, isEasy: false };
}

/** An option's (or a grid row's) label in `lang`. */
export function choiceLabel(o: Labelled, lang: string, translated?: Readonly<Record<string, string>>): string {
  if (lang === 'fr') return o.labelFr;
  return pick(lang === 'en' ? o.labelEn : undefined, translated?.[o.value], o.labelFr);
}

/** True when some question has an easy-read wording in `lang`: only then is the switch offered. */
export function hasEasyWording(questions: readonly Worded[], lang: string): boolean {
  return questions.some((q) => (lang === 'fr' ? q.easyFr : q.translations[lang]?.easy)?.trim());
}

/** A questionnaire's (or section's) title and intro in `lang`. */
export function titleAndIntro(x: { titleFr: string; titleEn?: string; introFr: string; translations: Readonly<Record<string, { title?: string; intro?: string }>> }, lang: string) {
  if (lang === 'fr') return { title: x.titleFr, intro: x.introFr };
  const tr = x.translations[lang];
  return { title: pick(lang === 'en' ? x.titleEn : undefined, tr?.title, x.titleFr), intro: pick(tr?.intro, x.introFr) };
}

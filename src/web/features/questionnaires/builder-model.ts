/**
 * The questionnaire builder's form state, and the conversions between it and the API: a
 * questionnaire loaded from the server and saved again without change sends the same data.
 *
 * In the form, questions, sections and choices have an id of their own (`uid`), so that moving
 * or renaming them keeps conditions and translations pointing at the right thing: a condition
 * in the form names the question it reads by its uid; on saving, the uid becomes the question's
 * key (`q1`, or the short name the organisation gave it).
 */
import {
  checkCondition,
  describeCondition,
  type Condition,
  type ConditionOp,
  type ConditionProblem,
} from '../../../domain/conditions.ts';
import type { QuestionTranslation } from '../../../domain/questionnaire-text.ts';
import type { Questionnaire, QuestionType } from '../../api/types.ts';
import { optionValueOf, uniqueValues } from './option-value.ts';

export type TitleTranslation = { title?: string; intro?: string };

export interface ChoiceDraft {
  uid: string;
  value: string;
  labelFr: string;
  labelEn: string;
  /** The value was typed (or came from the server): it no longer follows the label. */
  valueEdited: boolean;
}

export interface SectionDraft {
  uid: string;
  titleFr: string;
  titleEn: string;
  introFr: string;
  translations: Record<string, TitleTranslation>;
  /** Stands for "no sections" (one page): saved as `sections: []` while left empty. */
  implicit: boolean;
}

export interface QuestionDraft {
  uid: string;
  /** Short name conditions and imports use. */
  key: string;
  /** uid of its section. */
  section: string;
  type: QuestionType;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  helpEn: string;
  easyFr: string;
  /** Other languages' wording, and the English easy-read one; choices keyed by their value. */
  translations: Record<string, QuestionTranslation>;
  required: boolean;
  options: ChoiceDraft[];
  /** A grid's rows. */
  items: ChoiceDraft[];
  min: number | '';
  max: number | '';
  /** "frameworkId|code" of the tied indicator. */
  indicator: string | null;
  /** The condition, naming questions by their uid. */
  showIf: Condition | null;
}

export interface BuilderState {
  title: string;
  introFr: string;
  languages: string[];
  translations: Record<string, TitleTranslation>;
  sections: SectionDraft[];
  questions: QuestionDraft[];
}

let counter = 0;
/** A form-only id; the `~` keeps it from ever looking like a question key. */
export const newUid = () => `~${++counter}`;

export const hasChoices = (type: QuestionType) =>
  type === 'single' || type === 'multiple' || type === 'ranking' || type === 'grid';
export const hasItems = (type: QuestionType) => type === 'grid';
export const hasRange = (type: QuestionType) =>
  type === 'number' || type === 'scale' || type === 'faces';

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const LANGUAGE_PATTERN = /^[a-z]{2,3}$/;
export const MAX_LANGUAGES = 10;
/** Languages offered in the list (others can be typed as an ISO 639 code). */
export const COMMON_LANGUAGES = [
  'en',
  'ar',
  'es',
  'pt',
  'ro',
  'tr',
  'uk',
  'ru',
  'prs',
  'ps',
  'ti',
  'so',
  'fa',
  'de',
  'it',
] as const;
/** Languages written right to left. */
export const RTL_LANGUAGES = new Set(['ar', 'fa', 'ps', 'prs', 'ur', 'he']);

export const newChoice = (labelFr = '', value = '', labelEn = ''): ChoiceDraft => ({
  uid: newUid(),
  labelFr,
  labelEn,
  value: value || optionValueOf(labelFr),
  valueEdited: Boolean(value),
});

/** The columns of a grid of agreement, from 1 (not at all) to 5 (completely). */
export const AGREEMENT_SCALE: readonly { value: string; labelFr: string; labelEn: string }[] = [
  { value: '1', labelFr: 'Pas du tout d’accord', labelEn: 'Strongly disagree' },
  { value: '2', labelFr: 'Plutôt pas d’accord', labelEn: 'Disagree' },
  { value: '3', labelFr: 'Ni d’accord ni pas d’accord', labelEn: 'Neither agree nor disagree' },
  { value: '4', labelFr: 'Plutôt d’accord', labelEn: 'Agree' },
  { value: '5', labelFr: 'Tout à fait d’accord', labelEn: 'Strongly agree' },
];
export const agreementChoices = () =>
  AGREEMENT_SCALE.map((o) => newChoice(o.labelFr, o.value, o.labelEn));

export const newSection = (implicit = false): SectionDraft => ({
  uid: newUid(),
  titleFr: '',
  titleEn: '',
  introFr: '',
  translations: {},
  implicit,
});

/** The first `q<n>` no question uses. */
export function nextKey(questions: readonly Pick<QuestionDraft, 'key'>[]): string {
  const taken = new Set(questions.map((q) => q.key));
  let n = 1;
  while (taken.has(`q${n}`)) n++;
  return `q${n}`;
}

export const newQuestion = (section: string, key: string): QuestionDraft => ({
  uid: newUid(),
  key,
  section,
  type: 'single',
  labelFr: '',
  labelEn: '',
  helpFr: '',
  helpEn: '',
  easyFr: '',
  translations: {},
  required: true,
  options: [newChoice(), newChoice()],
  items: [],
  min: '',
  max: '',
  indicator: null,
  showIf: null,
});

export function emptyState(): BuilderState {
  const section = newSection(true);
  return {
    title: '',
    introFr: '',
    languages: ['en'],
    translations: {},
    sections: [section],
    questions: [newQuestion(section.uid, 'q1')],
  };
}

/** Replaces each question a condition reads (`question`) by `rename(question)`. */
export function renameInCondition(c: Condition, rename: (question: string) => string): Condition {
  if ('all' in c) return { all: c.all.map((x) => renameInCondition(x, rename)) };
  if ('any' in c) return { any: c.any.map((x) => renameInCondition(x, rename)) };
  if ('not' in c) return { not: renameInCondition(c.not, rename) };
  return { ...c, question: rename(c.question) };
}

const choiceOf = (o: { value: string; labelFr: string; labelEn: string }): ChoiceDraft => ({
  uid: newUid(),
  value: o.value,
  labelFr: o.labelFr,
  labelEn: o.labelEn,
  valueEdited: true,
});

/** A questionnaire from the server as the form's state. */
export function stateOf(
  q: Pick<
    Questionnaire,
    'title' | 'introFr' | 'languages' | 'translations' | 'sections' | 'questions'
  >,
): BuilderState {
  const sections: SectionDraft[] =
    q.sections.length > 0
      ? q.sections.map((s) => ({
          uid: newUid(),
          titleFr: s.titleFr,
          titleEn: s.titleEn,
          introFr: s.introFr,
          translations: { ...s.translations },
          implicit: false,
        }))
      : [newSection(true)];
  const uids = q.questions.map(() => newUid());
  const byKey = new Map(q.questions.map((x, i) => [x.key, uids[i]!]));
  const questions = q.questions.map((x, i): QuestionDraft => ({
    uid: uids[i]!,
    key: x.key,
    section: (sections[Math.min(Math.max(0, x.section), sections.length - 1)] ?? sections[0]!).uid,
    type: x.type,
    labelFr: x.labelFr,
    labelEn: x.labelEn,
    helpFr: x.helpFr,
    helpEn: x.helpEn,
    easyFr: x.easyFr,
    translations: structuredClone(x.translations),
    required: x.required,
    options: x.options.map(choiceOf),
    items: x.items.map(choiceOf),
    min: x.min ?? '',
    max: x.max ?? '',
    indicator: x.indicator ? `${x.indicator.frameworkId}|${x.indicator.code}` : null,
    showIf: x.showIf ? renameInCondition(x.showIf, (key) => byKey.get(key) ?? key) : null,
  }));
  return {
    title: q.title,
    introFr: q.introFr,
    languages: [...q.languages],
    translations: structuredClone(q.translations),
    sections,
    questions,
  };
}

const trimStrings = <T>(value: T): T => {
  if (typeof value === 'string') return value.trim() as T;
  if (Array.isArray(value)) return value.map(trimStrings) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trimStrings(v)])) as T;
  return value;
};

const sectionIsEmpty = (s: SectionDraft) =>
  !s.titleFr.trim() &&
  !s.titleEn.trim() &&
  !s.introFr.trim() &&
  Object.keys(s.translations).length === 0;

/** True when the form stands for a questionnaire without sections (one page). */
export const withoutSections = (state: Pick<BuilderState, 'sections'>) =>
  state.sections.length === 1 && state.sections[0]!.implicit && sectionIsEmpty(state.sections[0]!);

const choicesOut = (list: ChoiceDraft[]) => {
  const values = uniqueValues(list.map((o) => o.value));
  return list.map((o, i) => ({
    value: values[i] ?? o.value,
    labelFr: o.labelFr.trim(),
    labelEn: o.labelEn.trim(),
  }));
};

/** The body of POST/PUT …/questionnaires. */
export function bodyOf(state: BuilderState) {
  const flat = withoutSections(state);
  const sectionIndex = new Map(state.sections.map((s, i) => [s.uid, i]));
  const keyOf = new Map(state.questions.map((q) => [q.uid, q.key.trim()]));
  return {
    title: state.title.trim(),
    introFr: state.introFr.trim(),
    languages: [...state.languages],
    translations: trimStrings(state.translations),
    sections: flat
      ? []
      : state.sections.map((s) => ({
          titleFr: s.titleFr.trim(),
          titleEn: s.titleEn.trim(),
          introFr: s.introFr.trim(),
          translations: trimStrings(s.translations),
        })),
    questions: state.questions.map((q) => {
      const [frameworkId, code] = q.indicator ? q.indicator.split('|') : [];
      return {
        key: q.key.trim(),
        section: flat ? 0 : (sectionIndex.get(q.section) ?? 0),
        type: q.type,
        labelFr: q.labelFr.trim(),
        labelEn: q.labelEn.trim(),
        helpFr: q.helpFr.trim(),
        helpEn: q.helpEn.trim(),
        easyFr: q.easyFr.trim(),
        translations: trimStrings(q.translations),
        required: q.required,
        options: hasChoices(q.type) ? choicesOut(q.options) : [],
        items: hasItems(q.type) ? choicesOut(q.items) : [],
        showIf: q.showIf ? renameInCondition(q.showIf, (uid) => keyOf.get(uid) ?? uid) : null,
        ...(hasRange(q.type) && q.min !== '' ? { min: q.min } : {}),
        ...(hasRange(q.type) && q.max !== '' ? { max: q.max } : {}),
        indicator: frameworkId && code ? { frameworkId, code } : null,
      };
    }),
  };
}
export type BuilderBody = ReturnType<typeof bodyOf>;

// ——— Sections and order ———

/** Questions in the order of their sections, keeping their order within each. */
export function regroup(questions: QuestionDraft[], sections: SectionDraft[]): QuestionDraft[] {
  const order = new Map(sections.map((s, i) => [s.uid, i]));
  return questions
    .map((q, i) => ({ q, i }))
    .sort((a, b) => (order.get(a.q.section) ?? 0) - (order.get(b.q.section) ?? 0) || a.i - b.i)
    .map((x) => x.q);
}

export function addSection(state: BuilderState): BuilderState {
  return { ...state, sections: [...state.sections, newSection()] };
}

/** Removes a section; its questions join the one before (or after, for the first). */
export function removeSection(state: BuilderState, uid: string): BuilderState {
  const index = state.sections.findIndex((s) => s.uid === uid);
  if (index < 0 || state.sections.length <= 1) return state;
  const target = state.sections[index === 0 ? 1 : index - 1]!.uid;
  const sections = state.sections.filter((s) => s.uid !== uid);
  const questions = state.questions.map((q) => (q.section === uid ? { ...q, section: target } : q));
  return { ...state, sections, questions: regroup(questions, sections) };
}

export function moveSection(state: BuilderState, uid: string, by: -1 | 1): BuilderState {
  const index = state.sections.findIndex((s) => s.uid === uid);
  const to = index + by;
  if (index < 0 || to < 0 || to >= state.sections.length) return state;
  const sections = [...state.sections];
  [sections[index], sections[to]] = [sections[to]!, sections[index]!];
  return { ...state, sections, questions: regroup(state.questions, sections) };
}

/** Puts a question at the end of another section's group. */
export function setQuestionSection(
  state: BuilderState,
  questionUid: string,
  sectionUid: string,
): BuilderState {
  const q = state.questions.find((x) => x.uid === questionUid);
  if (!q || q.section === sectionUid) return state;
  const rest = state.questions.filter((x) => x.uid !== questionUid);
  const moved = { ...q, section: sectionUid };
  return { ...state, questions: regroup([...rest, moved], state.sections) };
}

/**
 * Moves a question one place up or down. At the edge of its section it crosses into the
 * neighbouring section, staying where it is in the list.
 */
export function moveQuestion(state: BuilderState, uid: string, by: -1 | 1): BuilderState {
  const index = state.questions.findIndex((q) => q.uid === uid);
  const q = state.questions[index];
  if (!q) return state;
  const neighbour = state.questions[index + by];
  const sectionIndex = state.sections.findIndex((s) => s.uid === q.section);
  if (neighbour && neighbour.section === q.section) {
    const questions = [...state.questions];
    [questions[index], questions[index + by]] = [neighbour, q];
    return { ...state, questions };
  }
  const next = state.sections[sectionIndex + by];
  if (!next) return state;
  return {
    ...state,
    questions: state.questions.map((x) => (x.uid === uid ? { ...x, section: next.uid } : x)),
  };
}

export function addQuestion(state: BuilderState, sectionUid: string): BuilderState {
  const q = newQuestion(sectionUid, nextKey(state.questions));
  return { ...state, questions: regroup([...state.questions, q], state.sections) };
}

// ——— Languages and translations ———

/** Sets or clears (empty text) one field of a translation record, dropping what becomes empty. */
export function setTranslated<T extends object>(
  translations: Record<string, T>,
  lang: string,
  field: keyof T & string,
  text: string | Record<string, string>,
): Record<string, T> {
  const current: Record<string, unknown> = { ...(translations[lang] ?? {}) };
  if (text === '') delete current[field];
  else current[field] = text;
  const next = { ...translations };
  if (Object.keys(current).length === 0) delete next[lang];
  else next[lang] = current as T;
  return next;
}

/** Sets or clears the translation of one choice (`options`) or grid row (`items`). */
export function setChoiceTranslation(
  translations: Record<string, QuestionTranslation>,
  lang: string,
  which: 'options' | 'items',
  value: string,
  text: string,
): Record<string, QuestionTranslation> {
  const list = { ...(translations[lang]?.[which] ?? {}) };
  if (text === '') delete list[value];
  else list[value] = text;
  return setTranslated(translations, lang, which, Object.keys(list).length ? list : '');
}

/** Follows a choice whose value changed (or, with `to` null, was removed) in every language. */
export function renameChoice(
  translations: Record<string, QuestionTranslation>,
  which: 'options' | 'items',
  from: string,
  to: string | null,
): Record<string, QuestionTranslation> {
  if (from === to) return translations;
  let changed = false;
  const next: Record<string, QuestionTranslation> = {};
  for (const [lang, tr] of Object.entries(translations)) {
    const list = tr[which];
    if (!list || !(from in list)) {
      next[lang] = tr;
      continue;
    }
    changed = true;
    const renamed: Record<string, string> = {};
    for (const [value, text] of Object.entries(list)) {
      if (value !== from) renamed[value] = text;
      else if (to !== null && !(to in list)) renamed[to] = text;
    }
    const copy = { ...tr };
    if (Object.keys(renamed).length) copy[which] = renamed;
    else delete copy[which];
    if (Object.keys(copy).length) next[lang] = copy;
  }
  return changed ? next : translations;
}

/** A problem with a language code typed in, or null when it can be added. */
export function languageProblem(
  code: string,
  languages: readonly string[],
): 'format' | 'french' | 'duplicate' | 'tooMany' | null {
  if (!LANGUAGE_PATTERN.test(code)) return 'format';
  if (code === 'fr') return 'french';
  if (languages.includes(code)) return 'duplicate';
  if (languages.length >= MAX_LANGUAGES) return 'tooMany';
  return null;
}

export function addLanguage(state: BuilderState, code: string): BuilderState {
  if (languageProblem(code, state.languages)) return state;
  return { ...state, languages: [...state.languages, code] };
}

/** Removes a language and its translations (English keeps the English fields of questions). */
export function removeLanguage(state: BuilderState, code: string): BuilderState {
  const drop = <T>(r: Record<string, T>) => {
    if (!(code in r)) return r;
    const next = { ...r };
    delete next[code];
    return next;
  };
  return {
    ...state,
    languages: state.languages.filter((l) => l !== code),
    translations: drop(state.translations),
    sections: state.sections.map((s) => ({ ...s, translations: drop(s.translations) })),
    questions: state.questions.map((q) => ({ ...q, translations: drop(q.translations) })),
  };
}

// ——— Conditions ———

export type Leaf = Extract<Condition, { question: string }>;
export type ValueKind = 'choice' | 'number' | 'date' | 'text' | 'none';

/** The comparisons offered for a question of this type. */
export function opsFor(type: QuestionType): ConditionOp[] {
  switch (type) {
    case 'single':
      return ['equals', 'notEquals', 'answered', 'notAnswered'];
    case 'multiple':
    case 'grid':
      return ['includes', 'answered', 'notAnswered'];
    case 'ranking':
      return ['answered', 'notAnswered'];
    case 'scale':
    case 'faces':
    case 'number':
      return ['equals', 'notEquals', 'gte', 'lte', 'gt', 'lt', 'answered', 'notAnswered'];
    case 'date':
      return ['equals', 'gte', 'lte', 'gt', 'lt', 'answered', 'notAnswered'];
    case 'text':
      return ['equals', 'notEquals', 'answered', 'notAnswered'];
  }
}

export const needsValue = (op: ConditionOp) => op !== 'answered' && op !== 'notAnswered';

/** What kind of value a comparison on this question takes. */
export function valueKind(type: QuestionType, op: ConditionOp): ValueKind {
  if (!needsValue(op)) return 'none';
  if (type === 'single' || type === 'multiple' || type === 'grid' || type === 'ranking')
    return 'choice';
  if (type === 'scale' || type === 'faces' || type === 'number') return 'number';
  if (type === 'date') return 'date';
  return 'text';
}

/** The values a condition may compare a question with, as the server accepts them. */
type Labelled = { value: string; labelFr: string; labelEn: string };
export function conditionChoices(q: {
  type: QuestionType;
  options: readonly Labelled[];
  items: readonly Labelled[];
}): { value: string; labelFr: string; labelEn: string }[] | null {
  if (q.type === 'single' || q.type === 'multiple' || q.type === 'ranking')
    return q.options.map(({ value, labelFr, labelEn }) => ({ value, labelFr, labelEn }));
  if (q.type === 'grid') {
    return q.items.flatMap((it) =>
      q.options.map((o) => ({
        value: `${it.value}=${o.value}`,
        labelFr: `${it.labelFr} : ${o.labelFr}`,
        labelEn: `${it.labelEn || it.labelFr}: ${o.labelEn || o.labelFr}`,
      })),
    );
  }
  return null;
}

/** A first comparison on `q`: its first comparison and first choice (or the top of its scale). */
export function defaultLeaf(q: QuestionDraft): Leaf {
  const op = opsFor(q.type)[0]!;
  const kind = valueKind(q.type, op);
  if (kind === 'choice') {
    const first = conditionChoices(q)?.[0]?.value;
    return first ? { question: q.uid, op, value: first } : { question: q.uid, op };
  }
  if (kind === 'number' && (q.type === 'scale' || q.type === 'faces'))
    return { question: q.uid, op, value: q.max === '' ? 5 : q.max };
  return { question: q.uid, op };
}

/**
 * The condition as rows the simple editor shows (one comparison, or all/any of several), or
 * null when it is built otherwise (a "not", groups inside groups): then it is shown in words.
 */
export function rowsOf(c: Condition | null): { mode: 'all' | 'any'; rows: Leaf[] } | null {
  if (!c) return { mode: 'all', rows: [] };
  if ('question' in c) return { mode: 'all', rows: [c] };
  if ('all' in c && c.all.every((x) => 'question' in x)) return { mode: 'all', rows: c.all };
  if ('any' in c && c.any.every((x) => 'question' in x)) return { mode: 'any', rows: c.any };
  return null;
}

/** The rows back as a condition: none is no condition, one is that comparison. */
export function conditionOfRows(mode: 'all' | 'any', rows: Leaf[]): Condition | null {
  if (rows.length === 0) return null;
  if (rows.length === 1) return rows[0]!;
  return mode === 'all' ? { all: rows } : { any: rows };
}

/**
 * What is wrong, per question uid, with the conditions of the form: a question read that comes
 * later or was removed, a value missing or not among the choices. Saving is held back until
 * they are fixed, so the server never has to refuse one.
 */
export type ConditionProblemCode = ConditionProblem['code'] | 'unfit_comparison';

/** The comparisons of a condition, wherever they are. */
function leavesOf(c: Condition): Leaf[] {
  if ('all' in c) return c.all.flatMap(leavesOf);
  if ('any' in c) return c.any.flatMap(leavesOf);
  if ('not' in c) return leavesOf(c.not);
  return [c];
}

export function conditionProblems(
  questions: readonly QuestionDraft[],
): Map<string, ConditionProblemCode[]> {
  const problems = new Map<string, ConditionProblemCode[]>();
  const earlier = new Map<string, readonly string[] | null>();
  const byUid = new Map(questions.map((q) => [q.uid, q]));
  questions.forEach((q, i) => {
    if (q.showIf) {
      const later = new Set(questions.slice(i).map((x) => x.uid));
      const found: ConditionProblemCode[] = checkCondition(q.showIf, earlier, later).map(
        (p) => p.code,
      );
      // A question read whose type changed since: its comparison or value no longer fits.
      const unfit = leavesOf(q.showIf).some((leaf) => {
        const read = byUid.get(leaf.question);
        if (!read) return false;
        if (!opsFor(read.type).includes(leaf.op)) return true;
        const kind = valueKind(read.type, leaf.op);
        return (
          leaf.value !== undefined &&
          ((kind === 'number' && !Number.isFinite(Number(leaf.value))) ||
            (kind === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(String(leaf.value))))
        );
      });
      if (unfit) found.push('unfit_comparison');
      if (found.length) problems.set(q.uid, [...new Set(found)]);
    }
    earlier.set(q.uid, conditionChoices(q)?.map((c) => c.value) ?? null);
  });
  return problems;
}

/**
 * A condition in words (« la question 2 « Avez-vous un emploi ? » est « Oui » »). `questions`
 * are in order, each with `ref`: the name the condition uses for it (its key, or its uid in
 * the form).
 */
export function conditionWords(
  c: Condition,
  questions: readonly {
    ref: string;
    type: QuestionType;
    labelFr: string;
    labelEn: string;
    options: readonly Labelled[];
    items: readonly Labelled[];
  }[],
  lang: 'fr' | 'en',
  name: (n: number | null, label: string) => string,
): string {
  const index = new Map(questions.map((q, i) => [q.ref, i]));
  const short = (text: string) => (text.length > 60 ? `${text.slice(0, 57).trimEnd()}…` : text);
  return describeCondition(
    c,
    lang,
    (ref) => {
      const i = index.get(ref);
      const q = i === undefined ? undefined : questions[i];
      return q ? name(i! + 1, short((lang === 'en' && q.labelEn) || q.labelFr)) : name(null, ref);
    },
    (ref, v) => {
      const i = index.get(ref);
      const choice =
        i === undefined
          ? undefined
          : conditionChoices(questions[i]!)?.find((x) => x.value === String(v));
      return choice ? (lang === 'en' && choice.labelEn) || choice.labelFr : String(v);
    },
  );
}

/** A problem with a question's short name, or null. */
export function keyProblem(
  key: string,
  uid: string,
  questions: readonly QuestionDraft[],
): 'format' | 'duplicate' | null {
  if (!KEY_PATTERN.test(key.trim())) return 'format';
  if (questions.some((q) => q.uid !== uid && q.key.trim() === key.trim())) return 'duplicate';
  return null;
}

/** Faces shown for a question going from 1 to 3 or 1 to 5: which of the five drawings. */
export function facesOf(count: number): number[] {
  return count === 3 ? [1, 3, 5] : [1, 2, 3, 4, 5];
}

/**
 * The question with a new list of choices (`options`) or rows (`items`): translations follow
 * the choices whose value changed, and forget the removed ones.
 */
export function withChoices(
  q: QuestionDraft,
  which: 'options' | 'items',
  next: ChoiceDraft[],
): QuestionDraft {
  let translations = q.translations;
  for (const old of q[which]) {
    const now = next.find((c) => c.uid === old.uid);
    if (!now) translations = renameChoice(translations, which, old.value, null);
    else if (now.value !== old.value)
      translations = renameChoice(translations, which, old.value, now.value);
  }
  return { ...q, [which]: next, translations };
}

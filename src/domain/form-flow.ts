/**
 * The respondent's path through a questionnaire without any script: one page per section,
 * the server deciding which questions and pages to show from the answers already given.
 */
import { visibleQuestionIds, type QuestionRule } from './answers.ts';
import { conditionKeys } from './conditions.ts';

/** What a form sends for one question: its values, or (ranking, grid) one value per part. */
export type FieldValue = string[] | Record<string, string>;

export interface FlowQuestion extends QuestionRule {
  key: string;
  section: number;
}

/** A form's fields turned into what `checkAnswers` reads. */
export function rawAnswer(q: QuestionRule, value: FieldValue | undefined): unknown {
  if (value === undefined) return undefined;
  if (q.type === 'ranking' || q.type === 'grid') return Array.isArray(value) ? {} : value;
  const list = Array.isArray(value) ? value : [];
  return q.type === 'multiple' ? list : list[0];
}

export function rawAnswers(questions: readonly QuestionRule[], values: Readonly<Record<string, FieldValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const q of questions) {
    const raw = rawAnswer(q, values[q.id]);
    if (raw !== undefined) out[q.id] = raw;
  }
  return out;
}

export interface PageContent<Q extends FlowQuestion = FlowQuestion> {
  /** The questions shown on the page, in order. */
  shown: Q[];
  /**
   * Questions shown with an "answer only if" note: their condition reads an answer on the same
   * page, which the server only learns when the page is sent.
   */
  conditional: Set<string>;
}

/**
 * The questions of a section to show. A question whose condition reads only earlier pages is
 * shown or left out; one whose condition reads its own page is shown with its condition.
 */
export function pageContent<Q extends FlowQuestion>(questions: readonly Q[], section: number, values: Readonly<Record<string, FieldValue>>): PageContent<Q> {
  const sectionOf = new Map(questions.map((q) => [q.key, q.section]));
  const here = questions.filter((q) => q.section === section);
  const samePageKeys = (q: Q) => q.showIf !== null && q.showIf !== undefined && conditionKeys(q.showIf).some((k) => sectionOf.get(k) === section);
  const upTo = questions.filter((q) => q.section <= section);
  const visible = visibleQuestionIds(upTo, rawAnswers(upTo, values));
  const shown: Q[] = [];
  const conditional = new Set<string>();
  for (const q of here) {
    if (samePageKeys(q)) {
      shown.push(q);
      conditional.add(q.id);
    } else if (visible.has(q.id)) shown.push(q);
  }
  return { shown, conditional };
}

/** The sections that have something to show, given the answers so far. */
export function sectionsToShow(questions: readonly FlowQuestion[], sectionCount: number, values: Readonly<Record<string, FieldValue>>): number[] {
  const out: number[] = [];
  for (let s = 0; s < Math.max(1, sectionCount); s++) if (pageContent(questions, s, values).shown.length > 0) out.push(s);
  return out;
}

/** The next (or previous) page to show from `current`, or null when there is none. */
export function movePage(questions: readonly FlowQuestion[], sectionCount: number, current: number, values: Readonly<Record<string, FieldValue>>, direction: 1 | -1): number | null {
  const pages = sectionsToShow(questions, sectionCount, values);
  const candidates = direction === 1 ? pages.filter((p) => p > current) : pages.filter((p) => p < current).reverse();
  return candidates[0] ?? null;
}

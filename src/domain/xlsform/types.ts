/**
 * The questionnaire an XLSForm becomes: the shape of the create-questionnaire body, with the
 * fields of the richer questionnaire model (keys, sections, languages, conditions).
 */

export type XlsFormQuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'text' | 'date' | 'ranking' | 'grid' | 'faces';

export type XlsFormConditionOp = 'equals' | 'notEquals' | 'includes' | 'gt' | 'gte' | 'lt' | 'lte' | 'answered' | 'notAnswered';

/** A condition on earlier questions, by their keys. */
export type XlsFormCondition =
  | { question: string; op: XlsFormConditionOp; value?: string | number }
  | { all: XlsFormCondition[] }
  | { any: XlsFormCondition[] }
  | { not: XlsFormCondition };

export interface XlsFormOption {
  value: string;
  labelFr: string;
  labelEn: string;
}

/** Wording in a language other than French and English. */
export interface XlsFormTranslation {
  label?: string;
  help?: string;
  easy?: string;
  options?: Record<string, string>;
  items?: Record<string, string>;
}

export interface XlsFormQuestion {
  key: string;
  /** Index into the questionnaire's sections. */
  section: number;
  type: XlsFormQuestionType;
  labelFr: string;
  labelEn: string;
  helpFr: string;
  helpEn: string;
  easyFr: string;
  translations: Record<string, XlsFormTranslation>;
  required: boolean;
  options: XlsFormOption[];
  items: XlsFormOption[];
  min?: number;
  max?: number;
  showIf: XlsFormCondition | null;
}

export interface XlsFormSection {
  titleFr: string;
  titleEn: string;
  introFr: string;
  /** Title and introduction in other languages, English included: `{ en: { title, intro } }`. */
  translations: Record<string, { title?: string; intro?: string }>;
}

export interface XlsFormQuestionnaire {
  title: string;
  introFr: string;
  /** Languages offered beside French, e.g. ['en', 'ar']. */
  languages: string[];
  /** The introduction in other languages, English included: `{ en: { intro } }`. */
  translations: Record<string, { title?: string; intro?: string }>;
  sections: XlsFormSection[];
  questions: XlsFormQuestion[];
}

/** Something of the form that could not be carried over, or was changed on the way. */
export interface XlsFormReportItem {
  /** Row of the `survey` sheet (as numbered in the spreadsheet); 0 for the form as a whole. */
  row: number;
  /** The XLSForm name of the question, group or choice list concerned ('' for the form). */
  name: string;
  /** A stable code for the kind of loss. */
  what: string;
  fr: string;
  en: string;
}

/** The sheets of a workbook, by name, each as rows of cell texts. */
export type XlsFormSheets = Record<string, string[][]>;

export type XlsFormResult =
  | { ok: true; questionnaire: XlsFormQuestionnaire; report: XlsFormReportItem[] }
  | { ok: false; code: 'no_survey_sheet' | 'no_type_column'; fr: string; en: string };

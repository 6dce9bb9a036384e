import { z } from 'zod';
import { condition, questionnaire, questionnaireTranslation, questionTranslation, questionTypes, section } from './collection.ts';

const option = z.object({ value: z.string(), labelFr: z.string(), labelEn: z.string() });

export const xlsFormQuestionnaire = z.object({
  title: z.string(),
  introFr: z.string(),
  languages: z.array(z.string()),
  translations: z.record(z.string(), questionnaireTranslation),
  sections: z.array(section.required()),
  questions: z.array(
    z.object({
      key: z.string(),
      section: z.number().int(),
      type: z.enum(questionTypes),
      labelFr: z.string(),
      labelEn: z.string(),
      helpFr: z.string(),
      helpEn: z.string(),
      easyFr: z.string(),
      translations: z.record(z.string(), questionTranslation),
      required: z.boolean(),
      options: z.array(option),
      items: z.array(option),
      min: z.number().optional(),
      max: z.number().optional(),
      showIf: condition.nullable(),
    }),
  ),
});

/** Something of the form that could not be carried over, or was changed on the way. */
export const xlsFormReportItem = z.object({
  /** Row of the `survey` sheet; 0 for the form as a whole. */
  row: z.number().int(),
  name: z.string(),
  what: z.string(),
  fr: z.string(),
  en: z.string(),
});

export const importXlsFormQuery = z.object({
  /** `true` creates the questionnaire; otherwise nothing is saved. */
  save: z.enum(['true', 'false']).default('false'),
  /** The file's name, used as title when the form has no `form_title`. */
  filename: z.string().max(255).optional(),
});

export const xlsFormImport = z.object({
  questionnaire: xlsFormQuestionnaire,
  report: z.array(xlsFormReportItem),
  /** The questionnaire created, when `save=true`. */
  created: questionnaire.nullable(),
});
export type XlsFormImport = z.infer<typeof xlsFormImport>;

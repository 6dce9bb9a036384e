import { z } from 'zod';
import { questionnaire } from './collection.ts';

const conditionOp = z.enum(['equals', 'notEquals', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'notAnswered']);
type Condition =
  | { question: string; op: z.infer<typeof conditionOp>; value?: string | number }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** A condition on earlier questions (by key): a comparison, or all / any / not of conditions. */
export const xlsFormCondition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ question: z.string(), op: conditionOp, value: z.union([z.string(), z.number()]).optional() }),
    z.object({ all: z.array(xlsFormCondition) }),
    z.object({ any: z.array(xlsFormCondition) }),
    z.object({ not: xlsFormCondition }),
  ]),
);

const option = z.object({ value: z.string(), labelFr: z.string(), labelEn: z.string() });

export const xlsFormQuestionnaire = z.object({
  title: z.string(),
  introFr: z.string(),
  languages: z.array(z.string()),
  translations: z.record(z.string(), z.object({ title: z.string().optional(), intro: z.string().optional() })),
  sections: z.array(
    z.object({
      titleFr: z.string(),
      titleEn: z.string(),
      introFr: z.string(),
      translations: z.record(z.string(), z.object({ title: z.string().optional(), intro: z.string().optional() })),
    }),
  ),
  questions: z.array(
    z.object({
      key: z.string(),
      section: z.number().int(),
      type: z.enum(['single', 'multiple', 'scale', 'number', 'text', 'date', 'ranking', 'grid', 'faces']),
      labelFr: z.string(),
      labelEn: z.string(),
      helpFr: z.string(),
      helpEn: z.string(),
      easyFr: z.string(),
      translations: z.record(
        z.string(),
        z.object({
          label: z.string().optional(),
          help: z.string().optional(),
          easy: z.string().optional(),
          options: z.record(z.string(), z.string()).optional(),
          items: z.record(z.string(), z.string()).optional(),
        }),
      ),
      required: z.boolean(),
      options: z.array(option),
      items: z.array(option),
      min: z.number().optional(),
      max: z.number().optional(),
      showIf: xlsFormCondition.nullable(),
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

import { z } from 'zod';
import { id, period } from './common.ts';

export const questionTypes = ['single', 'multiple', 'scale', 'number', 'text', 'date', 'ranking', 'grid', 'faces'] as const;
export const questionType = z.enum(questionTypes);
export type QuestionType = z.infer<typeof questionType>;

export const questionOption = z.object({
  value: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and underscores'),
  labelFr: z.string().trim().min(1).max(200),
  labelEn: z.string().trim().max(200).default(''),
});

/** A language beside French, by its ISO 639 code: `en`, `ar`, `es`, `tr`… */
export const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code: two or three lowercase letters').refine((v) => v !== 'fr', 'French is always there');
export const questionKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lowercase letter first, then letters, digits or underscores (40 at most)');

const shortText = z.string().trim().max(500);
export const questionTranslation = z
  .object({
    label: shortText.optional(),
    help: shortText.optional(),
    easy: shortText.optional(),
    options: z.record(z.string().max(60), z.string().trim().max(200)).optional(),
    items: z.record(z.string().max(60), z.string().trim().max(200)).optional(),
  })
  .strict();

const conditionOps = ['equals', 'notEquals', 'includes', 'gt', 'gte', 'lt', 'lte', 'answered', 'notAnswered'] as const;
/** The same shape as the domain's `Condition` (src/domain/conditions.ts). */
export type ConditionInput =
  | { question: string; op: (typeof conditionOps)[number]; value?: string | number }
  | { all: ConditionInput[] }
  | { any: ConditionInput[] }
  | { not: ConditionInput };
const conditionLeaf = z.object({ question: questionKey, op: z.enum(conditionOps), value: z.union([z.string().max(100), z.number()]).optional() }).strict();
/** Show a question only when earlier answers say so: `{question, op, value}`, or `all`, `any`, `not` of conditions. */
export const condition: z.ZodType<ConditionInput> = z.lazy(() =>
  z.union([
    conditionLeaf,
    z.object({ all: z.array(condition).min(1).max(20) }).strict(),
    z.object({ any: z.array(condition).min(1).max(20) }).strict(),
    z.object({ not: condition }).strict(),
  ]),
);

export const questionInput = z.object({
  /** The name conditions and imports use; `q1`, `q2`… when left out. */
  key: questionKey.optional(),
  /** Index of its section (page) in the questionnaire's `sections`. */
  section: z.number().int().min(0).max(49).default(0),
  type: questionType,
  labelFr: z.string().trim().min(2).max(500),
  labelEn: shortText.default(''),
  helpFr: shortText.default(''),
  helpEn: shortText.default(''),
  /** Easy-read (FALC) wording the respondent can switch to. */
  easyFr: shortText.default(''),
  /** Wording in other languages (and the English easy-read one): `{ ar: { label, help, easy, options: { value: text } } }`. */
  translations: z.record(languageCode, questionTranslation).default({}),
  required: z.boolean().default(false),
  options: z.array(questionOption).max(50).default([]),
  /** A grid's rows, each answered on the options. */
  items: z.array(questionOption).max(30).default([]),
  showIf: condition.nullable().default(null),
  min: z.number().min(-1e9).max(1e9).optional(),
  max: z.number().min(-1e9).max(1e9).optional(),
  /** Ties the question to an indicator of a framework the organisation uses. */
  indicator: z.object({ frameworkId: id, code: z.string().min(1).max(30) }).nullable().default(null),
});
export type QuestionInput = z.infer<typeof questionInput>;

const storedOption = z.object({ value: z.string(), labelFr: z.string(), labelEn: z.string() });
export const question = z.object({
  id,
  position: z.number().int(),
  key: z.string(),
  section: z.number().int(),
  type: questionType,
  labelFr: z.string(),
  labelEn: z.string(),
  helpFr: z.string(),
  helpEn: z.string(),
  easyFr: z.string(),
  translations: z.record(z.string(), questionTranslation),
  required: z.boolean(),
  options: z.array(storedOption),
  items: z.array(storedOption),
  showIf: condition.nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  indicator: z.object({ frameworkId: id, code: z.string() }).nullable(),
});
export type Question = z.infer<typeof question>;
/** What an anonymous respondent sees of a question: nothing of the frameworks behind it. */
export const publicQuestion = question.omit({ indicator: true });

export const questionnaireTranslation = z.object({ title: z.string().trim().max(200).optional(), intro: z.string().trim().max(2000).optional() }).strict();
export const section = z.object({
  titleFr: z.string().trim().max(200).default(''),
  titleEn: z.string().trim().max(200).default(''),
  introFr: z.string().trim().max(2000).default(''),
  translations: z.record(languageCode, questionnaireTranslation).default({}),
});
export type SectionInput = z.infer<typeof section>;

export const createQuestionnaireBody = z.object({
  title: z.string().trim().min(2).max(200),
  introFr: z.string().trim().max(2000).default(''),
  /** Languages offered beside French; `['en']` when left out. */
  languages: z.array(languageCode).max(10).default(['en']),
  /** Title and intro in other languages (`{ en: { title, intro } }`). */
  translations: z.record(languageCode, questionnaireTranslation).default({}),
  /** Pages of the questionnaire, in order; none means one page. */
  sections: z.array(section).max(50).default([]),
  questions: z.array(questionInput).min(1).max(200),
});
export type QuestionnaireInput = z.infer<typeof createQuestionnaireBody>;
export const questionnaire = z.object({
  id,
  organisationId: id,
  title: z.string(),
  introFr: z.string(),
  languages: z.array(z.string()),
  translations: z.record(z.string(), questionnaireTranslation),
  sections: z.array(section.required()),
  /** 1, then one more each time a questionnaire that has answers is edited. */
  version: z.number().int(),
  previousId: id.nullable(),
  /** A newer version replaces this one; its answers stay with it. */
  superseded: z.boolean(),
  /** Send it back in `If-Match` when editing, to detect concurrent edits. */
  revision: z.number().int(),
  createdAt: z.string(),
  questions: z.array(question),
  responseCount: z.number().int(),
});
export type Questionnaire = z.infer<typeof questionnaire>;
export const questionnaireRevision = questionnaire.extend({
  /** True when the edit made a new version because the questionnaire had answers. */
  newVersion: z.boolean(),
  /** Open campaigns moved to the new version. */
  movedCampaigns: z.number().int(),
});

export const audiences = ['beneficiaries', 'staff', 'volunteers', 'partners'] as const;
export const audience = z.enum(audiences);
export type Audience = z.infer<typeof audience>;
export const pairing = z.enum(['before', 'after']);

export const createCampaignBody = z.object({
  name: z.string().trim().min(2).max(200),
  questionnaireId: id,
  period,
  populationServed: z.number().int().min(1).max(100_000_000).nullable().default(null),
  /** Who answers: people supported (default), staff, volunteers or partners. */
  audience: audience.default('beneficiaries'),
  /** Only one-time invitation links are accepted. */
  invitationOnly: z.boolean().default(false),
  /** "before" hands out pseudonymous codes; "after" asks for them (name the "before" campaign). */
  pairing: pairing.nullable().default(null),
  pairedWithCampaignId: id.nullable().default(null),
  /** For an "after" campaign: people may answer without a code. */
  pairingCodeOptional: z.boolean().default(false),
  /** The organisation's site where it is held: its answers count for the site's commune (else the organisation's). */
  siteId: id.nullable().default(null),
});
export const campaign = z.object({
  id,
  organisationId: id,
  questionnaireId: id,
  questionnaireTitle: z.string(),
  name: z.string(),
  period: z.string(),
  populationServed: z.number().nullable(),
  slug: z.string(),
  status: z.enum(['open', 'closed']),
  publicPath: z.string(),
  responseCount: z.number().int(),
  /** Of which entered by a field worker (paper form or together with the person). */
  assistedCount: z.number().int(),
  createdAt: z.string(),
  audience,
  invitationOnly: z.boolean(),
  pairing: pairing.nullable(),
  pairedWithCampaignId: id.nullable(),
  pairingCodeOptional: z.boolean(),
  siteId: id.nullable(),
});
export type Campaign = z.infer<typeof campaign>;

/**
 * One answer: a choice value, several values (or a ranking, preferred first), a number, text,
 * a date (`YYYY-MM-DD`), or a grid's answers by row (`{ row: value }`).
 */
export const answerValue = z.union([z.string().max(5000), z.number(), z.array(z.string().max(60)).max(50), z.record(z.string().max(60), z.string().max(60))]);
export const submitResponseBody = z
  .object({
    /** Client-chosen id (UUID); sending the same id again stores nothing new. */
    clientId: id,
    answers: z.record(id, answerValue),
    /** The token of a one-time invitation link (required when the campaign is by invitation only). */
    invitationToken: z.string().min(1).max(200).optional(),
    /** Before/after follow-up code: required by an "after" campaign, optional for a "before" one. */
    pairingCode: z.string().max(40).optional(),
  })
  .strict();
export const submitResponseResult = z.object({
  responseId: id,
  duplicate: z.boolean(),
  /** For a "before" campaign: the follow-up code to give the person. */
  pairingCode: z.string().nullable().optional(),
});

/** How a field worker entered a response: from a paper form, or together with the person. */
export const assistedMode = z.enum(['paper', 'with_person']);
export const submitAssistedResponseBody = z
  .object({
    clientId: id,
    answers: z.record(id, answerValue),
    mode: assistedMode,
    /** Before/after campaigns: the person's follow-up code (an "after" campaign asks for it). */
    pairingCode: z.string().trim().max(20).nullable().optional(),
  })
  .strict();

/** What the field collection page needs to show a campaign's questionnaire, offline too. */
export const fieldQuestionnaire = z.object({
  campaignId: id,
  organisationId: id,
  organisationName: z.string(),
  name: z.string(),
  period: z.string(),
  open: z.boolean(),
  title: z.string(),
  introFr: z.string(),
  sections: z.array(section.required()),
  questions: z.array(publicQuestion),
  /** The signed-in field worker: answers kept on the device leave only in their session. */
  fieldWorkerId: id,
  /** Before/after: a "before" campaign gives each person a code, an "after" one asks for it. */
  pairing: z.enum(['before', 'after']).nullable(),
  pairingCodeOptional: z.boolean(),
});
export type FieldQuestionnaire = z.infer<typeof fieldQuestionnaire>;

export const recordActivityFigureBody = z.object({
  frameworkId: id,
  indicatorCode: z.string().min(1).max(30),
  period,
  value: z.number().min(0).max(1e12),
});
export const activityFigure = z.object({
  id,
  frameworkId: id,
  indicatorCode: z.string(),
  period: z.string(),
  value: z.number(),
  updatedAt: z.string(),
});

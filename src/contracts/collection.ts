import { z } from 'zod';
import { id, period } from './common.ts';

export const questionTypes = ['single', 'multiple', 'scale', 'number', 'text'] as const;
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

export const questionInput = z.object({
  type: questionType,
  labelFr: z.string().trim().min(2).max(500),
  labelEn: z.string().trim().max(500).default(''),
  helpFr: z.string().trim().max(500).default(''),
  required: z.boolean().default(false),
  options: z.array(questionOption).max(50).default([]),
  min: z.number().min(-1e9).max(1e9).optional(),
  max: z.number().min(-1e9).max(1e9).optional(),
  /** Ties the question to an indicator of a framework the organisation uses. */
  indicator: z.object({ frameworkId: id, code: z.string().min(1).max(30) }).nullable().default(null),
});
export type QuestionInput = z.infer<typeof questionInput>;

export const question = z.object({
  id,
  position: z.number().int(),
  type: questionType,
  labelFr: z.string(),
  labelEn: z.string(),
  helpFr: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), labelFr: z.string(), labelEn: z.string() })),
  min: z.number().nullable(),
  max: z.number().nullable(),
  indicator: z.object({ frameworkId: id, code: z.string() }).nullable(),
});
export type Question = z.infer<typeof question>;
/** What an anonymous respondent sees of a question: nothing of the frameworks behind it. */
export const publicQuestion = question.omit({ indicator: true });

export const createQuestionnaireBody = z.object({
  title: z.string().trim().min(2).max(200),
  introFr: z.string().trim().max(2000).default(''),
  questions: z.array(questionInput).min(1).max(200),
});
export const questionnaire = z.object({
  id,
  organisationId: id,
  title: z.string(),
  introFr: z.string(),
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
  createdAt: z.string(),
  audience,
  invitationOnly: z.boolean(),
  pairing: pairing.nullable(),
  pairedWithCampaignId: id.nullable(),
  pairingCodeOptional: z.boolean(),
});
export type Campaign = z.infer<typeof campaign>;

/** One answer: a choice value, several values, a number, or text. */
export const answerValue = z.union([z.string().max(5000), z.number(), z.array(z.string().max(60)).max(50)]);
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

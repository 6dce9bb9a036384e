import { z } from 'zod';
import { id } from './common.ts';
import { answerValue } from './collection.ts';

/** One stored answer, as the organisation sees it when it reviews its responses. */
export const storedAnswer = z.object({
  questionId: id,
  options: z.array(z.string()).nullable(),
  num: z.number().nullable(),
  text: z.string().nullable(),
});

export const storedResponse = z.object({
  id,
  campaignId: id,
  questionnaireId: id.nullable(),
  period: z.string(),
  channel: z.enum(['web', 'api', 'import']),
  assisted: z.enum(['paper', 'with_person']).nullable(),
  submittedAt: z.string(),
  answers: z.array(storedAnswer),
});

export const responsePage = z.object({
  total: z.number().int(),
  responses: z.array(storedResponse),
});

export const responsesQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Corrected answers replace all of a response's answers, checked as a new submission would be. */
export const correctResponseBody = z.object({ answers: z.record(id, answerValue) }).strict();
export type ResponsePage = z.infer<typeof responsePage>;

import type { Db } from '../../../db/connect.ts';
import { checkAnswers } from '../../../domain/answers.ts';
import { NotFound } from '../../../domain/errors.ts';
import { AnswersRejected, campaignNotFound } from '../collection/service.ts';
import * as collectionRepo from '../collection/repository.ts';
import { requireOrgRole } from '../organisations/access.ts';
import * as repo from './repository.ts';

function responseNotFound() {
  return new NotFound('response_not_found', 'Réponse introuvable.', 'Response not found.');
}

/** The responses of a campaign, newest first, with their answers: for admins, who may correct them. */
export async function listCampaignResponses(db: Db, userId: string, organisationId: string, campaignId: string, page: { offset: number; limit: number }) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  if (!(await collectionRepo.findCampaign(db, organisationId, campaignId))) throw campaignNotFound();
  const { total, rows, answers } = await repo.listResponses(db, campaignId, page);
  return {
    total,
    responses: rows.map((r) => ({
      id: r.id,
      campaignId: r.campaignId,
      questionnaireId: r.questionnaireId,
      period: r.period,
      channel: r.channel,
      assisted: r.assisted,
      submittedAt: r.submittedAt.toISOString(),
      answers: answers.filter((a) => a.responseId === r.id).map((a) => ({ questionId: a.questionId, options: a.options, num: a.num, text: a.text })),
    })),
  };
}

/**
 * Corrects a response (a mistyped paper form, say): the new answers are checked against the
 * questionnaire version it was given under, as a new submission would be, and replace the old.
 */
export async function correctResponse(db: Db, userId: string, organisationId: string, responseId: string, input: { answers: Record<string, unknown> }) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  const response = await repo.findResponse(db, organisationId, responseId);
  if (!response?.questionnaireId) throw responseNotFound();
  const checked = checkAnswers(await collectionRepo.questionsOf(db, response.questionnaireId), input.answers);
  if (!checked.ok) throw new AnswersRejected(checked.errors);
  if (!(await repo.replaceAnswers(db, responseId, checked.answers))) throw responseNotFound();
}

/** Deletes a response (a person asks for it, a duplicate): its answers leave every figure at once. */
export async function deleteResponse(db: Db, userId: string, organisationId: string, responseId: string) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  if (!(await repo.findResponse(db, organisationId, responseId))) throw responseNotFound();
  if (!(await repo.deleteResponse(db, responseId))) throw responseNotFound();
}

import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { campaigns, organisations, questionnaires, questions } from '../../../db/schema/index.ts';

/** A campaign of an organisation with its questionnaire, the organisation's name and its answer count. */
export async function findCampaignWithQuestionnaire(
  db: Db,
  organisationId: string,
  campaignId: string,
) {
  const rows = await db
    .select({
      campaign: campaigns,
      questionnaire: questionnaires,
      organisationName: organisations.name,
      responseCount: sql<number>`(select count(*)::int from responses r where r.campaign_id = ${campaigns.id})`,
    })
    .from(campaigns)
    .innerJoin(questionnaires, eq(questionnaires.id, campaigns.questionnaireId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function questionsOf(db: Db, questionnaireId: string) {
  return db
    .select()
    .from(questions)
    .where(eq(questions.questionnaireId, questionnaireId))
    .orderBy(asc(questions.position));
}

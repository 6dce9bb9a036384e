import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { activityFigures, answers, campaigns, organisations, questionnaires, questions, responses, type StoredOption } from '../../../db/schema/index.ts';
import type { CleanAnswer } from '../../../domain/answers.ts';

export interface QuestionValues {
  type: 'single' | 'multiple' | 'scale' | 'number' | 'text';
  labelFr: string;
  labelEn: string;
  helpFr: string;
  required: boolean;
  options: StoredOption[];
  min: number | null;
  max: number | null;
  indicatorFrameworkId: string | null;
  indicatorCode: string | null;
  /** The indicator's definition key at the time (src/domain/definitions.ts). */
  indicatorDefinition: string | null;
}

export async function insertQuestionnaire(db: Db, organisationId: string, values: { title: string; introFr: string }, qs: QuestionValues[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(questionnaires).values({ ...values, organisationId }).returning();
    await tx.insert(questions).values(qs.map((q, position) => ({ ...q, position, questionnaireId: row!.id })));
    return row!.id;
  });
}

/**
 * Replaces a questionnaire's questions in place (only while it has no answers), or, once it
 * has answers, writes a new version: the old one and its answers stay as they were, and the
 * open campaigns move to the new version.
 */
export async function reviseQuestionnaire(
  db: Db,
  old: { id: string; organisationId: string; version: number },
  mode: 'in_place' | 'new_version',
  values: { title: string; introFr: string },
  qs: QuestionValues[],
) {
  return db.transaction(async (tx) => {
    if (mode === 'in_place') {
      await tx.update(questionnaires).set(values).where(eq(questionnaires.id, old.id));
      await tx.delete(questions).where(eq(questions.questionnaireId, old.id));
      if (qs.length > 0) await tx.insert(questions).values(qs.map((q, position) => ({ ...q, position, questionnaireId: old.id })));
      return { id: old.id, movedCampaigns: 0 };
    }
    const [row] = await tx
      .insert(questionnaires)
      .values({ ...values, organisationId: old.organisationId, version: old.version + 1, previousId: old.id })
      .returning();
    if (qs.length > 0) await tx.insert(questions).values(qs.map((q, position) => ({ ...q, position, questionnaireId: row!.id })));
    await tx.update(questionnaires).set({ supersededAt: sql`now()` }).where(eq(questionnaires.id, old.id));
    const moved = await tx
      .update(campaigns)
      .set({ questionnaireId: row!.id })
      .where(and(eq(campaigns.questionnaireId, old.id), eq(campaigns.status, 'open')))
      .returning({ id: campaigns.id });
    return { id: row!.id, movedCampaigns: moved.length };
  });
}

export async function lockQuestionnaire(db: Db, questionnaireId: string) {
  await db.execute(sql`select id from questionnaires where id = ${questionnaireId} for update`);
}

/** The earlier versions of a questionnaire, newest first (bounded). */
export async function previousVersions(db: Db, questionnaireId: string, limit = 10) {
  const out: { id: string; previousId: string | null }[] = [];
  let current: string | null = questionnaireId;
  while (current && out.length < limit) {
    const rows: { id: string; previousId: string | null }[] = await db
      .select({ id: questionnaires.id, previousId: questionnaires.previousId })
      .from(questionnaires)
      .where(eq(questionnaires.id, current))
      .limit(1);
    const row = rows[0];
    if (!row?.previousId) break;
    out.push({ id: row.previousId, previousId: null });
    current = row.previousId;
  }
  return out.map((r) => r.id);
}

// Written out in full: in a single-table select Drizzle leaves column names unqualified.
const responseCount = sql<number>`(select count(*)::int from responses r where r.questionnaire_id = questionnaires.id)`;

export async function listQuestionnaires(db: Db, organisationId: string) {
  return db
    .select({ questionnaire: questionnaires, responseCount })
    .from(questionnaires)
    .where(eq(questionnaires.organisationId, organisationId))
    .orderBy(desc(questionnaires.createdAt));
}

export async function findQuestionnaire(db: Db, organisationId: string, questionnaireId: string) {
  const rows = await db
    .select({ questionnaire: questionnaires, responseCount })
    .from(questionnaires)
    .where(and(eq(questionnaires.organisationId, organisationId), eq(questionnaires.id, questionnaireId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function questionsOf(db: Db, questionnaireId: string) {
  return db.select().from(questions).where(eq(questions.questionnaireId, questionnaireId)).orderBy(asc(questions.position));
}

const campaignColumns = {
  campaign: campaigns,
  questionnaireTitle: questionnaires.title,
  responseCount: sql<number>`(select count(*)::int from responses r where r.campaign_id = campaigns.id)`,
};

export async function insertCampaign(
  db: Db,
  values: { organisationId: string; questionnaireId: string; name: string; period: string; populationServed: number | null; slug: string },
) {
  const [row] = await db.insert(campaigns).values(values).returning({ id: campaigns.id });
  return row!.id;
}

export async function listCampaigns(db: Db, organisationId: string) {
  return db
    .select(campaignColumns)
    .from(campaigns)
    .innerJoin(questionnaires, eq(questionnaires.id, campaigns.questionnaireId))
    .where(eq(campaigns.organisationId, organisationId))
    .orderBy(desc(campaigns.createdAt));
}

export async function findCampaign(db: Db, organisationId: string, campaignId: string) {
  const rows = await db
    .select(campaignColumns)
    .from(campaigns)
    .innerJoin(questionnaires, eq(questionnaires.id, campaigns.questionnaireId))
    .where(and(eq(campaigns.organisationId, organisationId), eq(campaigns.id, campaignId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function setCampaignStatus(db: Db, campaignId: string, status: 'open' | 'closed') {
  await db.update(campaigns).set({ status }).where(eq(campaigns.id, campaignId));
}

export async function findCampaignBySlug(db: Db, slug: string) {
  const rows = await db
    .select({ campaign: campaigns, questionnaire: questionnaires, organisationName: organisations.name })
    .from(campaigns)
    .innerJoin(questionnaires, eq(questionnaires.id, campaigns.questionnaireId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(eq(campaigns.slug, slug))
    .limit(1);
  return rows[0] ?? null;
}

export async function findResponseByClient(db: Db, campaignId: string, clientId: string): Promise<string | null> {
  const rows = await db
    .select({ id: responses.id })
    .from(responses)
    .where(and(eq(responses.campaignId, campaignId), eq(responses.clientId, clientId)))
    .limit(1);
  return rows[0]?.id ?? null;
}

/**
 * One transaction: the response and all its answers, or nothing. A second submission with the
 * same client id finds the first and stores nothing.
 */
export async function insertResponse(
  db: Db,
  values: { campaignId: string; organisationId: string; period: string; clientId: string; channel: 'web' | 'api'; questionnaireId: string },
  clean: CleanAnswer[],
): Promise<{ responseId: string; duplicate: boolean }> {
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(responses).values(values).onConflictDoNothing().returning({ id: responses.id });
    const id = inserted[0]?.id;
    if (!id) {
      const [existing] = await tx
        .select({ id: responses.id })
        .from(responses)
        .where(and(eq(responses.campaignId, values.campaignId), eq(responses.clientId, values.clientId)));
      return { responseId: existing!.id, duplicate: true };
    }
    if (clean.length > 0) {
      await tx.insert(answers).values(clean.map((a) => ({ responseId: id, questionId: a.questionId, options: a.options, num: a.num, text: a.text })));
    }
    return { responseId: id, duplicate: false };
  });
}

export async function upsertActivityFigure(db: Db, values: { organisationId: string; frameworkId: string; indicatorCode: string; period: string; value: number; definition: string }) {
  const [row] = await db
    .insert(activityFigures)
    .values(values)
    .onConflictDoUpdate({
      target: [activityFigures.organisationId, activityFigures.frameworkId, activityFigures.indicatorCode, activityFigures.period],
      set: { value: values.value, definition: values.definition, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

export async function listActivityFigures(db: Db, organisationId: string) {
  return db
    .select()
    .from(activityFigures)
    .where(eq(activityFigures.organisationId, organisationId))
    .orderBy(desc(activityFigures.period), asc(activityFigures.indicatorCode));
}

import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { activityFigures, answers, campaigns, organisations, questionnaires, questions, responses} from '../../../db/schema/index.ts';
import type { CleanAnswer } from '../../../domain/answers.ts';
import { settleNewResponses } from '../results/partials-repository.ts';

/** A question as written, without what the database fills in. */
export type QuestionValues = Required<Omit<typeof questions.$inferInsert, 'id' | 'questionnaireId' | 'position'>>;
/** A questionnaire's own fields. */
export type QuestionnaireValues = Pick<typeof questionnaires.$inferInsert, 'title' | 'introFr' | 'languages' | 'translations' | 'sections'>;

export async function insertQuestionnaire(db: Db, organisationId: string, values: QuestionnaireValues, qs: QuestionValues[]) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(questionnaires).values({ ...values, organisationId }).returning();
    await tx.insert(questions).values(qs.map((q, position) => ({ ...q, position, questionnaireId: row!.id })));
    return row!.id;
  });
}

/** Same question for a crosswalk: the same type, choices and range. */
function sameShape(a: QuestionValues, b: QuestionValues): boolean {
  return a.type === b.type && a.min === b.min && a.max === b.max && JSON.stringify(a.options.map((o) => o.value)) === JSON.stringify(b.options.map((o) => o.value));
}

/**
 * Changes a questionnaire. While it has no answers, its questions are changed in place,
 * position by position, so that what refers to them (crosswalks) stays. Once it has answers,
 * a new version is written: the old one and its answers stay as they were, open campaigns move
 * to the new version, and crosswalks follow the questions whose shape did not change. The
 * choice is made inside the transaction, with the questionnaire locked, so that an answer
 * arriving meanwhile is never lost.
 */
export async function reviseQuestionnaire(
  db: Db,
  old: { id: string; organisationId: string; version: number },
  values: QuestionnaireValues,
  qs: QuestionValues[],
  ifMatch?: number,
): Promise<{ id: string; newVersion: boolean; movedCampaigns: number; stale?: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select id from questionnaires where id = ${old.id} for update`);
    const [current] = await tx.select({ revision: questionnaires.revision, supersededAt: questionnaires.supersededAt }).from(questionnaires).where(eq(questionnaires.id, old.id));
    if (ifMatch !== undefined && current && current.revision !== ifMatch) return { id: old.id, newVersion: false, movedCampaigns: 0, stale: current.revision };
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(responses).where(eq(responses.questionnaireId, old.id));
    const before = await tx.select().from(questions).where(eq(questions.questionnaireId, old.id)).orderBy(asc(questions.position));
    if (Number(n) === 0) {
      await tx.update(questionnaires).set({ ...values, revision: sql`${questionnaires.revision} + 1` }).where(eq(questionnaires.id, old.id));
      for (const [position, q] of qs.entries()) {
        const existing = before[position];
        if (existing) await tx.update(questions).set({ ...q, position }).where(eq(questions.id, existing.id));
        else await tx.insert(questions).values({ ...q, position, questionnaireId: old.id });
      }
      for (const extra of before.slice(qs.length)) await tx.delete(questions).where(eq(questions.id, extra.id));
      return { id: old.id, newVersion: false, movedCampaigns: 0 };
    }
    const [row] = await tx
      .insert(questionnaires)
      .values({ ...values, organisationId: old.organisationId, version: old.version + 1, previousId: old.id })
      .returning();
    const created = qs.length > 0 ? await tx.insert(questions).values(qs.map((q, position) => ({ ...q, position, questionnaireId: row!.id }))).returning() : [];
    for (const [position, q] of created.entries()) {
      const was = before[position];
      if (!was || !sameShape(was, q)) continue;
      await tx.execute(sql`
        insert into crosswalks (organisation_id, question_id, framework_id, indicator_code, rule, indicator_definition, created_by)
        select organisation_id, ${q.id}, framework_id, indicator_code, rule, indicator_definition, created_by
        from crosswalks where question_id = ${was.id}
        on conflict do nothing`);
    }
    await tx.update(questionnaires).set({ supersededAt: sql`now()`, revision: sql`${questionnaires.revision} + 1` }).where(eq(questionnaires.id, old.id));
    const moved = await tx
      .update(campaigns)
      .set({ questionnaireId: row!.id })
      .where(and(eq(campaigns.questionnaireId, old.id), eq(campaigns.status, 'open')))
      .returning({ id: campaigns.id });
    return { id: row!.id, newVersion: true, movedCampaigns: moved.length };
  });
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
  assistedCount: sql<number>`(select count(*)::int from responses r where r.campaign_id = campaigns.id and r.assisted is not null)`,
};

export async function insertCampaign(
  db: Db,
  values: typeof campaigns.$inferInsert,
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

/** Work done with a new response, inside its transaction (invitation used, pairing code). */
export type ResponseHook = (tx: Db, responseId: string) => Promise<void>;

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
  values: {
    campaignId: string;
    organisationId: string;
    period: string;
    clientId: string;
    channel: 'web' | 'api';
    questionnaireId: string;
    assisted?: 'paper' | 'with_person' | null;
    enteredBy?: string | null;
  },
  clean: CleanAnswer[],
  /** Runs in the same transaction once the response is in; throwing undoes everything. */
  within?: ResponseHook,
): Promise<{ responseId: string; duplicate: boolean }> {
  return db.transaction(async (tx) => {
    // Waits while the questionnaire is being changed (reviseQuestionnaire), so that its choice
    // between editing in place and writing a new version sees every answer.
    await tx.execute(sql`select id from questionnaires where id = ${values.questionnaireId} for share`);
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
    await settleNewResponses(tx, [id]);
    if (within) await within(tx, id);
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

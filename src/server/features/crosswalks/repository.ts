import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { collectives, crosswalks, frameworks, questionnaires, questions } from '../../../db/schema/index.ts';
import type { CrosswalkRule, ValueCount } from '../../../domain/crosswalk.ts';
import type { Tx } from '../frameworks/repository.ts';

type Conn = Db | Tx;

const columns = {
  crosswalk: crosswalks,
  questionLabel: questions.labelFr,
  questionType: questions.type,
  questionnaireId: questionnaires.id,
  questionnaireTitle: questionnaires.title,
  collectiveName: collectives.name,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(crosswalks)
    .innerJoin(questions, eq(questions.id, crosswalks.questionId))
    .innerJoin(questionnaires, eq(questionnaires.id, questions.questionnaireId))
    .innerJoin(frameworks, eq(frameworks.id, crosswalks.frameworkId))
    .innerJoin(collectives, eq(collectives.id, frameworks.collectiveId));
}

export type CrosswalkRow = Awaited<ReturnType<typeof listCrosswalks>>[number];

export async function listCrosswalks(db: Db, organisationId: string) {
  return base(db).where(eq(crosswalks.organisationId, organisationId)).orderBy(asc(collectives.name), asc(crosswalks.indicatorCode), asc(crosswalks.createdAt));
}

/** Scoped to the organisation: another organisation's crosswalk is not found. */
export async function findCrosswalk(db: Db, organisationId: string, crosswalkId: string) {
  const rows = await base(db)
    .where(and(eq(crosswalks.organisationId, organisationId), eq(crosswalks.id, crosswalkId)))
    .limit(1);
  return rows[0] ?? null;
}

/** A question of one of the organisation's questionnaires. */
export async function findOwnQuestion(db: Db, organisationId: string, questionId: string) {
  const rows = await db
    .select({ question: questions })
    .from(questions)
    .innerJoin(questionnaires, eq(questionnaires.id, questions.questionnaireId))
    .where(and(eq(questionnaires.organisationId, organisationId), eq(questions.id, questionId)))
    .limit(1);
  return rows[0]?.question ?? null;
}

/**
 * Other questions of the same questionnaire that already reach this indicator, directly or
 * through a crosswalk: a second one would count the same people twice.
 */
export async function otherSourcesInQuestionnaire(db: Db, questionId: string, frameworkId: string, indicatorCode: string): Promise<number> {
  const result = await db.execute(sql`
    select count(*)::int as n from questions q
    join questions mine on mine.id = ${questionId} and mine.questionnaire_id = q.questionnaire_id
    where q.id <> mine.id
      and ((q.indicator_framework_id = ${frameworkId} and q.indicator_code = ${indicatorCode})
        or exists (select 1 from crosswalks c where c.question_id = q.id and c.framework_id = ${frameworkId} and c.indicator_code = ${indicatorCode}))`);
  return Number((result as { rows: { n: unknown }[] }).rows[0]?.n ?? 0);
}

export async function crosswalkExists(db: Db, questionId: string, frameworkId: string, indicatorCode: string) {
  const rows = await db
    .select({ id: crosswalks.id })
    .from(crosswalks)
    .where(and(eq(crosswalks.questionId, questionId), eq(crosswalks.frameworkId, frameworkId), eq(crosswalks.indicatorCode, indicatorCode)))
    .limit(1);
  return rows.length > 0;
}

export async function insertCrosswalk(
  db: Conn,
  values: { organisationId: string; questionId: string; frameworkId: string; indicatorCode: string; rule: CrosswalkRule; createdBy: string; indicatorDefinition: string },
) {
  const [row] = await db.insert(crosswalks).values(values).returning({ id: crosswalks.id });
  return row!.id;
}

/** Updates only when the stored revision is the one the caller read; false otherwise. */
export async function updateCrosswalkRule(db: Conn, crosswalkId: string, revision: number, rule: CrosswalkRule, indicatorDefinition: string) {
  const rows = await db
    .update(crosswalks)
    .set({ rule, indicatorDefinition, revision: sql`${crosswalks.revision} + 1`, updatedAt: sql`now()` })
    .where(and(eq(crosswalks.id, crosswalkId), eq(crosswalks.revision, revision)))
    .returning({ id: crosswalks.id });
  return rows.length > 0;
}

export async function deleteCrosswalk(db: Conn, crosswalkId: string) {
  await db.delete(crosswalks).where(eq(crosswalks.id, crosswalkId));
}

type Raw = Record<string, unknown>;

/** PGlite and node-postgres give counts as numbers or strings: one shape here. */
function toValueCount(r: Raw): ValueCount {
  return {
    options: Array.isArray(r.options) ? (r.options as unknown[]).map(String) : null,
    num: r.num === null || r.num === undefined ? null : Number(r.num),
    count: Number(r.count ?? 0),
  };
}

/** The question's answers grouped by distinct value, for one period or all of them. */
export async function questionValueCounts(db: Db, organisationId: string, questionId: string, period: string | null): Promise<ValueCount[]> {
  const result = await db.execute(sql`
    select a.options, a.num, count(*)::int as count
    from answers a
    join responses r on r.id = a.response_id
    where a.question_id = ${questionId}
      and r.organisation_id = ${organisationId}
      and (${period}::text is null or r.period = ${period})
    group by a.options, a.num
    order by a.num nulls last, a.options nulls last`);
  return (result as { rows: Raw[] }).rows.map(toValueCount);
}

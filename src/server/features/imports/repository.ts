import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { activityFigures, imports, type StoredLineError } from '../../../db/schema/index.ts';
import type { CleanAnswer } from '../../../domain/answers.ts';
import { settleNewResponses } from '../results/partials-repository.ts';

export type ImportInsert = typeof imports.$inferInsert;

/** Everything but the file's table and the error list (which can weigh megabytes). */
const { tableJson: _table, errors: _errors, ...viewColumns } = getTableColumns(imports);

export type ImportRow = Omit<typeof imports.$inferSelect, 'tableJson' | 'errors'>;

export async function insertImport(db: Db, values: ImportInsert): Promise<string> {
  const [row] = await db.insert(imports).values(values).returning({ id: imports.id });
  return row!.id;
}

export async function findImport(db: Db, organisationId: string, importId: string): Promise<ImportRow | null> {
  const rows = await db
    .select(viewColumns)
    .from(imports)
    .where(and(eq(imports.organisationId, organisationId), eq(imports.id, importId)))
    .limit(1);
  return rows[0] ?? null;
}

export async function errorsOf(db: Db, importId: string): Promise<StoredLineError[]> {
  const [row] = await db.select({ errors: imports.errors }).from(imports).where(eq(imports.id, importId));
  return row?.errors ?? [];
}

export async function tableJsonOf(db: Db, importId: string): Promise<string> {
  const [row] = await db.select({ tableJson: imports.tableJson }).from(imports).where(eq(imports.id, importId));
  return row?.tableJson ?? '';
}

/** Moves an import to a new state, only from one of the expected ones (two clicks start one job). */
export async function moveImport(db: Db, importId: string, from: ImportRow['state'][], values: Partial<ImportInsert>): Promise<boolean> {
  const rows = await db
    .update(imports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(imports.id, importId), sql`${imports.state} in ${from}`))
    .returning({ id: imports.id });
  return rows.length > 0;
}

export async function updateImport(db: Db, importId: string, values: Partial<ImportInsert> & { errors?: StoredLineError[] }) {
  await db
    .update(imports)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(imports.id, importId));
}

const RESPONSE_BATCH = 2000;

/**
 * All the responses of an import in one transaction, in batches of a few thousand sent as one
 * JSON parameter each (json_to_recordset: one statement, one parameter, fast on PGlite as on
 * PostgreSQL). A line whose client id is already in the campaign (the same file imported
 * before) is skipped.
 */
export async function loadResponses(
  db: Db,
  values: { campaignId: string; organisationId: string; period: string; questionnaireId: string },
  lines: readonly { clientId: string; answers: CleanAnswer[] }[],
  onProgress: (done: number) => void,
): Promise<{ inserted: number; skipped: number }> {
  return db.transaction(async (tx) => {
    // As for one response: wait while the questionnaire is being changed.
    await tx.execute(sql`select id from questionnaires where id = ${values.questionnaireId} for share`);
    let inserted = 0;
    for (let i = 0; i < lines.length; i += RESPONSE_BATCH) {
      const batch = lines.slice(i, i + RESPONSE_BATCH);
      const result: unknown = await tx.execute(sql`
        insert into responses (campaign_id, organisation_id, period, questionnaire_id, client_id, channel)
        select ${values.campaignId}::uuid, ${values.organisationId}::uuid, ${values.period}, ${values.questionnaireId}::uuid, j.c, 'import'
        from json_to_recordset(${JSON.stringify(batch.map((l) => ({ c: l.clientId })))}::json) as j(c uuid)
        on conflict do nothing
        returning id, client_id`);
      const rows = (Array.isArray(result) ? result : (result as { rows: { id: string; client_id: string }[] }).rows) as { id: string; client_id: string }[];
      const idOf = new Map(rows.map((r) => [r.client_id, r.id]));
      const answerRows = batch.flatMap((l) => {
        const r = idOf.get(l.clientId);
        return r ? l.answers.map((a) => ({ r, q: a.questionId, o: a.options, n: a.num, t: a.text })) : [];
      });
      if (answerRows.length > 0) {
        await tx.execute(sql`
          insert into answers (response_id, question_id, options, num, text)
          select j.r, j.q, j.o, j.n, j.t
          from json_to_recordset(${JSON.stringify(answerRows)}::json) as j(r uuid, q uuid, o text[], n double precision, t text)`);
      }
      await settleNewResponses(tx, rows.map((r) => r.id));
      inserted += rows.length;
      onProgress(i + batch.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return { inserted, skipped: lines.length - inserted };
  });
}

/** All the figures of an import in one transaction; a figure already there is replaced. */
export async function loadActivityFigures(
  db: Db,
  organisationId: string,
  lines: readonly { frameworkId: string; indicatorCode: string; period: string; value: number; definition: string }[],
  onProgress: (done: number) => void,
): Promise<number> {
  return db.transaction(async (tx) => {
    for (let i = 0; i < lines.length; i += 1000) {
      const batch = lines.slice(i, i + 1000);
      await tx
        .insert(activityFigures)
        .values(batch.map((l) => ({ organisationId, frameworkId: l.frameworkId, indicatorCode: l.indicatorCode, period: l.period, value: l.value, definition: l.definition })))
        .onConflictDoUpdate({
          target: [activityFigures.organisationId, activityFigures.frameworkId, activityFigures.indicatorCode, activityFigures.period],
          set: { value: sql`excluded.value`, definition: sql`excluded.definition`, updatedAt: sql`now()` },
        });
      onProgress(i + batch.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return lines.length;
  });
}

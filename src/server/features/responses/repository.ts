import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { answers, responses } from '../../../db/schema/index.ts';
import type { CleanAnswer } from '../../../domain/answers.ts';
import { applyResponses } from '../results/partials-repository.ts';

export async function listResponses(db: Db, campaignId: string, page: { offset: number; limit: number }) {
  const [total] = await db.select({ n: count() }).from(responses).where(eq(responses.campaignId, campaignId));
  const rows = await db
    .select()
    .from(responses)
    .where(eq(responses.campaignId, campaignId))
    .orderBy(desc(responses.submittedAt), asc(responses.id))
    .offset(page.offset)
    .limit(page.limit);
  const stored = rows.length === 0 ? [] : await db.select().from(answers).where(inArray(answers.responseId, rows.map((r) => r.id)));
  return { total: total?.n ?? 0, rows, answers: stored };
}

export async function findResponse(db: Db, organisationId: string, responseId: string) {
  const [row] = await db
    .select()
    .from(responses)
    .where(and(eq(responses.organisationId, organisationId), eq(responses.id, responseId)))
    .limit(1);
  return row ?? null;
}

/**
 * Replaces a response's answers in one transaction: its old answers leave the partial sums,
 * the new ones join them. The row lock makes a concurrent correction or deletion wait.
 */
export async function replaceAnswers(db: Db, responseId: string, clean: readonly CleanAnswer[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: responses.id }).from(responses).where(eq(responses.id, responseId)).for('update');
    if (!locked) return false;
    await applyResponses(tx, [responseId], -1);
    await tx.delete(answers).where(eq(answers.responseId, responseId));
    if (clean.length > 0) {
      await tx.insert(answers).values(clean.map((a) => ({ responseId, questionId: a.questionId, options: a.options, num: a.num, text: a.text })));
    }
    await applyResponses(tx, [responseId], 1);
    return true;
  });
}

/** Deletes a response and its answers; they leave the partial sums in the same transaction. */
export async function deleteResponse(db: Db, responseId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: responses.id }).from(responses).where(eq(responses.id, responseId)).for('update');
    if (!locked) return false;
    await applyResponses(tx, [responseId], -1);
    await tx.delete(responses).where(eq(responses.id, responseId));
    return true;
  });
}

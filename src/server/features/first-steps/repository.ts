import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/connect.ts';
import { firstSteps } from '../../../db/schema/index.ts';
import type { MissionGrid, PlanRow, StakeholderEntry } from '../../../contracts/first-steps.ts';

export async function findFirstSteps(db: Db, organisationId: string) {
  const rows = await db.select().from(firstSteps).where(eq(firstSteps.organisationId, organisationId)).limit(1);
  return rows[0] ?? null;
}

export interface FirstStepsValues {
  mission: MissionGrid;
  stakeholders: StakeholderEntry[];
  plan: PlanRow[];
  currentStep: number;
  completedSteps: number[];
  updatedBy: string;
}

/**
 * Saves over `revision` and returns the new row, or null when the stored revision is another
 * one (someone saved in between). Revision 0 means "nothing saved yet": the row is created.
 */
export async function saveFirstSteps(db: Db, organisationId: string, revision: number, values: FirstStepsValues) {
  if (revision === 0) {
    const inserted = await db
      .insert(firstSteps)
      .values({ organisationId, ...values, revision: 1, updatedAt: new Date() })
      .onConflictDoNothing({ target: firstSteps.organisationId })
      .returning();
    return inserted[0] ?? null;
  }
  const updated = await db
    .update(firstSteps)
    .set({ ...values, revision: sql`${firstSteps.revision} + 1`, updatedAt: new Date() })
    .where(and(eq(firstSteps.organisationId, organisationId), eq(firstSteps.revision, revision)))
    .returning();
  return updated[0] ?? null;
}

import type { Db } from '../../../db/connect.ts';
import { Conflict } from '../../../domain/errors.ts';
import {
  answersNeeded,
  completedSteps,
  completeness,
  deriveTemplate,
  emptyMission,
  normalizeText,
  suggestIndicators,
} from '../../../domain/first-steps.ts';
import { INDICATOR_BANK } from '../../../domain/indicator-bank/index.ts';
import type { FirstSteps, MissionGrid, PlanRow, SaveFirstStepsBody, StakeholderEntry } from '../../../contracts/first-steps.ts';
import { requireOrgRole, roleAtLeast } from '../organisations/access.ts';
import { getOrganisation } from '../organisations/service.ts';
import { createNode, getFramework, listAvailableIndicators } from '../frameworks/service.ts';
import * as repo from './repository.ts';

type Row = NonNullable<Awaited<ReturnType<typeof repo.findFirstSteps>>>;

interface State {
  revision: number;
  mission: MissionGrid;
  stakeholders: StakeholderEntry[];
  plan: PlanRow[];
  currentStep: number;
  completedSteps: number[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

function stateOf(row: Row | null): State {
  if (!row) {
    return { revision: 0, mission: emptyMission(), stakeholders: [], plan: [], currentStep: 1, completedSteps: [], updatedAt: null, updatedBy: null };
  }
  return {
    revision: row.revision,
    // Stored grids from an older shape get the fields they lack.
    mission: { ...emptyMission(), ...row.mission },
    stakeholders: row.stakeholders,
    plan: row.plan,
    currentStep: row.currentStep,
    completedSteps: row.completedSteps,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

async function present(db: Db, org: { id: string; specificFrameworkId: string; role: 'admin' | 'contributor' | 'viewer' }, state: State): Promise<FirstSteps> {
  const available = await listAvailableIndicators(db, org.id, org.specificFrameworkId);
  const specificCodes = new Set(available.filter((i) => i.scope === 'specific').map((i) => i.code.toUpperCase()));
  const steps = completeness({ mission: state.mission, stakeholders: state.stakeholders, plan: state.plan, indicatorCount: available.length });
  return {
    organisationId: org.id,
    specificFrameworkId: org.specificFrameworkId,
    revision: state.revision,
    mission: state.mission,
    stakeholders: state.stakeholders,
    plan: state.plan,
    currentStep: state.currentStep,
    completedSteps: state.completedSteps,
    updatedAt: state.updatedAt?.toISOString() ?? null,
    updatedBy: state.updatedBy,
    canEdit: roleAtLeast(org.role, 'contributor'),
    completeness: steps,
    indicatorCount: available.length,
    answersNeeded: state.plan.map((row) => answersNeeded(row.populationServed)),
    suggestions: suggestIndicators(INDICATOR_BANK, state.mission, state.stakeholders).map((s) => ({
      entryId: s.entry.id,
      sector: s.entry.sector,
      kind: s.entry.kind,
      stakeholderGroup: s.entry.stakeholderGroup,
      labelFr: s.entry.labelFr,
      labelEn: s.entry.labelEn,
      unit: s.entry.unit,
      score: s.score,
      matchedWords: s.matchedWords,
      added: specificCodes.has(s.entry.id.toUpperCase()),
    })),
    template: deriveTemplate(state.mission, state.stakeholders),
  };
}

/** The saved path, or an empty one; members only (outsiders get a 404). */
export async function getFirstSteps(db: Db, userId: string, organisationId: string): Promise<FirstSteps> {
  const org = await getOrganisation(db, userId, organisationId);
  return present(db, org, stateOf(await repo.findFirstSteps(db, organisationId)));
}

/** Saves over the revision the caller read; a stale revision is refused, never overwritten. */
export async function saveFirstSteps(db: Db, userId: string, organisationId: string, body: SaveFirstStepsBody): Promise<FirstSteps> {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const org = await getOrganisation(db, userId, organisationId);
  const current = stateOf(await repo.findFirstSteps(db, organisationId));
  const stale = () =>
    new Conflict(
      'first_steps_stale',
      `Les premiers pas ont été modifiés entre-temps (version ${current.revision}, vous aviez la version ${body.revision}). Rechargez la page pour voir ces changements, puis refaites les vôtres.`,
      `The first steps were changed in the meantime (revision ${current.revision}, you had revision ${body.revision}). Reload the page to see those changes, then make yours again.`,
      [{ field: 'body.revision', message: 'stale', code: 'stale' }],
    );
  if (body.revision !== current.revision) throw stale();
  const next = {
    mission: body.mission ?? current.mission,
    stakeholders: body.stakeholders ?? current.stakeholders,
    plan: body.plan ?? current.plan,
    currentStep: body.currentStep ?? current.currentStep,
  };
  const available = await listAvailableIndicators(db, org.id, org.specificFrameworkId);
  const done = completedSteps(completeness({ ...next, indicatorCount: available.length }));
  const row = await repo.saveFirstSteps(db, organisationId, body.revision, { ...next, completedSteps: done, updatedBy: userId });
  if (!row) throw stale();
  return present(db, org, stateOf(row));
}

const identity = (kind: string, label: string) => `${kind}:${normalizeText(label)}`;

/**
 * Writes the template's nodes into the draft of the organisation's specific framework. Nodes
 * already there (same kind and label) are left alone and serve as parents for the new ones, so
 * applying twice adds nothing.
 */
export async function applyTemplate(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const org = await getOrganisation(db, userId, organisationId);
  const state = stateOf(await repo.findFirstSteps(db, organisationId));
  const template = deriveTemplate(state.mission, state.stakeholders);
  const framework = await getFramework(db, userId, org.specificFrameworkId);
  const existing = new Map<string, string>();
  for (const node of (framework.draft ?? framework.adopted)?.nodes ?? []) existing.set(identity(node.kind, node.labelFr), node.id);
  const idOfKey = new Map<string, string>();
  let created = 0;
  let skipped = 0;
  // Parents come before their children in the template.
  for (const node of template) {
    const found = existing.get(identity(node.kind, node.labelFr));
    if (found) {
      idOfKey.set(node.key, found);
      skipped += 1;
      continue;
    }
    const parentId = node.parentKey ? (idOfKey.get(node.parentKey) ?? null) : null;
    const made = await createNode(db, userId, org.specificFrameworkId, {
      kind: node.kind,
      labelFr: node.labelFr,
      labelEn: '',
      stakeholderGroup: node.stakeholderGroup,
      parentId,
    });
    idOfKey.set(node.key, made.id);
    created += 1;
  }
  return { frameworkId: org.specificFrameworkId, created, skipped };
}

import type { Db } from '../../../db/connect.ts';
import { Conflict, Forbidden, Invalid, NotFound } from '../../../domain/errors.ts';
import { territoryName, type Territory } from '../../../domain/territories.ts';
import { chooseSlug } from '../../slug.ts';
import { requireOrgRole, roleAtLeast } from '../organisations/access.ts';
import { findBySlug } from '../organisations/repository.ts';
import { audit } from '../frameworks/repository.ts';
import { checkRevision } from '../../revisions.ts';
import * as repo from './repository.ts';

type Participation = Awaited<ReturnType<typeof repo.myParticipations>>[number];
type CollectiveRow = NonNullable<Awaited<ReturnType<typeof repo.findCollective>>>;

function collectiveNotFound() {
  return new NotFound('collective_not_found', 'Collectif introuvable.', 'Collective not found.');
}

function territoryOf(row: CollectiveRow) {
  if (!row.territoryLevel || !row.territoryCode) return null;
  const t = { level: row.territoryLevel, code: row.territoryCode };
  return { ...t, name: territoryName(t) ?? t.code };
}

function present(row: CollectiveRow, mine: Participation[]) {
  const own = mine.filter((p) => p.collectiveId === row.id);
  return {
    ...row,
    territory: territoryOf(row),
    myOrganisations: own.map((p) => ({ organisationId: p.organisationId, status: p.status, copil: p.copil })),
    canManage: own.some((p) => p.organisationId === row.coordinatorOrganisationId && roleAtLeast(p.role, 'admin')),
  };
}

export interface CollectiveAccess {
  collective: CollectiveRow;
  mine: Participation[];
  /** Admin or contributor of the coordinating organisation. */
  canEditCommon: boolean;
  canManage: boolean;
}

/** Only people in an active member organisation see a collective; others get a 404. */
export async function collectiveAccess(db: Db, userId: string, collectiveId: string): Promise<CollectiveAccess> {
  const collective = await repo.findCollective(db, collectiveId);
  if (!collective) throw collectiveNotFound();
  const mine = await repo.myParticipations(db, userId, [collectiveId]);
  if (!mine.some((p) => p.status === 'active')) throw collectiveNotFound();
  const coord = mine.filter((p) => p.organisationId === collective.coordinatorOrganisationId);
  return {
    collective,
    mine,
    canEditCommon: coord.some((p) => roleAtLeast(p.role, 'contributor')),
    canManage: coord.some((p) => roleAtLeast(p.role, 'admin')),
  };
}

function requireManage(access: CollectiveAccess) {
  if (!access.canManage) {
    throw new Forbidden('not_coordinator', 'Seuls les administrateurs de la tête de réseau gèrent les membres.', 'Only admins of the coordinating organisation manage members.');
  }
}

export async function listCollectives(db: Db, userId: string) {
  const mine = await repo.myParticipations(db, userId);
  const ids = [...new Set(mine.filter((p) => p.status === 'active').map((p) => p.collectiveId))];
  return (await repo.findCollectives(db, ids)).map((row) => present(row, mine));
}

export async function getCollective(db: Db, userId: string, collectiveId: string) {
  const access = await collectiveAccess(db, userId, collectiveId);
  return { ...present(access.collective, access.mine), members: await repo.listMembers(db, collectiveId) };
}

export async function createCollective(
  db: Db,
  userId: string,
  input: { name: string; slug?: string; coordinatorOrganisationId: string; suppressionThreshold?: number; publicSuppressionThreshold?: number; decisionRule?: 'majority' | 'consensus'; quorumPercent?: number },
  defaultThreshold: number,
) {
  await requireOrgRole(db, userId, input.coordinatorOrganisationId, 'admin');
  const suppressionThreshold = input.suppressionThreshold ?? defaultThreshold;
  const publicSuppressionThreshold = input.publicSuppressionThreshold ?? Math.max(DEFAULT_PUBLIC_THRESHOLD, suppressionThreshold);
  checkThresholds(suppressionThreshold, publicSuppressionThreshold);
  const slug = await chooseSlug(input.slug, input.name, (s) => repo.slugTaken(db, s));
  const id = await repo.insertCollective(db, {
    name: input.name,
    slug,
    coordinatorOrganisationId: input.coordinatorOrganisationId,
    suppressionThreshold,
    publicSuppressionThreshold,
    ...(input.decisionRule ? { decisionRule: input.decisionRule } : {}),
    ...(input.quorumPercent !== undefined ? { quorumPercent: input.quorumPercent } : {}),
  });
  const row = await repo.findCollective(db, id);
  return present(row!, await repo.myParticipations(db, userId, [id]));
}

/** What a collective shows outside (impact pages, public reports) is hidden under 10 answers unless it chooses more. */
const DEFAULT_PUBLIC_THRESHOLD = 10;

/** Outside the collective, figures are never shown on fewer answers than inside it. */
function checkThresholds(inside: number, outside: number) {
  if (outside < inside) {
    throw new Invalid(
      'public_threshold_below_inside',
      `Le seuil des sorties publiques (${outside}) ne peut pas être plus bas que celui du collectif (${inside}).`,
      `The threshold for public outputs (${outside}) cannot be lower than the collective’s own (${inside}).`,
      [{ field: 'body.publicSuppressionThreshold', message: `at least ${inside}` }],
    );
  }
}

async function memberOf(db: Db, collectiveId: string, organisationId: string) {
  const member = (await repo.listMembers(db, collectiveId)).find((m) => m.organisationId === organisationId);
  if (!member) throw new NotFound('member_not_found', 'Cette organisation n’est pas membre du collectif.', 'This organisation is not a member of the collective.');
  return member;
}

export async function addMember(db: Db, userId: string, collectiveId: string, input: { organisationSlug: string; copil: boolean }) {
  requireManage(await collectiveAccess(db, userId, collectiveId));
  const org = await findBySlug(db, input.organisationSlug);
  if (!org) {
    throw new NotFound('organisation_not_found', `Aucune organisation n’a l’identifiant « ${input.organisationSlug} ».`, `No organisation has the identifier "${input.organisationSlug}".`, [
      { field: 'body.organisationSlug', message: 'unknown organisation' },
    ]);
  }
  if (!(await repo.insertMember(db, { collectiveId, organisationId: org.id, copil: input.copil, status: 'invited' }))) {
    throw new Conflict('already_member', 'Cette organisation est déjà membre ou invitée.', 'This organisation is already a member or invited.');
  }
  return memberOf(db, collectiveId, org.id);
}

export async function updateMember(db: Db, userId: string, collectiveId: string, organisationId: string, input: { copil: boolean }) {
  const access = await collectiveAccess(db, userId, collectiveId);
  requireManage(access);
  const before = await memberOf(db, collectiveId, organisationId);
  await repo.setCopil(db, collectiveId, organisationId, input.copil);
  if (before.copil !== input.copil) {
    // Who sits on the COPIL decides votes: the framework's history says when it changed.
    await audit(db, { userId, frameworkId: access.collective.commonFrameworkId, collectiveId, organisationId, action: 'copil.changed', detail: { organisation: before.name, copil: input.copil } });
  }
  return memberOf(db, collectiveId, organisationId);
}

export async function listInvitations(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  return repo.pendingInvitations(db, organisationId);
}

export async function acceptMembership(db: Db, userId: string, organisationId: string, collectiveId: string) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  if (!(await repo.activate(db, collectiveId, organisationId))) {
    throw new NotFound('collective_invitation_not_found', 'Aucune invitation en attente de ce collectif.', 'No pending invitation from this collective.');
  }
  const row = await repo.findCollective(db, collectiveId);
  return present(row!, await repo.myParticipations(db, userId, [collectiveId]));
}

/**
 * Name, thresholds, decision rule and territory: admins of the coordinating organisation only.
 * With `ifMatch`, only if nobody changed the settings since that revision.
 */
export async function updateCollective(
  db: Db,
  userId: string,
  collectiveId: string,
  input: Partial<{ name: string; suppressionThreshold: number; publicSuppressionThreshold: number; decisionRule: 'majority' | 'consensus'; quorumPercent: number; territory: Territory | null }>,
  ifMatch?: number,
) {
  const access = await collectiveAccess(db, userId, collectiveId);
  requireManage(access);
  const frameworkId = access.collective.commonFrameworkId;
  const { territory, ...patch } = input;
  if (territory && territoryName(territory) === null) {
    throw new Invalid('territory_unknown', `Aucun ${territory.level === 'region' ? 'région' : 'département'} n’a le code « ${territory.code} ».`, `No ${territory.level === 'region' ? 'région' : 'département'} has the code "${territory.code}".`, [
      { field: 'body.territory.code', message: 'unknown code' },
    ]);
  }
  await db.transaction(async (tx) => {
    const c = await repo.lockCollective(tx, collectiveId);
    if (!c) throw collectiveNotFound();
    checkRevision(ifMatch, c.revision, { fr: 'ce collectif', en: 'this collective' });
    checkThresholds(patch.suppressionThreshold ?? c.suppressionThreshold, patch.publicSuppressionThreshold ?? c.publicSuppressionThreshold);
    const changes: { field: string; before: unknown; after: unknown }[] = (['suppressionThreshold', 'publicSuppressionThreshold', 'decisionRule', 'quorumPercent', 'name'] as const)
      .filter((k) => patch[k] !== undefined && patch[k] !== c[k])
      .map((k) => ({ field: k, before: c[k], after: patch[k] }));
    const before = c.territoryLevel && c.territoryCode ? `${c.territoryLevel}:${c.territoryCode}` : null;
    const after = territory === undefined ? before : territory ? `${territory.level}:${territory.code}` : null;
    // Who counts in the collective's figures changes: the history says when.
    if (after !== before) changes.push({ field: 'territory', before, after });
    await repo.updateCollective(tx, collectiveId, { ...patch, ...(territory !== undefined ? { territoryLevel: territory?.level ?? null, territoryCode: territory?.code ?? null } : {}) });
    if (changes.length > 0) await audit(tx, { userId, frameworkId, collectiveId, action: 'collective.updated', detail: { changes } });
  });
  return getCollective(db, userId, collectiveId);
}

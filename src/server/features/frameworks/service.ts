import type { Db } from '../../../db/connect.ts';
import { Conflict, DomainError, Forbidden, Invalid, NotFound } from '../../../domain/errors.ts';
import type { IndicatorInput, ProposalInput } from '../../../contracts/frameworks.ts';
import { tallyVote } from '../../../domain/votes.ts';
import { diffVersions, nodeLineages, type IndicatorSnapshot, type NodeSnapshot } from '../../../domain/version-diff.ts';
import { findRole } from '../organisations/repository.ts';
import { requireOrgRole, roleAtLeast } from '../organisations/access.ts';
import { activeCollectivesOf, copilOrganisations } from '../collectives/repository.ts';
import { collectiveAccess, type CollectiveAccess } from '../collectives/service.ts';
import { checkRevision as checkEditedRevision } from '../../revisions.ts';
import * as repo from './repository.ts';

type IndicatorRow = Awaited<ReturnType<typeof repo.indicatorsOf>>[number];
type NodeRow = Awaited<ReturnType<typeof repo.nodesOf>>[number];
type VersionRow = Awaited<ReturnType<typeof repo.versionsOf>>[number];
type FrameworkRow = NonNullable<Awaited<ReturnType<typeof repo.findFramework>>>;
type NodeInput = { kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null };

export function presentIndicator(frameworkId: string, row: IndicatorRow) {
  return {
    id: row.id,
    frameworkId,
    code: row.code,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    kind: row.kind,
    stakeholderGroup: row.stakeholderGroup as IndicatorInput['stakeholderGroup'],
    unit: row.unit,
    polarity: row.polarity,
    computation: row.computation,
    disaggregations: row.disaggregations,
    definitionKey: row.definitionKey,
    nodeId: row.nodeId,
    revision: row.revision,
  };
}

function presentNode(row: NodeRow) {
  return {
    id: row.id,
    kind: row.kind,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    stakeholderGroup: row.stakeholderGroup as IndicatorInput['stakeholderGroup'] | null,
    parentId: row.parentId,
    revision: row.revision,
  };
}

function presentVersionSummary(v: VersionRow, indicatorCount: number) {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    revision: v.revision,
    createdAt: v.createdAt.toISOString(),
    adoptedAt: v.adoptedAt?.toISOString() ?? null,
    retiredAt: v.retiredAt?.toISOString() ?? null,
    indicatorCount,
  };
}

function frameworkNotFound() {
  return new NotFound('framework_not_found', 'Référentiel introuvable.', 'Framework not found.');
}

interface Access {
  framework: FrameworkRow;
  canEdit: boolean;
  canPropose: boolean;
  /** The caller's organisations that may vote (admins of COPIL members). */
  votingOrganisations: { id: string; name: string }[];
  /** The caller's active member organisations where they are at least contributor. */
  proposingOrganisations: string[];
  /** The caller's active member organisations where they are admin: a ballot is theirs to cast if the organisation is in the vote's electorate. */
  adminOrganisations: { id: string; name: string }[];
  collective: CollectiveAccess['collective'] | null;
}

/** Who may read, change, propose and vote on a framework. Outsiders get a 404. */
async function frameworkAccess(db: Db, userId: string, frameworkId: string): Promise<Access> {
  const framework = await repo.findFramework(db, frameworkId);
  if (!framework) throw frameworkNotFound();
  if (framework.scope === 'common') {
    let access: CollectiveAccess;
    try {
      access = await collectiveAccess(db, userId, framework.collectiveId!);
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw frameworkNotFound();
      throw error;
    }
    const active = access.mine.filter((p) => p.status === 'active');
    const proposing = active.filter((p) => roleAtLeast(p.role, 'contributor')).map((p) => p.organisationId);
    const admins = active.filter((p) => roleAtLeast(p.role, 'admin'));
    const names = await repo.organisationNames(db, admins.map((p) => p.organisationId));
    const named = (id: string) => ({ id, name: names.get(id) ?? '' });
    return {
      framework,
      canEdit: access.canEditCommon,
      canPropose: proposing.length > 0,
      votingOrganisations: admins.filter((p) => p.copil).map((p) => named(p.organisationId)),
      proposingOrganisations: proposing,
      adminOrganisations: admins.map((p) => named(p.organisationId)),
      collective: access.collective,
    };
  }
  const role = await findRole(db, userId, framework.organisationId!);
  if (!role) throw frameworkNotFound();
  return { framework, canEdit: roleAtLeast(role, 'contributor'), canPropose: false, votingOrganisations: [], proposingOrganisations: [], adminOrganisations: [], collective: null };
}

function readOnly(framework: FrameworkRow) {
  return new Forbidden(
    'framework_read_only',
    framework.scope === 'common' ? 'Seule la tête de réseau modifie le référentiel commun ; les membres proposent des changements.' : 'Il faut le rôle contributeur pour modifier ce référentiel.',
    framework.scope === 'common' ? 'Only the coordinating organisation edits the common framework; members propose changes.' : 'Editing this framework needs the contributor role.',
  );
}

async function requireEdit(db: Db, userId: string, frameworkId: string) {
  const access = await frameworkAccess(db, userId, frameworkId);
  if (!access.canEdit) throw readOnly(access.framework);
  return access;
}

export { parseIfMatch } from '../../revisions.ts';

const edited = {
  indicator: { fr: 'cet indicateur', en: 'this indicator' },
  node: { fr: 'cet élément', en: 'this node' },
  version: { fr: 'cette version', en: 'this version' },
} as const;

function checkRevision(expected: number | undefined, actual: number, what: keyof typeof edited) {
  checkEditedRevision(expected, actual, edited[what]);
}

/** The draft to write into, opened from the latest adopted version if needed; never a version under vote. */
export async function openEditableDraft(tx: repo.Tx, frameworkId: string, ifMatch?: number) {
  const draft = await editableDraft(tx, frameworkId);
  checkRevision(ifMatch, draft.revision, 'version');
  return draft;
}

async function editableDraft(tx: repo.Tx, frameworkId: string) {
  await repo.lockFramework(tx, frameworkId);
  const open = (await repo.versionsOf(tx, frameworkId)).find((v) => v.status === 'draft' || v.status === 'proposed');
  if (open?.status === 'proposed') {
    throw new Conflict(
      'version_under_vote',
      `La version ${open.number} est soumise au vote du COPIL : elle ne change plus. Clôturez ou annulez le vote pour la modifier.`,
      `Version ${open.number} is under a COPIL vote: it no longer changes. Close or cancel the vote to edit it.`,
    );
  }
  return open ?? repo.openDraft(tx, frameworkId);
}

export async function getFramework(db: Db, userId: string, frameworkId: string) {
  return loadFramework(db, await frameworkAccess(db, userId, frameworkId));
}

async function presentVersion(db: repo.Tx | Db, frameworkId: string, v: VersionRow) {
  const [nodes, indicators] = await Promise.all([repo.nodesOf(db, [v.id]), repo.indicatorsOf(db, [v.id])]);
  return {
    ...presentVersionSummary(v, indicators.length),
    nodes: nodes.map(presentNode),
    indicators: indicators.map((i) => presentIndicator(frameworkId, i)),
  };
}

async function loadFramework(db: Db, access: Access) {
  const { framework } = access;
  const versions = await repo.versionsOf(db, framework.id);
  const open = versions.find((v) => v.status === 'draft' || v.status === 'proposed') ?? null;
  const adopted = versions.find((v) => v.status === 'adopted') ?? null;
  const counts = await repo.indicatorCounts(db, versions.map((v) => v.id));
  return {
    id: framework.id,
    scope: framework.scope,
    name: framework.name,
    collectiveId: framework.collectiveId,
    organisationId: framework.organisationId,
    canEdit: access.canEdit,
    canPropose: access.canPropose,
    votingOrganisations: access.votingOrganisations,
    decision: access.collective ? { rule: access.collective.decisionRule, quorumPercent: access.collective.quorumPercent } : null,
    // The response schema leaves out each version's indicator count.
    draft: open ? await presentVersion(db, framework.id, open) : null,
    adopted: adopted ? await presentVersion(db, framework.id, adopted) : null,
    versions: versions.map((v) => presentVersionSummary(v, counts.get(v.id) ?? 0)),
  };
}

export async function getVersion(db: Db, userId: string, frameworkId: string, versionId: string) {
  await frameworkAccess(db, userId, frameworkId);
  const version = await repo.findVersion(db, versionId);
  if (!version || version.frameworkId !== frameworkId) throw new NotFound('version_not_found', 'Version introuvable.', 'Version not found.');
  return presentVersion(db, frameworkId, version);
}

function codeTaken(code: string) {
  return new Conflict('indicator_code_taken', `Le code ${code} est déjà utilisé dans ce référentiel.`, `Code ${code} is already used in this framework.`, [
    { field: 'body.code', message: 'already used' },
  ]);
}

/**
 * The draft's copy of a node of an earlier version: its direct copy, or, for an older version,
 * the draft node of the same lineage (copies remember only the node they were copied from).
 */
async function copyInDraft(tx: repo.Tx, draftId: string, node: { id: string; versionId: string }) {
  const direct = await repo.findNodeByOrigin(tx, draftId, node.id);
  if (direct) return direct;
  const version = await repo.findVersion(tx, node.versionId);
  if (!version) return null;
  const all = await repo.allNodesOf(tx, version.frameworkId);
  const lineages = nodeLineages(all);
  const lineage = lineages.get(node.id);
  const inDraft = all.find((n) => n.versionId === draftId && lineages.get(n.id) === lineage);
  return inDraft ? ((await repo.findNode(tx, inDraft.id))?.node ?? null) : null;
}

/** A node given by the caller may belong to the adopted version: use its copy in the draft. */
async function draftNodeId(tx: repo.Tx, draftId: string, nodeId: string | null | undefined): Promise<string | null | undefined> {
  if (nodeId === undefined || nodeId === null) return nodeId;
  const found = await repo.findNode(tx, nodeId);
  if (found?.version.id === draftId) return nodeId;
  const copy = found ? await copyInDraft(tx, draftId, found.node) : null;
  if (!copy) throw new Invalid('node_not_found', 'Ce nœud n’existe pas dans ce référentiel.', 'This node is not in this framework.', [{ field: 'body.nodeId', message: 'unknown node' }]);
  return copy.id;
}

/** What an audit entry says about a change: the fields named, before and after. */
function changesOf(before: Record<string, unknown>, patch: Record<string, unknown>) {
  return Object.keys(patch)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(patch[k]))
    .map((k) => ({ field: k, before: before[k] ?? null, after: patch[k] ?? null }));
}

interface Ctx {
  userId: string;
  frameworkId: string;
  /** Set when the change applies an accepted proposal. */
  proposalId?: string;
}

async function insertIndicatorTx(tx: repo.Tx, ctx: Ctx, input: IndicatorInput) {
  const draft = await editableDraft(tx, ctx.frameworkId);
  if (await repo.findIndicatorByCode(tx, draft.id, input.code)) throw codeTaken(input.code);
  const row = await repo.insertIndicator(tx, draft.id, { ...input, nodeId: (await draftNodeId(tx, draft.id, input.nodeId)) ?? null });
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'indicator.created', detail: { version: draft.number, code: row.code, labelFr: row.labelFr, proposalId: ctx.proposalId ?? null } });
  return row;
}

export async function createIndicator(db: Db, userId: string, frameworkId: string, input: IndicatorInput) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction((tx) => insertIndicatorTx(tx, { userId, frameworkId }, input));
  return presentIndicator(frameworkId, row);
}

/** Finds the draft copy of an indicator, opening a draft from the adopted version if needed. */
async function draftIndicator(tx: repo.Tx, frameworkId: string, find: { id: string } | { code: string }) {
  const draft = await editableDraft(tx, frameworkId);
  if ('code' in find) {
    const row = await repo.findIndicatorByCode(tx, draft.id, find.code);
    if (!row) throw new NotFound('indicator_not_found', `L’indicateur ${find.code} n’est pas dans la version en cours.`, `Indicator ${find.code} is not in the open version.`);
    return { draft, indicator: row };
  }
  const found = await repo.findIndicator(tx, find.id);
  if (!found || found.version.frameworkId !== frameworkId) {
    throw new NotFound('indicator_not_found', 'Indicateur introuvable.', 'Indicator not found.');
  }
  if (found.version.id === draft.id) return { draft, indicator: found.indicator };
  const copy = await repo.findIndicatorByCode(tx, draft.id, found.indicator.code);
  if (!copy) throw new Conflict('indicator_removed_in_draft', 'Cet indicateur a été retiré du brouillon.', 'This indicator was removed from the draft.');
  return { draft, indicator: copy };
}

async function updateIndicatorTx(tx: repo.Tx, ctx: Ctx, find: { id: string } | { code: string }, patch: Partial<IndicatorInput>, ifMatch?: number) {
  const { draft, indicator } = await draftIndicator(tx, ctx.frameworkId, find);
  checkRevision(ifMatch, indicator.revision, 'indicator');
  if (patch.code !== undefined && patch.code !== indicator.code) {
    // The code is the indicator's identity across versions: questions and figures refer to it.
    if (await repo.codeEverAdopted(tx, ctx.frameworkId, indicator.code)) {
      throw new Conflict('indicator_code_frozen', 'Le code d’un indicateur déjà adopté ne change plus : les questions et les chiffres s’y rattachent.', 'An adopted indicator’s code no longer changes: questions and figures refer to it.', [
        { field: 'body.code', message: 'frozen' },
      ]);
    }
    if (await repo.findIndicatorByCode(tx, draft.id, patch.code)) throw codeTaken(patch.code);
  }
  const nodeId = await draftNodeId(tx, draft.id, patch.nodeId);
  const values = { ...patch, ...(nodeId !== undefined ? { nodeId } : {}) };
  const row = await repo.updateIndicator(tx, indicator.id, values, indicator);
  const changes = changesOf(indicator, values);
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'indicator.updated', detail: { version: draft.number, code: row.code, changes, proposalId: ctx.proposalId ?? null } });
  return row;
}

export async function updateIndicator(db: Db, userId: string, frameworkId: string, indicatorId: string, patch: Partial<IndicatorInput>, ifMatch?: number) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction((tx) => updateIndicatorTx(tx, { userId, frameworkId }, { id: indicatorId }, patch, ifMatch));
  return presentIndicator(frameworkId, row);
}

async function deleteIndicatorTx(tx: repo.Tx, ctx: Ctx, find: { id: string } | { code: string }, ifMatch?: number) {
  const { draft, indicator } = await draftIndicator(tx, ctx.frameworkId, find);
  checkRevision(ifMatch, indicator.revision, 'indicator');
  await repo.deleteIndicator(tx, indicator.id, draft.id);
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'indicator.deleted', detail: { version: draft.number, code: indicator.code, labelFr: indicator.labelFr, proposalId: ctx.proposalId ?? null } });
}

export async function deleteIndicator(db: Db, userId: string, frameworkId: string, indicatorId: string, ifMatch?: number) {
  await requireEdit(db, userId, frameworkId);
  await db.transaction((tx) => deleteIndicatorTx(tx, { userId, frameworkId }, { id: indicatorId }, ifMatch));
}

async function insertNodeTx(tx: repo.Tx, ctx: Ctx, input: NodeInput) {
  const draft = await editableDraft(tx, ctx.frameworkId);
  const parentId = (await draftNodeId(tx, draft.id, input.parentId)) ?? null;
  const row = await repo.insertNode(tx, draft.id, { ...input, parentId });
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'node.created', detail: { version: draft.number, kind: row.kind, labelFr: row.labelFr, proposalId: ctx.proposalId ?? null } });
  return row;
}

export async function createNode(db: Db, userId: string, frameworkId: string, input: NodeInput) {
  await requireEdit(db, userId, frameworkId);
  return presentNode(await db.transaction((tx) => insertNodeTx(tx, { userId, frameworkId }, input)));
}

async function draftNode(tx: repo.Tx, frameworkId: string, nodeId: string) {
  const found = await repo.findNode(tx, nodeId);
  if (!found || found.version.frameworkId !== frameworkId) throw new NotFound('node_not_found', 'Nœud introuvable.', 'Node not found.');
  const draft = await editableDraft(tx, frameworkId);
  if (found.version.id === draft.id) return { draft, node: found.node };
  const copy = await copyInDraft(tx, draft.id, found.node);
  if (!copy) throw new Conflict('node_removed_in_draft', 'Ce nœud a été retiré du brouillon.', 'This node was removed from the draft.');
  return { draft, node: copy };
}

async function updateNodeTx(tx: repo.Tx, ctx: Ctx, nodeId: string, patch: Partial<NodeInput>, ifMatch?: number) {
  const { draft, node } = await draftNode(tx, ctx.frameworkId, nodeId);
  checkRevision(ifMatch, node.revision, 'node');
  const parentId = await draftNodeId(tx, draft.id, patch.parentId);
  if (parentId && (await repo.ancestorsOf(tx, parentId)).includes(node.id)) {
    throw new Invalid('node_cycle', 'Un élément ne peut pas être rangé sous lui-même ni sous l’un de ses descendants.', 'A node cannot sit under itself or one of its descendants.', [{ field: 'body.parentId', message: 'cycle' }]);
  }
  const values = { ...patch, ...(parentId !== undefined ? { parentId } : {}) };
  const row = await repo.updateNode(tx, node.id, draft.id, values);
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'node.updated', detail: { version: draft.number, labelFr: row.labelFr, changes: changesOf(node, values), proposalId: ctx.proposalId ?? null } });
  return row;
}

export async function updateNode(db: Db, userId: string, frameworkId: string, nodeId: string, patch: Partial<NodeInput>, ifMatch?: number) {
  await requireEdit(db, userId, frameworkId);
  return presentNode(await db.transaction((tx) => updateNodeTx(tx, { userId, frameworkId }, nodeId, patch, ifMatch)));
}

async function deleteNodeTx(tx: repo.Tx, ctx: Ctx, nodeId: string, ifMatch?: number) {
  const { draft, node } = await draftNode(tx, ctx.frameworkId, nodeId);
  checkRevision(ifMatch, node.revision, 'node');
  await repo.deleteNode(tx, node.id, draft.id);
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'node.deleted', detail: { version: draft.number, kind: node.kind, labelFr: node.labelFr, proposalId: ctx.proposalId ?? null } });
}

export async function deleteNode(db: Db, userId: string, frameworkId: string, nodeId: string, ifMatch?: number) {
  await requireEdit(db, userId, frameworkId);
  await db.transaction((tx) => deleteNodeTx(tx, { userId, frameworkId }, nodeId, ifMatch));
}

function noDraft() {
  return new Conflict('no_draft', 'Aucun brouillon : la dernière version est déjà adoptée.', 'No draft: the latest version is already adopted.');
}

async function requireIndicators(tx: repo.Tx, versionId: string) {
  if ((await repo.countIndicators(tx, versionId)) === 0) {
    throw new Invalid('empty_framework', 'Ajoutez au moins un indicateur avant d’adopter.', 'Add at least one indicator before adopting.');
  }
}

async function markAdopted(tx: repo.Tx, ctx: { userId: string; frameworkId: string }, version: VersionRow, how: 'direct' | 'vote') {
  await repo.setVersionStatus(tx, version.id, 'adopted');
  await repo.audit(tx, { userId: ctx.userId, frameworkId: ctx.frameworkId, action: 'version.adopted', detail: { version: version.number, how } });
}

/**
 * Adopts the draft at once. An organisation adopts its own specific framework this way; a
 * collective's common framework only when its COPIL is the coordinating organisation alone.
 * Otherwise the COPIL votes (openVote, castBallot, closeVote).
 */
export async function adoptFramework(db: Db, userId: string, frameworkId: string, ifMatch?: number) {
  const access = await requireEdit(db, userId, frameworkId);
  if (access.collective) {
    const copil = await copilOrganisations(db, access.collective.id);
    if (copil.some((o) => o.id !== access.collective!.coordinatorOrganisationId)) {
      throw new Conflict(
        'vote_required',
        'Le COPIL de ce collectif compte d’autres membres : soumettez la version à son vote.',
        'This collective’s COPIL has other members: put the version to its vote.',
      );
    }
  }
  await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const open = (await repo.versionsOf(tx, frameworkId)).find((v) => v.status === 'draft' || v.status === 'proposed');
    if (!open) throw new Conflict('no_draft', 'Aucun brouillon à adopter : la dernière version est déjà adoptée.', 'No draft to adopt: the latest version is already adopted.');
    if (open.status === 'proposed') throw new Conflict('vote_open', 'Un vote est ouvert sur cette version : clôturez-le.', 'A vote is open on this version: close it.');
    // Adopt what the person saw, not a draft someone changed since.
    checkRevision(ifMatch, open.revision, 'version');
    await requireIndicators(tx, open.id);
    await markAdopted(tx, { userId, frameworkId }, open, 'direct');
  });
  return loadFramework(db, access);
}

async function presentVote(db: Db, vote: NonNullable<Awaited<ReturnType<typeof repo.currentVote>>>) {
  const [ballots, names, version] = await Promise.all([repo.ballotsOf(db, vote.id), repo.organisationNames(db, vote.electorate), repo.findVersion(db, vote.versionId)]);
  const tally = tallyVote({ rule: vote.rule, quorumPercent: vote.quorumPercent, electorate: vote.electorate, ballots });
  return {
    id: vote.id,
    versionId: vote.versionId,
    versionNumber: version?.number ?? 0,
    rule: vote.rule,
    quorumPercent: vote.quorumPercent,
    openedAt: vote.openedAt.toISOString(),
    closedAt: vote.closedAt?.toISOString() ?? null,
    outcome: vote.outcome,
    electorate: vote.electorate
      .map((organisationId) => {
        const b = ballots.find((x) => x.organisationId === organisationId);
        return { organisationId, name: names.get(organisationId) ?? '', choice: b?.choice ?? null, comment: b?.comment ?? '', castAt: b?.castAt.toISOString() ?? null };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    tally: { electorate: tally.electorate, cast: tally.cast, for: tally.for, against: tally.against, abstain: tally.abstain, quorumNeeded: tally.quorumNeeded, quorumReached: tally.quorumReached, outcome: tally.outcome },
  };
}

function commonOnly(access: Access) {
  if (!access.collective) {
    throw new Invalid('common_framework_only', 'Les votes et propositions concernent le référentiel commun d’un collectif.', 'Votes and proposals are for a collective’s common framework.');
  }
  return access.collective;
}

/** The vote of the open version (or the last vote held), null when there has been none. */
export async function getVote(db: Db, userId: string, frameworkId: string) {
  await frameworkAccess(db, userId, frameworkId);
  const versions = await repo.versionsOf(db, frameworkId);
  for (const v of versions) {
    const vote = await repo.currentVote(db, v.id);
    if (vote) return presentVote(db, vote);
  }
  return null;
}

/** Only the coordinators open a vote; the version is frozen while the COPIL votes. */
export async function openVote(db: Db, userId: string, frameworkId: string, ifMatch?: number) {
  const access = await requireEdit(db, userId, frameworkId);
  const collective = commonOnly(access);
  const electorate = (await copilOrganisations(db, collective.id)).map((o) => o.id);
  if (electorate.length === 0) throw new Invalid('no_copil', 'Le COPIL n’a aucun membre actif : désignez-en avant d’ouvrir un vote.', 'The COPIL has no active member: appoint some before opening a vote.');
  const vote = await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const open = (await repo.versionsOf(tx, frameworkId)).find((v) => v.status === 'draft' || v.status === 'proposed');
    if (!open) throw noDraft();
    if (open.status === 'proposed') throw new Conflict('vote_open', 'Un vote est déjà ouvert sur cette version.', 'A vote is already open on this version.');
    checkRevision(ifMatch, open.revision, 'version');
    await requireIndicators(tx, open.id);
    await repo.setVersionStatus(tx, open.id, 'proposed');
    const row = await repo.insertVote(tx, { versionId: open.id, rule: collective.decisionRule, quorumPercent: collective.quorumPercent, electorate, openedBy: userId });
    await repo.audit(tx, {
      userId,
      frameworkId,
      collectiveId: collective.id,
      action: 'vote.opened',
      detail: { version: open.number, rule: collective.decisionRule, quorumPercent: collective.quorumPercent, electorate: electorate.length },
    });
    return row;
  });
  return presentVote(db, vote);
}

async function openVoteOf(tx: repo.Tx | Db, frameworkId: string) {
  const open = (await repo.versionsOf(tx, frameworkId)).find((v) => v.status === 'proposed');
  const vote = open ? await repo.currentVote(tx, open.id) : null;
  if (!open || !vote || vote.closedAt) throw new Conflict('no_open_vote', 'Aucun vote n’est ouvert sur ce référentiel.', 'No vote is open on this framework.');
  return { version: open, vote };
}

/** Only COPIL member organisations vote, one ballot each, cast by one of their admins; it can change until the vote closes. */
export async function castBallot(db: Db, userId: string, frameworkId: string, input: { choice: 'for' | 'against' | 'abstain'; comment: string; organisationId?: string }) {
  const access = await frameworkAccess(db, userId, frameworkId);
  commonOnly(access);
  const vote = await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const { version, vote } = await openVoteOf(tx, frameworkId);
    // The electorate is the COPIL as it was when the vote opened.
    const eligible = access.adminOrganisations.filter((o) => vote.electorate.includes(o.id));
    if (eligible.length === 0) {
      throw new Forbidden('not_copil', 'Seuls les membres du COPIL votent (par un administrateur de leur organisation).', 'Only COPIL members vote (through an admin of their organisation).');
    }
    const chosen = input.organisationId ? eligible.find((o) => o.id === input.organisationId) : eligible.length === 1 ? eligible[0] : undefined;
    if (!chosen) {
      throw new Invalid('choose_organisation', 'Précisez pour quelle organisation du COPIL vous votez.', 'Say which COPIL organisation you vote for.', [{ field: 'body.organisationId', message: 'one of your COPIL organisations' }]);
    }
    await repo.castBallot(tx, { voteId: vote.id, organisationId: chosen.id, userId, choice: input.choice, comment: input.comment });
    await repo.audit(tx, { userId, frameworkId, organisationId: chosen.id, action: 'ballot.cast', detail: { version: version.number, organisation: chosen.name, choice: input.choice } });
    return vote;
  });
  return presentVote(db, vote);
}

/** Only the coordinators close a vote: adopted if the rule says so, otherwise back to draft. */
export async function closeVote(db: Db, userId: string, frameworkId: string, cancel = false) {
  const access = await requireEdit(db, userId, frameworkId);
  commonOnly(access);
  const vote = await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const { version, vote } = await openVoteOf(tx, frameworkId);
    const tally = tallyVote({ rule: vote.rule, quorumPercent: vote.quorumPercent, electorate: vote.electorate, ballots: await repo.ballotsOf(tx, vote.id) });
    const outcome = cancel ? 'cancelled' : tally.outcome;
    await repo.closeVote(tx, vote.id, { closedBy: userId, outcome });
    await repo.audit(tx, { userId, frameworkId, action: cancel ? 'vote.cancelled' : 'vote.closed', detail: { version: version.number, outcome, for: tally.for, against: tally.against, abstain: tally.abstain, cast: tally.cast, electorate: tally.electorate } });
    if (outcome === 'adopted') await markAdopted(tx, { userId, frameworkId }, version, 'vote');
    else await repo.setVersionStatus(tx, version.id, 'draft');
    return (await repo.currentVote(tx, version.id))!;
  });
  return presentVote(db, vote);
}

/** An older adopted version can be retired: organisations no longer choose it. */
export async function retireVersion(db: Db, userId: string, frameworkId: string, versionId: string) {
  const access = await requireEdit(db, userId, frameworkId);
  await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const versions = await repo.versionsOf(tx, frameworkId);
    const version = versions.find((v) => v.id === versionId);
    if (!version) throw new NotFound('version_not_found', 'Version introuvable.', 'Version not found.');
    const latest = versions.find((v) => v.status === 'adopted');
    if (version.status !== 'adopted' || version.id === latest?.id) {
      throw new Conflict('cannot_retire', 'Seule une version adoptée plus ancienne que la dernière peut être retirée.', 'Only an adopted version older than the latest can be retired.');
    }
    await repo.setVersionStatus(tx, version.id, 'retired');
    await repo.audit(tx, { userId, frameworkId, action: 'version.retired', detail: { version: version.number } });
  });
  return loadFramework(db, access);
}

type ProposalRow = NonNullable<Awaited<ReturnType<typeof repo.findProposal>>>;

function proposalTitle(p: ProposalRow['proposal']): string {
  const payload = p.payload as { indicator?: { code?: string; labelFr?: string }; node?: { labelFr?: string }; changes?: Record<string, unknown> };
  switch (p.action) {
    case 'add_indicator':
      return `${payload.indicator?.code ?? ''} — ${payload.indicator?.labelFr ?? ''}`;
    case 'add_node':
      return payload.node?.labelFr ?? '';
    case 'edit_indicator':
    case 'remove_indicator':
      return p.target ?? '';
    case 'edit_node':
    case 'remove_node':
      return (payload as { label?: string }).label ?? p.target ?? '';
  }
}

function presentProposal(row: ProposalRow, userId: string) {
  const p = row.proposal;
  return {
    id: p.id,
    frameworkId: p.frameworkId,
    action: p.action,
    target: p.target,
    title: proposalTitle(p),
    payload: p.payload,
    rationale: p.rationale,
    status: p.status,
    organisationId: p.organisationId,
    organisationName: row.organisationName,
    authorName: row.authorName,
    createdAt: p.createdAt.toISOString(),
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionNote: p.decisionNote,
    commentCount: Number(row.commentCount),
    mine: p.userId === userId,
  };
}

function cannotPropose() {
  return new Forbidden('cannot_propose', 'Il faut être contributeur d’une organisation membre du collectif pour proposer ou commenter.', 'Proposing or commenting needs the contributor role in a member organisation.');
}

/** The organisation a person speaks for: a member one rather than the coordinator when both. */
function speakingFor(access: Access): string {
  const own = access.proposingOrganisations;
  return own.find((id) => id !== access.collective?.coordinatorOrganisationId) ?? own[0]!;
}

export async function listProposals(db: Db, userId: string, frameworkId: string) {
  await frameworkAccess(db, userId, frameworkId);
  return (await repo.listProposals(db, frameworkId)).map((r) => presentProposal(r, userId));
}

/** Members propose; the proposal names what it changes in the open version, which must exist. */
export async function createProposal(db: Db, userId: string, frameworkId: string, input: ProposalInput) {
  const access = await frameworkAccess(db, userId, frameworkId);
  commonOnly(access);
  if (!access.canPropose) throw cannotPropose();
  const versions = await repo.versionsOf(db, frameworkId);
  const current = versions.find((v) => v.status === 'draft' || v.status === 'proposed') ?? versions.find((v) => v.status === 'adopted');
  let target: string | null = null;
  let payload: Record<string, unknown> = {};
  let label = '';
  if (input.action === 'add_indicator') {
    if (current && (await repo.findIndicatorByCode(db, current.id, input.indicator.code))) throw codeTaken(input.indicator.code);
    payload = { indicator: input.indicator };
  } else if (input.action === 'edit_indicator' || input.action === 'remove_indicator') {
    const found = current ? await repo.findIndicatorByCode(db, current.id, input.code) : null;
    if (!found) throw new NotFound('indicator_not_found', `L’indicateur ${input.code} n’est pas dans le référentiel.`, `Indicator ${input.code} is not in the framework.`, [{ field: 'body.code', message: 'unknown code' }]);
    target = input.code;
    label = found.labelFr;
    payload = input.action === 'edit_indicator' ? { changes: input.changes, label } : { label };
    if (input.action === 'edit_indicator' && Object.keys(input.changes).length === 0) {
      throw new Invalid('empty_proposal', 'Dites ce qui change.', 'Say what changes.', [{ field: 'body.changes', message: 'empty' }]);
    }
  } else if (input.action === 'add_node') {
    payload = { node: input.node };
  } else {
    const found = await repo.findNode(db, input.nodeId);
    if (!found || found.version.frameworkId !== frameworkId) throw new NotFound('node_not_found', 'Nœud introuvable.', 'Node not found.', [{ field: 'body.nodeId', message: 'unknown node' }]);
    target = input.nodeId;
    label = found.node.labelFr;
    payload = input.action === 'edit_node' ? { changes: input.changes, label } : { label };
  }
  const organisationId = speakingFor(access);
  const row = await db.transaction(async (tx) => {
    const p = await repo.insertProposal(tx, { frameworkId, organisationId, userId, action: input.action, target, payload, rationale: input.rationale });
    await repo.audit(tx, { userId, frameworkId, organisationId, action: 'proposal.created', detail: { proposalId: p.id, action: input.action, title: proposalTitle(p) } });
    return p;
  });
  return presentProposal((await repo.findProposal(db, row.id))!, userId);
}

async function findOwnProposal(db: Db, frameworkId: string, proposalId: string) {
  const row = await repo.findProposal(db, proposalId);
  if (!row || row.proposal.frameworkId !== frameworkId) throw new NotFound('proposal_not_found', 'Proposition introuvable.', 'Proposal not found.');
  return row;
}

function notOpen() {
  return new Conflict('proposal_closed', 'Cette proposition a déjà été traitée.', 'This proposal has already been dealt with.');
}

/** The coordinators accept (the change is applied to the draft, in the same transaction) or reject. */
export async function decideProposal(db: Db, userId: string, frameworkId: string, proposalId: string, input: { decision: 'accept' | 'reject'; note: string }) {
  await requireEdit(db, userId, frameworkId);
  await findOwnProposal(db, frameworkId, proposalId);
  await db.transaction(async (tx) => {
    await repo.lockProposal(tx, proposalId);
    const { proposal } = (await repo.findProposal(tx, proposalId))!;
    if (proposal.status !== 'open') throw notOpen();
    if (input.decision === 'accept') {
      const ctx = { userId, frameworkId, proposalId };
      const payload = proposal.payload as { indicator?: IndicatorInput; node?: NodeInput; changes?: Record<string, unknown> };
      switch (proposal.action) {
        case 'add_indicator':
          await insertIndicatorTx(tx, ctx, payload.indicator!);
          break;
        case 'edit_indicator':
          await updateIndicatorTx(tx, ctx, { code: proposal.target! }, payload.changes as Partial<IndicatorInput>);
          break;
        case 'remove_indicator':
          await deleteIndicatorTx(tx, ctx, { code: proposal.target! });
          break;
        case 'add_node':
          await insertNodeTx(tx, ctx, payload.node!);
          break;
        case 'edit_node':
          await updateNodeTx(tx, ctx, proposal.target!, payload.changes as Partial<NodeInput>);
          break;
        case 'remove_node':
          await deleteNodeTx(tx, ctx, proposal.target!);
          break;
      }
    }
    await repo.decideProposal(tx, proposalId, { status: input.decision === 'accept' ? 'accepted' : 'rejected', decidedBy: userId, decisionNote: input.note });
    await repo.audit(tx, { userId, frameworkId, action: input.decision === 'accept' ? 'proposal.accepted' : 'proposal.rejected', detail: { proposalId, title: proposalTitle(proposal), note: input.note } });
  });
  return presentProposal((await repo.findProposal(db, proposalId))!, userId);
}

/** The author takes back an open proposal. */
export async function withdrawProposal(db: Db, userId: string, frameworkId: string, proposalId: string) {
  await frameworkAccess(db, userId, frameworkId);
  const row = await findOwnProposal(db, frameworkId, proposalId);
  if (row.proposal.userId !== userId) throw new Forbidden('not_author', 'Seul l’auteur retire sa proposition.', 'Only its author withdraws a proposal.');
  await db.transaction(async (tx) => {
    await repo.lockProposal(tx, proposalId);
    if ((await repo.findProposal(tx, proposalId))!.proposal.status !== 'open') throw notOpen();
    await repo.decideProposal(tx, proposalId, { status: 'withdrawn', decidedBy: userId, decisionNote: '' });
    await repo.audit(tx, { userId, frameworkId, action: 'proposal.withdrawn', detail: { proposalId, title: proposalTitle(row.proposal) } });
  });
  return presentProposal((await repo.findProposal(db, proposalId))!, userId);
}

function presentComment(c: Awaited<ReturnType<typeof repo.listComments>>[number]) {
  return { id: c.id, proposalId: c.proposalId, body: c.body, authorName: c.authorName, organisationName: c.organisationName, createdAt: c.createdAt.toISOString() };
}

export async function listComments(db: Db, userId: string, frameworkId: string, proposalId: string | null) {
  await frameworkAccess(db, userId, frameworkId);
  if (proposalId) await findOwnProposal(db, frameworkId, proposalId);
  return (await repo.listComments(db, frameworkId, proposalId)).map(presentComment);
}

export async function createComment(db: Db, userId: string, frameworkId: string, input: { body: string; proposalId: string | null }) {
  const access = await frameworkAccess(db, userId, frameworkId);
  commonOnly(access);
  if (!access.canPropose && !access.canEdit) throw cannotPropose();
  const about = input.proposalId ? await findOwnProposal(db, frameworkId, input.proposalId) : null;
  const organisationId = access.canPropose ? speakingFor(access) : (access.collective?.coordinatorOrganisationId ?? null);
  const row = await db.transaction(async (tx) => {
    const c = await repo.insertComment(tx, { frameworkId, proposalId: input.proposalId, organisationId, userId, body: input.body });
    await repo.audit(tx, { userId, frameworkId, organisationId, action: 'comment.created', detail: { commentId: c.id, proposalId: input.proposalId, title: about ? proposalTitle(about.proposal) : '' } });
    return c;
  });
  return presentComment((await repo.listComments(db, frameworkId, input.proposalId)).find((c) => c.id === row.id)!);
}

type AuditRow = Awaited<ReturnType<typeof repo.listAudit>>[number];
const presentAudit = (e: AuditRow) => ({ id: e.id, at: e.at.toISOString(), userName: e.userName, action: e.action, detail: e.detail });

export async function listAudit(db: Db, userId: string, frameworkId: string, limit: number) {
  await frameworkAccess(db, userId, frameworkId);
  return (await repo.listAudit(db, frameworkId, limit)).map(presentAudit);
}

/**
 * The organisation's own trail, for its members: what only it sees (its crosswalks) beside what
 * it did in its collectives (proposals, ballots, adoptions).
 */
export async function listOrganisationAudit(db: Db, userId: string, organisationId: string, limit: number) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  return (await repo.listOrganisationAudit(db, organisationId, limit)).map(presentAudit);
}

/** A readable difference between two versions; by default the latest adopted against the open one. */
export async function diffFrameworkVersions(db: Db, userId: string, frameworkId: string, query: { from?: string; to?: string }) {
  await frameworkAccess(db, userId, frameworkId);
  const versions = await repo.versionsOf(db, frameworkId);
  const pick = (id: string | undefined, field: string, fallback: VersionRow | undefined) => {
    const v = id ? versions.find((x) => x.id === id) : fallback;
    if (!v) throw new NotFound('version_not_found', 'Version introuvable.', 'Version not found.', [{ field: `querystring.${field}`, message: 'unknown version' }]);
    return v;
  };
  const open = versions.find((v) => v.status === 'draft' || v.status === 'proposed');
  const adopted = versions.filter((v) => v.status === 'adopted' || v.status === 'retired');
  const to = pick(query.to, 'to', open ?? adopted[0]);
  const from = pick(query.from, 'from', versions.find((v) => (v.status === 'adopted' || v.status === 'retired') && v.number < to.number) ?? to);
  const lineages = nodeLineages(await repo.allNodesOf(db, frameworkId));
  const snapshot = async (v: VersionRow) => {
    const [nodes, indicators] = await Promise.all([repo.nodesOf(db, [v.id]), repo.indicatorsOf(db, [v.id])]);
    const lin = (id: string | null) => (id ? (lineages.get(id) ?? id) : null);
    return {
      nodes: nodes.map((n): NodeSnapshot => ({ lineage: lin(n.id)!, kind: n.kind, labelFr: n.labelFr, labelEn: n.labelEn, stakeholderGroup: n.stakeholderGroup, parent: lin(n.parentId) })),
      indicators: indicators.map((i): IndicatorSnapshot => ({
        code: i.code,
        labelFr: i.labelFr,
        labelEn: i.labelEn,
        kind: i.kind,
        stakeholderGroup: i.stakeholderGroup,
        unit: i.unit,
        polarity: i.polarity,
        computation: i.computation,
        disaggregations: i.disaggregations,
        node: lin(i.nodeId),
      })),
    };
  };
  const [a, b] = await Promise.all([snapshot(from), snapshot(to)]);
  const d = diffVersions(a, b);
  const nodeLabel = new Map([...a.nodes, ...b.nodes].map((n) => [n.lineage, n.labelFr]));
  // A node reference reads better as its label than as an id.
  const readable = (changes: { field: string; before: unknown; after: unknown }[]) =>
    changes.map((c) =>
      c.field === 'node' || c.field === 'parent'
        ? { ...c, before: typeof c.before === 'string' ? (nodeLabel.get(c.before) ?? null) : null, after: typeof c.after === 'string' ? (nodeLabel.get(c.after) ?? null) : null }
        : c,
    );
  const short = (i: IndicatorSnapshot) => ({ code: i.code, labelFr: i.labelFr, labelEn: i.labelEn });
  const shortNode = (n: NodeSnapshot) => ({ lineage: n.lineage, kind: n.kind, labelFr: n.labelFr, labelEn: n.labelEn });
  return {
    from: { id: from.id, number: from.number, status: from.status },
    to: { id: to.id, number: to.number, status: to.status },
    same: d.same,
    indicators: { added: d.indicators.added.map(short), removed: d.indicators.removed.map(short), changed: d.indicators.changed.map((c) => ({ ...c, changes: readable(c.changes) })) },
    nodes: { added: d.nodes.added.map(shortNode), removed: d.nodes.removed.map(shortNode), changed: d.nodes.changed.map((c) => ({ ...c, changes: readable(c.changes) })) },
  };
}

// ——— Organisations adopting a version of each collective's common framework ———

/** The version an organisation works with for each collective: its choice, else the latest adopted. */
export async function commonVersionsFor(db: Db, organisationId: string) {
  const collectives = await activeCollectivesOf(db, organisationId);
  const chosen = await repo.adoptionsOf(db, organisationId);
  const out = [];
  for (const c of collectives) {
    const versions = await repo.versionsOf(db, c.frameworkId);
    const mine = chosen.find((a) => a.collectiveId === c.collectiveId);
    const own = mine ? versions.find((v) => v.id === mine.versionId) : undefined;
    const latest = versions.find((v) => v.status === 'adopted');
    out.push({ collective: c, versions, adoption: mine ?? null, own: own ?? null, latest: latest ?? null, inUse: own ?? latest ?? null });
  }
  return out;
}

export async function listAdoptions(db: Db, organisationId: string) {
  return (await commonVersionsFor(db, organisationId)).map((x) => ({
    collectiveId: x.collective.collectiveId,
    collectiveName: x.collective.name,
    frameworkId: x.collective.frameworkId,
    version: x.own ? { id: x.own.id, number: x.own.number, status: x.own.status, adoptedAt: x.own.adoptedAt?.toISOString() ?? null } : null,
    adoptedAt: x.adoption?.adoptedAt.toISOString() ?? null,
    latestAdopted: x.latest ? { id: x.latest.id, number: x.latest.number } : null,
    choices: x.versions.filter((v) => v.status === 'adopted').map((v) => ({ id: v.id, number: v.number, adoptedAt: v.adoptedAt?.toISOString() ?? null })),
  }));
}

/** An organisation's admins adopt an adopted (not retired) version of a collective's common framework. */
export async function adoptCommonVersion(db: Db, userId: string, organisationId: string, collectiveId: string, versionId: string) {
  await requireOrgRole(db, userId, organisationId, 'admin');
  const entry = (await commonVersionsFor(db, organisationId)).find((x) => x.collective.collectiveId === collectiveId);
  if (!entry) throw new NotFound('collective_not_found', 'Votre organisation n’est pas membre active de ce collectif.', 'Your organisation is not an active member of this collective.');
  const version = entry.versions.find((v) => v.id === versionId);
  if (!version) throw new NotFound('version_not_found', 'Version introuvable dans ce référentiel.', 'Version not found in this framework.', [{ field: 'body.versionId', message: 'unknown version' }]);
  if (version.status !== 'adopted') {
    throw new Conflict('version_not_adoptable', 'Seule une version adoptée par le collectif, et non retirée, peut être adoptée.', 'Only a version the collective adopted, and not retired, can be adopted.', [
      { field: 'body.versionId', message: version.status },
    ]);
  }
  await db.transaction(async (tx) => {
    await repo.setAdoption(tx, { organisationId, collectiveId, versionId, adoptedBy: userId });
    await repo.audit(tx, { userId, frameworkId: entry.collective.frameworkId, organisationId, action: 'organisation.adopted', detail: { version: version.number } });
  });
  return (await listAdoptions(db, organisationId)).find((a) => a.collectiveId === collectiveId)!;
}

/**
 * Indicators an organisation can tie questions to: those of the version of each collective's
 * common framework it works with, and its own. The adopted definition wins; draft-only ones
 * are listed too (marked), so that collection can be prepared before adoption.
 */
export async function listAvailableIndicators(db: Db, organisationId: string, specificFrameworkId: string) {
  const common = await commonVersionsFor(db, organisationId);
  const specificVersions = await repo.versionsOf(db, specificFrameworkId);
  const sources = [
    ...common.map((c) => ({ frameworkId: c.collective.frameworkId, scope: 'common' as const, name: c.collective.name, adopted: c.inUse, draft: c.versions.find((v) => v.status === 'draft' || v.status === 'proposed') })),
    { frameworkId: specificFrameworkId, scope: 'specific' as const, name: '', adopted: specificVersions.find((v) => v.status === 'adopted') ?? null, draft: specificVersions.find((v) => v.status === 'draft') },
  ];
  const out = [];
  for (const source of sources) {
    const rows = await repo.indicatorsOf(db, [source.adopted?.id, source.draft?.id].filter((v): v is string => Boolean(v)));
    const adoptedCodes = new Set(rows.filter((r) => r.versionId === source.adopted?.id).map((r) => r.code));
    for (const row of rows) {
      const isAdopted = row.versionId === source.adopted?.id;
      if (!isAdopted && adoptedCodes.has(row.code)) continue;
      out.push({ ...presentIndicator(source.frameworkId, row), scope: source.scope, frameworkName: source.name, adopted: isAdopted });
    }
  }
  return out;
}

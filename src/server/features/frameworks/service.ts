import type { Db } from '../../../db/connect.ts';
import { Conflict, DomainError, Forbidden, Invalid, NotFound } from '../../../domain/errors.ts';
import type { IndicatorInput } from '../../../contracts/frameworks.ts';
import { findRole } from '../organisations/repository.ts';
import { roleAtLeast } from '../organisations/access.ts';
import { activeCollectivesOf } from '../collectives/repository.ts';
import { collectiveAccess } from '../collectives/service.ts';
import * as repo from './repository.ts';

type IndicatorRow = Awaited<ReturnType<typeof repo.indicatorsOf>>[number];
type NodeRow = Awaited<ReturnType<typeof repo.nodesOf>>[number];
type FrameworkRow = NonNullable<Awaited<ReturnType<typeof repo.findFramework>>>;

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
    nodeId: row.nodeId,
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
  };
}

function frameworkNotFound() {
  return new NotFound('framework_not_found', 'Référentiel introuvable.', 'Framework not found.');
}

/** Who may read and who may change a framework. Outsiders get a 404. */
async function frameworkAccess(db: Db, userId: string, frameworkId: string): Promise<{ framework: FrameworkRow; canEdit: boolean }> {
  const framework = await repo.findFramework(db, frameworkId);
  if (!framework) throw frameworkNotFound();
  if (framework.scope === 'common') {
    try {
      const access = await collectiveAccess(db, userId, framework.collectiveId!);
      return { framework, canEdit: access.canEditCommon };
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') throw frameworkNotFound();
      throw error;
    }
  }
  const role = await findRole(db, userId, framework.organisationId!);
  if (!role) throw frameworkNotFound();
  return { framework, canEdit: roleAtLeast(role, 'contributor') };
}

async function requireEdit(db: Db, userId: string, frameworkId: string) {
  const access = await frameworkAccess(db, userId, frameworkId);
  if (!access.canEdit) {
    throw new Forbidden(
      'framework_read_only',
      access.framework.scope === 'common'
        ? 'Seule la tête de réseau modifie le référentiel commun.'
        : 'Il faut le rôle contributeur pour modifier ce référentiel.',
      access.framework.scope === 'common'
        ? 'Only the coordinating organisation edits the common framework.'
        : 'Editing this framework needs the contributor role.',
    );
  }
  return access.framework;
}

export async function getFramework(db: Db, userId: string, frameworkId: string) {
  const { framework, canEdit } = await frameworkAccess(db, userId, frameworkId);
  return loadFramework(db, framework, canEdit);
}

async function loadFramework(db: Db, framework: FrameworkRow, canEdit: boolean) {
  const versions = await repo.versionsOf(db, framework.id);
  const draft = versions.find((v) => v.status === 'draft') ?? null;
  const adopted = versions.find((v) => v.status === 'adopted') ?? null;
  const ids = [draft?.id, adopted?.id].filter((v): v is string => Boolean(v));
  const [nodes, indicators] = await Promise.all([repo.nodesOf(db, ids), repo.indicatorsOf(db, ids)]);
  const present = (v: (typeof versions)[number] | null) =>
    v && {
      id: v.id,
      number: v.number,
      status: v.status,
      adoptedAt: v.adoptedAt?.toISOString() ?? null,
      nodes: nodes.filter((n) => n.versionId === v.id).map(presentNode),
      indicators: indicators.filter((i) => i.versionId === v.id).map((i) => presentIndicator(framework.id, i)),
    };
  return {
    id: framework.id,
    scope: framework.scope,
    name: framework.name,
    collectiveId: framework.collectiveId,
    organisationId: framework.organisationId,
    canEdit,
    draft: present(draft),
    adopted: present(adopted),
  };
}

function codeTaken(code: string) {
  return new Conflict('indicator_code_taken', `Le code ${code} est déjà utilisé dans ce référentiel.`, `Code ${code} is already used in this framework.`, [
    { field: 'body.code', message: 'already used' },
  ]);
}

/** A node given by the caller may belong to the adopted version: use its copy in the draft. */
async function draftNodeId(tx: repo.Tx, draftId: string, nodeId: string | null | undefined): Promise<string | null | undefined> {
  if (nodeId === undefined || nodeId === null) return nodeId;
  const found = await repo.findNode(tx, nodeId);
  if (found?.version.id === draftId) return nodeId;
  const copy = found ? await repo.findNodeByOrigin(tx, draftId, nodeId) : null;
  if (!copy) throw new Invalid('node_not_found', 'Ce nœud n’existe pas dans ce référentiel.', 'This node is not in this framework.', [{ field: 'body.nodeId', message: 'unknown node' }]);
  return copy.id;
}

export async function createIndicator(db: Db, userId: string, frameworkId: string, input: IndicatorInput) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const draft = await repo.openDraft(tx, frameworkId);
    if (await repo.findIndicatorByCode(tx, draft.id, input.code)) throw codeTaken(input.code);
    return repo.insertIndicator(tx, draft.id, { ...input, nodeId: (await draftNodeId(tx, draft.id, input.nodeId)) ?? null });
  });
  return presentIndicator(frameworkId, row);
}

/** Finds the draft copy of an indicator, opening a draft from the adopted version if needed. */
async function draftIndicator(tx: repo.Tx, frameworkId: string, indicatorId: string) {
  const found = await repo.findIndicator(tx, indicatorId);
  if (!found || found.version.frameworkId !== frameworkId) {
    throw new NotFound('indicator_not_found', 'Indicateur introuvable.', 'Indicator not found.');
  }
  await repo.lockFramework(tx, frameworkId);
  const draft = await repo.openDraft(tx, frameworkId);
  if (found.version.id === draft.id) return { draft, indicator: found.indicator };
  const copy = await repo.findIndicatorByCode(tx, draft.id, found.indicator.code);
  if (!copy) throw new Conflict('indicator_removed_in_draft', 'Cet indicateur a été retiré du brouillon.', 'This indicator was removed from the draft.');
  return { draft, indicator: copy };
}

export async function updateIndicator(db: Db, userId: string, frameworkId: string, indicatorId: string, patch: Partial<IndicatorInput>) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction(async (tx) => {
    const { draft, indicator } = await draftIndicator(tx, frameworkId, indicatorId);
    if (patch.code !== undefined && patch.code !== indicator.code) {
      // The code is the indicator's identity across versions: questions and figures refer to it.
      if (await repo.codeEverAdopted(tx, frameworkId, indicator.code)) {
        throw new Conflict('indicator_code_frozen', 'Le code d’un indicateur déjà adopté ne change plus : les questions et les chiffres s’y rattachent.', 'An adopted indicator’s code no longer changes: questions and figures refer to it.', [
          { field: 'body.code', message: 'frozen' },
        ]);
      }
      if (await repo.findIndicatorByCode(tx, draft.id, patch.code)) throw codeTaken(patch.code);
    }
    const nodeId = await draftNodeId(tx, draft.id, patch.nodeId);
    return repo.updateIndicator(tx, indicator.id, { ...patch, ...(nodeId !== undefined ? { nodeId } : {}) });
  });
  return presentIndicator(frameworkId, row);
}

export async function deleteIndicator(db: Db, userId: string, frameworkId: string, indicatorId: string) {
  await requireEdit(db, userId, frameworkId);
  await db.transaction(async (tx) => {
    const { indicator } = await draftIndicator(tx, frameworkId, indicatorId);
    await repo.deleteIndicator(tx, indicator.id);
  });
}

type NodeInput = { kind: 'impact' | 'outcome' | 'output' | 'activity'; labelFr: string; labelEn: string; stakeholderGroup: string | null; parentId: string | null };

export async function createNode(db: Db, userId: string, frameworkId: string, input: NodeInput) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const draft = await repo.openDraft(tx, frameworkId);
    const parentId = (await draftNodeId(tx, draft.id, input.parentId)) ?? null;
    return repo.insertNode(tx, draft.id, { ...input, parentId });
  });
  return presentNode(row);
}

async function draftNode(tx: repo.Tx, frameworkId: string, nodeId: string) {
  const found = await repo.findNode(tx, nodeId);
  if (!found || found.version.frameworkId !== frameworkId) throw new NotFound('node_not_found', 'Nœud introuvable.', 'Node not found.');
  await repo.lockFramework(tx, frameworkId);
  const draft = await repo.openDraft(tx, frameworkId);
  if (found.version.id === draft.id) return { draft, node: found.node };
  const copy = await repo.findNodeByOrigin(tx, draft.id, nodeId);
  if (!copy) throw new Conflict('node_removed_in_draft', 'Ce nœud a été retiré du brouillon.', 'This node was removed from the draft.');
  return { draft, node: copy };
}

export async function updateNode(db: Db, userId: string, frameworkId: string, nodeId: string, patch: Partial<NodeInput>) {
  await requireEdit(db, userId, frameworkId);
  const row = await db.transaction(async (tx) => {
    const { draft, node } = await draftNode(tx, frameworkId, nodeId);
    const parentId = await draftNodeId(tx, draft.id, patch.parentId);
    if (parentId && (await repo.ancestorsOf(tx, parentId)).includes(node.id)) {
      throw new Invalid('node_cycle', 'Un élément ne peut pas être rangé sous lui-même ni sous l’un de ses descendants.', 'A node cannot sit under itself or one of its descendants.', [{ field: 'body.parentId', message: 'cycle' }]);
    }
    return repo.updateNode(tx, node.id, { ...patch, ...(parentId !== undefined ? { parentId } : {}) });
  });
  return presentNode(row);
}

export async function deleteNode(db: Db, userId: string, frameworkId: string, nodeId: string) {
  await requireEdit(db, userId, frameworkId);
  await db.transaction(async (tx) => {
    const { node } = await draftNode(tx, frameworkId, nodeId);
    await repo.deleteNode(tx, node.id);
  });
}

export async function adoptFramework(db: Db, userId: string, frameworkId: string) {
  const framework = await requireEdit(db, userId, frameworkId);
  await db.transaction(async (tx) => {
    await repo.lockFramework(tx, frameworkId);
    const draft = (await repo.versionsOf(tx, frameworkId)).find((v) => v.status === 'draft');
    if (!draft) throw new Conflict('no_draft', 'Aucun brouillon à adopter : la dernière version est déjà adoptée.', 'No draft to adopt: the latest version is already adopted.');
    if ((await repo.countIndicators(tx, draft.id)) === 0) {
      throw new Invalid('empty_framework', 'Ajoutez au moins un indicateur avant d’adopter.', 'Add at least one indicator before adopting.');
    }
    await repo.adoptDraft(tx, draft.id);
  });
  return loadFramework(db, framework, true);
}

/**
 * Indicators an organisation can tie questions to: those of the common framework of each
 * collective it takes part in, and its own. The adopted definition wins; draft-only ones are
 * listed too (marked), so that collection can be prepared before adoption.
 */
export async function listAvailableIndicators(db: Db, organisationId: string, specificFrameworkId: string) {
  const collectives = await activeCollectivesOf(db, organisationId);
  const sources = [
    ...collectives.map((c) => ({ frameworkId: c.frameworkId, scope: 'common' as const, name: c.name })),
    { frameworkId: specificFrameworkId, scope: 'specific' as const, name: '' },
  ];
  const out = [];
  for (const source of sources) {
    const versions = await repo.versionsOf(db, source.frameworkId);
    const adopted = versions.find((v) => v.status === 'adopted');
    const draft = versions.find((v) => v.status === 'draft');
    const rows = await repo.indicatorsOf(db, [adopted?.id, draft?.id].filter((v): v is string => Boolean(v)));
    const adoptedCodes = new Set(rows.filter((r) => r.versionId === adopted?.id).map((r) => r.code));
    for (const row of rows) {
      const isAdopted = row.versionId === adopted?.id;
      if (!isAdopted && adoptedCodes.has(row.code)) continue;
      out.push({ ...presentIndicator(source.frameworkId, row), scope: source.scope, frameworkName: source.name, adopted: isAdopted });
    }
  }
  return out;
}

import type { Db } from '../../../../db/connect.ts';
import { Forbidden, Invalid, NotFound, type FieldError } from '../../../../domain/errors.ts';
import type { ExportQuery, FrameworkExport, FrameworkExportIndicator, FrameworkExportNode } from '../../../../contracts/framework-exports.ts';
import type { StakeholderGroup } from '../../../../domain/indicator-bank/index.ts';
import { slugify } from '../../../slug.ts';
import * as frameworksRepo from '../repository.ts';
import { getFramework, openEditableDraft } from '../service.ts';
import { renderDocx } from './docx.ts';
import * as repo from './repository.ts';
import { renderXlsx } from './xlsx.ts';

type NodeRow = Awaited<ReturnType<typeof frameworksRepo.nodesOf>>[number];
type IndicatorRow = Awaited<ReturnType<typeof frameworksRepo.indicatorsOf>>[number];

const kindRank = { impact: 0, outcome: 1, output: 2, activity: 3 } as const;

function compareNodes(a: NodeRow, b: NodeRow): number {
  const ka = [kindRank[a.kind], a.labelFr, a.labelEn, a.stakeholderGroup ?? ''] as const;
  const kb = [kindRank[b.kind], b.labelFr, b.labelEn, b.stakeholderGroup ?? ''] as const;
  for (let i = 0; i < ka.length; i += 1) {
    if (ka[i]! < kb[i]!) return -1;
    if (ka[i]! > kb[i]!) return 1;
  }
  return 0;
}

/**
 * Nodes in outline order (each parent before its children; siblings by level, then label), so
 * that the keys n1, n2 … depend on the content only and a round trip gives the same document.
 */
function outline(rows: NodeRow[]): { row: NodeRow; parentId: string | null }[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, NodeRow[]>();
  for (const r of rows) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: { row: NodeRow; parentId: string | null }[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null) => {
    for (const row of [...(children.get(parentId) ?? [])].sort(compareNodes)) {
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      out.push({ row, parentId });
      walk(row.id);
    }
  };
  walk(null);
  // Bad data (a loop of parents) should not lose nodes: they come last, at the top level.
  for (const row of [...rows].sort(compareNodes)) {
    if (!seen.has(row.id)) {
      seen.add(row.id);
      out.push({ row, parentId: null });
      walk(row.id);
    }
  }
  return out;
}

export function toDocument(
  framework: { name: string; scope: 'common' | 'specific' },
  version: { number: number; status: 'draft' | 'proposed' | 'adopted' | 'retired' } | null,
  nodeRows: NodeRow[],
  indicatorRows: IndicatorRow[],
): FrameworkExport {
  const ordered = outline(nodeRows);
  const keyOf = new Map(ordered.map(({ row }, i) => [row.id, `n${i + 1}`]));
  const nodes: FrameworkExportNode[] = ordered.map(({ row, parentId }) => ({
    key: keyOf.get(row.id)!,
    kind: row.kind,
    labelFr: row.labelFr,
    labelEn: row.labelEn,
    stakeholderGroup: row.stakeholderGroup as StakeholderGroup | null,
    parentKey: parentId ? keyOf.get(parentId)! : null,
  }));
  const indicators: FrameworkExportIndicator[] = indicatorRows.map((i) => ({
    code: i.code,
    labelFr: i.labelFr,
    labelEn: i.labelEn,
    kind: i.kind,
    stakeholderGroup: i.stakeholderGroup as StakeholderGroup,
    unit: i.unit,
    polarity: i.polarity,
    computation: i.computation.type === 'share' ? { type: 'share', options: [...i.computation.options] } : { type: i.computation.type },
    disaggregations: [...i.disaggregations],
    nodeKey: i.nodeId ? (keyOf.get(i.nodeId) ?? null) : null,
  }));
  return {
    format: 'socle-framework',
    formatVersion: 1,
    name: framework.name,
    scope: framework.scope,
    version: version && { number: version.number, status: version.status },
    nodes,
    indicators,
  };
}

export interface ExportFile {
  contentType: string;
  filename: string;
  /** The JSON document, or the bytes of a Word or Excel file. */
  body: FrameworkExport | Buffer;
}

/** What each format is sent as (also described in the OpenAPI document). */
export const contentTypes = {
  json: 'application/json; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Reads a version of the framework (same access as reading it) and writes it in the asked format. */
export async function exportFramework(db: Db, userId: string, frameworkId: string, query: ExportQuery, now = new Date()): Promise<ExportFile> {
  const framework = await getFramework(db, userId, frameworkId);
  const versions = await frameworksRepo.versionsOf(db, frameworkId);
  const version = query.version
    ? versions.find((v) => v.id === query.version)
    : (versions.find((v) => v.status === 'adopted') ?? versions.find((v) => v.status === 'draft' || v.status === 'proposed'));
  if (query.version && !version) {
    throw new NotFound('version_not_found', 'Cette version n’existe pas dans ce référentiel.', 'This version is not in this framework.', [{ field: 'querystring.version', message: 'unknown version' }]);
  }
  const ids = version ? [version.id] : [];
  const [nodes, indicators] = await Promise.all([frameworksRepo.nodesOf(db, ids), frameworksRepo.indicatorsOf(db, ids)]);
  const document = toDocument(framework, version ?? null, nodes, indicators);
  const base = `${slugify(framework.name)}${version ? `-v${version.number}` : ''}`;
  const filename = `${base}.${query.format}`;
  switch (query.format) {
    case 'json':
      return { contentType: contentTypes.json, filename, body: document };
    case 'docx':
      return { contentType: contentTypes.docx, filename, body: await renderDocx(document, query.lang, now) };
    case 'xlsx':
      return { contentType: contentTypes.xlsx, filename, body: await renderXlsx(document, query.lang) };
  }
}

function invalidDocument(fields: FieldError[]) {
  return new Invalid(
    'invalid_framework_document',
    'Ce document ne peut pas être importé : vérifiez les éléments signalés.',
    'This document cannot be imported: check the items listed.',
    fields,
  );
}

/**
 * Checks what the schema cannot: keys unique, parents and nodes that exist, no loop of
 * parents, codes unique. Returns the nodes parents first, in the document's order otherwise.
 */
function checkDocument(doc: FrameworkExport): FrameworkExportNode[] {
  const fields: FieldError[] = [];
  const byKey = new Map<string, FrameworkExportNode>();
  doc.nodes.forEach((n, i) => {
    if (byKey.has(n.key)) fields.push({ field: `body.nodes.${i}.key`, message: 'duplicate key' });
    byKey.set(n.key, n);
  });
  doc.nodes.forEach((n, i) => {
    if (n.parentKey !== null && !byKey.has(n.parentKey)) fields.push({ field: `body.nodes.${i}.parentKey`, message: 'unknown node key' });
  });
  const codes = new Set<string>();
  doc.indicators.forEach((ind, i) => {
    if (codes.has(ind.code)) fields.push({ field: `body.indicators.${i}.code`, message: 'duplicate code' });
    codes.add(ind.code);
    if (ind.nodeKey !== null && !byKey.has(ind.nodeKey)) fields.push({ field: `body.indicators.${i}.nodeKey`, message: 'unknown node key' });
  });
  if (fields.length > 0) throw invalidDocument(fields);

  const children = new Map<string | null, FrameworkExportNode[]>();
  for (const n of doc.nodes) children.set(n.parentKey, [...(children.get(n.parentKey) ?? []), n]);
  const ordered: FrameworkExportNode[] = [];
  const walk = (parentKey: string | null) => {
    for (const n of children.get(parentKey) ?? []) {
      ordered.push(n);
      walk(n.key);
    }
  };
  walk(null);
  if (ordered.length < doc.nodes.length) {
    const placed = new Set(ordered.map((n) => n.key));
    throw invalidDocument(
      doc.nodes.flatMap((n, i) => (placed.has(n.key) ? [] : [{ field: `body.nodes.${i}.parentKey`, message: 'loop of parents' }])),
    );
  }
  return ordered;
}

/**
 * Replaces the content of the framework's draft (opened from the adopted version if needed) by
 * the document's nodes and indicators, in one transaction: on any error the draft is untouched.
 */
export async function importFramework(db: Db, userId: string, frameworkId: string, doc: FrameworkExport, ifMatch?: number) {
  const framework = await getFramework(db, userId, frameworkId);
  if (!framework.canEdit) {
    throw new Forbidden(
      'framework_read_only',
      framework.scope === 'common' ? 'Seule la tête de réseau modifie le référentiel commun.' : 'Il faut le rôle contributeur pour modifier ce référentiel.',
      framework.scope === 'common' ? 'Only the coordinating organisation edits the common framework.' : 'Editing this framework needs the contributor role.',
    );
  }
  const ordered = checkDocument(doc);
  const idOf = new Map(ordered.map((n) => [n.key, crypto.randomUUID()]));
  await db.transaction(async (tx) => {
    const draft = await openEditableDraft(tx, frameworkId, ifMatch);
    await repo.replaceDraftContent(
      tx,
      draft.id,
      ordered.map((n) => ({
        id: idOf.get(n.key)!,
        kind: n.kind,
        labelFr: n.labelFr,
        labelEn: n.labelEn,
        stakeholderGroup: n.stakeholderGroup,
        parentId: n.parentKey === null ? null : idOf.get(n.parentKey)!,
      })),
      doc.indicators.map((i) => ({
        code: i.code,
        labelFr: i.labelFr,
        labelEn: i.labelEn,
        kind: i.kind,
        stakeholderGroup: i.stakeholderGroup,
        unit: i.unit,
        polarity: i.polarity,
        computation: i.computation,
        disaggregations: i.disaggregations,
        nodeId: i.nodeKey === null ? null : idOf.get(i.nodeKey)!,
      })),
    );
    await frameworksRepo.audit(tx, { userId, frameworkId, action: 'framework.imported', detail: { version: draft.number, indicators: doc.indicators.length, nodes: doc.nodes.length } });
  });
  return getFramework(db, userId, frameworkId);
}

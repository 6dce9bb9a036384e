import { z } from 'zod';
import { id } from './common.ts';
import { computation, disaggregation, frameworkScope, indicatorCode, indicatorKind, nodeKind, polarity, stakeholderGroup, versionStatus } from './frameworks.ts';

/** Text PostgreSQL can store: no NUL character. */
const text = () =>
  z
    .string()
    .refine((v) => !v.includes('\u0000'), 'no NUL character')
    .trim();

/**
 * A framework written as a portable JSON document (format `socle-framework`, version 1).
 *
 * Nodes carry a local `key` (n1, n2 …, in outline order) that parent links and indicators
 * refer to: no database id leaves the server, so a document imports into any framework and
 * exporting the result again gives the same document (apart from the name and version).
 */
export const frameworkExportNode = z
  .object({
    key: z.string().trim().min(1).max(40),
    kind: nodeKind,
    labelFr: text().min(2).max(300),
    labelEn: text().max(300),
    stakeholderGroup: stakeholderGroup.nullable(),
    parentKey: z.string().trim().min(1).max(40).nullable(),
  })
  .strict();

export const frameworkExportIndicator = z
  .object({
    code: indicatorCode,
    labelFr: text().min(2).max(300),
    labelEn: text().max(300),
    kind: indicatorKind,
    stakeholderGroup,
    unit: text().max(40),
    polarity,
    computation,
    /** Breakdowns (part of the definition); absent in older documents. */
    disaggregations: z.array(disaggregation).max(6).default([]),
    nodeKey: z.string().trim().min(1).max(40).nullable(),
  })
  .strict();

export const frameworkExport = z
  .object({
    format: z.literal('socle-framework'),
    formatVersion: z.literal(1),
    /** Informative: an import keeps the target framework's name. */
    name: z.string().max(300),
    scope: frameworkScope,
    /** The exported version; null when the framework has none yet. Informative on import. */
    version: z.object({ number: z.number().int().min(0), status: versionStatus }).nullable(),
    nodes: z.array(frameworkExportNode).max(2000),
    indicators: z.array(frameworkExportIndicator).max(2000),
  })
  .strict();
export type FrameworkExport = z.infer<typeof frameworkExport>;
export type FrameworkExportNode = z.infer<typeof frameworkExportNode>;
export type FrameworkExportIndicator = z.infer<typeof frameworkExportIndicator>;

export const exportFormats = ['json', 'docx', 'xlsx'] as const;
export const exportQuery = z.object({
  format: z.enum(exportFormats).default('json'),
  /** A version of this framework; by default the latest adopted one, else the draft. */
  version: id.optional(),
  lang: z.enum(['fr', 'en']).default('fr'),
});
export type ExportQuery = z.infer<typeof exportQuery>;

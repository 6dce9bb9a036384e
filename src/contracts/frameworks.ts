import { z } from 'zod';
import { id } from './common.ts';

export const indicatorKinds = ['output', 'outcome', 'impact'] as const;
export const indicatorKind = z.enum(indicatorKinds);

export const stakeholderGroups = [
  'people_supported',
  'staff',
  'volunteers',
  'partners',
  'funders',
  'territory',
] as const;
export const stakeholderGroup = z.enum(stakeholderGroups);

export const polarities = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export const polarity = z.enum(polarities);

const optionValue = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and underscores');

/** How an indicator's value is computed from what was collected. */
export const computation = z.discriminatedUnion('type', [
  /** Share of respondents whose answer is one of `options` (a rate between 0 and 1). */
  z.object({ type: z.literal('share'), options: z.array(optionValue).min(1).max(50) }),
  /** Mean of a numeric or scale answer. */
  z.object({ type: z.literal('mean') }),
  /** Number of responses that answered a tied question. */
  z.object({ type: z.literal('count') }),
  /** Sum of an activity figure entered per period. */
  z.object({ type: z.literal('sum') }),
]);
export type Computation = z.infer<typeof computation>;
export const computationTypes = ['share', 'mean', 'count', 'sum'] as const;

export const indicatorCode = z
  .string()
  .trim()
  .min(1)
  .max(30)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes');

const indicatorFields = z.object({
  code: indicatorCode,
  labelFr: z.string().trim().min(2).max(300),
  labelEn: z.string().trim().max(300),
  kind: indicatorKind,
  stakeholderGroup,
  unit: z.string().trim().max(40),
  polarity,
  computation,
  nodeId: id.nullable(),
});
export const indicatorInput = indicatorFields.extend({
  labelEn: indicatorFields.shape.labelEn.default(''),
  unit: indicatorFields.shape.unit.default(''),
  polarity: polarity.default('higher_is_better'),
  nodeId: id.nullable().optional(),
});
export type IndicatorInput = z.infer<typeof indicatorInput>;
/** A patch changes only what it names: no defaults here. */
export const indicatorPatch = indicatorFields.partial().strict();

export const indicator = z.object({
  id,
  frameworkId: id,
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  kind: indicatorKind,
  stakeholderGroup,
  unit: z.string(),
  polarity,
  computation,
  nodeId: id.nullable(),
});
export type Indicator = z.infer<typeof indicator>;

export const nodeKinds = ['impact', 'outcome', 'output', 'activity'] as const;
export const nodeKind = z.enum(nodeKinds);
const nodeFields = z.object({
  kind: nodeKind,
  labelFr: z.string().trim().min(2).max(300),
  labelEn: z.string().trim().max(300),
  stakeholderGroup: stakeholderGroup.nullable(),
  parentId: id.nullable(),
});
export const nodeInput = nodeFields.extend({
  labelEn: nodeFields.shape.labelEn.default(''),
  stakeholderGroup: stakeholderGroup.nullable().default(null),
  parentId: id.nullable().default(null),
});
/** A patch changes only what it names: no defaults here. */
export const nodePatch = nodeFields.partial().strict();
export const tocNode = z.object({
  id,
  kind: nodeKind,
  labelFr: z.string(),
  labelEn: z.string(),
  stakeholderGroup: stakeholderGroup.nullable(),
  parentId: id.nullable(),
});
export type TocNode = z.infer<typeof tocNode>;

export const versionStatus = z.enum(['draft', 'adopted']);
export const frameworkVersion = z.object({
  id,
  number: z.number().int(),
  status: versionStatus,
  adoptedAt: z.string().nullable(),
  nodes: z.array(tocNode),
  indicators: z.array(indicator),
});
export type FrameworkVersion = z.infer<typeof frameworkVersion>;

export const frameworkScope = z.enum(['common', 'specific']);
export const framework = z.object({
  id,
  scope: frameworkScope,
  name: z.string(),
  collectiveId: id.nullable(),
  organisationId: id.nullable(),
  canEdit: z.boolean(),
  /** The version being edited, if any. */
  draft: frameworkVersion.nullable(),
  /** The latest adopted version: results use it. */
  adopted: frameworkVersion.nullable(),
});
export type Framework = z.infer<typeof framework>;

/** An indicator an organisation can tie questions to or report figures on. */
export const availableIndicator = indicator.extend({
  scope: frameworkScope,
  frameworkName: z.string(),
  adopted: z.boolean(),
});
export type AvailableIndicator = z.infer<typeof availableIndicator>;

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

/** A breakdown dimension (e.g. sexe, tranche_age, site). */
export const disaggregation = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and underscores');

const indicatorFields = z.object({
  code: indicatorCode,
  labelFr: z.string().trim().min(2).max(300),
  labelEn: z.string().trim().max(300),
  kind: indicatorKind,
  stakeholderGroup,
  unit: z.string().trim().max(40),
  polarity,
  computation,
  disaggregations: z.array(disaggregation).max(6).refine((l) => new Set(l).size === l.length, 'each breakdown once'),
  nodeId: id.nullable(),
});
export const indicatorInput = indicatorFields.extend({
  labelEn: indicatorFields.shape.labelEn.default(''),
  unit: indicatorFields.shape.unit.default(''),
  polarity: polarity.default('higher_is_better'),
  disaggregations: indicatorFields.shape.disaggregations.default([]),
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
  disaggregations: z.array(z.string()),
  /** Answers pool only under the same definition key: a different key is a series break. */
  definitionKey: z.string(),
  nodeId: id.nullable(),
  /** Send it back in `If-Match` when changing the indicator, to detect concurrent edits. */
  revision: z.number().int(),
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
  revision: z.number().int(),
});
export type TocNode = z.infer<typeof tocNode>;

export const versionStatuses = ['draft', 'proposed', 'adopted', 'retired'] as const;
export const versionStatus = z.enum(versionStatuses);
export const versionSummary = z.object({
  id,
  number: z.number().int(),
  status: versionStatus,
  /** Bumped by every change; send it in `If-Match` when opening a vote. */
  revision: z.number().int(),
  createdAt: z.string(),
  adoptedAt: z.string().nullable(),
  retiredAt: z.string().nullable(),
  indicatorCount: z.number().int(),
});
export type VersionSummary = z.infer<typeof versionSummary>;
export const frameworkVersion = versionSummary.omit({ indicatorCount: true }).extend({
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
  /** Edits the open version, decides on proposals, opens and closes votes. */
  canEdit: z.boolean(),
  /** May propose changes and comment (contributors of member organisations). */
  canPropose: z.boolean(),
  /** The caller's organisations that sit on the COPIL and may vote (as admin). */
  votingOrganisations: z.array(z.object({ id, name: z.string() })),
  /** How the COPIL decides (common frameworks only). */
  decision: z.object({ rule: z.enum(['majority', 'consensus']), quorumPercent: z.number().int() }).nullable(),
  /** The open version: a draft, or a version under a COPIL vote (status `proposed`, frozen). */
  draft: frameworkVersion.nullable(),
  /** The latest adopted version: collective results use it. */
  adopted: frameworkVersion.nullable(),
  versions: z.array(versionSummary),
});
export type Framework = z.infer<typeof framework>;

/** An indicator an organisation can tie questions to or report figures on. */
export const availableIndicator = indicator.extend({
  scope: frameworkScope,
  frameworkName: z.string(),
  adopted: z.boolean(),
});
export type AvailableIndicator = z.infer<typeof availableIndicator>;

export const ifMatchHeaders = z.object({
  /** The `revision` you last saw, as `"3"`: a stale one gets a 409 instead of overwriting. */
  'if-match': z.string().max(40).optional(),
});

// ——— Co-construction: proposals, comments, votes, audit ———

export const proposalActions = ['add_indicator', 'edit_indicator', 'remove_indicator', 'add_node', 'edit_node', 'remove_node'] as const;
export const proposalInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('add_indicator'), indicator: indicatorInput, rationale: z.string().trim().max(4000).default('') }),
  z.object({ action: z.literal('edit_indicator'), code: indicatorCode, changes: indicatorPatch, rationale: z.string().trim().max(4000).default('') }),
  z.object({ action: z.literal('remove_indicator'), code: indicatorCode, rationale: z.string().trim().max(4000).default('') }),
  z.object({ action: z.literal('add_node'), node: nodeInput, rationale: z.string().trim().max(4000).default('') }),
  z.object({ action: z.literal('edit_node'), nodeId: id, changes: nodePatch, rationale: z.string().trim().max(4000).default('') }),
  z.object({ action: z.literal('remove_node'), nodeId: id, rationale: z.string().trim().max(4000).default('') }),
]);
export type ProposalInput = z.infer<typeof proposalInput>;

export const proposalStatus = z.enum(['open', 'accepted', 'rejected', 'withdrawn']);
export const proposal = z.object({
  id,
  frameworkId: id,
  action: z.enum(proposalActions),
  /** Indicator code or node id the proposal is about; null for additions. */
  target: z.string().nullable(),
  /** A short label of what is proposed, for lists. */
  title: z.string(),
  payload: z.record(z.string(), z.unknown()),
  rationale: z.string(),
  status: proposalStatus,
  organisationId: id,
  organisationName: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  commentCount: z.number().int(),
  /** The caller wrote it (and may withdraw it while open). */
  mine: z.boolean(),
});
export type Proposal = z.infer<typeof proposal>;
export const decideProposalBody = z.object({
  decision: z.enum(['accept', 'reject']),
  note: z.string().trim().max(2000).default(''),
});

export const commentInput = z.object({
  body: z.string().trim().min(1).max(4000),
  /** The proposal the comment answers; none for the general thread of the framework. */
  proposalId: id.nullable().default(null),
});
export const comment = z.object({
  id,
  proposalId: id.nullable(),
  body: z.string(),
  authorName: z.string(),
  organisationName: z.string(),
  createdAt: z.string(),
});
export type Comment = z.infer<typeof comment>;

export const ballotChoice = z.enum(['for', 'against', 'abstain']);
export const voteState = z.object({
  id,
  versionId: id,
  versionNumber: z.number().int(),
  rule: z.enum(['majority', 'consensus']),
  quorumPercent: z.number().int(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  outcome: z.enum(['adopted', 'rejected', 'no_quorum', 'cancelled']).nullable(),
  /** The COPIL organisations that may vote, with their ballot if cast. */
  electorate: z.array(z.object({ organisationId: id, name: z.string(), choice: ballotChoice.nullable(), comment: z.string(), castAt: z.string().nullable() })),
  tally: z.object({
    electorate: z.number().int(),
    cast: z.number().int(),
    for: z.number().int(),
    against: z.number().int(),
    abstain: z.number().int(),
    quorumNeeded: z.number().int(),
    quorumReached: z.boolean(),
    /** What closing now would decide. */
    outcome: z.enum(['adopted', 'rejected', 'no_quorum']),
  }),
});
export type VoteState = z.infer<typeof voteState>;
export const ballotInput = z.object({
  choice: ballotChoice,
  comment: z.string().trim().max(2000).default(''),
  /** Needed only when the caller is admin of several COPIL organisations. */
  organisationId: id.optional(),
});

export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const diffIndicator = z.object({ code: z.string(), labelFr: z.string(), labelEn: z.string() });
const diffNode = z.object({ lineage: z.string(), kind: z.string(), labelFr: z.string(), labelEn: z.string() });
export const versionDiff = z.object({
  from: z.object({ id, number: z.number().int(), status: versionStatus }),
  to: z.object({ id, number: z.number().int(), status: versionStatus }),
  same: z.boolean(),
  indicators: z.object({
    added: z.array(diffIndicator),
    removed: z.array(diffIndicator),
    changed: z.array(diffIndicator.extend({ changes: z.array(fieldChange), seriesBreak: z.array(z.enum(['computation', 'options', 'disaggregations'])) })),
  }),
  nodes: z.object({
    added: z.array(diffNode),
    removed: z.array(diffNode),
    changed: z.array(z.object({ lineage: z.string(), labelFr: z.string(), labelEn: z.string(), changes: z.array(fieldChange) })),
  }),
});
export type VersionDiff = z.infer<typeof versionDiff>;
export const diffQuery = z.object({ from: id.optional(), to: id.optional() });

export const auditEvent = z.object({
  id,
  at: z.string(),
  userName: z.string(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEvent>;

/** Which adopted version of each collective's common framework an organisation uses. */
export const adoption = z.object({
  collectiveId: id,
  collectiveName: z.string(),
  frameworkId: id,
  /** null until the organisation adopts a version. */
  version: z.object({ id, number: z.number().int(), status: versionStatus, adoptedAt: z.string().nullable() }).nullable(),
  adoptedAt: z.string().nullable(),
  latestAdopted: z.object({ id, number: z.number().int() }).nullable(),
  /** Adopted versions the organisation may choose. */
  choices: z.array(z.object({ id, number: z.number().int(), adoptedAt: z.string().nullable() })),
});
export type Adoption = z.infer<typeof adoption>;
export const adoptVersionBody = z.object({ versionId: id });

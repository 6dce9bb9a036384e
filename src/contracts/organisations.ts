import { z } from 'zod';
import { communeCode, id, role, slug } from './common.ts';
import { territory, territoryInput } from './territories.ts';

export const organisationKinds = ['association', 'network_head', 'authority', 'other'] as const;
export const organisationKind = z.enum(organisationKinds);

export const createOrganisationBody = z.object({
  name: z.string().trim().min(2).max(160),
  slug: slug.optional(),
  kind: organisationKind.default('association'),
  communeCode: communeCode.optional(),
  populationServed: z.number().int().min(0).max(100_000_000).optional(),
});

export const organisation = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  kind: organisationKind,
  communeCode: z.string().nullable(),
  populationServed: z.number().nullable(),
  role: role,
  specificFrameworkId: id,
});
export type Organisation = z.infer<typeof organisation>;

export const organisationMember = z.object({
  userId: id,
  name: z.string(),
  email: z.string(),
  role,
});

export const createInvitationBody = z.object({
  role,
  email: z.email().optional(),
});
export const invitation = z.object({
  id,
  role,
  email: z.string().nullable(),
  expiresAt: z.string(),
  /** Path to open while signed in; contains the one-time secret, shown once. */
  url: z.string(),
  token: z.string(),
});
export const invitationPreview = z.object({
  organisationName: z.string(),
  role,
  expiresAt: z.string(),
});

export const collectiveMemberStatus = z.enum(['invited', 'active']);
export const collectiveMember = z.object({
  organisationId: id,
  name: z.string(),
  slug: z.string(),
  communeCode: z.string().nullable(),
  status: collectiveMemberStatus,
  copil: z.boolean(),
  coordinator: z.boolean(),
});
export const collective = z.object({
  id,
  name: z.string(),
  slug: z.string(),
  coordinatorOrganisationId: id,
  coordinatorName: z.string(),
  /** Inside the collective: figures resting on fewer answers are hidden from members. */
  suppressionThreshold: z.number().int(),
  /** For anything shown outside the collective (impact pages, public reports); never below the inside one. */
  publicSuppressionThreshold: z.number().int(),
  /** How the COPIL decides on a version of the common framework. */
  decisionRule: z.enum(['majority', 'consensus']),
  /** Share of COPIL organisations that must cast a ballot (abstentions count). */
  quorumPercent: z.number().int(),
  /** Bumped by every change of the settings; send it back in If-Match when changing them. */
  revision: z.number().int(),
  /**
   * A territorial collective (a département's solidarity contract, say): its figures count only
   * answers collected in this département or région. Null: national.
   */
  territory: territory.nullable(),
  commonFrameworkId: id,
  /** The caller's organisations in this collective and how they take part. */
  myOrganisations: z.array(
    z.object({ organisationId: id, status: collectiveMemberStatus, copil: z.boolean() }),
  ),
  canManage: z.boolean(),
});
export type Collective = z.infer<typeof collective>;
export const collectiveDetail = collective.extend({ members: z.array(collectiveMember) });

export const createCollectiveBody = z.object({
  name: z.string().trim().min(2).max(160),
  slug: slug.optional(),
  coordinatorOrganisationId: id,
  suppressionThreshold: z.number().int().min(2).max(100).optional(),
  publicSuppressionThreshold: z.number().int().min(2).max(100).optional(),
  decisionRule: z.enum(['majority', 'consensus']).optional(),
  quorumPercent: z.number().int().min(0).max(100).optional(),
});
/** A patch changes only what it names. */
export const updateCollectiveBody = z
  .object({
    name: z.string().trim().min(2).max(160),
    suppressionThreshold: z.number().int().min(2).max(100),
    publicSuppressionThreshold: z.number().int().min(2).max(100),
    decisionRule: z.enum(['majority', 'consensus']),
    quorumPercent: z.number().int().min(0).max(100),
    /** Make the collective territorial (or national again with null). */
    territory: territoryInput.nullable(),
  })
  .partial()
  .strict();
export const addCollectiveMemberBody = z.object({
  /** The organisation's public identifier (slug), given by the organisation. */
  organisationSlug: slug,
  copil: z.boolean().default(false),
});
export const updateCollectiveMemberBody = z.object({ copil: z.boolean() });

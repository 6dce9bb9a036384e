/**
 * Types of the API payloads, inferred from the shared Zod contracts. Type-only imports: the
 * schemas themselves stay out of the browser bundle.
 */
import type { z } from 'zod';
import type {
  activityFigure,
  bankEntry,
  collectiveDetail,
  collectiveMember,
  createdApiToken,
  invitation,
  invitationPreview,
  campaignInvitation,
  pairedChangeResult,
  organisationMember,
  Organisation,
  User,
} from '../../contracts/index.ts';

export type {
  Adoption,
  AuditEvent,
  Comment,
  Proposal,
  ProposalInput,
  VersionDiff,
  VersionSummary,
  VoteState,
  ApiToken,
  AvailableIndicator,
  Breakdown,
  BreakdownDimension,
  Campaign,
  CellFigure,
  CrossTab,
  FieldQuestionnaire,
  Collective,
  Computation,
  Framework,
  FrameworkVersion,
  Indicator,
  IndicatorInput,
  IndicatorResult,
  Locale,
  Organisation,
  Problem,
  Question,
  QuestionInput,
  QuestionType,
  Questionnaire,
  Results,
  Role,
  TocNode,
  User,
} from '../../contracts/index.ts';

export type BankEntry = z.infer<typeof bankEntry>;
export type CampaignInvitation = z.infer<typeof campaignInvitation>;
export type PairedChangeResult = z.infer<typeof pairedChangeResult>;
export type Audience = import('../../contracts/index.ts').Audience;
export type BankSector = BankEntry['sector'];
export type ActivityFigure = z.infer<typeof activityFigure>;
export type CollectiveDetail = z.infer<typeof collectiveDetail>;
export type CollectiveMember = z.infer<typeof collectiveMember>;
export type CreatedApiToken = z.infer<typeof createdApiToken>;
export type Invitation = z.infer<typeof invitation>;
export type InvitationPreview = z.infer<typeof invitationPreview>;
export type OrganisationMember = z.infer<typeof organisationMember>;
export type CollectiveInvitation = {
  collectiveId: string;
  name: string;
  coordinatorName: string;
  copil: boolean;
};

/** GET /api/me */
export type Me = { user: User; organisations: Organisation[] };

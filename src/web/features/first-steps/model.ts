/** Types and helpers the first-steps screens share. */
import type {
  FirstSteps,
  FirstStepsGroup,
  MissionGrid,
  PlanRow,
  StakeholderEntry,
} from '../../../contracts/first-steps.ts';

export type { FirstSteps, FirstStepsGroup, MissionGrid, PlanRow, StakeholderEntry };
export type Draft = { mission: MissionGrid; stakeholders: StakeholderEntry[]; plan: PlanRow[] };
export type Tool = 'mission' | 'map' | 'template' | 'plan';

/** The groups of the map, in the order they are offered (compiler-checked against the contract). */
export const groups = [
  'people_supported',
  'families',
  'staff',
  'volunteers',
  'partners',
  'funders',
  'territory',
  'other',
] as const satisfies readonly FirstStepsGroup[];

export const methods = ['web_link', 'paper', 'assisted'] as const satisfies readonly PlanRow['methods'][number][];

export const draftOf = (fs: FirstSteps): Draft => ({
  mission: fs.mission,
  stakeholders: fs.stakeholders,
  plan: fs.plan,
});

export const firstStepsKey = (orgId: string) => ['organisations', orgId, 'first-steps'] as const;

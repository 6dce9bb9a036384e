import { z } from 'zod';
import { id } from './common.ts';
import { indicatorKind, nodeKind, stakeholderGroup } from './frameworks.ts';
import { bankSector } from './bank.ts';

/**
 * The "first steps" path of a newcomer: the mission clarification grid, the stakeholder and
 * effects map, indicators picked from the bank, and the collection plan.
 */

/** Stakeholder groups of the map: the framework's groups plus families and "other". */
export const firstStepsGroups = ['people_supported', 'families', 'staff', 'volunteers', 'partners', 'funders', 'territory', 'other'] as const;
export const firstStepsGroup = z.enum(firstStepsGroups);
export type FirstStepsGroup = z.infer<typeof firstStepsGroup>;

const shortText = z.string().trim().max(300);
const longText = z.string().trim().max(2000);

export const missionActivity = z.object({
  /** What the organisation does, e.g. "Permanences d'accès aux droits". */
  label: shortText,
  /** What it produces (réalisation), e.g. "120 permanences par an". Optional. */
  output: shortText.default(''),
});

/** Grille de clarification de la mission sociale. */
export const missionGrid = z.object({
  /** The social problem addressed. */
  problem: longText.default(''),
  /** The people concerned (public). */
  public: longText.default(''),
  territory: shortText.default(''),
  /** The mission in one sentence: it becomes the impact goal (finalité). */
  statement: longText.default(''),
  activities: z.array(missionActivity).max(30).default([]),
  /** Changes sought, expected effects. */
  changesSought: z.array(shortText).max(30).default([]),
  /** The organisation's values, its "why". */
  values: longText.default(''),
});
export type MissionGrid = z.infer<typeof missionGrid>;

export const effectDirection = z.enum(['positive', 'negative']);
export const stakeholderEffect = z.object({
  /** May be blank while the person is still writing; blank effects count for nothing. */
  label: shortText,
  direction: effectDirection.default('positive'),
  /** Sought on purpose (true) or a side effect (false). */
  intended: z.boolean().default(true),
});
export type StakeholderEffect = z.infer<typeof stakeholderEffect>;

/** One column of the cartographie des parties prenantes et des effets. */
export const stakeholderEntry = z.object({
  group: firstStepsGroup,
  description: longText.default(''),
  effects: z.array(stakeholderEffect).max(30).default([]),
  /** 1 = secondary, 3 = central to the mission. */
  importance: z.number().int().min(1).max(3).default(2),
});
export type StakeholderEntry = z.infer<typeof stakeholderEntry>;

export const collectionMethods = ['web_link', 'paper', 'assisted'] as const;
export const collectionMethod = z.enum(collectionMethods);

/** One line of the collection plan, for an indicator or a stakeholder group. */
export const planRow = z.object({
  group: firstStepsGroup,
  /** The indicator this line collects, if the line is about one indicator. */
  indicatorCode: z.string().trim().max(30).nullable().default(null),
  /** Who answers, e.g. "Les personnes accompagnées depuis plus de 3 mois". */
  respondents: shortText.default(''),
  /** When, e.g. "Juin 2026" or "2026-S1". */
  period: z.string().trim().max(60).default(''),
  methods: z.array(collectionMethod).max(3).default([]),
  populationServed: z.number().int().min(0).max(100_000_000).nullable().default(null),
  targetAnswers: z.number().int().min(0).max(100_000_000).nullable().default(null),
});
export type PlanRow = z.infer<typeof planRow>;

export const firstStepsStep = z.number().int().min(1).max(4);

/** Omitted parts stay as they were; `revision` is the one the caller read. */
export const saveFirstStepsBody = z
  .object({
    revision: z.number().int().min(0),
    mission: missionGrid.optional(),
    stakeholders: z.array(stakeholderEntry).max(20).optional(),
    plan: z.array(planRow).max(50).optional(),
    currentStep: firstStepsStep.optional(),
  })
  .strict();
export type SaveFirstStepsBody = z.infer<typeof saveFirstStepsBody>;

export const missingItem = z.object({ code: z.string(), fr: z.string(), en: z.string() });
export const stepCompleteness = z.object({
  step: firstStepsStep,
  complete: z.boolean(),
  missing: z.array(missingItem),
});

export const templateNode = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  kind: nodeKind,
  labelFr: z.string(),
  stakeholderGroup: stakeholderGroup.nullable(),
});
export type TemplateNode = z.infer<typeof templateNode>;

export const indicatorSuggestion = z.object({
  entryId: z.string(),
  sector: bankSector,
  kind: indicatorKind,
  stakeholderGroup,
  labelFr: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  score: z.number(),
  /** Words of the map or the mission found in the entry. */
  matchedWords: z.array(z.string()),
  /** Already among the organisation's specific indicators (same code). */
  added: z.boolean(),
});

export const firstSteps = z.object({
  organisationId: id,
  specificFrameworkId: id,
  revision: z.number().int(),
  mission: missionGrid,
  stakeholders: z.array(stakeholderEntry),
  plan: z.array(planRow),
  currentStep: firstStepsStep,
  completedSteps: z.array(firstStepsStep),
  updatedAt: z.string().nullable(),
  updatedBy: id.nullable(),
  canEdit: z.boolean(),
  completeness: z.array(stepCompleteness),
  /** Indicators the organisation can already report on (common and specific). */
  indicatorCount: z.number().int(),
  /** Answers needed for ±10 points at 95 % for each plan line, in order. */
  answersNeeded: z.array(z.number().int()),
  suggestions: z.array(indicatorSuggestion),
  /** The theory-of-change nodes the grid and the map give. */
  template: z.array(templateNode),
});
export type FirstSteps = z.infer<typeof firstSteps>;

export const applyTemplateResult = z.object({
  frameworkId: id,
  created: z.number().int(),
  /** Nodes left alone because one of the same kind and label is already there. */
  skipped: z.number().int(),
});

import type {
  Computation,
  indicatorKinds,
  polarities,
  stakeholderGroups,
} from '../../contracts/frameworks.ts';

export type { Computation };
export type IndicatorKind = (typeof indicatorKinds)[number];
export type StakeholderGroup = (typeof stakeholderGroups)[number];
export type Polarity = (typeof polarities)[number];

export type BankSector =
  | 'poverty_exclusion'
  | 'child_protection'
  | 'ageing_well'
  | 'digital_inclusion'
  | 'cooperation'
  | 'cross_cutting';

export const bankSectors: readonly BankSector[] = [
  'poverty_exclusion',
  'child_protection',
  'ageing_well',
  'digital_inclusion',
  'cooperation',
  'cross_cutting',
];

/** The six usual dimensions of a child's needs in child protection. */
export type ChildProtectionDimension =
  | 'basic_needs_safety'
  | 'skills'
  | 'health_risks'
  | 'wellbeing_self_esteem'
  | 'social_ties_resource_person'
  | 'autonomy';

export const childProtectionDimensions: readonly ChildProtectionDimension[] = [
  'basic_needs_safety',
  'skills',
  'health_risks',
  'wellbeing_self_esteem',
  'social_ties_resource_person',
  'autonomy',
];

export type BankQuestionType = 'single' | 'multiple' | 'scale' | 'number' | 'text';

export interface BankOption {
  /** Lowercase ASCII letters, digits and underscores. */
  readonly value: string;
  readonly labelFr: string;
  readonly labelEn: string;
}

export interface BankQuestion {
  readonly type: BankQuestionType;
  readonly labelFr: string;
  readonly labelEn: string;
  readonly options?: readonly BankOption[];
  readonly min?: number;
  readonly max?: number;
}

export interface BankEntry {
  /** Stable identifier, e.g. 'pe-001'. */
  readonly id: string;
  readonly sector: BankSector;
  readonly childProtectionDimension?: ChildProtectionDimension;
  readonly kind: IndicatorKind;
  readonly stakeholderGroup: StakeholderGroup;
  readonly labelFr: string;
  readonly labelEn: string;
  /** Unit, in French. */
  readonly unit: string;
  readonly computation: Computation;
  readonly polarity: Polarity;
  /** Suggested questions; the first one is the one the computation reads. */
  readonly questions: readonly BankQuestion[];
  /** UN Sustainable Development Goal number (1–17), only where it clearly applies. */
  readonly sdg?: number;
}

/**
 * The value lists the forms offer. They mirror the shared contracts, and the compiler checks
 * that each list holds exactly the values of the contract's type, so they cannot drift. They
 * are not imported from the contracts at run time because that would bring Zod into the
 * browser bundle (about 30 kB gzipped) for eight arrays.
 */
import type {
  Audience,
  BankEntry,
  BankSector,
  Computation,
  Indicator,
  Organisation,
  QuestionType,
  Role,
  TocNode,
} from './types.ts';

/** `List` when it names every member of `Union` and nothing else; `never` otherwise. */
type Exactly<List extends readonly string[], Union extends string> = [
  Exclude<Union, List[number]>,
] extends [never]
  ? List
  : never;

const exact =
  <Union extends string>() =>
  <const List extends readonly Union[]>(list: List & Exactly<List, Union>): List =>
    list;

export const computationTypes = exact<Computation['type']>()(['share', 'mean', 'count', 'sum']);
export const indicatorKinds = exact<Indicator['kind']>()(['output', 'outcome', 'impact']);
export const nodeKinds = exact<TocNode['kind']>()(['impact', 'outcome', 'output', 'activity']);
export const organisationKinds = exact<Organisation['kind']>()([
  'association',
  'network_head',
  'authority',
  'other',
]);
export const polarities = exact<Indicator['polarity']>()([
  'higher_is_better',
  'lower_is_better',
  'neutral',
]);
export const questionTypes = exact<QuestionType>()([
  'single',
  'multiple',
  'scale',
  'number',
  'text',
  'date',
  'ranking',
  'grid',
  'faces',
]);
export const roles = exact<Role>()(['admin', 'contributor', 'viewer']);
export const audiences = exact<Audience>()(['beneficiaries', 'staff', 'volunteers', 'partners']);
export const stakeholderGroups = exact<Indicator['stakeholderGroup']>()([
  'people_supported',
  'staff',
  'volunteers',
  'partners',
  'funders',
  'territory',
]);
/** The six usual dimensions of a child's needs, for child-protection bank entries. */
export const childProtectionDimensions = exact<
  NonNullable<BankEntry['childProtectionDimension']>
>()([
  'basic_needs_safety',
  'skills',
  'health_risks',
  'wellbeing_self_esteem',
  'social_ties_resource_person',
  'autonomy',
]);
export const bankSectors = exact<BankSector>()([
  'poverty_exclusion',
  'child_protection',
  'ageing_well',
  'digital_inclusion',
  'cooperation',
  'cross_cutting',
]);

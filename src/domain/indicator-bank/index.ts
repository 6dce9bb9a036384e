import { AGEING_WELL } from './ageing-well.ts';
import { CHILD_PROTECTION } from './child-protection.ts';
import { COOPERATION } from './cooperation.ts';
import { CROSS_CUTTING } from './cross-cutting.ts';
import { DIGITAL_INCLUSION } from './digital-inclusion.ts';
import { POVERTY_EXCLUSION } from './poverty-exclusion.ts';
import type {
  BankEntry,
  BankSector,
  ChildProtectionDimension,
  IndicatorKind,
  StakeholderGroup,
} from './types.ts';

export type * from './types.ts';
export { bankSectors, childProtectionDimensions } from './types.ts';
export { unitInEnglish } from './units.ts';
export {
  AGEING_WELL,
  CHILD_PROTECTION,
  COOPERATION,
  CROSS_CUTTING,
  DIGITAL_INCLUSION,
  POVERTY_EXCLUSION,
};

/** Every entry of the built-in indicator bank. */
export const INDICATOR_BANK: readonly BankEntry[] = [
  ...POVERTY_EXCLUSION,
  ...CHILD_PROTECTION,
  ...AGEING_WELL,
  ...DIGITAL_INCLUSION,
  ...COOPERATION,
  ...CROSS_CUTTING,
];

export interface BankQuery {
  text?: string;
  sector?: BankSector;
  kind?: IndicatorKind;
  stakeholderGroup?: StakeholderGroup;
  /** One of the six dimensions of a child's needs: only child-protection entries carry one. */
  childProtectionDimension?: ChildProtectionDimension;
}

/** Lower case, without accents, apostrophes unified, whitespace collapsed. */
export function normalizeForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

function searchableText(entry: BankEntry): string {
  return normalizeForSearch(
    [entry.labelFr, entry.labelEn, ...entry.questions.flatMap((q) => [q.labelFr, q.labelEn])].join(
      ' \n ',
    ),
  );
}

/**
 * Entries matching every given criterion. The text matches, ignoring case and accents, when each
 * of its words occurs in the French or English labels or in a suggested question's labels.
 */
export function searchBank(bank: readonly BankEntry[], query: BankQuery = {}): BankEntry[] {
  const words = normalizeForSearch(query.text ?? '')
    .split(' ')
    .filter((w) => w.length > 0);
  return bank.filter((entry) => {
    if (query.sector !== undefined && entry.sector !== query.sector) return false;
    if (query.kind !== undefined && entry.kind !== query.kind) return false;
    if (query.stakeholderGroup !== undefined && entry.stakeholderGroup !== query.stakeholderGroup)
      return false;
    if (
      query.childProtectionDimension !== undefined &&
      entry.childProtectionDimension !== query.childProtectionDimension
    )
      return false;
    if (words.length === 0) return true;
    const haystack = searchableText(entry);
    return words.every((w) => haystack.includes(w));
  });
}

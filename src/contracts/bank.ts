import { z } from 'zod';
import { id } from './common.ts';
import { computation, indicatorCode, indicatorKind, polarity, stakeholderGroup } from './frameworks.ts';

export const bankSector = z.enum(['poverty_exclusion', 'child_protection', 'ageing_well', 'digital_inclusion', 'cooperation', 'cross_cutting']);
export const childProtectionDimension = z.enum(['basic_needs_safety', 'skills', 'health_risks', 'wellbeing_self_esteem', 'social_ties_resource_person', 'autonomy']);

export const bankQuestion = z.object({
  type: z.enum(['single', 'multiple', 'scale', 'number', 'text']),
  labelFr: z.string(),
  labelEn: z.string(),
  options: z.array(z.object({ value: z.string(), labelFr: z.string(), labelEn: z.string() })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const bankEntry = z.object({
  id: z.string(),
  sector: bankSector,
  childProtectionDimension: childProtectionDimension.optional(),
  kind: indicatorKind,
  stakeholderGroup,
  labelFr: z.string(),
  labelEn: z.string(),
  unit: z.string(),
  computation,
  polarity,
  questions: z.array(bankQuestion),
  /** UN Sustainable Development Goal, where it clearly applies. */
  sdg: z.number().int().min(1).max(17).optional(),
});
export type BankEntryDto = z.infer<typeof bankEntry>;

export const bankQuery = z.object({
  text: z.string().max(200).optional(),
  sector: bankSector.optional(),
  kind: indicatorKind.optional(),
  stakeholderGroup: stakeholderGroup.optional(),
});

export const addFromBankBody = z
  .object({
    entryId: z.string().min(1).max(20),
    /** Defaults to the entry's id in capitals (PE-004). */
    code: indicatorCode.optional(),
    nodeId: id.nullable().optional(),
  })
  .strict();

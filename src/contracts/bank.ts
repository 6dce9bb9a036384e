import { z } from 'zod';
import { id } from './common.ts';
import { computation, type Computation, indicatorCode, indicatorKind, polarity, stakeholderGroup } from './frameworks.ts';

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

export const bankEntrySource = z.enum(['socle', 'collective']);

export const bankEntry = z.object({
  id: z.string(),
  /** Built into Socle, or added by a collective to its own bank. */
  source: bankEntrySource,
  /** For a collective's entry: the collective and its name. */
  collectiveId: id.optional(),
  collectiveName: z.string().optional(),
  /** For a collective's entry: the code it suggests for the indicator. */
  code: z.string().optional(),
  sector: bankSector,
  childProtectionDimension: childProtectionDimension.optional(),
  kind: indicatorKind,
  stakeholderGroup,
  labelFr: z.string(),
  labelEn: z.string(),
  /** Unit, in French. */
  unit: z.string(),
  /** Unit, in English (the French one when no English form is known). */
  unitEn: z.string(),
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
  /** One of the six dimensions of a child's needs (child-protection entries). */
  childProtectionDimension: childProtectionDimension.optional(),
  /** Also search this collective's own entries (the caller must be a member). */
  collectiveId: id.optional(),
});

export const addFromBankBody = z
  .object({
    entryId: z.string().min(1).max(64),
    /** Defaults to the entry's id in capitals (PE-004), or the code a collective's entry suggests. */
    code: indicatorCode.optional(),
    nodeId: id.nullable().optional(),
  })
  .strict();

/** Text PostgreSQL can store: no NUL character. */
const text = () =>
  z
    .string()
    .refine((v) => !v.includes('\u0000'), 'no NUL character')
    .trim();

const optionValue = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[a-z0-9_]+$/, 'lowercase letters, digits and underscores');

export const bankQuestionInput = z
  .object({
    type: z.enum(['single', 'multiple', 'scale', 'number', 'text']),
    labelFr: text().min(2).max(300),
    labelEn: text().max(300).default(''),
    options: z
      .array(z.object({ value: optionValue, labelFr: text().min(1).max(200), labelEn: text().max(200).default('') }).strict())
      .max(50)
      .optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict();

/** What a collective writes in its own bank: a built-in entry's shape, without id. */
const collectiveEntryFields = z
  .object({
    /** The code suggested when the entry is added to a framework. */
    code: indicatorCode.optional(),
    sector: bankSector,
    /** Only for a child-protection entry: which of the six dimensions of a child's needs it serves. */
    childProtectionDimension: childProtectionDimension.optional(),
    kind: indicatorKind,
    stakeholderGroup,
    labelFr: text().min(2).max(300),
    labelEn: text().min(2).max(300),
    unit: text().max(40),
    /** The unit in English; without it, the English interface shows the French one. */
    unitEn: text().max(40).optional(),
    computation,
    polarity,
    /** Suggested questions; the first one is the one the computation reads. */
    questions: z.array(bankQuestionInput).max(10),
    sdg: z.number().int().min(1).max(17).optional(),
  })
  .strict();

type EntryDraft = {
  sector: z.infer<typeof bankSector>;
  childProtectionDimension?: z.infer<typeof childProtectionDimension> | undefined;
  computation: Computation;
  questions: z.infer<typeof bankQuestionInput>[];
};

/** A share counts options of the first question; choice questions need options; a dimension belongs to child protection. */
function checkEntry(entry: EntryDraft, ctx: z.RefinementCtx) {
  if (entry.childProtectionDimension !== undefined && entry.sector !== 'child_protection') {
    ctx.addIssue({ code: 'custom', path: ['childProtectionDimension'], message: 'only for a child-protection entry' });
  }
  entry.questions.forEach((q, i) => {
    if ((q.type === 'single' || q.type === 'multiple') && (q.options?.length ?? 0) === 0) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'options'], message: 'a choice question needs options' });
    }
  });
  const first = entry.questions[0];
  if (entry.computation.type === 'share' && first?.options) {
    const values = new Set(first.options.map((o) => o.value));
    entry.computation.options.forEach((o, i) => {
      if (!values.has(o)) ctx.addIssue({ code: 'custom', path: ['computation', 'options', i], message: 'not an option of the first question' });
    });
  }
}

export const collectiveBankEntryInput = collectiveEntryFields
  .extend({
    sector: bankSector.default('cross_cutting'),
    unit: collectiveEntryFields.shape.unit.default(''),
    polarity: polarity.default('higher_is_better'),
    questions: collectiveEntryFields.shape.questions.default([]),
  })
  .superRefine(checkEntry);
export type CollectiveBankEntryInput = z.infer<typeof collectiveBankEntryInput>;

/**
 * A patch changes only what it names; null removes the code, the SDG, the English unit or the
 * dimension. Send the entry's `revision` in If-Match: a stale one answers 409 `edit_conflict`.
 */
export const collectiveBankEntryPatch = collectiveEntryFields
  .extend({
    code: indicatorCode.nullable(),
    sdg: z.number().int().min(1).max(17).nullable(),
    unitEn: collectiveEntryFields.shape.unitEn.unwrap().nullable(),
    childProtectionDimension: childProtectionDimension.nullable(),
  })
  .partial()
  .strict();
export type CollectiveBankEntryPatch = z.infer<typeof collectiveBankEntryPatch>;

export const collectiveBankEntry = collectiveEntryFields.extend({
  id,
  collectiveId: id,
  questions: z.array(bankQuestion),
  /** Bumped by every change; send it back in If-Match when changing the entry. */
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CollectiveBankEntry = z.infer<typeof collectiveBankEntry>;

export const collectiveBankEntryList = z.object({
  /** Whether the caller may add, change and remove entries. */
  canEdit: z.boolean(),
  entries: z.array(collectiveBankEntry),
});

export const proposeFromBankBody = z
  .object({
    entryId: z.string().min(1).max(40),
    code: indicatorCode.optional(),
    nodeId: id.nullable().optional(),
    /** Why the member proposes it. */
    rationale: z.string().trim().max(4000).default(''),
  })
  .strict();

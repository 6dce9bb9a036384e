import { z } from 'zod';
import { id } from './common.ts';

export const importKind = z.enum(['responses', 'activity']);
export const importState = z.enum(['uploaded', 'validating', 'invalid', 'valid', 'loading', 'loaded', 'failed']);

export const importCell = z.union([z.string(), z.number(), z.null()]);

export const lineError = z.object({
  /** The line in the file as a person sees it (header = line 1; XLSX: the row number). */
  line: z.number().int(),
  column: z.string(),
  value: z.string(),
  code: z.string(),
  fr: z.string(),
  en: z.string(),
});

/** What a column can be mapped to: a question (responses) or indicator/period/value (activity). */
export const importTarget = z.object({
  id: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  type: z.string(),
  required: z.boolean(),
});

export const importStatus = z.object({
  id,
  state: importState,
  processed: z.number().int(),
  total: z.number().int(),
  errorCount: z.number().int(),
  errorLines: z.number().int(),
  inserted: z.number().int(),
  skipped: z.number().int(),
  failure: z.object({ fr: z.string(), en: z.string() }).nullable(),
});

export const importView = importStatus.extend({
  organisationId: id,
  kind: importKind,
  campaignId: id.nullable(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headers: z.array(z.string()),
  preview: z.array(z.object({ line: z.number().int(), cells: z.array(importCell) })),
  lineCount: z.number().int(),
  suggestedMapping: z.array(z.string().nullable()),
  mapping: z.array(z.string().nullable()).nullable(),
  targets: z.array(importTarget),
  createdAt: z.string(),
});

export const importErrors = z.object({
  errorCount: z.number().int(),
  errorLines: z.number().int(),
  /** Every error, up to MAX_STORED_ERRORS; `errorCount` says how many there were. */
  errors: z.array(lineError),
});

export const uploadImportQuery = z.object({
  kind: importKind,
  campaignId: id.optional(),
  fileName: z.string().max(255).optional(),
  sheet: z.string().max(100).optional(),
});

export const importMappingBody = z.object({ mapping: z.array(z.string().max(100).nullable()).max(1000) }).strict();

import type { Db } from '../../../db/connect.ts';
import { Invalid } from '../../../domain/errors.ts';
import { convertXlsForm } from '../../../domain/xlsform/index.ts';
import { createQuestionnaire } from '../collection/service.ts';
import { requireOrgRole } from '../organisations/access.ts';
import { toCreateBody } from './to-create-body.ts';
import { readWorkbook } from './workbook.ts';

/** A title from a file name: "enquete_2025.xlsx" → "enquete 2025". */
export function titleFromFilename(filename: string | undefined): string | undefined {
  if (!filename) return undefined;
  const base = filename.replace(/^.*[\\/]/, '').replace(/\.xlsx?$/i, '').replace(/[_]+/g, ' ').trim();
  return base.length >= 2 ? base : undefined;
}

/**
 * Reads an XLSForm (.xlsx from KoboToolbox or ODK) and converts it. Without `save` nothing is
 * stored: the caller sees the questionnaire it would make and what could not be carried over.
 */
export async function importXlsForm(db: Db, userId: string, organisationId: string, file: Buffer, options: { save: boolean; filename?: string }) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const sheets = await readWorkbook(file);
  const result = convertXlsForm(sheets, { fallbackTitle: titleFromFilename(options.filename) });
  if (!result.ok) throw new Invalid(result.code, result.fr, result.en);
  if (!options.save) return { questionnaire: result.questionnaire, report: result.report, created: null };
  if (result.questionnaire.questions.length === 0) {
    throw new Invalid('no_questions', 'Aucune question de ce formulaire n’a pu être reprise : il n’y a rien à créer.', 'No question of this form could be carried over: there is nothing to create.');
  }
  const created = await createQuestionnaire(db, userId, organisationId, toCreateBody(result.questionnaire));
  return { questionnaire: result.questionnaire, report: result.report, created };
}

import { createHash } from 'node:crypto';
import type { Db } from '../../../db/connect.ts';
import type { Config } from '../../config.ts';
import { Conflict, DomainError, Invalid, NotFound, TooLarge } from '../../../domain/errors.ts';
import type { QuestionRule } from '../../../domain/answers.ts';
import {
  ACTIVITY_FIELDS,
  checkActivityLines,
  checkLine,
  CsvSyntaxError,
  mappingProblems,
  prepareQuestion,
  readCsvBytes,
  suggestActivityMapping,
  suggestMapping,
  type ImportQuestion,
  type ImportTable,
  type LineError,
  type Mapping,
} from '../../../domain/imports/index.ts';
import type { CleanAnswer } from '../../../domain/answers.ts';
import { requireOrgRole } from '../organisations/access.ts';
import { specificFrameworkIdOf } from '../organisations/repository.ts';
import { listAvailableIndicators } from '../frameworks/service.ts';
import * as collectionRepo from '../collection/repository.ts';
import { readXlsx, looksLikeXlsx } from './xlsx.ts';
import * as repo from './repository.ts';
import type { ImportRow } from './repository.ts';

/** At most this many errors are kept and listed; the count says how many there were. */
export const MAX_STORED_ERRORS = 20_000;
const PREVIEW_LINES = 20;
/** Lines checked between two pauses that let the server answer other requests. */
const CHUNK = 2000;

type Kind = 'responses' | 'activity';

interface Target {
  id: string;
  labelFr: string;
  labelEn: string;
  type: string;
  required: boolean;
}

const ACTIVITY_TARGETS: Record<(typeof ACTIVITY_FIELDS)[number], Omit<Target, 'id'>> = {
  indicator: { labelFr: 'Code de l’indicateur', labelEn: 'Indicator code', type: 'text', required: true },
  period: { labelFr: 'Période', labelEn: 'Period', type: 'text', required: true },
  value: { labelFr: 'Valeur', labelEn: 'Value', type: 'number', required: true },
};

function importNotFound() {
  return new NotFound('import_not_found', 'Import introuvable.', 'Import not found.');
}

/** Live progress of the jobs running in this server process. */
const running = new Map<string, { processed: number; total: number }>();

/** Waits for the running jobs (tests and shutdown). */
const jobs = new Set<Promise<void>>();
export async function settleImportJobs(): Promise<void> {
  while (jobs.size > 0) await Promise.allSettled([...jobs]);
}

/**
 * Claims an import for a job in this process before its state changes in the database, so that
 * a status read in between never takes it for an interrupted one.
 */
function claim(importId: string, total: number) {
  running.set(importId, { processed: 0, total });
  return () => running.delete(importId);
}

function startJob(importId: string, total: number, work: (progress: (n: number) => void) => Promise<void>) {
  const live = running.get(importId) ?? { processed: 0, total };
  running.set(importId, live);
  const job = work((n) => {
    live.processed = n;
  }).finally(() => {
    running.delete(importId);
    jobs.delete(job);
  });
  jobs.add(job);
}

const pause = () => new Promise((resolve) => setImmediate(resolve));

/** A response's client id from the campaign, the file and the line: the same file twice stores each line once. */
export function importClientId(campaignId: string, fileHash: string, line: number): string {
  const h = createHash('sha256').update(`${campaignId}|${fileHash}|${line}`).digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

async function campaignOf(db: Db, organisationId: string, campaignId: string) {
  const found = await collectionRepo.findCampaign(db, organisationId, campaignId);
  if (!found) throw new NotFound('campaign_not_found', 'Campagne introuvable.', 'Campaign not found.');
  return found.campaign;
}

async function questionsFor(db: Db, questionnaireId: string): Promise<ImportQuestion[]> {
  const rows = await collectionRepo.questionsOf(db, questionnaireId);
  return rows.map((q) => ({ ...q, key: (q as { key?: string | null }).key ?? null, type: String(q.type) }));
}

async function targetsOf(db: Db, row: Pick<ImportRow, 'kind' | 'campaignId' | 'organisationId'>): Promise<{ targets: Target[]; questions: ImportQuestion[]; questionnaireId: string | null }> {
  if (row.kind === 'activity') {
    return { targets: ACTIVITY_FIELDS.map((id) => ({ id, ...ACTIVITY_TARGETS[id] })), questions: [], questionnaireId: null };
  }
  const campaign = await campaignOf(db, row.organisationId, row.campaignId!);
  const questions = await questionsFor(db, campaign.questionnaireId);
  return {
    targets: questions.map((q) => ({ id: q.id, labelFr: q.labelFr, labelEn: q.labelEn || q.labelFr, type: q.type, required: q.required })),
    questions,
    questionnaireId: campaign.questionnaireId,
  };
}

function presentStatus(row: ImportRow) {
  const live = running.get(row.id);
  return {
    id: row.id,
    state: row.state,
    processed: live?.processed ?? row.processed,
    total: live?.total ?? row.total,
    errorCount: row.errorCount,
    errorLines: row.errorLines,
    inserted: row.inserted,
    skipped: row.skipped,
    failure: row.failureFr ? { fr: row.failureFr, en: row.failureEn ?? row.failureFr } : null,
  };
}

async function present(db: Db, row: ImportRow) {
  const { targets } = await targetsOf(db, row);
  return {
    ...presentStatus(row),
    organisationId: row.organisationId,
    kind: row.kind,
    campaignId: row.campaignId,
    fileName: row.fileName,
    format: row.format,
    encoding: row.encoding,
    delimiter: row.delimiter,
    sheet: row.sheet,
    sheets: row.sheets,
    headers: row.headers,
    preview: row.preview,
    lineCount: row.lineCount,
    suggestedMapping: row.suggestedMapping,
    mapping: row.mapping,
    targets,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * A job that stopped with the server (a restart in the middle) is not left "in progress"
 * forever: it is marked as interrupted, and nothing of it was loaded (one transaction).
 */
async function loadRow(db: Db, organisationId: string, importId: string): Promise<ImportRow> {
  const row = await repo.findImport(db, organisationId, importId);
  if (!row) throw importNotFound();
  if ((row.state === 'validating' || row.state === 'loading') && !running.has(row.id)) {
    const back = row.state === 'loading' ? 'valid' : 'uploaded';
    const failure = { failureFr: 'Le traitement a été interrompu (redémarrage du serveur). Rien n’a été chargé ; relancez-le.', failureEn: 'The work was interrupted (server restart). Nothing was loaded; start it again.' };
    await repo.moveImport(db, row.id, [row.state], { state: back, ...failure });
    return (await repo.findImport(db, organisationId, importId))!;
  }
  return row;
}

export async function createImport(
  db: Db,
  config: Config,
  userId: string,
  organisationId: string,
  query: { kind: Kind; campaignId?: string; fileName?: string; sheet?: string },
  bytes: Buffer,
) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const mb = Math.round(config.importMaxBytes / (1024 * 1024));
  if (bytes.length > config.importMaxBytes) {
    throw new TooLarge('file_too_large', `Le fichier est trop gros : ${mb} Mo au plus. Coupez-le en plusieurs fichiers.`, `The file is too large: ${mb} MB at most. Split it into several files.`);
  }
  if (bytes.length === 0) throw new Invalid('empty_file', 'Le fichier est vide.', 'The file is empty.');
  let campaignId: string | null = null;
  if (query.kind === 'responses') {
    if (!query.campaignId) throw new Invalid('campaign_required', 'Choisissez la campagne qui recevra les réponses.', 'Choose the campaign that will receive the responses.', [{ field: 'querystring.campaignId', message: 'required' }]);
    campaignId = (await campaignOf(db, organisationId, query.campaignId)).id;
  }
  let table: ImportTable;
  let details: { format: 'csv' | 'xlsx'; encoding: string | null; delimiter: string | null; sheet: string | null; sheets: string[] };
  if (looksLikeXlsx(bytes)) {
    const read = await readXlsx(bytes, query.sheet);
    table = read.table;
    details = { format: 'xlsx', encoding: null, delimiter: null, sheet: read.sheet, sheets: read.sheets };
  } else {
    try {
      const read = readCsvBytes(bytes);
      table = read.table;
      details = { format: 'csv', encoding: read.encoding, delimiter: read.delimiter, sheet: null, sheets: [] };
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new Invalid('unreadable_file', e.fr, e.en);
      throw e;
    }
  }
  if (table.headers.length === 0 || table.rows.length === 0) {
    throw new Invalid('no_lines', 'Le fichier doit avoir une ligne d’en-têtes puis au moins une ligne de données.', 'The file needs a header line and at least one line of data.');
  }
  if (table.rows.length > config.importMaxLines) {
    const max = config.importMaxLines.toLocaleString('fr-FR');
    throw new TooLarge('too_many_lines', `Le fichier a trop de lignes : ${max} au plus. Coupez-le en plusieurs fichiers.`, `The file has too many lines: ${config.importMaxLines} at most. Split it into several files.`);
  }
  const { questions } = await targetsOf(db, { kind: query.kind, campaignId, organisationId });
  const suggestedMapping = query.kind === 'activity' ? suggestActivityMapping(table.headers) : suggestMapping(table.headers, questions);
  const id = await repo.insertImport(db, {
    organisationId,
    kind: query.kind,
    campaignId,
    createdBy: userId,
    fileName: (query.fileName ?? '').slice(0, 255),
    fileHash: createHash('sha256').update(bytes).digest('hex'),
    ...details,
    headers: table.headers,
    preview: table.rows.slice(0, PREVIEW_LINES),
    suggestedMapping,
    lineCount: table.rows.length,
    tableJson: JSON.stringify(table),
    total: table.rows.length,
  });
  return present(db, (await repo.findImport(db, organisationId, id))!);
}

export async function getImport(db: Db, userId: string, organisationId: string, importId: string) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  return present(db, await loadRow(db, organisationId, importId));
}

export async function getImportStatus(db: Db, userId: string, organisationId: string, importId: string) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  return presentStatus(await loadRow(db, organisationId, importId));
}

export async function getImportErrors(db: Db, userId: string, organisationId: string, importId: string) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await loadRow(db, organisationId, importId);
  return { errorCount: row.errorCount, errorLines: row.errorLines, errors: await repo.errorsOf(db, row.id) };
}

function busy(row: ImportRow) {
  if (row.state === 'validating' || row.state === 'loading') {
    throw new Conflict('import_busy', 'Ce fichier est en cours de traitement : attendez la fin.', 'This file is being processed: wait for it to finish.');
  }
  if (row.state === 'loaded') throw new Conflict('import_loaded', 'Ce fichier est déjà chargé.', 'This file is already loaded.');
}

interface Checked {
  errors: LineError[];
  errorLines: number;
  responses: { line: number; answers: CleanAnswer[] }[];
  activity: ReturnType<typeof checkActivityLines>['lines'];
}

/** Checks every line against the mapping, pausing now and then so that the server stays responsive. */
async function checkAll(db: Db, row: ImportRow, table: ImportTable, mapping: Mapping, progress: (n: number) => void): Promise<Checked> {
  if (row.kind === 'activity') {
    const frameworkId = await specificFrameworkIdOf(db, row.organisationId);
    const available = frameworkId ? await listAvailableIndicators(db, row.organisationId, frameworkId) : [];
    const indicators = available.map((a) => ({ frameworkId: a.frameworkId, code: a.code, definitionKey: a.definitionKey, entered: a.computation.type === 'sum' }));
    const { lines, errors } = checkActivityLines(table, mapping, indicators, progress);
    return { errors, errorLines: new Set(errors.map((e) => e.line)).size, responses: [], activity: lines };
  }
  const { questions } = await targetsOf(db, row);
  const byId = new Map(questions.map((q) => [q.id, prepareQuestion(q)]));
  const columns = mapping.map((target) => (target ? (byId.get(target) ?? null) : null));
  const rules = questions as unknown as QuestionRule[];
  const errors: LineError[] = [];
  let errorLines = 0;
  const good: Checked['responses'] = [];
  for (let i = 0; i < table.rows.length; i += 1) {
    if (i % CHUNK === 0) {
      progress(i);
      await pause();
    }
    const result = checkLine(table.rows[i]!, table.headers, columns, rules);
    if (result.ok) good.push({ line: result.line, answers: result.answers });
    else {
      errorLines += 1;
      errors.push(...result.errors);
    }
  }
  progress(table.rows.length);
  return { errors, errorLines, responses: good, activity: [] };
}

async function readTable(db: Db, importId: string): Promise<ImportTable> {
  return JSON.parse(await repo.tableJsonOf(db, importId)) as ImportTable;
}

/**
 * What a person is told when a job fails: a domain error's own words, otherwise a plain
 * sentence (a database error's text can hold the query and the file's values).
 */
function failureOf(e: unknown) {
  if (e instanceof DomainError) {
    return { state: 'failed' as const, failureFr: `Rien n’a été chargé : ${e.messageFr}`, failureEn: `Nothing was loaded: ${e.messageEn}` };
  }
  return {
    state: 'failed' as const,
    failureFr: 'Le traitement a échoué sur le serveur ; rien n’a été chargé. Réessayez ; si cela recommence, prévenez la personne qui gère Socle.',
    failureEn: 'Processing failed on the server; nothing was loaded. Try again; if it happens again, tell the person who runs Socle.',
  };
}

/** Saves the mapping and checks every line in the background; the status tells the progress. */
export async function validateImport(db: Db, userId: string, organisationId: string, importId: string, mapping: Mapping, logFailure: (e: unknown) => void = () => {}) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await loadRow(db, organisationId, importId);
  busy(row);
  const { targets } = await targetsOf(db, row);
  const problems = mappingProblems(mapping, row.headers.length, targets.map((t) => ({ id: t.id, required: t.required, fr: t.labelFr, en: t.labelEn })));
  if (problems.length > 0) {
    throw new Invalid('bad_mapping', problems.map((p) => p.fr).join(' '), problems.map((p) => p.en).join(' '), problems.map((p) => ({ field: 'body.mapping', message: p.fr })));
  }
  const release = claim(row.id, row.lineCount);
  const moved = await repo.moveImport(db, row.id, ['uploaded', 'invalid', 'valid', 'failed'], {
    mapping,
    state: 'validating',
    processed: 0,
    total: row.lineCount,
    errorCount: 0,
    errorLines: 0,
    errors: [],
    failureFr: null,
    failureEn: null,
  });
  if (!moved) {
    release();
    busy({ ...row, state: 'validating' });
  }
  startJob(row.id, row.lineCount, async (progress) => {
    try {
      const checked = await checkAll(db, row, await readTable(db, row.id), mapping, progress);
      await repo.updateImport(db, row.id, {
        state: checked.errors.length > 0 ? 'invalid' : 'valid',
        processed: row.lineCount,
        errorCount: checked.errors.length,
        errorLines: checked.errorLines,
        errors: checked.errors.slice(0, MAX_STORED_ERRORS),
      });
    } catch (e) {
      logFailure(e);
      await repo.updateImport(db, row.id, failureOf(e));
    }
  });
  return present(db, (await repo.findImport(db, organisationId, importId))!);
}

/**
 * Loads a checked file: every line is checked again (the questionnaire may have changed), then
 * everything goes in one transaction. One line in error, and nothing is loaded.
 */
export async function commitImport(db: Db, userId: string, organisationId: string, importId: string, logFailure: (e: unknown) => void = () => {}) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await loadRow(db, organisationId, importId);
  busy(row);
  if (row.state !== 'valid' || !row.mapping) {
    throw new Conflict('import_not_checked', 'Vérifiez le fichier, sans erreur, avant de le charger.', 'Check the file, with no errors, before loading it.');
  }
  const mapping = row.mapping;
  // The check counts for the first half of the progress, the loading for the second.
  const total = row.lineCount * 2;
  const release = claim(row.id, total);
  if (!(await repo.moveImport(db, row.id, ['valid'], { state: 'loading', processed: 0, total, failureFr: null, failureEn: null }))) {
    release();
    busy({ ...row, state: 'loading' });
  }
  startJob(row.id, total, async (progress) => {
    try {
      const checked = await checkAll(db, row, await readTable(db, row.id), mapping, progress);
      if (checked.errors.length > 0) {
        await repo.updateImport(db, row.id, { state: 'invalid', processed: 0, errorCount: checked.errors.length, errorLines: checked.errorLines, errors: checked.errors.slice(0, MAX_STORED_ERRORS) });
        return;
      }
      const half = row.lineCount;
      let result: { inserted: number; skipped: number };
      if (row.kind === 'activity') {
        const inserted = await repo.loadActivityFigures(db, row.organisationId, checked.activity, (n) => progress(half + n));
        result = { inserted, skipped: 0 };
      } else {
        const campaign = await campaignOf(db, row.organisationId, row.campaignId!);
        const { questionnaireId } = await targetsOf(db, row);
        result = await repo.loadResponses(
          db,
          { campaignId: campaign.id, organisationId: campaign.organisationId, period: campaign.period, questionnaireId: questionnaireId! },
          checked.responses.map((r) => ({ clientId: importClientId(campaign.id, row.fileHash, r.line), answers: r.answers })),
          (n) => progress(half + n),
        );
      }
      await repo.updateImport(db, row.id, { state: 'loaded', processed: total, ...result, tableJson: '' });
    } catch (e) {
      logFailure(e);
      await repo.updateImport(db, row.id, { ...failureOf(e), state: 'valid' });
    }
  });
  return present(db, (await repo.findImport(db, organisationId, importId))!);
}

import type { Db } from '../../../db/connect.ts';
import { Conflict, Invalid, NotFound } from '../../../domain/errors.ts';
import { convertAnswer, crosswalkPartial, validateCrosswalk, type CrosswalkRule } from '../../../domain/crosswalk.ts';
import { figureFromPartial } from '../../../domain/indicator-value.ts';
import type { Computation } from '../../../contracts/frameworks.ts';
import { activeCollectivesOf } from '../collectives/repository.ts';
import { audit, indicatorsOf, latestAdoptedVersions, organisationNames, type Tx } from '../frameworks/repository.ts';
import { commonVersionsFor } from '../frameworks/service.ts';
import { requireOrgRole } from '../organisations/access.ts';
import * as repo from './repository.ts';

type QuestionRow = NonNullable<Awaited<ReturnType<typeof repo.findOwnQuestion>>>;

function crosswalkNotFound() {
  return new NotFound('crosswalk_not_found', 'Correspondance introuvable.', 'Crosswalk not found.');
}

function present(row: repo.CrosswalkRow, labels: Map<string, string>) {
  const c = row.crosswalk;
  return {
    id: c.id,
    organisationId: c.organisationId,
    questionId: c.questionId,
    questionLabel: row.questionLabel,
    questionType: row.questionType,
    questionnaireId: row.questionnaireId,
    questionnaireTitle: row.questionnaireTitle,
    frameworkId: c.frameworkId,
    collectiveName: row.collectiveName,
    indicatorCode: c.indicatorCode,
    indicatorLabel: labels.get(`${c.frameworkId}|${c.indicatorCode}`) ?? '',
    rule: c.rule,
    revision: c.revision,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** French labels of the adopted indicators of these frameworks, by `frameworkId|code`. */
async function adoptedLabels(db: Db, frameworkIds: string[]) {
  const versions = await latestAdoptedVersions(db, [...new Set(frameworkIds)]);
  const frameworkOf = new Map(versions.map((v) => [v.id, v.frameworkId]));
  const rows = await indicatorsOf(db, versions.map((v) => v.id));
  return new Map(rows.map((r) => [`${frameworkOf.get(r.versionId)}|${r.code}`, r.labelFr]));
}

async function presentOne(db: Db, organisationId: string, crosswalkId: string) {
  const row = await repo.findCrosswalk(db, organisationId, crosswalkId);
  if (!row) throw crosswalkNotFound();
  return present(row, await adoptedLabels(db, [row.crosswalk.frameworkId]));
}

async function ownQuestion(db: Db, organisationId: string, questionId: string): Promise<QuestionRow> {
  const question = await repo.findOwnQuestion(db, organisationId, questionId);
  if (!question) throw new NotFound('question_not_found', 'Question introuvable dans cette organisation.', 'Question not found in this organisation.');
  return question;
}

/**
 * The indicator must be in the latest adopted version of the common framework of a collective
 * the organisation is an active member of: that is the version collective results use.
 */
async function commonIndicator(db: Db, organisationId: string, frameworkId: string, code: string): Promise<{ computation: Computation; definitionKey: string }> {
  const collectives = await activeCollectivesOf(db, organisationId);
  if (!collectives.some((c) => c.frameworkId === frameworkId)) {
    throw new Invalid(
      'not_a_common_framework',
      'Ce référentiel n’est pas le référentiel commun d’un collectif dont votre organisation est membre active.',
      'This framework is not the common framework of a collective your organisation is an active member of.',
      [{ field: 'body.frameworkId', message: 'référentiel commun inconnu / unknown common framework', code: 'not_a_common_framework' }],
    );
  }
  // The version the organisation works with (its choice, else the latest adopted).
  const version = (await commonVersionsFor(db, organisationId)).find((c) => c.collective.frameworkId === frameworkId)?.inUse;
  const indicator = version ? (await indicatorsOf(db, [version.id])).find((i) => i.code === code) : undefined;
  if (!indicator) {
    throw new Invalid(
      'indicator_not_adopted',
      `L’indicateur ${code} n’est pas dans la version adoptée du référentiel commun.`,
      `Indicator ${code} is not in the adopted version of the common framework.`,
      [{ field: 'body.indicatorCode', message: 'indicateur absent de la version adoptée / not in the adopted version', code: 'indicator_not_adopted' }],
    );
  }
  return { computation: indicator.computation, definitionKey: indicator.definitionKey };
}

/** Everything that must hold for a question, an indicator and a rule to go together. */
async function checkCrosswalk(db: Db, organisationId: string, input: { questionId: string; frameworkId: string; indicatorCode: string; rule: CrosswalkRule }) {
  const question = await ownQuestion(db, organisationId, input.questionId);
  const { computation, definitionKey } = await commonIndicator(db, organisationId, input.frameworkId, input.indicatorCode);
  if (question.indicatorFrameworkId === input.frameworkId && question.indicatorCode === input.indicatorCode) {
    // Its answers already count directly: a crosswalk would count the same people twice.
    throw new Invalid('question_already_tied', 'Cette question est déjà reliée directement à cet indicateur.', 'This question is already tied to this indicator directly.', [
      { field: 'body.questionId', message: 'déjà reliée / already tied', code: 'question_already_tied' },
    ]);
  }
  const errors = validateCrosswalk(input.rule, question, computation);
  if (errors.length > 0) {
    throw new Invalid(
      'invalid_crosswalk',
      'La règle de correspondance est à corriger.',
      'The conversion rule needs fixing.',
      errors.map((e) => ({ field: `body.${e.field}`, message: `${e.fr} / ${e.en}`, code: e.code })),
    );
  }
  if ((await repo.otherSourcesInQuestionnaire(db, question.id, input.frameworkId, input.indicatorCode)) > 0) {
    // The same respondents would be counted twice in the indicator.
    throw new Invalid('indicator_already_in_questionnaire', 'Une autre question de ce questionnaire alimente déjà cet indicateur : les mêmes personnes seraient comptées deux fois.', 'Another question of this questionnaire already feeds this indicator: the same people would be counted twice.', [
      { field: 'body.questionId', message: 'déjà alimenté / already fed', code: 'indicator_already_in_questionnaire' },
    ]);
  }
  return { question, computation, definitionKey };
}

/**
 * Changes of a crosswalk go to the organisation's own audit trail (who, when, which question
 * onto which indicator, how): only the organisation sees its crosswalks, so they stay out of
 * the common framework's trail, which every member of the collective reads.
 */
async function auditCrosswalk(
  tx: Tx,
  userId: string,
  action: 'crosswalk.created' | 'crosswalk.updated' | 'crosswalk.deleted',
  c: { id: string; organisationId: string; frameworkId: string; indicatorCode: string; rule: CrosswalkRule },
  questionLabel: string,
  extra: Record<string, unknown> = {},
) {
  const names = await organisationNames(tx, [c.organisationId]);
  await audit(tx, {
    userId,
    frameworkId: null,
    organisationId: c.organisationId,
    action,
    detail: { crosswalkId: c.id, organisation: names.get(c.organisationId) ?? '', commonFrameworkId: c.frameworkId, code: c.indicatorCode, question: questionLabel, ruleType: c.rule.type, ...extra },
  });
}

export async function listCrosswalks(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  const rows = await repo.listCrosswalks(db, organisationId);
  const labels = await adoptedLabels(db, rows.map((r) => r.crosswalk.frameworkId));
  return rows.map((r) => present(r, labels));
}

export async function createCrosswalk(db: Db, userId: string, organisationId: string, input: { questionId: string; frameworkId: string; indicatorCode: string; rule: CrosswalkRule }) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const { definitionKey, question } = await checkCrosswalk(db, organisationId, input);
  if (await repo.crosswalkExists(db, input.questionId, input.frameworkId, input.indicatorCode)) {
    throw new Conflict('crosswalk_exists', 'Cette question a déjà une correspondance vers cet indicateur.', 'This question already has a crosswalk to this indicator.', [
      { field: 'body.indicatorCode', message: 'déjà relié / already mapped', code: 'crosswalk_exists' },
    ]);
  }
  const id = await db.transaction(async (tx) => {
    const created = await repo.insertCrosswalk(tx, { ...input, organisationId, createdBy: userId, indicatorDefinition: definitionKey });
    await auditCrosswalk(tx, userId, 'crosswalk.created', { ...input, id: created, organisationId }, question.labelFr);
    return created;
  });
  return presentOne(db, organisationId, id);
}

export async function updateCrosswalk(db: Db, userId: string, organisationId: string, crosswalkId: string, input: { rule: CrosswalkRule; revision: number }) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await repo.findCrosswalk(db, organisationId, crosswalkId);
  if (!row) throw crosswalkNotFound();
  const c = row.crosswalk;
  const { definitionKey } = await checkCrosswalk(db, organisationId, { questionId: c.questionId, frameworkId: c.frameworkId, indicatorCode: c.indicatorCode, rule: input.rule });
  await db.transaction(async (tx) => {
    if (!(await repo.updateCrosswalkRule(tx, crosswalkId, input.revision, input.rule, definitionKey))) {
      throw new Conflict(
        'stale_revision',
        'Cette correspondance a été modifiée entre-temps : rechargez-la avant d’enregistrer.',
        'This crosswalk was changed meanwhile: reload it before saving.',
        [{ field: 'body.revision', message: 'révision périmée / stale revision', code: 'stale_revision' }],
      );
    }
    if (JSON.stringify(c.rule) !== JSON.stringify(input.rule)) {
      await auditCrosswalk(tx, userId, 'crosswalk.updated', { ...c, rule: input.rule }, row.questionLabel, { changes: [{ field: 'rule', before: c.rule, after: input.rule }] });
    }
  });
  return presentOne(db, organisationId, crosswalkId);
}

export async function deleteCrosswalk(db: Db, userId: string, organisationId: string, crosswalkId: string) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await repo.findCrosswalk(db, organisationId, crosswalkId);
  if (!row) throw crosswalkNotFound();
  await db.transaction(async (tx) => {
    await repo.deleteCrosswalk(tx, crosswalkId);
    await auditCrosswalk(tx, userId, 'crosswalk.deleted', row.crosswalk, row.questionLabel);
  });
}

/** What the rule makes of the organisation's existing answers, before anything is saved. */
export async function previewCrosswalk(
  db: Db,
  userId: string,
  organisationId: string,
  input: { questionId: string; frameworkId: string; indicatorCode: string; rule: CrosswalkRule; period?: string },
) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const { computation } = await checkCrosswalk(db, organisationId, input);
  const target = computation;
  const counts = await repo.questionValueCounts(db, organisationId, input.questionId, input.period ?? null);
  const rows = counts.map((vc) => {
    const converted = convertAnswer(input.rule, vc);
    return { source: { options: vc.options ? [...vc.options] : null, num: vc.num }, target: converted ? { options: converted.options ? [...converted.options] : null, num: converted.num } : null, count: vc.count };
  });
  const partial = crosswalkPartial(input.rule, target, counts);
  const given = counts.reduce((s, vc) => s + vc.count, 0);
  return {
    period: input.period ?? null,
    computation,
    rows,
    notCounted: given - partial.n,
    n: partial.n,
    hits: partial.hits,
    sum: partial.sum,
    value: figureFromPartial(computation.type, partial).value,
  };
}

import type { Db } from '../../../db/connect.ts';
import { Conflict, Invalid, NotFound, type FieldError } from '../../../domain/errors.ts';
import { checkAnswers, SCALE_DEFAULT, type AnswerError } from '../../../domain/answers.ts';
import type { z } from 'zod';
import type { createCampaignBody, QuestionInput, QuestionnaireInput } from '../../../contracts/collection.ts';
import { checkCondition } from '../../../domain/conditions.ts';
import { randomSlug } from '../../slug.ts';
import { requireOrgRole } from '../organisations/access.ts';
import { getOrganisation } from '../organisations/service.ts';
import { specificFrameworkIdOf } from '../organisations/repository.ts';
import { listAvailableIndicators } from '../frameworks/service.ts';
import { checkCampaignSite } from '../territories/service.ts';
import * as repo from './repository.ts';

type QuestionRow = Awaited<ReturnType<typeof repo.questionsOf>>[number];
type CampaignRow = NonNullable<Awaited<ReturnType<typeof repo.findCampaign>>>;

export function presentQuestion(q: QuestionRow) {
  return {
    id: q.id,
    position: q.position,
    type: q.type,
    labelFr: q.labelFr,
    labelEn: q.labelEn,
    helpFr: q.helpFr,
    helpEn: q.helpEn,
    easyFr: q.easyFr,
    translations: q.translations,
    key: q.key,
    section: q.section,
    required: q.required,
    options: q.options,
    items: q.items,
    showIf: q.showIf ?? null,
    min: q.min,
    max: q.max,
    indicator: q.indicatorFrameworkId && q.indicatorCode ? { frameworkId: q.indicatorFrameworkId, code: q.indicatorCode } : null,
  };
}

function presentCampaign(row: CampaignRow) {
  const c = row.campaign;
  return {
    id: c.id,
    organisationId: c.organisationId,
    questionnaireId: c.questionnaireId,
    questionnaireTitle: row.questionnaireTitle,
    name: c.name,
    period: c.period,
    populationServed: c.populationServed,
    slug: c.slug,
    status: c.status,
    publicPath: `/r/${c.slug}`,
    responseCount: Number(row.responseCount),
    assistedCount: Number(row.assistedCount),
    createdAt: c.createdAt.toISOString(),
    audience: c.audience,
    invitationOnly: c.invitationOnly,
    pairing: c.pairing,
    pairedWithCampaignId: c.pairedWithCampaignId,
    pairingCodeOptional: c.pairingCodeOptional,
    siteId: c.siteId,
  };
}

/** A pictogram scale shows 3 or 5 faces. */
export const FACES_COUNTS = [3, 5] as const;

/** Each question's key: its own, or `q<n>` (skipping any key another question took). */
export function questionKeys(input: readonly Pick<QuestionInput, 'key'>[]): string[] {
  const taken = new Set(input.map((q) => q.key).filter((k): k is string => !!k));
  let n = 0;
  return input.map((q) => {
    if (q.key) return q.key;
    let key: string;
    do key = `q${++n}`;
    while (taken.has(key));
    taken.add(key);
    return key;
  });
}

/**
 * The questionnaire as a whole: keys unique, sections in order, conditions reading only earlier
 * questions and their real choices, languages listed once.
 */
function checkLayout(body: QuestionnaireInput): FieldError[] {
  const errors: FieldError[] = [];
  const at = (i: number, f: string) => `body.questions.${i}.${f}`;
  const given = new Map<string, number>();
  body.questions.forEach((q, i) => {
    if (!q.key) return;
    if (given.has(q.key)) errors.push({ field: at(i, 'key'), message: `nom déjà pris par la question ${given.get(q.key)! + 1} / name already used by question ${given.get(q.key)! + 1}`, code: 'duplicate_key' });
    else given.set(q.key, i);
  });
  if (new Set(body.languages).size !== body.languages.length) errors.push({ field: 'body.languages', message: 'langue en double / language listed twice', code: 'duplicate_language' });
  const sectionCount = Math.max(1, body.sections.length);
  const keys = questionKeys(body.questions);
  const earlier = new Map<string, readonly string[] | null>();
  let lastSection = 0;
  body.questions.forEach((q, i) => {
    if (q.section >= sectionCount) errors.push({ field: at(i, 'section'), message: `section ${q.section + 1} absente / no section ${q.section + 1}`, code: 'unknown_section' });
    else if (q.section < lastSection) errors.push({ field: at(i, 'section'), message: 'les questions d’une section se suivent / a section’s questions come together', code: 'section_order' });
    lastSection = Math.max(lastSection, q.section);
    if (q.showIf) {
      const later = new Set(keys.slice(i));
      for (const p of checkCondition(q.showIf, earlier, later)) errors.push({ field: at(i, 'showIf'), message: `${p.fr} / ${p.en}`, code: `condition_${p.code}` });
    }
    const choices = q.type === 'single' || q.type === 'multiple' || q.type === 'ranking' ? q.options.map((o) => o.value) : q.type === 'grid' ? q.items.flatMap((it) => q.options.map((o) => `${it.value}=${o.value}`)) : null;
    earlier.set(keys[i]!, choices);
  });
  return errors;
}

/**
 * Each question must make sense alone and, when tied to an indicator, fit its computation.
 * Returns, per question, the definition key of the indicator it is tied to.
 */
async function checkQuestions(db: Db, organisationId: string, body: QuestionnaireInput): Promise<(string | null)[]> {
  const input = body.questions;
  const specificFrameworkId = await specificFrameworkIdOf(db, organisationId);
  if (!specificFrameworkId) throw new NotFound('organisation_not_found', 'Organisation introuvable.', 'Organisation not found.');
  const available = await listAvailableIndicators(db, organisationId, specificFrameworkId);
  const errors: FieldError[] = [...checkLayout(body)];
  const definitions: (string | null)[] = input.map(() => null);
  const tied = new Map<string, number>();
  const at = (i: number, f: string) => `body.questions.${i}.${f}`;
  input.forEach((q, i) => {
    const isChoice = q.type === 'single' || q.type === 'multiple';
    const hasOptions = isChoice || q.type === 'ranking' || q.type === 'grid';
    if (hasOptions && q.options.length < 2) errors.push({ field: at(i, 'options'), message: 'au moins deux choix / at least two choices', code: 'too_few_options' });
    if (!hasOptions && q.options.length > 0) errors.push({ field: at(i, 'options'), message: 'pas de choix pour ce type / no choices for this type', code: 'unexpected_options' });
    if (q.type === 'grid' && q.items.length < 1) errors.push({ field: at(i, 'items'), message: 'au moins une ligne / at least one row', code: 'too_few_items' });
    if (q.type !== 'grid' && q.items.length > 0) errors.push({ field: at(i, 'items'), message: 'des lignes seulement pour un tableau / rows only for a grid', code: 'unexpected_items' });
    const values = q.options.map((o) => o.value);
    if (new Set(values).size !== values.length) errors.push({ field: at(i, 'options'), message: 'valeurs en double / duplicate values', code: 'duplicate_options' });
    const rows = q.items.map((o) => o.value);
    if (new Set(rows).size !== rows.length) errors.push({ field: at(i, 'items'), message: 'lignes en double / duplicate rows', code: 'duplicate_items' });
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) errors.push({ field: at(i, 'min'), message: 'min > max', code: 'bad_range' });
    // Faces are numbered from 1, on the page, on paper and in the field app alike.
    if (q.type === 'faces' && ((q.min ?? 1) !== 1 || !(FACES_COUNTS as readonly number[]).includes(q.max ?? 5))) {
      errors.push({ field: at(i, 'max'), message: 'des visages : de 1 à 3 ou de 1 à 5 / faces: from 1 to 3 or from 1 to 5', code: 'bad_faces' });
    }
    if (q.type === 'scale') {
      // A scale is a row of whole-number buttons: 2 to 11 of them.
      const min = q.min ?? SCALE_DEFAULT.min;
      const max = q.max ?? SCALE_DEFAULT.max;
      if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min || max - min > 10) {
        errors.push({ field: at(i, 'max'), message: 'une échelle va d’un entier à un autre, 11 points au plus / a scale runs from one whole number to another, 11 points at most', code: 'bad_scale' });
      }
    }
    if (!q.indicator) return;
    const key = `${q.indicator.frameworkId}|${q.indicator.code}`;
    if (tied.has(key)) {
      // One answer per person and indicator: n counts people, not answers.
      errors.push({ field: at(i, 'indicator'), message: `indicateur déjà relié à la question ${tied.get(key)! + 1} / indicator already tied to question ${tied.get(key)! + 1}`, code: 'indicator_tied_twice' });
      return;
    }
    tied.set(key, i);
    const ind = available.find((a) => a.frameworkId === q.indicator!.frameworkId && a.code === q.indicator!.code);
    if (!ind) {
      errors.push({ field: at(i, 'indicator'), message: 'indicateur inconnu pour cette organisation / unknown indicator for this organisation', code: 'unknown_indicator' });
      return;
    }
    definitions[i] = ind.definitionKey;
    const c = ind.computation;
    if (c.type === 'sum') errors.push({ field: at(i, 'indicator'), message: 'indicateur saisi en chiffres d’activité / this indicator is entered as an activity figure', code: 'activity_indicator' });
    if (c.type === 'mean' && q.type !== 'scale' && q.type !== 'faces' && q.type !== 'number') errors.push({ field: at(i, 'indicator'), message: 'une moyenne demande une échelle ou un nombre / a mean needs a scale or number question', code: 'incompatible_indicator' });
    if (c.type === 'share') {
      if (!isChoice) errors.push({ field: at(i, 'indicator'), message: 'une part demande une question à choix / a share needs a choice question', code: 'incompatible_indicator' });
      else if (!c.options.some((o) => values.includes(o))) {
        errors.push({ field: at(i, 'options'), message: `au moins un choix parmi ${c.options.join(', ')} / at least one choice among ${c.options.join(', ')}`, code: 'indicator_options_missing' });
      }
    }
  });
  if (errors.length > 0) throw new Invalid('invalid_questions', 'Certaines questions sont à corriger.', 'Some questions need fixing.', errors);
  return definitions;
}

function questionValues(input: QuestionInput[], definitions: (string | null)[]): repo.QuestionValues[] {
  const keys = questionKeys(input);
  const bounded = (t: QuestionInput['type']) => t === 'scale' || t === 'faces';
  return input.map((q, i) => ({
    key: keys[i]!,
    section: q.section,
    type: q.type,
    labelFr: q.labelFr,
    labelEn: q.labelEn,
    helpFr: q.helpFr,
    helpEn: q.helpEn,
    easyFr: q.easyFr,
    translations: q.translations,
    required: q.required,
    options: q.options.map((o) => ({ value: o.value, labelFr: o.labelFr, labelEn: o.labelEn })),
    items: q.items.map((o) => ({ value: o.value, labelFr: o.labelFr, labelEn: o.labelEn })),
    showIf: q.showIf,
    min: q.min ?? (bounded(q.type) ? SCALE_DEFAULT.min : null),
    max: q.max ?? (bounded(q.type) ? SCALE_DEFAULT.max : null),
    indicatorFrameworkId: q.indicator?.frameworkId ?? null,
    indicatorCode: q.indicator?.code ?? null,
    indicatorDefinition: definitions[i] ?? null,
  }));
}

function questionnaireValues(input: QuestionnaireInput): repo.QuestionnaireValues {
  return { title: input.title, introFr: input.introFr, languages: [...new Set(input.languages)], translations: input.translations, sections: input.sections };
}

export async function createQuestionnaire(db: Db, userId: string, organisationId: string, input: QuestionnaireInput) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const definitions = await checkQuestions(db, organisationId, input);
  const id = await repo.insertQuestionnaire(db, organisationId, questionnaireValues(input), questionValues(input.questions, definitions));
  return getQuestionnaire(db, userId, organisationId, id);
}

/**
 * Changes a questionnaire. Without answers it is changed in place; with answers a new version
 * is written, so that old answers keep the meaning of the questions they answered. Questions
 * are tied again to the indicators' current definitions.
 */
export async function updateQuestionnaire(db: Db, userId: string, organisationId: string, questionnaireId: string, input: QuestionnaireInput, ifMatch?: number) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await repo.findQuestionnaire(db, organisationId, questionnaireId);
  if (!row) throw new NotFound('questionnaire_not_found', 'Questionnaire introuvable.', 'Questionnaire not found.');
  if (row.questionnaire.supersededAt) {
    throw new Conflict('questionnaire_superseded', 'Une version plus récente de ce questionnaire existe : modifiez-la plutôt.', 'A newer version of this questionnaire exists: edit that one instead.');
  }
  const definitions = await checkQuestions(db, organisationId, input);
  const result = await repo.reviseQuestionnaire(db, row.questionnaire, questionnaireValues(input), questionValues(input.questions, definitions), ifMatch);
  if (result.stale !== undefined) {
    throw new Conflict(
      'edit_conflict',
      `Quelqu’un a modifié ce questionnaire pendant que vous le modifiiez (vous aviez la révision ${ifMatch}, il en est à ${result.stale}). Rechargez pour voir ses changements, puis refaites les vôtres.`,
      `Someone changed this questionnaire while you were editing it (you had revision ${ifMatch}, it is now at ${result.stale}). Reload to see their changes, then make yours again.`,
      [{ field: 'headers.if-match', message: `current revision is ${result.stale}` }],
    );
  }
  return { ...(await getQuestionnaire(db, userId, organisationId, result.id)), newVersion: result.newVersion, movedCampaigns: result.movedCampaigns };
}

export async function getQuestionnaire(db: Db, userId: string, organisationId: string, questionnaireId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  const row = await repo.findQuestionnaire(db, organisationId, questionnaireId);
  if (!row) throw new NotFound('questionnaire_not_found', 'Questionnaire introuvable.', 'Questionnaire not found.');
  const qs = await repo.questionsOf(db, questionnaireId);
  return presentQuestionnaire(row, qs);
}

function presentQuestionnaire(row: NonNullable<Awaited<ReturnType<typeof repo.findQuestionnaire>>>, qs: QuestionRow[]) {
  return {
    id: row.questionnaire.id,
    organisationId: row.questionnaire.organisationId,
    title: row.questionnaire.title,
    introFr: row.questionnaire.introFr,
    languages: row.questionnaire.languages,
    translations: row.questionnaire.translations,
    sections: row.questionnaire.sections,
    version: row.questionnaire.version,
    previousId: row.questionnaire.previousId,
    superseded: row.questionnaire.supersededAt !== null,
    revision: row.questionnaire.revision,
    createdAt: row.questionnaire.createdAt.toISOString(),
    questions: qs.map(presentQuestion),
    responseCount: Number(row.responseCount),
  };
}

export async function listQuestionnaires(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  const rows = await repo.listQuestionnaires(db, organisationId);
  return Promise.all(rows.map(async (row) => presentQuestionnaire(row, await repo.questionsOf(db, row.questionnaire.id))));
}

export async function createCampaign(
  db: Db,
  userId: string,
  organisationId: string,
  input: CreateCampaignInput,
) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  if (!(await repo.findQuestionnaire(db, organisationId, input.questionnaireId))) {
    throw new Invalid('questionnaire_not_found', 'Ce questionnaire n’existe pas dans cette organisation.', 'This questionnaire is not in this organisation.', [
      { field: 'body.questionnaireId', message: 'unknown questionnaire' },
    ]);
  }
  await checkPairing(db, organisationId, input);
  await checkCampaignSite(db, organisationId, input.siteId);
  const id = await repo.insertCampaign(db, { ...input, organisationId, slug: randomSlug() });
  return presentCampaign((await repo.findCampaign(db, organisationId, id))!);
}

type CreateCampaignInput = Omit<z.input<typeof createCampaignBody>, 'audience' | 'invitationOnly' | 'pairing' | 'pairedWithCampaignId' | 'pairingCodeOptional'> &
  Partial<Pick<z.output<typeof createCampaignBody>, 'audience' | 'invitationOnly' | 'pairing' | 'pairedWithCampaignId' | 'pairingCodeOptional'>> & { populationServed: number | null };

/** An "after" campaign names a "before" campaign of the same organisation; nothing else does. */
async function checkPairing(db: Db, organisationId: string, input: CreateCampaignInput) {
  const field = (f: string, message: string) => [{ field: `body.${f}`, message }];
  if (input.pairing !== 'after') {
    if (input.pairedWithCampaignId) throw new Invalid('pairing_mismatch', 'Seule une campagne « après » se relie à une campagne « avant ».', 'Only an "after" campaign is paired with a "before" one.', field('pairedWithCampaignId', 'only for pairing "after"'));
    return;
  }
  if (!input.pairedWithCampaignId) throw new Invalid('pairing_missing', 'Choisissez la campagne « avant » à laquelle relier celle-ci.', 'Choose the "before" campaign to pair this one with.', field('pairedWithCampaignId', 'required for pairing "after"'));
  const before = await repo.findCampaign(db, organisationId, input.pairedWithCampaignId);
  if (!before || before.campaign.pairing !== 'before') {
    throw new Invalid('pairing_not_before', 'La campagne choisie n’est pas une campagne « avant » de cette organisation.', 'The chosen campaign is not a "before" campaign of this organisation.', field('pairedWithCampaignId', 'not a "before" campaign'));
  }
}

export async function listCampaigns(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  return (await repo.listCampaigns(db, organisationId)).map(presentCampaign);
}

export async function updateCampaign(db: Db, userId: string, organisationId: string, campaignId: string, input: { status: 'open' | 'closed' }) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  if (!(await repo.findCampaign(db, organisationId, campaignId))) throw new NotFound('campaign_not_found', 'Campagne introuvable.', 'Campaign not found.');
  await repo.setCampaignStatus(db, campaignId, input.status);
  return presentCampaign((await repo.findCampaign(db, organisationId, campaignId))!);
}

export function campaignNotFound() {
  return new NotFound('campaign_not_found', 'Ce questionnaire n’existe pas ou n’est plus en ligne.', 'This questionnaire does not exist or is no longer online.');
}

/** The public view of a campaign: what a respondent needs, nothing about other data. */
export async function getPublicCampaign(db: Db, slug: string) {
  const found = await repo.findCampaignBySlug(db, slug);
  if (!found) throw campaignNotFound();
  const qs = await repo.questionsOf(db, found.questionnaire.id);
  return { found, questions: qs };
}

export class AnswersRejected extends Invalid {
  constructor(readonly answerErrors: AnswerError[]) {
    super(
      'invalid_answers',
      'Certaines réponses sont à corriger.',
      'Some answers need fixing.',
      answerErrors.map((e) => ({ field: `answers.${e.questionId}`, message: e.fr, code: e.code })),
    );
  }
}

export type AssistedMode = 'paper' | 'with_person';

export async function submitResponse(
  db: Db,
  slug: string,
  input: { clientId: string; answers: Record<string, unknown> },
  channel: 'web' | 'api',
  assisted?: { mode: AssistedMode; enteredBy: string },
  /** Runs inside the response's transaction (a one-time link marked used, a follow-up code kept). */
  within?: repo.ResponseHook,
) {
  const { found, questions } = await getPublicCampaign(db, slug);
  // A retry of a stored response is acknowledged again, even if the campaign closed since.
  const existing = await repo.findResponseByClient(db, found.campaign.id, input.clientId);
  if (existing) return { responseId: existing, duplicate: true };
  if (found.campaign.status !== 'open') {
    throw new Conflict('campaign_closed', 'Cette collecte est terminée : les réponses ne sont plus acceptées.', 'This collection has ended: answers are no longer accepted.');
  }
  let checked = checkAnswers(questions, input.answers);
  let questionnaireId = found.questionnaire.id;
  if (!checked.ok && checked.errors.some((e) => e.code === 'unknown_question')) {
    // A form opened before the questionnaire got a new version is still accepted, against the
    // version it shows: its answers are not lost and keep their meaning.
    for (const previousId of await repo.previousVersions(db, found.questionnaire.id)) {
      const earlier = checkAnswers(await repo.questionsOf(db, previousId), input.answers);
      if (earlier.ok) {
        checked = earlier;
        questionnaireId = previousId;
        break;
      }
    }
  }
  if (!checked.ok) throw new AnswersRejected(checked.errors);
  return repo.insertResponse(
    db,
    { campaignId: found.campaign.id, organisationId: found.campaign.organisationId, period: found.campaign.period, clientId: input.clientId, channel, questionnaireId, assisted: assisted?.mode ?? null, enteredBy: assisted?.enteredBy ?? null },
    checked.answers,
    within,
  );
}

export async function fieldCampaign(db: Db, userId: string, organisationId: string, campaignId: string) {
  // Field work writes answers: viewers are told they cannot, outsiders learn nothing (404).
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const row = await repo.findCampaign(db, organisationId, campaignId);
  if (!row) throw new NotFound('campaign_not_found', 'Campagne introuvable.', 'Campaign not found.');
  return row.campaign;
}

/** The questionnaire of a campaign as the field collection page shows it (kept offline by the app). */
export async function getFieldQuestionnaire(db: Db, userId: string, organisationId: string, campaignId: string) {
  const campaign = await fieldCampaign(db, userId, organisationId, campaignId);
  const { found, questions } = await getPublicCampaign(db, campaign.slug);
  return {
    campaignId: campaign.id,
    organisationId: campaign.organisationId,
    organisationName: found.organisationName,
    name: campaign.name,
    period: campaign.period,
    open: campaign.status === 'open',
    title: found.questionnaire.title,
    introFr: found.questionnaire.introFr,
    sections: found.questionnaire.sections,
    questions: questions.map(presentQuestion),
    fieldWorkerId: userId,
    pairing: campaign.pairing ?? null,
    pairingCodeOptional: campaign.pairingCodeOptional,
  };
}

export async function recordActivityFigure(db: Db, userId: string, organisationId: string, input: { frameworkId: string; indicatorCode: string; period: string; value: number }) {
  await requireOrgRole(db, userId, organisationId, 'contributor');
  const org = await getOrganisation(db, userId, organisationId);
  const available = await listAvailableIndicators(db, organisationId, org.specificFrameworkId);
  const ind = available.find((a) => a.frameworkId === input.frameworkId && a.code === input.indicatorCode);
  if (!ind) throw new Invalid('unknown_indicator', 'Indicateur inconnu pour cette organisation.', 'Unknown indicator for this organisation.', [{ field: 'body.indicatorCode', message: 'unknown indicator' }]);
  if (ind.computation.type !== 'sum') {
    throw new Invalid('not_an_activity_indicator', 'Cet indicateur se calcule à partir des questionnaires, pas d’un chiffre saisi.', 'This indicator is computed from questionnaires, not entered as a figure.', [
      { field: 'body.indicatorCode', message: 'not an activity figure' },
    ]);
  }
  const row = await repo.upsertActivityFigure(db, { ...input, organisationId, definition: ind.definitionKey });
  return presentFigure(row);
}

function presentFigure(row: Awaited<ReturnType<typeof repo.upsertActivityFigure>>) {
  return { id: row.id, frameworkId: row.frameworkId, indicatorCode: row.indicatorCode, period: row.period, value: row.value, updatedAt: row.updatedAt.toISOString() };
}

export async function listActivityFigures(db: Db, userId: string, organisationId: string) {
  await requireOrgRole(db, userId, organisationId, 'viewer');
  return (await repo.listActivityFigures(db, organisationId)).map(presentFigure);
}

/**
 * `socle demo`: starts Socle with a fictional collective loaded in its own data folder
 * (./data-demo unless SOCLE_DATA_DIR says otherwise).
 *
 * The demo is built through the same services and the same input schemas as the API, so it
 * obeys the application's rules; it is loaded in one transaction, so a failed load leaves
 * nothing behind and the next start simply tries again.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/connect.ts';
import {
  activityFigures,
  campaigns,
  collectiveMembers,
  collectives,
  frameworks,
  indicators,
  organisations,
  responses,
} from '../db/schema/index.ts';
import { signUpBody } from '../contracts/auth.ts';
import {
  createCampaignBody,
  createQuestionnaireBody,
  recordActivityFigureBody,
  submitResponseBody,
} from '../contracts/collection.ts';
import { indicatorInput, nodeInput } from '../contracts/frameworks.ts';
import {
  addCollectiveMemberBody,
  createCollectiveBody,
  createOrganisationBody,
  updateCollectiveMemberBody,
} from '../contracts/organisations.ts';
import { loadConfig } from '../server/config.ts';
import { findUserByEmail } from '../server/features/auth/repository.ts';
import { signUp } from '../server/features/auth/service.ts';
import {
  createCampaign,
  createQuestionnaire,
  recordActivityFigure,
  submitResponse,
} from '../server/features/collection/service.ts';
import {
  acceptMembership,
  addMember,
  createCollective,
  updateMember,
} from '../server/features/collectives/service.ts';
import { latestAdoptedVersions } from '../server/features/frameworks/repository.ts';
import {
  adoptFramework,
  castBallot,
  closeVote,
  createComment,
  createIndicator,
  createNode,
  createProposal,
  decideProposal,
  openVote,
} from '../server/features/frameworks/service.ts';
import { createOrganisation } from '../server/features/organisations/service.ts';
import { createSite } from '../server/features/territories/service.ts';
import { siteBody } from '../contracts/territories.ts';
import { openDatabase } from './database.ts';
import {
  AGE_QUESTION,
  ASSOCIATIONS,
  COLLECTIVE,
  COMMON_INDICATORS,
  COMMON_NODES,
  COORDINATOR_EMAIL,
  DEFAULT_SEED,
  DEMO_DATA_DIR,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  DEMO_PERIOD,
  FREE_TEXT_QUESTION,
  NETWORK_HEAD,
  QUOTES,
  ambassadorEmail,
  type DemoAssociation,
  type DemoIndicator,
  type DemoNode,
  type DemoQuestion,
} from './demo-data.ts';
import { startServer } from './start.ts';
import { proposeFromBank } from '../server/features/bank/service.ts';
import { INDICATOR_BANK } from '../domain/indicator-bank/index.ts';

export interface DemoSummary {
  /** True when the demo was there already and nothing was written. */
  alreadyLoaded: boolean;
  collectiveId: string;
  collectiveName: string;
  commonFrameworkId: string;
  /** Organisations in the collective (network head included) and, of them, the associations. */
  organisations: { members: number; active: number; associations: number };
  indicators: { common: number; specific: number };
  associations: {
    slug: string;
    name: string;
    organisationId: string;
    specificIndicators: number;
    responses: number;
    campaignSlug: string | null;
  }[];
  responses: { total: number; byOrganisation: Record<string, number> };
  activityFigures: { total: number; periods: string[] };
}

export interface LoadDemoOptions {
  /** Seed of the answer generator: the same seed gives the same answers. */
  seed?: number;
  log?: (line: string) => void;
}

// ---------------------------------------------------------------------------------------------
// A small seeded generator, so that the demo is the same on every machine

/** mulberry32: a 32-bit state PRNG, good enough for synthetic survey answers. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, to derive one generator per association from the seed and its identifier. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

type Rng = () => number;

function gaussian(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

const clamp = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

function pick<T>(items: readonly T[], rng: Rng): T {
  return items[Math.floor(rng() * items.length)]!;
}

function weighted(weights: Readonly<Record<string, number>>, rng: Rng): string {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [value, w] of entries) {
    x -= w;
    if (x < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

/** A version-4-shaped UUID from the generator, so that client ids are reproducible too. */
function uuidFrom(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/**
 * One synthetic answer, or undefined when the respondent leaves it blank. `p` is how well
 * things go for this respondent on this question (0 to 1).
 */
function drawAnswer(
  q: DemoQuestion,
  p: number,
  missingRate: number,
  rng: Rng,
): string | number | undefined {
  const m = q.model;
  if (m.kind === 'text') return rng() < m.rate ? pick(QUOTES, rng) : undefined;
  if (!q.required && rng() < missingRate) return undefined;
  const u = () => clamp(clamp(p, 0.02, 0.98) + 0.22 * gaussian(rng), 0, 0.999);
  switch (m.kind) {
    case 'ladder':
      if (m.other && rng() < m.other.rate) return m.other.value;
      return m.ladder[Math.floor(u() * m.ladder.length)]!;
    case 'scale': {
      const min = q.min ?? 1;
      const max = q.max ?? 5;
      return min + Math.round(u() * (max - min));
    }
    case 'weights':
      return weighted(m.weights, rng);
  }
}

// ---------------------------------------------------------------------------------------------
// Loading

/** The demo is there when its coordinator's account is (the load is all or nothing). */
export async function demoLoaded(db: Db): Promise<boolean> {
  return (await findUserByEmail(db, COORDINATOR_EMAIL)) !== null;
}

export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const log = options.log ?? (() => {});
  if (await demoLoaded(db)) {
    log(
      `La démo est déjà chargée (${COORDINATOR_EMAIL} existe) : rien à faire. / The demo is already loaded: nothing to do.`,
    );
    return summarise(db, true);
  }
  const started = performance.now();
  await db.transaction(async (tx) => {
    await build(tx, options.seed ?? DEFAULT_SEED, log);
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  log(`Démo chargée en ${seconds.replace('.', ',')} s / demo loaded in ${seconds} s`);
  return summarise(db, false);
}

async function createUser(db: Db, email: string, name: string): Promise<string> {
  const user = await signUp(
    db,
    signUpBody.parse({ email, password: DEMO_PASSWORD, name, locale: 'fr' }),
  );
  return user.id;
}

/** Creates the nodes (parents first) and the indicators of a framework, then adopts it. */
async function buildFramework(
  db: Db,
  userId: string,
  frameworkId: string,
  nodes: readonly DemoNode[],
  list: readonly DemoIndicator[],
) {
  const ids = new Map<string, string>();
  for (const node of nodes) {
    const created = await createNode(
      db,
      userId,
      frameworkId,
      nodeInput.parse({
        kind: node.kind,
        labelFr: node.labelFr,
        labelEn: node.labelEn,
        stakeholderGroup: node.kind === 'impact' ? null : 'people_supported',
        parentId: node.parent ? ids.get(node.parent) : null,
      }),
    );
    ids.set(node.key, created.id);
  }
  for (const ind of list) {
    const nodeId = ids.get(ind.node);
    if (!nodeId)
      throw new Error(`Demo data: indicator ${ind.code} hangs on unknown node ${ind.node}`);
    await createIndicator(
      db,
      userId,
      frameworkId,
      indicatorInput.parse({
        code: ind.code,
        labelFr: ind.labelFr,
        labelEn: ind.labelEn,
        kind: ind.kind,
        stakeholderGroup: 'people_supported',
        unit: ind.unit,
        polarity: ind.polarity,
        computation: ind.computation,
        nodeId,
      }),
    );
  }
  await adoptFramework(db, userId, frameworkId);
}

/** The part of the common theory of change a specific framework needs: its indicators' nodes and their ancestors. */
function nodesFor(list: readonly DemoIndicator[]): DemoNode[] {
  const byKey = new Map(COMMON_NODES.map((n) => [n.key, n]));
  const needed = new Set<string>();
  for (const ind of list) {
    for (
      let key: string | null = ind.node;
      key && !needed.has(key);
      key = byKey.get(key)?.parent ?? null
    )
      needed.add(key);
  }
  return COMMON_NODES.filter((n) => needed.has(n.key));
}

interface QuestionSpec {
  question: DemoQuestion;
  indicator: { frameworkId: string; code: string } | null;
  /** The page it is on: 0 for the support, 1 for the person. */
  section?: number;
}

function toQuestionInput({ question: q, indicator, section = 0 }: QuestionSpec) {
  return {
    section,
    easyFr: q.easyFr ?? '',
    type: q.type,
    labelFr: q.labelFr,
    labelEn: q.labelEn,
    helpFr: q.helpFr ?? '',
    required: q.required ?? false,
    options: (q.options ?? []).map(([value, labelFr, labelEn]) => ({ value, labelFr, labelEn })),
    ...(q.min !== undefined ? { min: q.min } : {}),
    ...(q.max !== undefined ? { max: q.max } : {}),
    indicator,
  };
}

async function build(db: Db, seed: number, log: (line: string) => void) {
  const total = ASSOCIATIONS.length;
  log(
    `Chargement de la démo… tête de réseau et collectif / Loading the demo… network head and collective`,
  );
  const coordinatorId = await createUser(db, COORDINATOR_EMAIL, NETWORK_HEAD.coordinatorName);
  const head = await createOrganisation(
    db,
    coordinatorId,
    createOrganisationBody.parse({
      name: NETWORK_HEAD.name,
      slug: NETWORK_HEAD.slug,
      kind: NETWORK_HEAD.kind,
      communeCode: NETWORK_HEAD.communeCode,
    }),
  );
  const collective = await createCollective(
    db,
    coordinatorId,
    createCollectiveBody.parse({
      name: COLLECTIVE.name,
      slug: COLLECTIVE.slug,
      coordinatorOrganisationId: head.id,
      suppressionThreshold: COLLECTIVE.suppressionThreshold,
    }),
    COLLECTIVE.suppressionThreshold,
  );
  const commonFrameworkId = collective.commonFrameworkId;

  log(
    `Chargement de la démo… référentiel commun (${COMMON_INDICATORS.length} indicateurs) / Loading the demo… common framework (${COMMON_INDICATORS.length} indicators)`,
  );
  await buildFramework(db, coordinatorId, commonFrameworkId, COMMON_NODES, COMMON_INDICATORS);

  for (const [index, association] of ASSOCIATIONS.entries()) {
    log(
      `Chargement de la démo… ${index + 1}/${total} associations (${association.name}) / Loading the demo… ${index + 1}/${total} associations`,
    );
    await loadAssociation(db, seed, coordinatorId, collective.id, commonFrameworkId, association);
  }
  log(`Chargement de la démo… co-construction du référentiel / Loading the demo… co-building the framework`);
  await coBuild(db, coordinatorId, commonFrameworkId);
}

/**
 * The framework's second version, built together: a member proposes a clearer wording,
 * another comments, the coordinator brings it in, the COPIL votes and adopts it. A proposal
 * of an indicator from the bank stays open for discussion.
 */
async function coBuild(db: Db, coordinatorId: string, frameworkId: string) {
  const userOf = async (a: DemoAssociation) => (await findUserByEmail(db, ambassadorEmail(a)))!.id;
  const copil = ASSOCIATIONS.filter((a) => a.copil !== false);
  const others = ASSOCIATIONS.filter((a) => a.copil === false);
  const [first, second] = copil;
  const target = COMMON_INDICATORS[0]!;
  const wording = await createProposal(db, await userOf(first!), frameworkId, {
    action: 'edit_indicator',
    code: target.code,
    changes: { labelFr: `${target.labelFr} (selon les personnes elles-mêmes)` },
    rationale: 'Le libellé dirait mieux que c’est la parole des personnes accompagnées qui compte.',
  });
  await createComment(db, await userOf(second!), frameworkId, { proposalId: wording.id, body: 'D’accord : c’est ce que nous disons déjà aux équipes.' });
  await createComment(db, coordinatorId, frameworkId, { proposalId: wording.id, body: 'Je l’intègre au brouillon de la version 2 pour le prochain COPIL.' });
  await decideProposal(db, coordinatorId, frameworkId, wording.id, { decision: 'accept', note: 'Intégré pour le COPIL de printemps.' });
  await openVote(db, coordinatorId, frameworkId);
  await castBallot(db, coordinatorId, frameworkId, { choice: 'for', comment: '' });
  for (const a of copil) await castBallot(db, await userOf(a), frameworkId, { choice: 'for', comment: '' });
  await closeVote(db, coordinatorId, frameworkId);
  const entry = INDICATOR_BANK.find((e) => e.sector === 'cross_cutting' && e.computation.type === 'share')!;
  const proposer = others[0] ?? first!;
  const open = await proposeFromBank(db, await userOf(proposer), frameworkId, {
    entryId: entry.id,
    rationale: 'Nous le mesurons déjà dans nos ateliers ; le partager permettrait de comparer nos résultats.',
  });
  await createComment(db, await userOf(first!), frameworkId, { proposalId: open.id, body: 'Pourquoi pas, avec la même échelle de réponses : à discuter au prochain COPIL.' });
}

async function loadAssociation(
  db: Db,
  seed: number,
  coordinatorId: string,
  collectiveId: string,
  commonFrameworkId: string,
  a: DemoAssociation,
) {
  const userId = await createUser(db, ambassadorEmail(a), a.ambassadorName);
  const org = await createOrganisation(
    db,
    userId,
    createOrganisationBody.parse({
      name: a.name,
      slug: a.slug,
      kind: 'association',
      communeCode: a.communeCode,
      populationServed: a.populationServed,
    }),
  );

  // The coordinator invites, the association's admin accepts; COPIL either way.
  await addMember(
    db,
    coordinatorId,
    collectiveId,
    addCollectiveMemberBody.parse({
      organisationSlug: org.slug,
      copil: a.copil === 'at_invitation',
    }),
  );
  await acceptMembership(db, userId, org.id, collectiveId);
  if (a.copil === 'after_joining')
    await updateMember(
      db,
      coordinatorId,
      collectiveId,
      org.id,
      updateCollectiveMemberBody.parse({ copil: true }),
    );

  // Its own indicators, adopted.
  await buildFramework(db, userId, org.specificFrameworkId, nodesFor(a.specific), a.specific);

  // One questionnaire: how long in support (count), the common questions, its own, age, free text.
  const tied = (frameworkId: string, list: readonly DemoIndicator[]): QuestionSpec[] =>
    list
      .filter((i) => i.question)
      .map((i) => ({ question: i.question!, indicator: { frameworkId, code: i.code } }));
  const common = tied(commonFrameworkId, COMMON_INDICATORS);
  const countFirst = [
    ...common.filter((s) => s.question.required && s.question.model.kind === 'weights'),
    ...common.filter((s) => !(s.question.required && s.question.model.kind === 'weights')),
  ];
  const specs: QuestionSpec[] = [
    ...countFirst,
    ...tied(org.specificFrameworkId, a.specific),
    {
      question: { ...AGE_QUESTION, model: { kind: 'weights', weights: a.ageWeights } },
      indicator: null,
      section: 1,
    },
    { question: FREE_TEXT_QUESTION, indicator: null, section: 1 },
  ];
  const questionnaire = await createQuestionnaire(
    db,
    userId,
    org.id,
    createQuestionnaireBody.parse({
      title: `Questionnaire de suivi ${DEMO_PERIOD} — ${a.name}`,
      introFr:
        'Ce questionnaire est anonyme et prend environ 5 minutes. Vos réponses aident l’association et le collectif à améliorer l’accompagnement. Vous pouvez passer les questions auxquelles vous ne souhaitez pas répondre.',
      sections: [
        { titleFr: 'Votre accompagnement', titleEn: 'Your support' },
        { titleFr: 'Vous', titleEn: 'About you' },
      ],
      questions: specs.map(toQuestionInput),
    }),
  );
  const questionIds = [...questionnaire.questions]
    .sort((x, y) => x.position - y.position)
    .map((q) => q.id);
  if (questionIds.length !== specs.length)
    throw new Error('Demo data: the questionnaire lost questions');

  const campaign = await createCampaign(
    db,
    userId,
    org.id,
    createCampaignBody.parse({
      name: `Suivi des personnes accompagnées ${DEMO_PERIOD}`,
      questionnaireId: questionnaire.id,
      period: DEMO_PERIOD,
      populationServed: a.populationServed,
    }),
  );
  // Its sites, each with a campaign: the last answers are collected there.
  const slugs: string[] = [];
  for (const site of a.sites) {
    const created = await createSite(db, userId, org.id, siteBody.parse({ name: site.name, communeCode: site.communeCode }));
    const held = await createCampaign(
      db,
      userId,
      org.id,
      createCampaignBody.parse({
        name: `Suivi ${DEMO_PERIOD} — ${site.name}`,
        questionnaireId: questionnaire.id,
        period: DEMO_PERIOD,
        populationServed: null,
        siteId: created.id,
      }),
    );
    slugs.push(...Array.from({ length: site.responses }, () => held.slug));
  }
  const atHome = a.responses - slugs.length;

  // Synthetic answers: a level per respondent, an adjustment per indicator for this association.
  const rng = mulberry32(hashString(`${seed}:${a.slug}`));
  const adjust = specs.map((s) =>
    s.indicator ? (a.focus[s.indicator.code] ?? 0) + (rng() - 0.5) * 0.16 : 0,
  );
  for (let r = 0; r < a.responses; r++) {
    const level = a.level + 0.15 * gaussian(rng);
    const answers: Record<string, string | number> = {};
    specs.forEach((spec, i) => {
      const value = drawAnswer(spec.question, level + adjust[i]!, a.missingRate, rng);
      if (value !== undefined) answers[questionIds[i]!] = value;
    });
    await submitResponse(
      db,
      r < atHome ? campaign.slug : slugs[r - atHome]!,
      submitResponseBody.parse({ clientId: uuidFrom(rng), answers }),
      'web',
    );
  }

  // Activity figures, common and specific.
  const commonCodes = new Set(COMMON_INDICATORS.map((i) => i.code));
  for (const [period, values] of Object.entries(a.activity)) {
    for (const [code, value] of Object.entries(values)) {
      const frameworkId = commonCodes.has(code) ? commonFrameworkId : org.specificFrameworkId;
      await recordActivityFigure(
        db,
        userId,
        org.id,
        recordActivityFigureBody.parse({ frameworkId, indicatorCode: code, period, value }),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What is in the database

async function summarise(db: Db, alreadyLoaded: boolean): Promise<DemoSummary> {
  const [collective] = await db
    .select({ id: collectives.id, name: collectives.name, frameworkId: frameworks.id })
    .from(collectives)
    .innerJoin(frameworks, eq(frameworks.collectiveId, collectives.id))
    .where(eq(collectives.slug, COLLECTIVE.slug))
    .limit(1);
  if (!collective)
    throw new Error(
      `Le collectif de démo est introuvable / the demo collective is missing (${COLLECTIVE.slug})`,
    );
  const members = await db
    .select({ organisationId: collectiveMembers.organisationId, status: collectiveMembers.status })
    .from(collectiveMembers)
    .where(eq(collectiveMembers.collectiveId, collective.id));
  const orgs = await db
    .select({
      id: organisations.id,
      slug: organisations.slug,
      name: organisations.name,
      frameworkId: frameworks.id,
    })
    .from(organisations)
    .innerJoin(frameworks, eq(frameworks.organisationId, organisations.id))
    .where(
      inArray(
        organisations.slug,
        ASSOCIATIONS.map((a) => a.slug),
      ),
    );
  const orgIds = orgs.map((o) => o.id);

  const versions = await latestAdoptedVersions(db, [
    collective.frameworkId,
    ...orgs.map((o) => o.frameworkId),
  ]);
  const counted = versions.length
    ? await db
        .select({ versionId: indicators.versionId, n: sql<number>`count(*)::int` })
        .from(indicators)
        .where(
          inArray(
            indicators.versionId,
            versions.map((v) => v.id),
          ),
        )
        .groupBy(indicators.versionId)
    : [];
  const indicatorsOf = (frameworkId: string) => {
    const version = versions.find((v) => v.frameworkId === frameworkId);
    return Number(counted.find((c) => c.versionId === version?.id)?.n ?? 0);
  };

  const responseRows = orgIds.length
    ? await db
        .select({ organisationId: responses.organisationId, n: sql<number>`count(*)::int` })
        .from(responses)
        .where(inArray(responses.organisationId, orgIds))
        .groupBy(responses.organisationId)
    : [];
  const campaignRows = orgIds.length
    ? await db
        .select({ organisationId: campaigns.organisationId, slug: campaigns.slug })
        .from(campaigns)
        .where(and(inArray(campaigns.organisationId, orgIds), eq(campaigns.period, DEMO_PERIOD)))
    : [];
  const figureRows = orgIds.length
    ? await db
        .select({ period: activityFigures.period })
        .from(activityFigures)
        .where(inArray(activityFigures.organisationId, orgIds))
    : [];

  const associations = ASSOCIATIONS.flatMap((a) => {
    const org = orgs.find((o) => o.slug === a.slug);
    if (!org) return [];
    return [
      {
        slug: a.slug,
        name: org.name,
        organisationId: org.id,
        specificIndicators: indicatorsOf(org.frameworkId),
        responses: Number(responseRows.find((r) => r.organisationId === org.id)?.n ?? 0),
        campaignSlug: campaignRows.find((c) => c.organisationId === org.id)?.slug ?? null,
      },
    ];
  });
  return {
    alreadyLoaded,
    collectiveId: collective.id,
    collectiveName: collective.name,
    commonFrameworkId: collective.frameworkId,
    organisations: {
      members: members.length,
      active: members.filter((m) => m.status === 'active').length,
      associations: associations.length,
    },
    indicators: {
      common: indicatorsOf(collective.frameworkId),
      specific: associations.reduce((s, a) => s + a.specificIndicators, 0),
    },
    associations,
    responses: {
      total: associations.reduce((s, a) => s + a.responses, 0),
      byOrganisation: Object.fromEntries(associations.map((a) => [a.slug, a.responses])),
    },
    activityFigures: {
      total: figureRows.length,
      periods: [...new Set(figureRows.map((f) => f.period))].sort().reverse(),
    },
  };
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((cell, c) => cell.padEnd(widths[c]!))
        .join('  ')
        .trimEnd(),
  );
}

export function formatSummary(summary: DemoSummary): string[] {
  return [
    `${summary.collectiveName} — ${summary.organisations.active}/${summary.organisations.members} organisations actives / active organisations (${summary.organisations.associations} associations)`,
    `Indicateurs / indicators: ${summary.indicators.common} communs / common, ${summary.indicators.specific} spécifiques / specific`,
    `Réponses / responses: ${summary.responses.total} — ${summary.associations.map((a) => `${a.slug} ${a.responses}`).join(', ')}`,
    `Chiffres d’activité / activity figures: ${summary.activityFigures.total} (périodes / periods ${summary.activityFigures.periods.join(', ')})`,
  ];
}

export function formatAccounts(): string[] {
  return [
    `Comptes de démonstration (mot de passe / password: ${DEMO_PASSWORD}) / demo accounts:`,
    ...table([
      ['e-mail', 'rôle / role', 'organisation'],
      ...DEMO_ACCOUNTS.map((a) => [
        a.email,
        `${a.role} — ${a.profileFr} / ${a.profileEn}`,
        a.organisation,
      ]),
    ]),
  ];
}

export async function runDemo(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    SOCLE_DATA_DIR: process.env.SOCLE_DATA_DIR ?? DEMO_DATA_DIR,
  });
  const database = await openDatabase(config);
  try {
    const summary = await loadDemo(database.db, { log: (line) => console.log(line) });
    for (const line of [...formatSummary(summary), '', ...formatAccounts(), '']) console.log(line);
  } finally {
    await database.close();
  }
  await startServer(config);
}

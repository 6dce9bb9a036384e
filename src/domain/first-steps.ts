/**
 * The "first steps" path (premiers pas) of an organisation new to impact measurement:
 * 1. clarify the mission, 2. map stakeholders and effects, 3. pick indicators, 4. plan the
 * collection. Pure functions: what each step still lacks, the framework template the grid and
 * the map give, bank indicators worth suggesting, and the answers a collection needs.
 *
 * Only type imports here, so that the web app can use these functions without pulling the
 * indicator bank into its bundle: suggestions take the bank as an argument.
 */
import type { FirstStepsGroup, MissionGrid, PlanRow, StakeholderEntry, TemplateNode } from '../contracts/first-steps.ts';
import type { BankEntry, StakeholderGroup } from './indicator-bank/types.ts';

export type Step = 1 | 2 | 3 | 4;
export const STEPS: readonly Step[] = [1, 2, 3, 4];

export interface Missing {
  code: string;
  fr: string;
  en: string;
}
export interface StepCompleteness {
  step: Step;
  complete: boolean;
  missing: Missing[];
}

export const emptyMission = (): MissionGrid => ({
  problem: '',
  public: '',
  territory: '',
  statement: '',
  activities: [],
  changesSought: [],
  values: '',
});

const filled = (s: string | null | undefined) => (s ?? '').trim().length > 0;

/** Step 1: problem, public, territory, mission statement, one activity and one change sought. */
export function missionCompleteness(mission: MissionGrid): StepCompleteness {
  const missing: Missing[] = [];
  if (!filled(mission.problem)) missing.push({ code: 'mission.problem', fr: 'le problème social auquel vous répondez', en: 'the social problem you address' });
  if (!filled(mission.public)) missing.push({ code: 'mission.public', fr: 'les personnes concernées', en: 'the people concerned' });
  if (!filled(mission.territory)) missing.push({ code: 'mission.territory', fr: 'le territoire', en: 'the territory' });
  if (!filled(mission.statement)) missing.push({ code: 'mission.statement', fr: 'la mission en une phrase', en: 'the mission in one sentence' });
  if (!mission.activities.some((a) => filled(a.label))) missing.push({ code: 'mission.activities', fr: 'au moins une activité', en: 'at least one activity' });
  if (!mission.changesSought.some(filled)) missing.push({ code: 'mission.changesSought', fr: 'au moins un changement recherché', en: 'at least one change sought' });
  return { step: 1, complete: missing.length === 0, missing };
}

const groupNames: Record<FirstStepsGroup, { fr: string; en: string }> = {
  people_supported: { fr: 'personnes accompagnées', en: 'people supported' },
  families: { fr: 'familles et proches', en: 'families and relatives' },
  staff: { fr: 'salarié·es', en: 'staff' },
  volunteers: { fr: 'bénévoles', en: 'volunteers' },
  partners: { fr: 'partenaires', en: 'partners' },
  funders: { fr: 'financeurs', en: 'funders' },
  territory: { fr: 'territoire', en: 'territory' },
  other: { fr: 'autre partie prenante', en: 'other stakeholder' },
};

/** Step 2: at least one group, each with an effect, and one intended positive effect overall. */
export function stakeholdersCompleteness(stakeholders: readonly StakeholderEntry[]): StepCompleteness {
  const missing: Missing[] = [];
  if (stakeholders.length === 0) {
    missing.push({ code: 'stakeholders.none', fr: 'au moins une partie prenante', en: 'at least one stakeholder group' });
  }
  const written = (s: StakeholderEntry) => s.effects.filter((e) => filled(e.label));
  stakeholders.forEach((s, i) => {
    if (written(s).length === 0) {
      const name = groupNames[s.group];
      missing.push({ code: `stakeholders.${i}.effects`, fr: `au moins un effet pour « ${name.fr} »`, en: `at least one effect for “${name.en}”` });
    }
  });
  if (stakeholders.length > 0 && !stakeholders.some((s) => written(s).some((e) => e.direction === 'positive' && e.intended))) {
    missing.push({ code: 'stakeholders.intended', fr: 'au moins un effet positif recherché', en: 'at least one intended positive effect' });
  }
  return { step: 2, complete: missing.length === 0, missing };
}

/** Step 3: the organisation can report on at least one indicator. */
export function indicatorsCompleteness(indicatorCount: number): StepCompleteness {
  const missing: Missing[] =
    indicatorCount > 0 ? [] : [{ code: 'indicators.none', fr: 'au moins un indicateur', en: 'at least one indicator' }];
  return { step: 3, complete: missing.length === 0, missing };
}

const methodless = (row: PlanRow) => row.methods.length === 0;

/** Step 4: at least one line; each says who answers, when and how. */
export function planCompleteness(plan: readonly PlanRow[]): StepCompleteness {
  const missing: Missing[] = [];
  if (plan.length === 0) missing.push({ code: 'plan.none', fr: 'au moins une ligne au plan de collecte', en: 'at least one line in the collection plan' });
  plan.forEach((row, i) => {
    const n = i + 1;
    if (!filled(row.respondents)) missing.push({ code: `plan.${i}.respondents`, fr: `ligne ${n} : qui répond`, en: `line ${n}: who answers` });
    if (!filled(row.period)) missing.push({ code: `plan.${i}.period`, fr: `ligne ${n} : quand`, en: `line ${n}: when` });
    if (methodless(row)) missing.push({ code: `plan.${i}.methods`, fr: `ligne ${n} : comment`, en: `line ${n}: how` });
  });
  return { step: 4, complete: missing.length === 0, missing };
}

export function completeness(input: {
  mission: MissionGrid;
  stakeholders: readonly StakeholderEntry[];
  plan: readonly PlanRow[];
  indicatorCount: number;
}): StepCompleteness[] {
  return [
    missionCompleteness(input.mission),
    stakeholdersCompleteness(input.stakeholders),
    indicatorsCompleteness(input.indicatorCount),
    planCompleteness(input.plan),
  ];
}

/**
 * Answers needed for a share to be known within ±10 points at 95 % confidence (worst case
 * p = 0.5), with the finite population correction: n0 = 1.96² × 0.25 / 0.1² = 96.04,
 * n = n0 / (1 + (n0 − 1) / N), rounded up. Without a population size, n0 rounded up (97).
 */
export const N0 = 96.04;
export function answersNeeded(populationServed: number | null | undefined): number {
  if (populationServed === null || populationServed === undefined || !Number.isFinite(populationServed) || populationServed <= 0) {
    return Math.ceil(N0);
  }
  const population = Math.floor(populationServed);
  const n = N0 / (1 + (N0 - 1) / population);
  // Guard against 49.000000001 becoming 50.
  return Math.min(population, Math.ceil(n - 1e-9));
}

/** The framework's stakeholder group for a group of the map (families count as people supported). */
export function frameworkGroup(group: FirstStepsGroup): StakeholderGroup | null {
  if (group === 'families') return 'people_supported';
  if (group === 'other') return null;
  return group;
}

/** Lower case, no accents, unified apostrophes, single spaces. */
export function normalizeText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The theory of change the grid and the map give: the mission statement as the impact goal;
 * one outcome per stakeholder group and intended positive effect; each activity, under what it
 * produces when that is said. Nodes of the same kind and label appear once.
 */
export function deriveTemplate(mission: MissionGrid, stakeholders: readonly StakeholderEntry[]): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  const keyOf = new Map<string, string>();
  const add = (node: TemplateNode): string | null => {
    const label = node.labelFr.trim().slice(0, 300);
    if (label.length < 2) return null;
    const identity = `${node.kind}:${normalizeText(label)}`;
    const existing = keyOf.get(identity);
    if (existing) return existing;
    keyOf.set(identity, node.key);
    nodes.push({ ...node, labelFr: label });
    return node.key;
  };
  const impact = add({ key: 'impact', parentKey: null, kind: 'impact', labelFr: mission.statement, stakeholderGroup: null });
  stakeholders.forEach((s, i) => {
    s.effects.forEach((e, j) => {
      if (e.direction !== 'positive' || !e.intended) return;
      add({ key: `outcome-${i}-${j}`, parentKey: impact, kind: 'outcome', labelFr: e.label, stakeholderGroup: frameworkGroup(s.group) });
    });
  });
  mission.activities.forEach((a, i) => {
    const output = filled(a.output) ? add({ key: `output-${i}`, parentKey: impact, kind: 'output', labelFr: a.output, stakeholderGroup: null }) : null;
    add({ key: `activity-${i}`, parentKey: output ?? impact, kind: 'activity', labelFr: a.label, stakeholderGroup: null });
  });
  return nodes;
}

const STOP_WORDS = new Set(
  (
    'avec dans des les une pour par sur aux leur leurs plus moins mieux sont être etre avoir fait faire ' +
    'elles ils nous vous entre sans sous chez cette ces celles ceux tout tous toute toutes meme même ' +
    'that this with from their they more less into have been were what when where which about ' +
    'personne personnes people'
  ).split(' '),
);

/** Crude stems of the meaningful words of a text, each with the word it came from (lower case). */
export function stemWords(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const original of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    const raw = normalizeText(original);
    if (raw.length < 4 || STOP_WORDS.has(raw) || !/^[a-z0-9]+$/.test(raw)) continue;
    const word = raw.length > 5 && raw.endsWith('s') ? raw.slice(0, -1) : raw;
    const stem = word.slice(0, 6);
    if (!out.has(stem)) out.set(stem, original);
  }
  return out;
}

/** Crude stems of the meaningful words of a text: accents off, plural s off, 6 letters at most. */
export function stems(text: string): string[] {
  return [...stemWords(text).keys()];
}

export interface Suggestion {
  entry: BankEntry;
  score: number;
  matchedWords: string[];
}

function entryTokens(entry: BankEntry): string[] {
  return normalizeText([entry.labelFr, entry.labelEn, ...entry.questions.map((q) => q.labelFr)].join(' '))
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/**
 * Bank indicators for the mapped groups and effects, best first. An entry scores the
 * importance of the mapped group it concerns, plus 4 per stem of that group's effects found in
 * its labels, plus 1 per stem of the other effects or of the mission's changes sought. A stem
 * found in many entries ("sentent", common to a twelfth of the bank) tells little: it adds
 * half a point and is not enough to suggest an entry. Entries that meet no distinctive word
 * are suggested only as outcomes of a mapped group.
 */
export function suggestIndicators(
  bank: readonly BankEntry[],
  mission: MissionGrid,
  stakeholders: readonly StakeholderEntry[],
  limit = 12,
): Suggestion[] {
  const importance = new Map<StakeholderGroup, number>();
  const groupStems = new Map<StakeholderGroup, Set<string>>();
  const allStems = new Set<string>(mission.changesSought.flatMap(stems));
  const wordOf = new Map<string, string>();
  for (const text of [...stakeholders.flatMap((s) => s.effects.map((e) => e.label)), ...mission.changesSought]) {
    for (const [stem, word] of stemWords(text)) if (!wordOf.has(stem)) wordOf.set(stem, word);
  }
  for (const s of stakeholders) {
    const effectStems = s.effects.flatMap((e) => stems(e.label));
    effectStems.forEach((w) => allStems.add(w));
    const g = frameworkGroup(s.group);
    if (!g) continue;
    importance.set(g, Math.max(importance.get(g) ?? 0, s.importance));
    const set = groupStems.get(g) ?? new Set<string>();
    effectStems.forEach((w) => set.add(w));
    groupStems.set(g, set);
  }
  const tokensOf = new Map(bank.map((entry) => [entry, entryTokens(entry)]));
  const has = (entry: BankEntry, stem: string) => tokensOf.get(entry)!.some((t) => t.startsWith(stem));
  const commonAbove = Math.max(5, Math.ceil(bank.length / 12));
  const common = new Set([...allStems].filter((w) => bank.filter((e) => has(e, w)).length > commonAbove));

  const scored: Suggestion[] = [];
  for (const entry of bank) {
    const own = groupStems.get(entry.stakeholderGroup) ?? new Set<string>();
    const hits = [...allStems].filter((w) => has(entry, w));
    const distinctive = hits.filter((w) => !common.has(w));
    const groupScore = importance.get(entry.stakeholderGroup) ?? 0;
    if (distinctive.length === 0 && !(groupScore > 0 && entry.kind === 'outcome')) continue;
    let score = groupScore;
    for (const w of hits) score += common.has(w) ? 0.5 : own.has(w) ? 4 : 1;
    scored.push({ entry, score, matchedWords: distinctive.map((w) => wordOf.get(w) ?? w) });
  }
  const ranked = scored.sort(
    (a, b) => b.score - a.score || b.matchedWords.length - a.matchedWords.length || a.entry.id.localeCompare(b.entry.id),
  );
  // Every mapped group whose effects meet the bank gets its two best entries, even when a
  // more important group would fill the list on its own.
  const chosen = new Set<Suggestion>();
  for (const g of [...groupStems.keys()].sort((a, b) => (importance.get(b) ?? 0) - (importance.get(a) ?? 0))) {
    ranked
      .filter((s) => s.entry.stakeholderGroup === g && s.matchedWords.length > 0)
      .slice(0, 2)
      .forEach((s) => chosen.size < limit && chosen.add(s));
  }
  for (const s of ranked) if (chosen.size < limit) chosen.add(s);
  return ranked.filter((s) => chosen.has(s));
}

/** Steps whose content is complete, in order. */
export function completedSteps(steps: readonly StepCompleteness[]): Step[] {
  return steps.filter((s) => s.complete).map((s) => s.step);
}

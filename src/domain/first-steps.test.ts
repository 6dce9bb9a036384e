import { describe, expect, it } from 'vitest';
import type { MissionGrid, PlanRow, StakeholderEntry } from '../contracts/first-steps.ts';
import {
  answersNeeded,
  completedSteps,
  completeness,
  deriveTemplate,
  emptyMission,
  frameworkGroup,
  missionCompleteness,
  planCompleteness,
  stakeholdersCompleteness,
  stems,
  suggestIndicators,
} from './first-steps.ts';
import { INDICATOR_BANK } from './indicator-bank/index.ts';
import type { BankEntry } from './indicator-bank/types.ts';

const mission = (patch: Partial<MissionGrid> = {}): MissionGrid => ({
  problem: 'Exclusion numérique des personnes âgées',
  public: 'Personnes de plus de 60 ans',
  territory: 'Quartiers nord de Marseille',
  statement: 'Les personnes âgées utilisent le numérique en autonomie',
  activities: [{ label: 'Ateliers numériques collectifs', output: 'Des ateliers chaque semaine' }],
  changesSought: ['Autonomie numérique'],
  values: '',
  ...patch,
});

const group = (patch: Partial<StakeholderEntry> = {}): StakeholderEntry => ({
  group: 'people_supported',
  description: '',
  effects: [{ label: 'Reprennent confiance en elles', direction: 'positive', intended: true }],
  importance: 3,
  ...patch,
});

const row = (patch: Partial<PlanRow> = {}): PlanRow => ({
  group: 'people_supported',
  indicatorCode: null,
  respondents: 'Les participant·es aux ateliers',
  period: 'Juin 2026',
  methods: ['paper'],
  populationServed: 200,
  targetAnswers: 66,
  ...patch,
});

const codes = (missing: { code: string }[]) => missing.map((m) => m.code);

describe('mission grid completeness', () => {
  it.each<[string, MissionGrid, string[]]>([
    ['a full grid', mission(), []],
    ['an empty grid', emptyMission(), ['mission.problem', 'mission.public', 'mission.territory', 'mission.statement', 'mission.activities', 'mission.changesSought']],
    ['blank answers', mission({ problem: '   ', territory: '' }), ['mission.problem', 'mission.territory']],
    ['activities without a label', mission({ activities: [{ label: ' ', output: 'x' }] }), ['mission.activities']],
    ['no change sought', mission({ changesSought: [''] }), ['mission.changesSought']],
    ['values are optional', mission({ values: '' }), []],
  ])('%s', (_label, input, expected) => {
    const result = missionCompleteness(input);
    expect(codes(result.missing)).toEqual(expected);
    expect(result.complete).toBe(expected.length === 0);
  });

  it('says what is missing in French and in English', () => {
    const [first] = missionCompleteness(mission({ problem: '' })).missing;
    expect(first).toEqual({ code: 'mission.problem', fr: 'le problème social auquel vous répondez', en: 'the social problem you address' });
  });
});

describe('stakeholder map completeness', () => {
  it.each<[string, StakeholderEntry[], string[]]>([
    ['one group with an intended positive effect', [group()], []],
    ['no group', [], ['stakeholders.none']],
    ['a group without effect', [group(), group({ group: 'volunteers', effects: [] })], ['stakeholders.1.effects']],
    ['an effect still blank', [group({ effects: [{ label: '  ', direction: 'positive', intended: true }] })], ['stakeholders.0.effects', 'stakeholders.intended']],
    ['only negative or unintended effects', [group({ effects: [{ label: 'Fatigue', direction: 'negative', intended: false }, { label: 'Plus de liens', direction: 'positive', intended: false }] })], ['stakeholders.intended']],
  ])('%s', (_label, input, expected) => {
    expect(codes(stakeholdersCompleteness(input).missing)).toEqual(expected);
  });

  it('names the group in the message', () => {
    const [m] = stakeholdersCompleteness([group({ group: 'families', effects: [] })]).missing;
    expect(m?.fr).toContain('familles');
    expect(m?.en).toContain('families');
  });
});

describe('collection plan completeness', () => {
  it.each<[string, PlanRow[], string[]]>([
    ['a full line', [row()], []],
    ['no line', [], ['plan.none']],
    ['a line without who, when, how', [row(), row({ respondents: '', period: ' ', methods: [] })], ['plan.1.respondents', 'plan.1.period', 'plan.1.methods']],
    ['population and target are optional', [row({ populationServed: null, targetAnswers: null })], []],
  ])('%s', (_label, input, expected) => {
    expect(codes(planCompleteness(input).missing)).toEqual(expected);
  });
});

describe('all steps', () => {
  it('lists the four steps and which are complete', () => {
    const steps = completeness({ mission: mission(), stakeholders: [], plan: [row()], indicatorCount: 0 });
    expect(steps.map((s) => [s.step, s.complete])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(completedSteps(steps)).toEqual([1, 4]);
    expect(completeness({ mission: mission(), stakeholders: [group()], plan: [row()], indicatorCount: 2 }).every((s) => s.complete)).toBe(true);
  });
});

describe('answers needed for ±10 points at 95 %', () => {
  it.each<[number | null, number]>([
    [null, 97],
    [0, 97],
    [-5, 97],
    [1, 1],
    [2, 2],
    [10, 10],
    [20, 17],
    [50, 34],
    [100, 50],
    [200, 66],
    [500, 81],
    [1000, 88],
    [10_000, 96],
    [1_000_000, 97],
  ])('population %s → %s answers', (population, expected) => {
    expect(answersNeeded(population)).toBe(expected);
  });

  it('follows n0 / (1 + (n0 − 1) / N) rounded up', () => {
    for (const n of [3, 37, 120, 4321]) {
      expect(answersNeeded(n)).toBe(Math.ceil(96.04 / (1 + 95.04 / n)));
    }
  });
});

describe('framework template', () => {
  it('turns the mission into the impact, intended positive effects into outcomes, activities into outputs and activities', () => {
    const nodes = deriveTemplate(
      mission({
        activities: [
          { label: 'Ateliers numériques collectifs', output: 'Des ateliers chaque semaine' },
          { label: 'Permanences individuelles', output: '' },
        ],
      }),
      [
        group({
          effects: [
            { label: 'Reprennent confiance en elles', direction: 'positive', intended: true },
            { label: 'Dépendance aux aidants', direction: 'negative', intended: false },
            { label: 'Rencontrent des voisins', direction: 'positive', intended: false },
          ],
        }),
        group({ group: 'families', effects: [{ label: 'Sont rassurées', direction: 'positive', intended: true }] }),
        group({ group: 'other', effects: [{ label: 'Visibilité du quartier', direction: 'positive', intended: true }] }),
      ],
    );
    expect(nodes.map((n) => [n.kind, n.labelFr, n.stakeholderGroup, n.parentKey])).toEqual([
      ['impact', 'Les personnes âgées utilisent le numérique en autonomie', null, null],
      ['outcome', 'Reprennent confiance en elles', 'people_supported', 'impact'],
      ['outcome', 'Sont rassurées', 'people_supported', 'impact'],
      ['outcome', 'Visibilité du quartier', null, 'impact'],
      ['output', 'Des ateliers chaque semaine', null, 'impact'],
      ['activity', 'Ateliers numériques collectifs', null, 'output-0'],
      ['activity', 'Permanences individuelles', null, 'impact'],
    ]);
  });

  it('gives each node once, and roots outcomes when there is no mission statement', () => {
    const nodes = deriveTemplate(mission({ statement: '', activities: [] }), [
      group({ effects: [{ label: 'Confiance', direction: 'positive', intended: true }] }),
      group({ group: 'volunteers', effects: [{ label: 'confiance ', direction: 'positive', intended: true }] }),
    ]);
    expect(nodes).toEqual([{ key: 'outcome-0-0', parentKey: null, kind: 'outcome', labelFr: 'Confiance', stakeholderGroup: 'people_supported' }]);
  });

  it.each([
    ['families', 'people_supported'],
    ['other', null],
    ['funders', 'funders'],
  ] as const)('maps the group %s to %s', (input, expected) => {
    expect(frameworkGroup(input)).toBe(expected);
  });
});

describe('indicator suggestions', () => {
  const entry = (id: string, stakeholderGroup: BankEntry['stakeholderGroup'], labelFr: string, kind: BankEntry['kind'] = 'outcome'): BankEntry => ({
    id,
    sector: 'cross_cutting',
    kind,
    stakeholderGroup,
    labelFr,
    labelEn: '',
    unit: '%',
    computation: { type: 'share', options: ['oui'] },
    polarity: 'higher_is_better',
    questions: [],
  });
  const bank = [
    entry('a', 'people_supported', 'Part des personnes qui ont repris confiance'),
    entry('b', 'volunteers', 'Part des bénévoles qui ont confiance dans le projet'),
    entry('c', 'people_supported', 'Nombre d’ateliers', 'output'),
    entry('d', 'funders', 'Part des financeurs satisfaits'),
    entry('e', 'people_supported', 'Part des personnes qui se sentent moins seules'),
  ];

  it('ranks the group’s own effect words first, then the group’s other outcomes, then words met in other groups; drops what matches nothing', () => {
    const found = suggestIndicators(bank, mission({ changesSought: [] }), [group()]);
    expect(found.map((s) => [s.entry.id, s.score, s.matchedWords])).toEqual([
      ['a', 3 + 4, ['confiance']],
      ['e', 3, []],
      ['b', 1, ['confiance']],
    ]);
  });

  it('gives little weight to a word found in many entries, and none on its own', () => {
    const crowded = [
      ...Array.from({ length: 8 }, (_, i) => entry(`s${i}`, 'staff', `Part des salariés qui se sentent bien ${i}`, 'output')),
      entry('t', 'people_supported', 'Part des personnes qui se sentent seules'),
      entry('u', 'people_supported', 'Part des personnes qui se sentent en sécurité', 'output'),
      entry('v', 'volunteers', 'Part des bénévoles qui se sentent seules', 'output'),
    ];
    const found = suggestIndicators(crowded, emptyMission(), [group({ effects: [{ label: 'Se sentent moins seules', direction: 'positive', intended: true }] })]);
    expect(found.map((s) => [s.entry.id, s.score, s.matchedWords])).toEqual([
      ['t', 3 + 0.5 + 4, ['seules']],
      ['v', 0.5 + 1, ['seules']],
    ]);
  });

  it('keeps room for each mapped group when another fills the list', () => {
    const many = [
      ...Array.from({ length: 4 }, (_, i) => entry(`p${i}`, 'people_supported', `Part des personnes qui ont confiance ${i}`)),
      entry('w', 'volunteers', 'Part des bénévoles qui se sentent utiles', 'output'),
    ];
    const found = suggestIndicators(many, emptyMission(), [
      group(),
      group({ group: 'volunteers', importance: 1, effects: [{ label: 'Utiles au quartier', direction: 'positive', intended: true }] }),
    ], 3);
    expect(found.map((s) => s.entry.id)).toEqual(['p0', 'p1', 'w']);
    expect(found[2]?.matchedWords).toEqual(['utiles']);
  });

  it('suggests nothing without a map or a change sought', () => {
    expect(suggestIndicators(bank, emptyMission(), [])).toEqual([]);
  });

  it('finds digital-inclusion indicators in the real bank for a digital-autonomy effect', () => {
    const found = suggestIndicators(INDICATOR_BANK, emptyMission(), [
      group({ effects: [{ label: 'Gagnent en autonomie numérique', direction: 'positive', intended: true }] }),
    ]);
    expect(found.length).toBeGreaterThan(3);
    expect(found.length).toBeLessThanOrEqual(12);
    expect(found[0]?.entry.sector).toBe('digital_inclusion');
    expect(found[0]?.entry.stakeholderGroup).toBe('people_supported');
  });

  it.each([
    ['Les bénévoles se sentent utiles', ['benevo', 'senten', 'utile']],
    ['L’accès aux droits', ['acces', 'droit']],
    ['des personnes', []],
  ])('stems “%s”', (text, expected) => {
    expect(stems(text)).toEqual(expected);
  });
});

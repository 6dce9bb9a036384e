/**
 * Small builders that keep the bank's data files readable: each one fixes the computation and
 * the suggested question's shape, so an entry only says what is specific to it.
 */
import type {
  BankEntry,
  BankOption,
  BankQuestion,
  BankSector,
  ChildProtectionDimension,
  IndicatorKind,
  Polarity,
  StakeholderGroup,
} from './types.ts';

type Pair = readonly [fr: string, en: string];

export interface Meta {
  kind?: IndicatorKind;
  group?: StakeholderGroup;
  unit?: string;
  polarity?: Polarity;
  sdg?: number;
  dim?: ChildProtectionDimension;
  /** Further suggested questions, after the one the computation reads. */
  more?: readonly BankQuestion[];
}

const opt = (value: string, labelFr: string, labelEn: string): BankOption => ({
  value,
  labelFr,
  labelEn,
});

/** The usual four-point agreement scale. */
export const AGREE: readonly BankOption[] = [
  opt('pas_du_tout', 'Pas du tout', 'Not at all'),
  opt('plutot_non', 'Plutôt non', 'Rather not'),
  opt('plutot_oui', 'Plutôt oui', 'Rather yes'),
  opt('tout_a_fait', 'Tout à fait', 'Completely'),
];

export const YES_NO: readonly BankOption[] = [
  opt('oui', 'Oui', 'Yes'),
  opt('non', 'Non', 'No'),
  opt('ne_sait_pas', 'Je ne sais pas', "I don't know"),
];

export const FREQUENCY: readonly BankOption[] = [
  opt('jamais', 'Jamais', 'Never'),
  opt('rarement', 'Rarement', 'Rarely'),
  opt('parfois', 'Parfois', 'Sometimes'),
  opt('souvent', 'Souvent', 'Often'),
];

export const CHANGE: readonly BankOption[] = [
  opt('moins_bien', 'Moins bien', 'Worse'),
  opt('pareil', 'Pareil', 'The same'),
  opt('mieux', 'Mieux', 'Better'),
  opt('beaucoup_mieux', 'Beaucoup mieux', 'Much better'),
];

export const AUTONOMY: readonly BankOption[] = [
  opt('non_pas_du_tout', 'Non, pas du tout', 'No, not at all'),
  opt('avec_aide', 'Oui, avec de l’aide', 'Yes, with help'),
  opt('seul', 'Oui, seul(e)', 'Yes, on my own'),
];

export { opt };

function base(
  sector: BankSector,
  id: string,
  label: Pair,
  meta: Meta,
  defaults: Required<Pick<Meta, 'kind' | 'unit' | 'polarity'>>,
) {
  return {
    id,
    sector,
    ...(meta.dim ? { childProtectionDimension: meta.dim } : {}),
    kind: meta.kind ?? defaults.kind,
    stakeholderGroup: meta.group ?? 'people_supported',
    labelFr: label[0],
    labelEn: label[1],
    unit: meta.unit ?? defaults.unit,
    polarity: meta.polarity ?? defaults.polarity,
    ...(meta.sdg === undefined ? {} : { sdg: meta.sdg }),
  };
}

/** Builders bound to one sector. */
export function sectorBuilders(sector: BankSector) {
  /** Share of respondents whose answer is in `hits`, on a single-choice question. */
  const choice = (
    id: string,
    label: Pair,
    question: Pair,
    options: readonly BankOption[],
    hits: readonly string[],
    meta: Meta = {},
  ): BankEntry => ({
    ...base(sector, id, label, meta, {
      kind: 'outcome',
      unit: '% des répondants',
      polarity: 'higher_is_better',
    }),
    computation: { type: 'share', options: [...hits] },
    questions: [
      { type: 'single', labelFr: question[0], labelEn: question[1], options },
      ...(meta.more ?? []),
    ],
  });

  return {
    choice,
    /** Share answering "plutôt oui" or "tout à fait". */
    agree: (id: string, label: Pair, question: Pair, meta: Meta = {}) =>
      choice(id, label, question, AGREE, ['plutot_oui', 'tout_a_fait'], meta),
    /** Share answering "oui". */
    yes: (id: string, label: Pair, question: Pair, meta: Meta = {}) =>
      choice(id, label, question, YES_NO, ['oui'], meta),
    /** Share answering "souvent" or "parfois" (usually a difficulty: lower is better). */
    often: (id: string, label: Pair, question: Pair, meta: Meta = {}) =>
      choice(id, label, question, FREQUENCY, ['parfois', 'souvent'], {
        polarity: 'lower_is_better',
        ...meta,
      }),
    /** Share saying things are better or much better since the support began. */
    better: (id: string, label: Pair, question: Pair, meta: Meta = {}) =>
      choice(id, label, question, CHANGE, ['mieux', 'beaucoup_mieux'], meta),
    /** Share who can do something on their own. */
    alone: (id: string, label: Pair, question: Pair, meta: Meta = {}) =>
      choice(id, label, question, AUTONOMY, ['seul'], meta),
    /** Mean of a 1–5 scale. */
    scale: (id: string, label: Pair, question: Pair, meta: Meta = {}): BankEntry => ({
      ...base(sector, id, label, meta, {
        kind: 'outcome',
        unit: 'note sur 5',
        polarity: 'higher_is_better',
      }),
      computation: { type: 'mean' },
      questions: [
        { type: 'scale', labelFr: question[0], labelEn: question[1], min: 1, max: 5 },
        ...(meta.more ?? []),
      ],
    }),
    /** Mean of a number answered by each respondent. */
    mean: (id: string, label: Pair, question: Pair, meta: Meta = {}): BankEntry => ({
      ...base(sector, id, label, meta, { kind: 'outcome', unit: 'moyenne', polarity: 'neutral' }),
      computation: { type: 'mean' },
      questions: [
        { type: 'number', labelFr: question[0], labelEn: question[1], min: 0 },
        ...(meta.more ?? []),
      ],
    }),
    /** Sum of an activity figure entered per period. */
    sum: (id: string, label: Pair, question: Pair, meta: Meta = {}): BankEntry => ({
      ...base(sector, id, label, meta, {
        kind: 'output',
        unit: 'nombre',
        polarity: 'higher_is_better',
      }),
      computation: { type: 'sum' },
      questions: [
        { type: 'number', labelFr: question[0], labelEn: question[1], min: 0 },
        ...(meta.more ?? []),
      ],
    }),
    /** Number of responses to the suggested question. */
    count: (id: string, label: Pair, question: BankQuestion, meta: Meta = {}): BankEntry => ({
      ...base(sector, id, label, meta, {
        kind: 'output',
        unit: 'personnes',
        polarity: 'higher_is_better',
      }),
      computation: { type: 'count' },
      questions: [question, ...(meta.more ?? [])],
    }),
  };
}

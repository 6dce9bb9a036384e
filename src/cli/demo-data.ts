/**
 * The demo's fictional content: a network head, its collective, five associations, a common
 * framework about the fight against poverty and exclusion, and how synthetic answers are drawn.
 * Every organisation and person here is made up; every email is in the reserved `.test` domain.
 * The communes are real (INSEE codes), so that maps and territories have somewhere to go.
 */

/** Shared by every demo account. Demo only: never use it for real data. */
export const DEMO_PASSWORD = 'demo-socle-2026';
export const DEMO_DOMAIN = 'socle-demo.test';
export const COORDINATOR_EMAIL = `coordination@${DEMO_DOMAIN}`;
export const DEMO_PERIOD = '2026';
export const DEFAULT_SEED = 20260;
/** The demo's own data folder, used when SOCLE_DATA_DIR is not set. */
export const DEMO_DATA_DIR = './data-demo';

type Kind = 'output' | 'outcome' | 'impact';
type Polarity = 'higher_is_better' | 'lower_is_better' | 'neutral';
type Computation =
  { type: 'share'; options: string[] } | { type: 'mean' } | { type: 'count' } | { type: 'sum' };

/** [value, French label, English label] */
export type DemoOption = readonly [string, string, string];

/**
 * How a synthetic answer is drawn. Each respondent has a latent "how things go" level p in
 * [0, 1] (the association's level, the indicator's adjustment, personal noise):
 * - ladder: a single choice whose options go from the worst to the best outcome;
 *   `other` is a value outside the ladder (not concerned, don't know) picked at that rate;
 * - scale: a whole number from min to max, higher with p;
 * - weights: a neutral single choice (age band, time in support), independent of p;
 * - text: a free-text answer given at `rate`, picked from the quotes.
 */
export type AnswerModel =
  | { kind: 'ladder'; ladder: readonly string[]; other?: { value: string; rate: number } }
  | { kind: 'scale' }
  | { kind: 'weights'; weights: Readonly<Record<string, number>> }
  | { kind: 'text'; rate: number };

export interface DemoQuestion {
  type: 'single' | 'scale' | 'text';
  labelFr: string;
  labelEn: string;
  helpFr?: string;
  /** Easy-read (FALC) wording. */
  easyFr?: string;
  required?: boolean;
  options?: readonly DemoOption[];
  min?: number;
  max?: number;
  model: AnswerModel;
}

export interface DemoIndicator {
  code: string;
  labelFr: string;
  labelEn: string;
  kind: Kind;
  unit: string;
  polarity: Polarity;
  computation: Computation;
  /** Key of the theory-of-change node it hangs on. */
  node: string;
  /** How it is collected; absent for activity figures ('sum'). */
  question?: DemoQuestion;
}

export interface DemoNode {
  key: string;
  kind: 'impact' | 'outcome' | 'output' | 'activity';
  labelFr: string;
  labelEn: string;
  /** Key of the parent node. */
  parent: string | null;
}

export interface DemoAssociation {
  /** Organisation identifier, also the sub-domain of its ambassador's email. */
  slug: string;
  name: string;
  commune: string;
  communeCode: string;
  departement: string;
  populationServed: number;
  /** In the steering committee: named when invited, or set after joining. */
  copil: 'at_invitation' | 'after_joining' | false;
  ambassadorName: string;
  /** Responses to its 2026 campaigns (150 to 600), those of its sites included. */
  responses: number;
  /**
   * Places where it also works, each with a campaign of its own: their answers count in the
   * site's commune, so the collective's map shows several départements (and a small one hidden).
   */
  sites: readonly { name: string; communeCode: string; responses: number }[];
  /** Base level of the latent outcome for its respondents, 0 to 1. */
  level: number;
  /** Per indicator code: how much better (+) or worse (−) it does than its base level. */
  focus: Readonly<Record<string, number>>;
  /** Chance that an optional question is left blank. */
  missingRate: number;
  ageWeights: Readonly<Record<string, number>>;
  specific: readonly DemoIndicator[];
  /** Activity figures, by period then indicator code (common and specific 'sum' indicators). */
  activity: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

export const NETWORK_HEAD = {
  name: 'Fédération Horizon Solidarités (démo)',
  slug: 'horizon-solidarites-demo',
  kind: 'network_head' as const,
  communeCode: '75056', // Paris
  coordinatorName: 'Coordination Horizon (démo)',
};

export const COLLECTIVE = {
  name: 'Collectif Solidarités (démo)',
  slug: 'collectif-solidarites-demo',
  suppressionThreshold: 5,
};

// ---------------------------------------------------------------------------------------------
// Answer scales

export const AGREE: readonly DemoOption[] = [
  ['pas_du_tout', 'Pas du tout d’accord', 'Strongly disagree'],
  ['plutot_non', 'Plutôt pas d’accord', 'Somewhat disagree'],
  ['plutot_oui', 'Plutôt d’accord', 'Somewhat agree'],
  ['tout_a_fait', 'Tout à fait d’accord', 'Strongly agree'],
];
const AGREE_LADDER = AGREE.map((o) => o[0]);
const AGREE_SHARE = ['plutot_oui', 'tout_a_fait'];

const YES_NO: readonly DemoOption[] = [
  ['oui', 'Oui', 'Yes'],
  ['non', 'Non', 'No'],
];
const YES_NO_LADDER = ['non', 'oui'];

function agree(labelFr: string, labelEn: string, required = false): DemoQuestion {
  return {
    type: 'single',
    labelFr,
    labelEn,
    required,
    options: AGREE,
    model: { kind: 'ladder', ladder: AGREE_LADDER },
  };
}

function scale(
  labelFr: string,
  labelEn: string,
  helpFr = '1 = pas du tout, 5 = tout à fait',
): DemoQuestion {
  return { type: 'scale', labelFr, labelEn, helpFr, min: 1, max: 5, model: { kind: 'scale' } };
}

function yesNo(labelFr: string, labelEn: string): DemoQuestion {
  return {
    type: 'single',
    labelFr,
    labelEn,
    options: YES_NO,
    model: { kind: 'ladder', ladder: YES_NO_LADDER },
  };
}

// ---------------------------------------------------------------------------------------------
// The common framework: theory of change and 15 indicators

export const COMMON_NODES: readonly DemoNode[] = [
  {
    key: 'impact',
    kind: 'impact',
    labelFr: 'Les personnes accompagnées retrouvent une place et un pouvoir d’agir dans la société',
    labelEn: 'People supported regain a place in society and the power to act',
    parent: null,
  },
  {
    key: 'o_confiance',
    kind: 'outcome',
    labelFr: 'Les personnes reprennent confiance en elles',
    labelEn: 'People regain self-confidence',
    parent: 'impact',
  },
  {
    key: 'o_droits',
    kind: 'outcome',
    labelFr: 'Les personnes accèdent à leurs droits et à un logement stable',
    labelEn: 'People access their rights and stable housing',
    parent: 'impact',
  },
  {
    key: 'o_liens',
    kind: 'outcome',
    labelFr: 'Les personnes sont moins isolées et tissent des liens',
    labelEn: 'People are less isolated and build social ties',
    parent: 'impact',
  },
  {
    key: 'o_emploi',
    kind: 'outcome',
    labelFr: 'Les personnes avancent vers l’emploi ou la formation',
    labelEn: 'People move towards employment or training',
    parent: 'impact',
  },
  {
    key: 'o_sante',
    kind: 'outcome',
    labelFr: 'Les personnes prennent soin de leur santé',
    labelEn: 'People take care of their health',
    parent: 'impact',
  },
  {
    key: 'o_autonomie',
    kind: 'outcome',
    labelFr: 'Les personnes gagnent en autonomie au quotidien (numérique, budget)',
    labelEn: 'People become more independent in daily life (digital, budget)',
    parent: 'impact',
  },
  {
    key: 'r_accompagnement',
    kind: 'output',
    labelFr: 'Des personnes sont accompagnées individuellement (accueil, entretiens, orientation)',
    labelEn: 'People receive individual support (welcome, interviews, referral)',
    parent: 'o_droits',
  },
  {
    key: 'r_ateliers',
    kind: 'output',
    labelFr: 'Des ateliers collectifs sont proposés (numérique, budget, santé, convivialité)',
    labelEn: 'Group workshops are held (digital, budget, health, social time)',
    parent: 'o_autonomie',
  },
  {
    key: 'a_permanences',
    kind: 'activity',
    labelFr: 'Permanences d’accueil et d’écoute',
    labelEn: 'Drop-in welcome and listening sessions',
    parent: 'r_accompagnement',
  },
  {
    key: 'a_ateliers',
    kind: 'activity',
    labelFr: 'Animation d’ateliers collectifs',
    labelEn: 'Running group workshops',
    parent: 'r_ateliers',
  },
];

export const COMMON_INDICATORS: readonly DemoIndicator[] = [
  {
    code: 'C01',
    labelFr: 'Part des personnes qui ont davantage confiance en elles',
    labelEn: 'Share of people who feel more self-confident',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: AGREE_SHARE },
    node: 'o_confiance',
    question: agree(
      'Depuis que je suis accompagné(e), j’ai davantage confiance en moi.',
      'Since I have been supported, I feel more confident in myself.',
      true,
    ),
  },
  {
    code: 'C02',
    labelFr: 'Capacité ressentie à faire face aux difficultés (1 à 5)',
    labelEn: 'Perceived ability to cope with difficulties (1 to 5)',
    kind: 'outcome',
    unit: '/5',
    polarity: 'higher_is_better',
    computation: { type: 'mean' },
    node: 'o_confiance',
    question: scale(
      'De 1 à 5, vous sentez-vous capable de faire face aux difficultés de la vie quotidienne ?',
      'From 1 to 5, do you feel able to cope with the difficulties of daily life?',
    ),
  },
  {
    code: 'C03',
    labelFr: 'Part des personnes qui ont ouvert ou retrouvé au moins un droit',
    labelEn: 'Share of people who opened or recovered at least one entitlement',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: ['oui'] },
    node: 'o_droits',
    question: {
      type: 'single',
      labelFr:
        'Grâce à l’accompagnement, avez-vous ouvert ou retrouvé un droit (RSA, complémentaire santé solidaire, aide au logement…) ?',
      labelEn:
        'Thanks to the support, did you open or recover an entitlement (minimum income, health cover, housing benefit…)?',
      options: [
        ['oui', 'Oui', 'Yes'],
        ['en_cours', 'C’est en cours', 'In progress'],
        ['non', 'Non', 'No'],
      ],
      model: { kind: 'ladder', ladder: ['non', 'en_cours', 'oui'] },
    },
  },
  {
    code: 'C04',
    labelFr: 'Part des personnes qui connaissent mieux leurs droits',
    labelEn: 'Share of people who know their rights better',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: AGREE_SHARE },
    node: 'o_droits',
    question: agree(
      'Je connais mieux mes droits et les démarches à faire.',
      'I know my rights and the steps to take better.',
    ),
  },
  {
    code: 'C05',
    labelFr: 'Part des personnes en logement stable',
    labelEn: 'Share of people in stable housing',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: ['logement_personnel', 'logement_accompagne'] },
    node: 'o_droits',
    question: {
      type: 'single',
      labelFr: 'Où habitez-vous aujourd’hui ?',
      labelEn: 'Where do you live today?',
      options: [
        ['logement_personnel', 'Dans un logement à mon nom', 'In a home in my name'],
        [
          'logement_accompagne',
          'Dans un logement accompagné (résidence sociale, pension de famille…)',
          'In supported housing (social residence, boarding house…)',
        ],
        ['heberge_tiers', 'Chez de la famille ou des amis', 'With family or friends'],
        [
          'hebergement_urgence',
          'En hébergement d’urgence ou à l’hôtel',
          'In emergency accommodation or a hotel',
        ],
        [
          'sans_logement',
          'À la rue, en squat ou dans un véhicule',
          'On the street, in a squat or a vehicle',
        ],
      ],
      model: {
        kind: 'ladder',
        ladder: [
          'sans_logement',
          'hebergement_urgence',
          'heberge_tiers',
          'logement_accompagne',
          'logement_personnel',
        ],
      },
    },
  },
  {
    code: 'C06',
    labelFr: 'Part des personnes qui se sentent souvent seules',
    labelEn: 'Share of people who often feel lonely',
    kind: 'outcome',
    unit: '%',
    polarity: 'lower_is_better',
    computation: { type: 'share', options: ['souvent', 'tres_souvent'] },
    node: 'o_liens',
    question: {
      type: 'single',
      labelFr: 'Vous arrive-t-il de vous sentir seul(e) ?',
      labelEn: 'Do you ever feel lonely?',
      options: [
        ['jamais', 'Jamais', 'Never'],
        ['parfois', 'Parfois', 'Sometimes'],
        ['souvent', 'Souvent', 'Often'],
        ['tres_souvent', 'Très souvent', 'Very often'],
      ],
      model: { kind: 'ladder', ladder: ['tres_souvent', 'souvent', 'parfois', 'jamais'] },
    },
  },
  {
    code: 'C07',
    labelFr: 'Sentiment d’être entouré(e) (1 à 5)',
    labelEn: 'Feeling of having people around (1 to 5)',
    kind: 'outcome',
    unit: '/5',
    polarity: 'higher_is_better',
    computation: { type: 'mean' },
    node: 'o_liens',
    question: scale(
      'De 1 à 5, avez-vous des personnes sur qui compter en cas de coup dur ?',
      'From 1 to 5, do you have people to count on when things get hard?',
    ),
  },
  {
    code: 'C08',
    labelFr: 'Part des personnes engagées vers l’emploi ou la formation',
    labelEn: 'Share of people taking steps towards employment or training',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: ['emploi', 'formation', 'demarches'] },
    node: 'o_emploi',
    question: {
      type: 'single',
      labelFr: 'Où en êtes-vous côté travail ou formation ?',
      labelEn: 'Where are you with work or training?',
      options: [
        ['emploi', 'J’ai un emploi (même à temps partiel)', 'I have a job (even part-time)'],
        ['formation', 'Je suis en formation', 'I am in training'],
        [
          'demarches',
          'Je fais des démarches (candidatures, inscription…)',
          'I am taking steps (applications, registration…)',
        ],
        [
          'pas_encore',
          'Pas encore, ce n’est pas le moment pour moi',
          'Not yet, it is not the right time for me',
        ],
        [
          'non_concerne',
          'Je ne suis pas concerné(e) (retraite, invalidité…)',
          'Not relevant to me (retired, disabled…)',
        ],
      ],
      model: {
        kind: 'ladder',
        ladder: ['pas_encore', 'demarches', 'formation', 'emploi'],
        other: { value: 'non_concerne', rate: 0.08 },
      },
    },
  },
  {
    code: 'C09',
    labelFr: 'Part des personnes qui ont consulté un professionnel de santé',
    labelEn: 'Share of people who saw a health professional',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: ['oui'] },
    node: 'o_sante',
    question: yesNo(
      'Ces six derniers mois, avez-vous consulté un médecin ou un autre professionnel de santé ?',
      'In the last six months, did you see a doctor or another health professional?',
    ),
  },
  {
    code: 'C10',
    labelFr: 'Santé ressentie (1 à 5)',
    labelEn: 'Self-rated health (1 to 5)',
    kind: 'outcome',
    unit: '/5',
    polarity: 'higher_is_better',
    computation: { type: 'mean' },
    node: 'o_sante',
    question: scale(
      'De 1 à 5, comment vous sentez-vous en ce moment, dans votre corps et dans votre tête ?',
      'From 1 to 5, how do you feel at the moment, in body and mind?',
      '1 = très mal, 5 = très bien',
    ),
  },
  {
    code: 'C11',
    labelFr: 'Part des personnes autonomes pour leurs démarches en ligne',
    labelEn: 'Share of people able to do online formalities on their own',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: AGREE_SHARE },
    node: 'o_autonomie',
    question: agree(
      'Je peux faire seul(e) mes démarches en ligne (allocations, impôts, santé…).',
      'I can do my online formalities on my own (benefits, taxes, health…).',
    ),
  },
  {
    code: 'C12',
    labelFr: 'Part des personnes qui gèrent mieux leur budget',
    labelEn: 'Share of people who manage their budget better',
    kind: 'outcome',
    unit: '%',
    polarity: 'higher_is_better',
    computation: { type: 'share', options: AGREE_SHARE },
    node: 'o_autonomie',
    question: agree(
      'J’arrive mieux à gérer mon budget et à payer mes factures.',
      'I manage my budget and pay my bills better.',
    ),
  },
  {
    code: 'C13',
    labelFr: 'Personnes ayant répondu au questionnaire de suivi',
    labelEn: 'People who answered the follow-up questionnaire',
    kind: 'output',
    unit: 'personnes',
    polarity: 'neutral',
    computation: { type: 'count' },
    node: 'r_accompagnement',
    question: {
      type: 'single',
      labelFr: 'Depuis combien de temps êtes-vous accompagné(e) par l’association ?',
      labelEn: 'How long have you been supported by the association?',
      required: true,
      options: [
        ['moins_6_mois', 'Moins de 6 mois', 'Less than 6 months'],
        ['de_6_a_12_mois', 'De 6 mois à 1 an', '6 months to 1 year'],
        ['de_1_a_2_ans', 'De 1 à 2 ans', '1 to 2 years'],
        ['plus_de_2_ans', 'Plus de 2 ans', 'More than 2 years'],
      ],
      model: {
        kind: 'weights',
        weights: {
          moins_6_mois: 0.34,
          de_6_a_12_mois: 0.28,
          de_1_a_2_ans: 0.22,
          plus_de_2_ans: 0.16,
        },
      },
    },
  },
  {
    code: 'C14',
    labelFr: 'Personnes accompagnées dans l’année',
    labelEn: 'People supported during the year',
    kind: 'output',
    unit: 'personnes',
    polarity: 'higher_is_better',
    computation: { type: 'sum' },
    node: 'r_accompagnement',
  },
  {
    code: 'C15',
    labelFr: 'Entretiens individuels réalisés',
    labelEn: 'Individual interviews held',
    kind: 'output',
    unit: 'entretiens',
    polarity: 'higher_is_better',
    computation: { type: 'sum' },
    node: 'r_accompagnement',
  },
];

/** Questions every questionnaire asks that are tied to no indicator. */
export const AGE_QUESTION: DemoQuestion = {
  type: 'single',
  labelFr: 'Quel âge avez-vous ?',
  labelEn: 'How old are you?',
  easyFr: 'Votre âge ?',
  options: [
    ['moins_26', 'Moins de 26 ans', 'Under 26'],
    ['de_26_a_44', 'De 26 à 44 ans', '26 to 44'],
    ['de_45_a_59', 'De 45 à 59 ans', '45 to 59'],
    ['plus_60', '60 ans ou plus', '60 or over'],
  ],
  model: { kind: 'weights', weights: {} }, // the association's ageWeights
};

export const FREE_TEXT_QUESTION: DemoQuestion = {
  type: 'text',
  labelFr: 'Voulez-vous nous dire avec vos mots ce que l’accompagnement a changé pour vous ?',
  easyFr: 'Qu’est-ce qui a changé pour vous ? Dites-le avec vos mots.',
  labelEn: 'Would you like to tell us in your own words what the support changed for you?',
  helpFr: 'Facultatif. N’écrivez pas votre nom.',
  model: { kind: 'text', rate: 0.16 },
};

/** Made-up quotes for the free-text question. */
export const QUOTES: readonly string[] = [
  'On m’a écouté sans me juger, ça m’a redonné de l’élan.',
  'Grâce à l’atelier numérique, je fais mes papiers toute seule maintenant.',
  'J’ai enfin un logement, je peux recevoir mes enfants le week-end.',
  'Je me sens moins seul depuis que je viens aux repas du jeudi.',
  'Les démarches restent trop longues, il faudrait plus de permanences.',
  'J’ai repris une formation, je n’y croyais plus.',
  'Merci à l’équipe, sans vous je n’y serais pas arrivée.',
  'Ce serait bien d’avoir des horaires le samedi.',
  'J’ai appris à faire un budget et je n’ai plus de découvert.',
  'Ici on me parle comme à une personne, pas comme à un dossier.',
  'J’ai retrouvé un médecin traitant, ça faisait trois ans.',
  'Le groupe de parole m’aide beaucoup.',
];

// ---------------------------------------------------------------------------------------------
// The five associations

const DEFAULT_AGES = { moins_26: 0.18, de_26_a_44: 0.38, de_45_a_59: 0.29, plus_60: 0.15 };

export const ASSOCIATIONS: readonly DemoAssociation[] = [
  {
    slug: 'passerelles',
    name: 'Les Passerelles de la Vilaine (démo)',
    commune: 'Rennes',
    communeCode: '35238',
    departement: 'Ille-et-Vilaine (35)',
    populationServed: 1200,
    copil: false,
    ambassadorName: 'Camille (Les Passerelles, démo)',
    responses: 320,
    sites: [
      { name: 'Antenne de Saint-Brieuc (démo)', communeCode: '22278', responses: 60 },
      { name: 'Permanence de Vannes (démo)', communeCode: '56260', responses: 3 },
    ],
    level: 0.58,
    focus: { C03: 0.08, C05: 0.12, C04: 0.06 },
    missingRate: 0.05,
    ageWeights: DEFAULT_AGES,
    specific: [
      {
        code: 'S01',
        labelFr: 'Part des personnes qui participent à la vie de l’association',
        labelEn: 'Share of people who take part in the life of the association',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: ['oui'] },
        node: 'o_liens',
        question: yesNo(
          'Participez-vous à la vie de l’association (bénévolat, réunions, conseil de la vie sociale) ?',
          'Do you take part in the life of the association (volunteering, meetings, residents’ council)?',
        ),
      },
      {
        code: 'S02',
        labelFr: 'Satisfaction à l’égard de l’accueil (1 à 5)',
        labelEn: 'Satisfaction with the welcome (1 to 5)',
        kind: 'outcome',
        unit: '/5',
        polarity: 'higher_is_better',
        computation: { type: 'mean' },
        node: 'r_accompagnement',
        question: scale(
          'De 1 à 5, êtes-vous satisfait(e) de l’accueil à l’association ?',
          'From 1 to 5, are you satisfied with the welcome at the association?',
        ),
      },
    ],
    activity: {
      '2026': { C14: 1140, C15: 4380 },
      '2025': { C14: 1055, C15: 3920 },
    },
  },
  {
    slug: 'calanques',
    name: 'Calanques Entraide (démo)',
    commune: 'Marseille',
    communeCode: '13055',
    departement: 'Bouches-du-Rhône (13)',
    populationServed: 2400,
    copil: 'at_invitation',
    ambassadorName: 'Yanis (Calanques Entraide, démo)',
    responses: 560,
    sites: [{ name: 'Antenne de Toulon (démo)', communeCode: '83137', responses: 90 }],
    level: 0.5,
    focus: { C05: -0.14, C12: 0.1, C09: 0.06 },
    missingRate: 0.07,
    ageWeights: { moins_26: 0.14, de_26_a_44: 0.36, de_45_a_59: 0.31, plus_60: 0.19 },
    specific: [
      {
        code: 'S01',
        labelFr: 'Part des personnes qui mangent à leur faim',
        labelEn: 'Share of people who have enough to eat',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: ['souvent', 'toujours'] },
        node: 'o_sante',
        question: {
          type: 'single',
          labelFr: 'Ces derniers mois, avez-vous pu manger à votre faim ?',
          labelEn: 'In recent months, have you had enough to eat?',
          options: [
            ['toujours', 'Toujours', 'Always'],
            ['souvent', 'Souvent', 'Often'],
            ['parfois', 'Parfois', 'Sometimes'],
            ['rarement', 'Rarement ou jamais', 'Rarely or never'],
          ],
          model: { kind: 'ladder', ladder: ['rarement', 'parfois', 'souvent', 'toujours'] },
        },
      },
      {
        code: 'S02',
        labelFr: 'Repas et colis solidaires distribués',
        labelEn: 'Solidarity meals and food parcels handed out',
        kind: 'output',
        unit: 'repas',
        polarity: 'higher_is_better',
        computation: { type: 'sum' },
        node: 'r_ateliers',
      },
    ],
    activity: {
      '2026': { C14: 2310, C15: 5120, S02: 48600 },
      '2025': { C14: 2150, C15: 4700, S02: 45200 },
    },
  },
  {
    slug: 'beffroi',
    name: 'Le Beffroi Solidaire (démo)',
    commune: 'Lille',
    communeCode: '59350',
    departement: 'Nord (59)',
    populationServed: 900,
    copil: false,
    ambassadorName: 'Louise (Le Beffroi Solidaire, démo)',
    responses: 190,
    sites: [{ name: 'Antenne d’Arras (démo)', communeCode: '62041', responses: 40 }],
    level: 0.63,
    focus: { C08: 0.16, C11: 0.12, C12: -0.1, C05: -0.06 },
    missingRate: 0.04,
    ageWeights: { moins_26: 0.82, de_26_a_44: 0.18, de_45_a_59: 0, plus_60: 0 },
    specific: [
      {
        code: 'S01',
        labelFr: 'Part des jeunes qui ont un projet professionnel plus clair',
        labelEn: 'Share of young people with a clearer career plan',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: AGREE_SHARE },
        node: 'o_emploi',
        question: agree(
          'J’ai une idée plus claire de ce que je veux faire plus tard.',
          'I have a clearer idea of what I want to do later.',
        ),
      },
    ],
    activity: {
      '2026': { C14: 870, C15: 3650 },
    },
  },
  {
    slug: 'traboules',
    name: 'Traboules et Partage (démo)',
    commune: 'Lyon',
    communeCode: '69123',
    departement: 'Rhône (69)',
    populationServed: 1800,
    copil: 'after_joining',
    ambassadorName: 'Malik (Traboules et Partage, démo)',
    responses: 430,
    sites: [
      { name: 'Antenne de Saint-Étienne (démo)', communeCode: '42218', responses: 80 },
      { name: 'Permanence de Grenoble (démo)', communeCode: '38185', responses: 4 },
    ],
    level: 0.6,
    focus: { C06: 0.12, C07: 0.1, C08: -0.06 },
    missingRate: 0.06,
    ageWeights: { moins_26: 0.1, de_26_a_44: 0.55, de_45_a_59: 0.27, plus_60: 0.08 },
    specific: [
      {
        code: 'S01',
        labelFr: 'Part des parents qui se sentent soutenus dans leur rôle',
        labelEn: 'Share of parents who feel supported in their role',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: AGREE_SHARE },
        node: 'o_liens',
        question: agree(
          'En tant que parent, je me sens soutenu(e) et moins seul(e) face aux difficultés.',
          'As a parent, I feel supported and less alone with difficulties.',
        ),
      },
      {
        code: 'S02',
        labelFr: 'Part des familles parties en vacances ou en sortie de loisirs',
        labelEn: 'Share of families who went on holiday or a leisure outing',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: ['oui'] },
        node: 'o_liens',
        question: yesNo(
          'Cette année, votre famille a-t-elle pu partir en vacances ou faire une sortie de loisirs ?',
          'This year, could your family go on holiday or on a leisure outing?',
        ),
      },
      {
        code: 'S03',
        labelFr: 'Confiance dans les services publics (1 à 5)',
        labelEn: 'Trust in public services (1 to 5)',
        kind: 'outcome',
        unit: '/5',
        polarity: 'higher_is_better',
        computation: { type: 'mean' },
        node: 'o_droits',
        question: scale(
          'De 1 à 5, faites-vous confiance aux services publics pour vous aider ?',
          'From 1 to 5, do you trust public services to help you?',
        ),
      },
    ],
    activity: {
      '2026': { C14: 1720, C15: 5980 },
    },
  },
  {
    slug: 'axe-commun',
    name: 'L’Axe Commun (démo)',
    commune: 'Cergy',
    communeCode: '95127',
    departement: 'Val-d’Oise (95)',
    populationServed: 650,
    copil: false,
    ambassadorName: 'Inès (L’Axe Commun, démo)',
    responses: 170,
    sites: [{ name: 'Antenne de Créteil (démo)', communeCode: '94028', responses: 35 }],
    level: 0.54,
    focus: { C11: 0.16, C04: 0.08, C06: -0.08 },
    missingRate: 0.08,
    ageWeights: { moins_26: 0.12, de_26_a_44: 0.4, de_45_a_59: 0.3, plus_60: 0.18 },
    specific: [
      {
        code: 'S01',
        labelFr: 'Part des personnes plus à l’aise en français à l’oral',
        labelEn: 'Share of people more at ease speaking French',
        kind: 'outcome',
        unit: '%',
        polarity: 'higher_is_better',
        computation: { type: 'share', options: AGREE_SHARE },
        node: 'o_autonomie',
        question: agree(
          'Je suis plus à l’aise pour parler français au quotidien (commerces, administrations, école).',
          'I am more at ease speaking French day to day (shops, offices, school).',
        ),
      },
    ],
    activity: {
      '2026': { C14: 610, C15: 2240 },
    },
  },
];

export function ambassadorEmail(association: Pick<DemoAssociation, 'slug'>): string {
  return `ambassadeur@${association.slug}.${DEMO_DOMAIN}`;
}

export interface DemoAccount {
  email: string;
  name: string;
  /** Role in its organisation (all demo accounts are admins). */
  role: 'admin';
  profileFr: string;
  profileEn: string;
  organisation: string;
  organisationSlug: string;
}

/** Every demo account; they all use DEMO_PASSWORD. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    email: COORDINATOR_EMAIL,
    name: NETWORK_HEAD.coordinatorName,
    role: 'admin',
    profileFr: 'coordination de la tête de réseau',
    profileEn: 'network head coordinator',
    organisation: NETWORK_HEAD.name,
    organisationSlug: NETWORK_HEAD.slug,
  },
  ...ASSOCIATIONS.map((a) => ({
    email: ambassadorEmail(a),
    name: a.ambassadorName,
    role: 'admin' as const,
    profileFr: a.copil ? 'ambassadeur, membre du COPIL' : 'ambassadeur de l’association',
    profileEn: a.copil
      ? 'impact lead, steering committee member'
      : 'impact lead of the association',
    organisation: a.name,
    organisationSlug: a.slug,
  })),
];

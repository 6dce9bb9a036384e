import { opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('poverty_exclusion');

/** Fight against poverty and exclusion. */
export const POVERTY_EXCLUSION: readonly BankEntry[] = [
  b.sum(
    'pe-001',
    ['Nombre de personnes accompagnées', 'Number of people supported'],
    [
      'Combien de personnes différentes avez-vous accompagnées sur la période ?',
      'How many different people did you support during the period?',
    ],
    { unit: 'personnes', sdg: 1 },
  ),
  b.sum(
    'pe-002',
    ['Nombre d’entretiens d’accompagnement réalisés', 'Number of support interviews held'],
    [
      'Combien d’entretiens individuels avez-vous menés sur la période ?',
      'How many one-to-one interviews did you hold during the period?',
    ],
    { group: 'staff', unit: 'entretiens' },
  ),
  b.sum(
    'pe-003',
    ['Nombre de dossiers d’ouverture de droits déposés', 'Number of benefit claims filed'],
    [
      'Combien de demandes de droits (RSA, CSS, APL, prime d’activité…) avez-vous aidé à déposer ?',
      'How many benefit claims (RSA, health cover, housing benefit, in-work bonus…) did you help file?',
    ],
    { unit: 'dossiers', sdg: 1 },
  ),
  b.yes(
    'pe-004',
    [
      'Part des personnes ayant ouvert au moins un droit depuis le début de l’accompagnement',
      'Share of people who obtained at least one new benefit since support began',
    ],
    [
      'Depuis que vous êtes accompagné(e), avez-vous obtenu un droit ou une aide que vous n’aviez pas avant ?',
      'Since you have been supported, have you obtained a benefit or allowance you did not have before?',
    ],
    { sdg: 1 },
  ),
  b.agree(
    'pe-005',
    [
      'Part des personnes qui connaissent mieux leurs droits',
      'Share of people who know their rights better',
    ],
    [
      'Aujourd’hui, je sais mieux à quelles aides j’ai droit.',
      'Today I know better which benefits I am entitled to.',
    ],
    { sdg: 10 },
  ),
  b.yes(
    'pe-006',
    [
      'Part des personnes ayant une complémentaire santé',
      'Share of people with complementary health cover',
    ],
    [
      'Avez-vous une mutuelle ou la Complémentaire santé solidaire ?',
      'Do you have complementary health insurance or the free top-up cover (CSS)?',
    ],
    { sdg: 3 },
  ),
  b.choice(
    'pe-007',
    ['Part des personnes ayant un logement stable', 'Share of people in stable housing'],
    ['Aujourd’hui, où dormez-vous le plus souvent ?', 'Where do you sleep most often today?'],
    [
      opt('rue', 'À la rue ou dans un abri de fortune', 'On the street or in a makeshift shelter'),
      opt(
        'hebergement_urgence',
        'En hébergement d’urgence ou à l’hôtel',
        'In emergency shelter or a hotel',
      ),
      opt('heberge_tiers', 'Chez de la famille ou des amis', 'With family or friends'),
      opt(
        'logement_temporaire',
        'En logement temporaire (CHRS, résidence sociale…)',
        'In temporary housing (hostel, social residence…)',
      ),
      opt(
        'logement_autonome',
        'Dans mon propre logement (locataire ou propriétaire)',
        'In my own home (tenant or owner)',
      ),
    ],
    ['logement_autonome'],
    { unit: '% des personnes', sdg: 11 },
  ),
  b.sum(
    'pe-008',
    [
      'Nombre de personnes relogées ou entrées dans un logement',
      'Number of people rehoused or moved into a home',
    ],
    [
      'Combien de personnes accompagnées sont entrées dans un logement sur la période ?',
      'How many people you support moved into a home during the period?',
    ],
    { kind: 'outcome', unit: 'personnes', sdg: 11 },
  ),
  b.agree(
    'pe-009',
    [
      'Part des personnes qui se sentent en sécurité dans leur logement',
      'Share of people who feel safe in their home',
    ],
    ['Je me sens en sécurité dans l’endroit où je vis.', 'I feel safe where I live.'],
    { sdg: 11 },
  ),
  b.yes(
    'pe-010',
    [
      'Part des personnes sans impayé de loyer ou d’énergie',
      'Share of people with no rent or energy arrears',
    ],
    [
      'Êtes-vous à jour de votre loyer et de vos factures d’énergie ?',
      'Are you up to date with your rent and energy bills?',
    ],
    { sdg: 1 },
  ),
  b.agree(
    'pe-011',
    [
      'Part des personnes qui arrivent mieux à gérer leur budget',
      'Share of people who manage their budget better',
    ],
    ['J’arrive mieux à gérer mon budget qu’avant.', 'I manage my budget better than before.'],
    { sdg: 1 },
  ),
  b.often(
    'pe-012',
    [
      'Part des personnes qui manquent d’argent pour l’essentiel en fin de mois',
      'Share of people short of money for essentials at the end of the month',
    ],
    [
      'Vous arrive-t-il de manquer d’argent pour manger, vous soigner ou payer vos factures ?',
      'Do you run short of money for food, healthcare or bills?',
    ],
    { sdg: 1 },
  ),
  b.sum(
    'pe-013',
    [
      'Nombre de dossiers de surendettement accompagnés',
      'Number of over-indebtedness files supported',
    ],
    [
      'Combien de dossiers de surendettement avez-vous aidé à monter ?',
      'How many over-indebtedness files did you help prepare?',
    ],
    { unit: 'dossiers', sdg: 1 },
  ),
  b.choice(
    'pe-014',
    ['Part des personnes en emploi ou en formation', 'Share of people in work or training'],
    ['Quelle est votre situation aujourd’hui ?', 'What is your situation today?'],
    [
      opt('sans_activite', 'Sans emploi ni formation', 'Neither working nor in training'),
      opt('recherche', 'En recherche d’emploi', 'Looking for work'),
      opt('formation', 'En formation', 'In training'),
      opt('emploi_aide', 'En contrat aidé ou en insertion', 'In a subsidised or integration job'),
      opt('emploi', 'En emploi (CDD, CDI, intérim)', 'In work (fixed-term, permanent, temp)'),
    ],
    ['formation', 'emploi_aide', 'emploi'],
    { unit: '% des personnes', sdg: 8 },
  ),
  b.sum(
    'pe-015',
    ['Nombre de personnes entrées en formation', 'Number of people who started training'],
    [
      'Combien de personnes accompagnées ont commencé une formation sur la période ?',
      'How many people you support started a training course during the period?',
    ],
    { kind: 'outcome', unit: 'personnes', sdg: 4 },
  ),
  b.sum(
    'pe-016',
    ['Nombre de sorties vers l’emploi durable', 'Number of exits into lasting employment'],
    [
      'Combien de personnes ont signé un CDI ou un CDD de plus de six mois sur la période ?',
      'How many people signed a permanent contract or a contract of more than six months during the period?',
    ],
    { kind: 'outcome', unit: 'personnes', sdg: 8 },
  ),
  b.agree(
    'pe-017',
    [
      'Part des personnes qui ont un projet professionnel plus clair',
      'Share of people with a clearer career plan',
    ],
    [
      'Je sais mieux vers quel métier ou quelle formation je veux aller.',
      'I know better which job or training I want to aim for.',
    ],
    { sdg: 8 },
  ),
  b.yes(
    'pe-018',
    ['Part des personnes ayant un médecin traitant', 'Share of people with a regular doctor'],
    ['Avez-vous un médecin traitant ?', 'Do you have a regular doctor (GP)?'],
    { sdg: 3 },
  ),
  b.often(
    'pe-019',
    ['Part des personnes qui renoncent à des soins', 'Share of people who go without healthcare'],
    [
      'Vous arrive-t-il de renoncer à vous soigner (manque d’argent, de temps, de transport) ?',
      'Do you ever go without healthcare (for lack of money, time or transport)?',
    ],
    { sdg: 3 },
  ),
  b.sum(
    'pe-020',
    ['Nombre de colis ou repas distribués', 'Number of food parcels or meals distributed'],
    [
      'Combien de colis alimentaires ou de repas avez-vous distribués sur la période ?',
      'How many food parcels or meals did you distribute during the period?',
    ],
    { unit: 'colis ou repas', sdg: 2 },
  ),
  b.often(
    'pe-021',
    [
      'Part des personnes qui sautent des repas faute de moyens',
      'Share of people skipping meals for lack of money',
    ],
    [
      'Au cours du dernier mois, vous est-il arrivé de sauter un repas faute d’argent ?',
      'In the past month, did you skip a meal for lack of money?',
    ],
    { sdg: 2 },
  ),
  b.agree(
    'pe-022',
    [
      'Part des personnes qui peuvent se déplacer pour leurs démarches',
      'Share of people able to travel for their errands and appointments',
    ],
    [
      'Je peux me rendre facilement à mes rendez-vous (transports, permis, véhicule…).',
      'I can easily get to my appointments (transport, licence, vehicle…).',
    ],
    { sdg: 11 },
  ),
  b.sum(
    'pe-023',
    ['Nombre d’aides à la mobilité accordées', 'Number of mobility aids granted'],
    [
      'Combien d’aides à la mobilité (titres de transport, location de véhicule, aide au permis) avez-vous accordées ?',
      'How many mobility aids (transport passes, vehicle hire, driving-licence aid) did you grant?',
    ],
    { unit: 'aides' },
  ),
  b.often(
    'pe-024',
    ['Part des personnes qui se sentent seules', 'Share of people who feel lonely'],
    ['Vous arrive-t-il de vous sentir seul(e) ?', 'Do you feel lonely?'],
  ),
  b.agree(
    'pe-025',
    [
      'Part des personnes qui ont repris confiance en elles',
      'Share of people who regained self-confidence',
    ],
    [
      'Depuis que je suis accompagné(e), j’ai davantage confiance en moi.',
      'Since I have been supported, I am more confident in myself.',
    ],
  ),
  b.agree(
    'pe-026',
    [
      'Part des personnes qui savent à qui s’adresser en cas de difficulté',
      'Share of people who know where to turn when in difficulty',
    ],
    [
      'Si j’ai un problème, je sais vers qui me tourner.',
      'If I have a problem, I know who to turn to.',
    ],
  ),
  b.sum(
    'pe-027',
    [
      'Nombre de personnes rencontrées en maraude ou en aller-vers',
      'Number of people met during outreach',
    ],
    [
      'Combien de personnes avez-vous rencontrées lors des maraudes ou actions d’aller-vers ?',
      'How many people did you meet during street outreach?',
    ],
    { unit: 'personnes', sdg: 10 },
  ),
  b.sum(
    'pe-028',
    [
      'Nombre de domiciliations administratives actives',
      'Number of active postal address registrations',
    ],
    [
      'Combien de personnes sont domiciliées chez vous à la fin de la période ?',
      'How many people have their postal address registered with you at the end of the period?',
    ],
    { unit: 'domiciliations', sdg: 10 },
  ),
  b.scale(
    'pe-029',
    [
      'Sentiment d’avoir été écouté(e) et respecté(e)',
      'Feeling of being listened to and respected',
    ],
    [
      'Dans l’accompagnement, vous êtes-vous senti(e) écouté(e) et respecté(e) ? (1 = pas du tout, 5 = tout à fait)',
      'In the support you received, did you feel listened to and respected? (1 = not at all, 5 = completely)',
    ],
  ),
  b.better(
    'pe-030',
    [
      'Part des personnes dont la situation globale s’est améliorée',
      'Share of people whose overall situation has improved',
    ],
    [
      'Par rapport au début de l’accompagnement, votre situation est…',
      'Compared with when the support began, your situation is…',
    ],
    { kind: 'impact', sdg: 1 },
  ),
  b.mean(
    'pe-031',
    ['Durée moyenne d’accompagnement', 'Average length of support'],
    [
      'Depuis combien de mois êtes-vous accompagné(e) ?',
      'For how many months have you been supported?',
    ],
    { kind: 'output', unit: 'mois' },
  ),
];

import { opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('ageing_well');

/** Ageing well: autonomy, isolation, home support, carers, falls, social participation. */
export const AGEING_WELL: readonly BankEntry[] = [
  b.sum(
    'aw-001',
    ['Nombre de personnes âgées accompagnées', 'Number of older people supported'],
    [
      'Combien de personnes âgées différentes avez-vous accompagnées sur la période ?',
      'How many different older people did you support during the period?',
    ],
    { unit: 'personnes', sdg: 3 },
  ),
  b.sum(
    'aw-002',
    ['Nombre d’heures d’aide à domicile réalisées', 'Hours of home help delivered'],
    [
      'Combien d’heures d’aide et d’accompagnement à domicile ont été réalisées ?',
      'How many hours of home help were delivered?',
    ],
    { group: 'staff', unit: 'heures', sdg: 3 },
  ),
  b.sum(
    'aw-003',
    ['Nombre de visites de convivialité à domicile', 'Number of friendly home visits'],
    [
      'Combien de visites de convivialité (bénévoles ou salariés) ont eu lieu ?',
      'How many friendly visits (by volunteers or staff) took place?',
    ],
    { group: 'volunteers', unit: 'visites' },
  ),
  b.sum(
    'aw-004',
    ['Nombre d’appels de convivialité', 'Number of friendly phone calls'],
    [
      'Combien d’appels de convivialité ont été passés ?',
      'How many friendly phone calls were made?',
    ],
    { group: 'volunteers', unit: 'appels' },
  ),
  b.often(
    'aw-005',
    ['Part des personnes âgées qui se sentent seules', 'Share of older people who feel lonely'],
    ['Vous arrive-t-il de vous sentir seul(e) ?', 'Do you feel lonely?'],
  ),
  b.choice(
    'aw-006',
    [
      'Part des personnes âgées ayant des contacts au moins une fois par semaine',
      'Share of older people with social contact at least weekly',
    ],
    [
      'À quelle fréquence voyez-vous ou appelez-vous des proches, amis ou voisins ?',
      'How often do you see or call relatives, friends or neighbours?',
    ],
    [
      opt('moins_mois', 'Moins d’une fois par mois', 'Less than once a month'),
      opt('mois', 'Une ou plusieurs fois par mois', 'Once or more a month'),
      opt('semaine', 'Une ou plusieurs fois par semaine', 'Once or more a week'),
      opt('jour', 'Tous les jours', 'Every day'),
    ],
    ['semaine', 'jour'],
  ),
  b.agree(
    'aw-007',
    [
      'Part des personnes âgées qui peuvent continuer à vivre chez elles comme elles le souhaitent',
      'Share of older people able to keep living at home as they wish',
    ],
    [
      'Grâce à l’aide reçue, je peux continuer à vivre chez moi.',
      'Thanks to the help I receive, I can keep living at home.',
    ],
    { kind: 'impact', sdg: 11 },
  ),
  b.alone(
    'aw-008',
    [
      'Part des personnes âgées qui font leurs courses',
      'Share of older people who do their own shopping',
    ],
    ['Pouvez-vous faire vos courses ?', 'Can you do your shopping?'],
    { sdg: 3 },
  ),
  b.alone(
    'aw-009',
    [
      'Part des personnes âgées qui se déplacent hors de chez elles',
      'Share of older people who go out of their home',
    ],
    [
      'Pouvez-vous sortir de chez vous (marcher dans le quartier, prendre le bus) ?',
      'Can you go out (walk around the neighbourhood, take the bus)?',
    ],
    { sdg: 3 },
  ),
  b.scale(
    'aw-010',
    ['Sentiment d’autonomie dans la vie quotidienne', 'Feeling of independence in daily life'],
    [
      'Dans votre vie de tous les jours, vous sentez-vous autonome ? (1 = pas du tout, 5 = tout à fait)',
      'In your daily life, do you feel independent? (1 = not at all, 5 = completely)',
    ],
  ),
  b.yes(
    'aw-011',
    [
      'Part des personnes âgées ayant chuté dans les six derniers mois',
      'Share of older people who fell in the past six months',
    ],
    [
      'Êtes-vous tombé(e) au cours des six derniers mois ?',
      'Have you fallen in the past six months?',
    ],
    { polarity: 'lower_is_better', sdg: 3 },
  ),
  b.sum(
    'aw-012',
    ['Nombre d’ateliers de prévention des chutes', 'Number of fall-prevention workshops'],
    [
      'Combien d’ateliers équilibre ou prévention des chutes avez-vous animés ?',
      'How many balance or fall-prevention workshops did you run?',
    ],
    { group: 'staff', unit: 'ateliers', sdg: 3 },
  ),
  b.sum(
    'aw-013',
    ['Nombre de logements adaptés ou aménagés', 'Number of homes adapted'],
    [
      'Combien de logements ont été adaptés (barres d’appui, douche, monte-escalier…) ?',
      'How many homes were adapted (grab bars, walk-in shower, stairlift…)?',
    ],
    { kind: 'output', unit: 'logements', sdg: 11 },
  ),
  b.agree(
    'aw-014',
    [
      'Part des personnes âgées qui ont moins peur de tomber',
      'Share of older people less afraid of falling',
    ],
    ['J’ai moins peur de tomber qu’avant.', 'I am less afraid of falling than before.'],
    { sdg: 3 },
  ),
  b.yes(
    'aw-015',
    [
      'Part des personnes âgées ayant participé à une activité collective',
      'Share of older people who took part in a group activity',
    ],
    [
      'Ce mois-ci, avez-vous participé à une activité de groupe (atelier, sortie, repas) ?',
      'This month, did you take part in a group activity (workshop, outing, shared meal)?',
    ],
  ),
  b.sum(
    'aw-016',
    [
      'Nombre d’activités collectives proposées aux seniors',
      'Number of group activities offered to older people',
    ],
    [
      'Combien d’ateliers, sorties ou repas partagés avez-vous organisés ?',
      'How many workshops, outings or shared meals did you organise?',
    ],
    { group: 'staff', unit: 'activités' },
  ),
  b.agree(
    'aw-017',
    ['Part des personnes âgées qui se sentent utiles', 'Share of older people who feel useful'],
    ['Je me sens utile aux autres.', 'I feel useful to others.'],
  ),
  b.sum(
    'aw-018',
    ['Nombre d’aidants accompagnés', 'Number of carers supported'],
    [
      'Combien d’aidants (proches aidants) avez-vous accompagnés sur la période ?',
      'How many family carers did you support during the period?',
    ],
    { unit: 'aidants', sdg: 3 },
  ),
  b.agree(
    'aw-019',
    ['Part des aidants qui se sentent épuisés', 'Share of carers who feel exhausted'],
    ['En tant qu’aidant(e), je me sens épuisé(e).', 'As a carer, I feel exhausted.'],
    { polarity: 'lower_is_better', sdg: 3 },
  ),
  b.yes(
    'aw-020',
    [
      'Part des aidants ayant pu prendre un temps de répit',
      'Share of carers who could take a break',
    ],
    [
      'Ces trois derniers mois, avez-vous pu prendre du temps pour vous (répit) ?',
      'In the past three months, were you able to take time for yourself (respite)?',
    ],
    { sdg: 3 },
  ),
  b.agree(
    'aw-021',
    [
      'Part des aidants qui savent où trouver de l’aide',
      'Share of carers who know where to find help',
    ],
    [
      'Je sais à qui m’adresser pour être aidé(e) dans mon rôle d’aidant.',
      'I know who to turn to for help in my role as a carer.',
    ],
  ),
  b.scale(
    'aw-022',
    ['Satisfaction à l’égard de l’aide à domicile', 'Satisfaction with home help'],
    [
      'Êtes-vous satisfait(e) de l’aide que vous recevez à domicile ? (1 = pas du tout, 5 = tout à fait)',
      'Are you satisfied with the help you receive at home? (1 = not at all, 5 = completely)',
    ],
  ),
  b.yes(
    'aw-023',
    [
      'Part des personnes âgées ayant eu une hospitalisation évitable ou en urgence',
      'Share of older people with an emergency hospital stay',
    ],
    [
      'Au cours des six derniers mois, avez-vous été hospitalisé(e) en urgence ?',
      'In the past six months, were you admitted to hospital as an emergency?',
    ],
    { polarity: 'lower_is_better', sdg: 3 },
  ),
  b.agree(
    'aw-024',
    [
      'Part des personnes âgées qui se sentent en sécurité chez elles',
      'Share of older people who feel safe at home',
    ],
    ['Je me sens en sécurité chez moi.', 'I feel safe at home.'],
    { sdg: 11 },
  ),
  b.mean(
    'aw-025',
    ['Âge moyen des personnes accompagnées', 'Average age of people supported'],
    ['Quel âge avez-vous ?', 'How old are you?'],
    { kind: 'output', unit: 'ans' },
  ),
  b.sum(
    'aw-026',
    [
      'Nombre de bénévoles engagés auprès des personnes âgées',
      'Number of volunteers engaged with older people',
    ],
    [
      'Combien de bénévoles interviennent auprès des personnes âgées ?',
      'How many volunteers work with older people?',
    ],
    { group: 'volunteers', unit: 'bénévoles' },
  ),
];

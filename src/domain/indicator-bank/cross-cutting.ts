import { AGREE, opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('cross_cutting');

/** Cross-cutting indicators any member can use: well-being, confidence, isolation, engagement. */
export const CROSS_CUTTING: readonly BankEntry[] = [
  b.scale(
    'cc-001',
    ['Bien-être général', 'Overall well-being'],
    [
      'En ce moment, comment vous sentez-vous dans votre vie ? (1 = très mal, 5 = très bien)',
      'These days, how do you feel about your life? (1 = very bad, 5 = very good)',
    ],
    { sdg: 3 },
  ),
  b.agree(
    'cc-002',
    [
      'Part des personnes qui ont davantage confiance en elles',
      'Share of people who feel more self-confident',
    ],
    ['J’ai davantage confiance en moi qu’avant.', 'I am more confident in myself than before.'],
  ),
  b.often(
    'cc-003',
    ['Part des personnes qui se sentent isolées', 'Share of people who feel isolated'],
    ['Vous arrive-t-il de vous sentir isolé(e) ou seul(e) ?', 'Do you feel isolated or lonely?'],
  ),
  b.agree(
    'cc-004',
    [
      'Part des personnes qui ont pu créer de nouveaux liens',
      'Share of people who made new connections',
    ],
    [
      'Grâce à la structure, j’ai rencontré de nouvelles personnes.',
      'Thanks to the organisation, I have met new people.',
    ],
  ),
  b.scale(
    'cc-005',
    ['Satisfaction des personnes accompagnées', 'Satisfaction of the people supported'],
    [
      'Êtes-vous satisfait(e) de l’accompagnement reçu ? (1 = pas du tout, 5 = tout à fait)',
      'Are you satisfied with the support you received? (1 = not at all, 5 = completely)',
    ],
  ),
  b.choice(
    'cc-006',
    [
      'Part des personnes qui recommanderaient la structure',
      'Share of people who would recommend the organisation',
    ],
    [
      'Conseilleriez-vous la structure à un proche ?',
      'Would you recommend the organisation to someone close to you?',
    ],
    [opt('non', 'Non', 'No'), opt('peut_etre', 'Peut-être', 'Maybe'), opt('oui', 'Oui', 'Yes')],
    ['oui'],
  ),
  b.agree(
    'cc-007',
    ['Part des personnes qui se sentent utiles', 'Share of people who feel useful'],
    ['Je me sens utile.', 'I feel useful.'],
  ),
  b.agree(
    'cc-008',
    [
      'Part des personnes qui se sentent capables de faire face aux difficultés',
      'Share of people who feel able to cope with difficulties',
    ],
    [
      'Je me sens capable de faire face aux difficultés du quotidien.',
      'I feel able to cope with everyday difficulties.',
    ],
  ),
  b.agree(
    'cc-009',
    [
      'Part des personnes qui ont pu participer à des décisions de la structure',
      'Share of people who took part in the organisation’s decisions',
    ],
    [
      'On m’a demandé mon avis sur le fonctionnement de la structure.',
      'I was asked for my views on how the organisation works.',
    ],
    { sdg: 16 },
  ),
  b.sum(
    'cc-010',
    ['Nombre de bénévoles actifs', 'Number of active volunteers'],
    [
      'Combien de bénévoles ont été actifs sur la période ?',
      'How many volunteers were active during the period?',
    ],
    { group: 'volunteers', unit: 'bénévoles' },
  ),
  b.sum(
    'cc-011',
    ['Nombre d’heures de bénévolat', 'Volunteer hours'],
    [
      'Combien d’heures les bénévoles ont-ils données sur la période ?',
      'How many hours did volunteers give during the period?',
    ],
    { group: 'volunteers', unit: 'heures' },
  ),
  b.agree(
    'cc-012',
    ['Part des bénévoles qui se sentent reconnus', 'Share of volunteers who feel recognised'],
    [
      'En tant que bénévole, je me sens reconnu(e) et soutenu(e).',
      'As a volunteer, I feel recognised and supported.',
    ],
    { group: 'volunteers' },
  ),
  b.agree(
    'cc-013',
    [
      'Part des bénévoles qui souhaitent poursuivre leur engagement',
      'Share of volunteers who want to keep volunteering',
    ],
    [
      'Je souhaite continuer mon engagement l’an prochain.',
      'I want to keep volunteering next year.',
    ],
    { group: 'volunteers' },
  ),
  b.agree(
    'cc-014',
    [
      'Part des bénévoles qui ont acquis de nouvelles compétences',
      'Share of volunteers who gained new skills',
    ],
    [
      'Mon bénévolat m’a permis d’apprendre de nouvelles choses.',
      'Volunteering has helped me learn new things.',
    ],
    { group: 'volunteers', sdg: 4 },
  ),
  b.agree(
    'cc-015',
    [
      'Part des salariés qui trouvent du sens à leur travail',
      'Share of staff who find meaning in their work',
    ],
    ['Je trouve du sens à mon travail.', 'I find meaning in my work.'],
    { group: 'staff', sdg: 8 },
  ),
  b.agree(
    'cc-016',
    [
      'Part des salariés qui se sentent soutenus par leur équipe',
      'Share of staff who feel supported by their team',
    ],
    [
      'Je me sens soutenu(e) par mon équipe et ma direction.',
      'I feel supported by my team and management.',
    ],
    { group: 'staff', sdg: 8 },
  ),
  b.often(
    'cc-017',
    ['Part des salariés qui se sentent épuisés', 'Share of staff who feel exhausted'],
    [
      'Vous arrive-t-il de vous sentir épuisé(e) par votre travail ?',
      'Do you feel exhausted by your work?',
    ],
    { group: 'staff', sdg: 8 },
  ),
  b.scale(
    'cc-018',
    ['Engagement des salariés', 'Staff engagement'],
    [
      'Vous sentez-vous engagé(e) dans le projet de la structure ? (1 = pas du tout, 5 = tout à fait)',
      'Do you feel committed to the organisation’s project? (1 = not at all, 5 = completely)',
    ],
    { group: 'staff', sdg: 8 },
  ),
  b.sum(
    'cc-019',
    ['Nombre d’heures de formation des salariés', 'Staff training hours'],
    [
      'Combien d’heures de formation les salariés ont-ils suivies ?',
      'How many hours of training did staff attend?',
    ],
    { group: 'staff', unit: 'heures', sdg: 4 },
  ),
  b.sum(
    'cc-020',
    ['Nombre de départs de salariés', 'Number of staff departures'],
    [
      'Combien de salariés ont quitté la structure sur la période ?',
      'How many staff left the organisation during the period?',
    ],
    { group: 'staff', unit: 'départs', polarity: 'lower_is_better', sdg: 8 },
  ),
  b.agree(
    'cc-021',
    [
      'Part des partenaires satisfaits de la collaboration',
      'Share of partners satisfied with the collaboration',
    ],
    [
      'Je suis satisfait(e) de notre collaboration avec la structure.',
      'I am satisfied with our collaboration with the organisation.',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.agree(
    'cc-022',
    [
      'Part des financeurs qui jugent les résultats lisibles',
      'Share of funders who find the results clear',
    ],
    [
      'Les résultats présentés par la structure sont clairs et utiles pour moi.',
      'The results reported by the organisation are clear and useful to me.',
    ],
    { group: 'funders' },
  ),
  b.count(
    'cc-023',
    [
      'Nombre de personnes ayant répondu au questionnaire',
      'Number of people who answered the questionnaire',
    ],
    {
      type: 'single',
      labelFr: 'Acceptez-vous de répondre à ce questionnaire ?',
      labelEn: 'Do you agree to answer this questionnaire?',
      options: [opt('oui', 'Oui', 'Yes'), opt('non', 'Non', 'No')],
    },
    { unit: 'réponses', polarity: 'neutral' },
  ),
  b.count(
    'cc-024',
    ['Nombre de témoignages recueillis', 'Number of testimonies collected'],
    {
      type: 'text',
      labelFr: 'Qu’est-ce qui a changé pour vous grâce à la structure ? Racontez-nous.',
      labelEn: 'What has changed for you thanks to the organisation? Tell us.',
    },
    { kind: 'outcome', unit: 'témoignages' },
  ),
  b.count(
    'cc-025',
    [
      'Nombre de bénévoles ayant répondu à l’enquête d’engagement',
      'Number of volunteers who answered the engagement survey',
    ],
    {
      type: 'single',
      labelFr: 'Depuis combien de temps êtes-vous bénévole ici ?',
      labelEn: 'How long have you been volunteering here?',
      options: [
        opt('moins_1_an', 'Moins d’un an', 'Less than a year'),
        opt('un_a_trois_ans', 'Un à trois ans', 'One to three years'),
        opt('plus_3_ans', 'Plus de trois ans', 'More than three years'),
      ],
    },
    { group: 'volunteers', unit: 'réponses', polarity: 'neutral' },
  ),
  b.choice(
    'cc-026',
    [
      'Part des personnes qui se sentent mieux intégrées dans leur quartier ou leur commune',
      'Share of people who feel more a part of their neighbourhood or town',
    ],
    [
      'Je me sens davantage membre de mon quartier ou de ma commune.',
      'I feel more a part of my neighbourhood or town.',
    ],
    AGREE,
    ['plutot_oui', 'tout_a_fait'],
    { kind: 'impact', group: 'territory', sdg: 11 },
  ),
  b.better(
    'cc-027',
    [
      'Part des personnes dont la qualité de vie s’est améliorée',
      'Share of people whose quality of life has improved',
    ],
    [
      'Depuis que vous venez ici, votre qualité de vie est…',
      'Since you started coming here, your quality of life is…',
    ],
    { kind: 'impact', sdg: 3 },
  ),
];

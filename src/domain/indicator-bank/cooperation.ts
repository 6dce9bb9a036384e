import { opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('cooperation');

/** Cooperation between the members of a cluster (PTCE, network, collective). */
export const COOPERATION: readonly BankEntry[] = [
  b.sum(
    'co-001',
    ['Nombre de réunions collectives tenues', 'Number of collective meetings held'],
    [
      'Combien de réunions collectives (COPIL, groupes de travail, plénières) se sont tenues ?',
      'How many collective meetings (steering committee, working groups, plenaries) were held?',
    ],
    { group: 'partners', unit: 'réunions', sdg: 17 },
  ),
  b.mean(
    'co-002',
    [
      'Nombre moyen de membres présents par réunion',
      'Average number of members attending each meeting',
    ],
    [
      'Combien de structures membres étaient présentes à cette réunion ?',
      'How many member organisations attended this meeting?',
    ],
    { kind: 'output', group: 'partners', unit: 'membres', polarity: 'higher_is_better', sdg: 17 },
  ),
  b.sum(
    'co-003',
    ['Nombre de structures membres du collectif', 'Number of member organisations in the cluster'],
    [
      'Combien de structures sont membres du collectif à la fin de la période ?',
      'How many organisations are members of the cluster at the end of the period?',
    ],
    { group: 'partners', unit: 'structures', sdg: 17 },
  ),
  b.sum(
    'co-004',
    ['Nombre de nouveaux membres', 'Number of new members'],
    [
      'Combien de structures ont rejoint le collectif sur la période ?',
      'How many organisations joined the cluster during the period?',
    ],
    { group: 'partners', unit: 'structures', sdg: 17 },
  ),
  b.sum(
    'co-005',
    ['Nombre de projets communs lancés', 'Number of joint projects started'],
    [
      'Combien de projets communs entre membres ont démarré sur la période ?',
      'How many joint projects between members started during the period?',
    ],
    { group: 'partners', unit: 'projets', sdg: 17 },
  ),
  b.sum(
    'co-006',
    ['Nombre d’emplois mutualisés', 'Number of pooled jobs'],
    [
      'Combien d’emplois sont partagés entre plusieurs membres (en équivalent temps plein) ?',
      'How many jobs are shared between several members (in full-time equivalents)?',
    ],
    { group: 'staff', unit: 'ETP', sdg: 8 },
  ),
  b.sum(
    'co-007',
    ['Nombre de ressources mutualisées', 'Number of pooled resources'],
    [
      'Combien de ressources sont mises en commun (locaux, véhicules, matériel, outils) ?',
      'How many resources are pooled (premises, vehicles, equipment, tools)?',
    ],
    { group: 'partners', unit: 'ressources', sdg: 17 },
  ),
  b.sum(
    'co-008',
    ['Nombre de nouveaux partenariats noués', 'Number of new partnerships formed'],
    [
      'Combien de nouveaux partenariats (conventions, accords) ont été signés ?',
      'How many new partnerships (agreements) were signed?',
    ],
    { group: 'partners', unit: 'partenariats', sdg: 17 },
  ),
  b.sum(
    'co-009',
    ['Montant des financements obtenus collectivement', 'Funding obtained collectively'],
    [
      'Quel montant de financements a été obtenu grâce à des réponses communes ?',
      'How much funding was obtained through joint applications?',
    ],
    { group: 'funders', unit: 'euros', sdg: 17 },
  ),
  b.sum(
    'co-010',
    ['Nombre d’orientations entre membres', 'Number of referrals between members'],
    [
      'Combien de personnes avez-vous orientées vers un autre membre du collectif ?',
      'How many people did you refer to another member of the cluster?',
    ],
    { group: 'partners', unit: 'orientations' },
  ),
  b.sum(
    'co-011',
    [
      'Nombre d’emplois créés sur le territoire par le collectif',
      'Number of jobs created locally by the cluster',
    ],
    [
      'Combien d’emplois ont été créés grâce aux projets du collectif ?',
      'How many jobs were created through the cluster’s projects?',
    ],
    { kind: 'outcome', group: 'territory', unit: 'emplois', sdg: 8 },
  ),
  b.sum(
    'co-012',
    [
      'Nombre de formations ou temps d’échange de pratiques entre membres',
      'Number of training or practice-sharing sessions between members',
    ],
    [
      'Combien de formations communes ou d’échanges de pratiques ont été organisés ?',
      'How many joint training or practice-sharing sessions were organised?',
    ],
    { group: 'staff', unit: 'sessions', sdg: 17 },
  ),
  b.agree(
    'co-013',
    [
      'Part des membres impliqués dans la vie du collectif',
      'Share of members involved in the life of the cluster',
    ],
    [
      'Ma structure participe activement aux travaux du collectif.',
      'My organisation takes an active part in the cluster’s work.',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.agree(
    'co-014',
    [
      'Part des membres qui connaissent mieux les autres membres',
      'Share of members who know the other members better',
    ],
    [
      'Je connais mieux les autres structures du territoire grâce au collectif.',
      'Thanks to the cluster, I know the other local organisations better.',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.agree(
    'co-015',
    [
      'Part des membres qui font confiance aux autres membres',
      'Share of members who trust the other members',
    ],
    [
      'Je fais confiance aux autres membres du collectif.',
      'I trust the other members of the cluster.',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.agree(
    'co-016',
    [
      'Part des membres pour qui le collectif a amélioré leur action',
      'Share of members for whom the cluster improved their work',
    ],
    [
      'Le collectif a permis à ma structure de mieux accompagner les personnes.',
      'The cluster has helped my organisation support people better.',
    ],
    { kind: 'impact', group: 'partners', sdg: 17 },
  ),
  b.agree(
    'co-017',
    [
      'Part des membres qui se sentent associés aux décisions',
      'Share of members who feel involved in decisions',
    ],
    [
      'Ma structure est associée aux décisions du collectif.',
      'My organisation is involved in the cluster’s decisions.',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.scale(
    'co-018',
    [
      'Satisfaction des membres à l’égard de la coopération',
      'Members’ satisfaction with the cooperation',
    ],
    [
      'Êtes-vous satisfait(e) de la coopération au sein du collectif ? (1 = pas du tout, 5 = tout à fait)',
      'Are you satisfied with the cooperation within the cluster? (1 = not at all, 5 = completely)',
    ],
    { group: 'partners', sdg: 17 },
  ),
  b.choice(
    'co-019',
    [
      'Part des membres ayant réalisé une action commune avec un autre membre',
      'Share of members who carried out a joint action with another member',
    ],
    [
      'Cette année, avec combien d’autres membres avez-vous mené une action commune ?',
      'This year, with how many other members did you carry out a joint action?',
    ],
    [
      opt('aucun', 'Aucun', 'None'),
      opt('un', 'Un', 'One'),
      opt('deux_a_quatre', 'Deux à quatre', 'Two to four'),
      opt('cinq_plus', 'Cinq ou plus', 'Five or more'),
    ],
    ['un', 'deux_a_quatre', 'cinq_plus'],
    { group: 'partners', sdg: 17 },
  ),
  b.agree(
    'co-020',
    [
      'Part des partenaires publics qui identifient le collectif comme un interlocuteur',
      'Share of public partners who see the cluster as a point of contact',
    ],
    [
      'Le collectif est un interlocuteur reconnu pour les acteurs publics du territoire.',
      'The cluster is a recognised point of contact for local public bodies.',
    ],
    { kind: 'impact', group: 'funders', sdg: 17 },
  ),
  b.sum(
    'co-021',
    [
      'Nombre de communes ou quartiers couverts par le collectif',
      'Number of municipalities or neighbourhoods covered by the cluster',
    ],
    [
      'Sur combien de communes ou de quartiers les membres interviennent-ils ?',
      'In how many municipalities or neighbourhoods do the members work?',
    ],
    { group: 'territory', unit: 'communes', sdg: 11 },
  ),
  b.sum(
    'co-022',
    ['Nombre d’outils communs produits', 'Number of shared tools produced'],
    [
      'Combien d’outils communs (guides, annuaires, référentiels) ont été produits ?',
      'How many shared tools (guides, directories, frameworks) were produced?',
    ],
    { group: 'partners', unit: 'outils', sdg: 17 },
  ),
  b.sum(
    'co-023',
    [
      'Nombre de structures ayant répondu à la collecte commune',
      'Number of organisations that took part in the joint data collection',
    ],
    [
      'Combien de structures membres ont transmis leurs données pour la mesure d’impact commune ?',
      'How many member organisations submitted their data for the joint impact measurement?',
    ],
    { group: 'partners', unit: 'structures', sdg: 17 },
  ),
];

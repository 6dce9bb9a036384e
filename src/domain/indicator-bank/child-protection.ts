import { opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('child_protection');

/** Child protection, along the six usual dimensions of a child's needs. */
export const CHILD_PROTECTION: readonly BankEntry[] = [
  // Basic needs and safety
  b.sum(
    'cp-001',
    ['Nombre d’enfants et de jeunes accompagnés', 'Number of children and young people supported'],
    [
      'Combien d’enfants ou de jeunes différents avez-vous accompagnés sur la période ?',
      'How many different children or young people did you support during the period?',
    ],
    { unit: 'enfants', dim: 'basic_needs_safety' },
  ),
  b.agree(
    'cp-002',
    [
      'Part des jeunes qui se sentent en sécurité là où ils vivent',
      'Share of young people who feel safe where they live',
    ],
    ['Je me sens en sécurité là où je vis.', 'I feel safe where I live.'],
    { dim: 'basic_needs_safety', sdg: 16 },
  ),
  b.agree(
    'cp-003',
    ['Part des jeunes qui mangent à leur faim', 'Share of young people who have enough to eat'],
    ['Je mange à ma faim tous les jours.', 'I have enough to eat every day.'],
    { dim: 'basic_needs_safety', sdg: 2 },
  ),
  b.sum(
    'cp-004',
    [
      'Nombre d’informations préoccupantes traitées',
      'Number of child-welfare concern reports handled',
    ],
    [
      'Combien d’informations préoccupantes avez-vous évaluées sur la période ?',
      'How many child-welfare concern reports did you assess during the period?',
    ],
    { group: 'staff', unit: 'informations', polarity: 'neutral', dim: 'basic_needs_safety' },
  ),
  b.often(
    'cp-005',
    [
      'Part des jeunes ayant connu un changement de lieu d’accueil non prévu',
      'Share of young people who had an unplanned change of placement',
    ],
    [
      'Cette année, as-tu dû changer de lieu de vie sans que ce soit prévu ?',
      'This year, did you have to move to another home without it being planned?',
    ],
    { dim: 'basic_needs_safety' },
  ),
  // Skills
  b.yes(
    'cp-006',
    ['Part des jeunes scolarisés ou en formation', 'Share of young people in school or training'],
    [
      'Vas-tu à l’école, au collège, au lycée ou en formation ?',
      'Do you go to school or attend training?',
    ],
    { dim: 'skills', sdg: 4 },
  ),
  b.often(
    'cp-007',
    ['Part des jeunes en absentéisme scolaire', 'Share of young people often absent from school'],
    [
      'Cette année, t’arrive-t-il de manquer l’école sans raison ?',
      'This year, do you miss school without a reason?',
    ],
    { dim: 'skills', sdg: 4 },
  ),
  b.agree(
    'cp-008',
    [
      'Part des jeunes qui se sentent capables de réussir à l’école ou en formation',
      'Share of young people who feel able to succeed at school or in training',
    ],
    [
      'Je me sens capable de réussir à l’école ou dans ma formation.',
      'I feel able to succeed at school or in my training.',
    ],
    { dim: 'skills', sdg: 4 },
  ),
  b.sum(
    'cp-009',
    [
      'Nombre de diplômes ou qualifications obtenus',
      'Number of diplomas or qualifications obtained',
    ],
    [
      'Combien de jeunes accompagnés ont obtenu un diplôme ou une qualification sur la période ?',
      'How many young people you support obtained a diploma or qualification during the period?',
    ],
    { kind: 'outcome', unit: 'jeunes', dim: 'skills', sdg: 4 },
  ),
  b.sum(
    'cp-010',
    ['Nombre d’heures de soutien scolaire', 'Hours of homework support'],
    [
      'Combien d’heures de soutien scolaire ou d’aide aux devoirs ont été proposées ?',
      'How many hours of tutoring or homework help were offered?',
    ],
    { group: 'staff', unit: 'heures', dim: 'skills', sdg: 4 },
  ),
  // Health and risks
  b.yes(
    'cp-011',
    [
      'Part des jeunes ayant eu un bilan de santé dans l’année',
      'Share of young people who had a health check this year',
    ],
    [
      'As-tu vu un médecin pour un bilan de santé cette année ?',
      'Have you seen a doctor for a health check this year?',
    ],
    { dim: 'health_risks', sdg: 3 },
  ),
  b.agree(
    'cp-012',
    ['Part des jeunes qui se sentent en bonne santé', 'Share of young people who feel healthy'],
    ['Je me sens en bonne santé.', 'I feel healthy.'],
    { dim: 'health_risks', sdg: 3 },
  ),
  b.sum(
    'cp-013',
    [
      'Nombre d’actions de prévention des conduites à risque',
      'Number of risk-behaviour prevention sessions',
    ],
    [
      'Combien d’actions de prévention (addictions, sexualité, écrans…) avez-vous menées ?',
      'How many prevention sessions (addiction, sexual health, screens…) did you run?',
    ],
    { group: 'staff', unit: 'actions', dim: 'health_risks', sdg: 3 },
  ),
  b.often(
    'cp-014',
    [
      'Part des jeunes exposés à des conduites à risque',
      'Share of young people exposed to risk behaviours',
    ],
    [
      'T’arrive-t-il de consommer de l’alcool, du tabac ou d’autres produits ?',
      'Do you drink alcohol, smoke or use other substances?',
    ],
    { dim: 'health_risks', sdg: 3 },
  ),
  b.yes(
    'cp-015',
    [
      'Part des jeunes ayant un suivi psychologique quand c’est nécessaire',
      'Share of young people with psychological follow-up when needed',
    ],
    [
      'Si tu en as besoin, peux-tu parler à un psychologue ?',
      'If you need to, can you talk to a psychologist?',
    ],
    { dim: 'health_risks', sdg: 3 },
  ),
  // Emotional well-being and self-esteem
  b.scale(
    'cp-016',
    ['Estime de soi des jeunes', 'Young people’s self-esteem'],
    [
      'Est-ce que tu es content(e) de qui tu es ? (1 = pas du tout, 5 = tout à fait)',
      'Are you happy with who you are? (1 = not at all, 5 = completely)',
    ],
    { dim: 'wellbeing_self_esteem' },
  ),
  b.agree(
    'cp-017',
    [
      'Part des jeunes qui se sentent bien la plupart du temps',
      'Share of young people who feel good most of the time',
    ],
    ['La plupart du temps, je me sens bien.', 'Most of the time, I feel good.'],
    { dim: 'wellbeing_self_esteem', sdg: 3 },
  ),
  b.agree(
    'cp-018',
    [
      'Part des jeunes qui ont confiance en leur avenir',
      'Share of young people who are hopeful about their future',
    ],
    ['J’ai confiance en mon avenir.', 'I feel hopeful about my future.'],
    { dim: 'wellbeing_self_esteem' },
  ),
  b.agree(
    'cp-019',
    [
      'Part des jeunes qui se sentent écoutés par les professionnels',
      'Share of young people who feel listened to by professionals',
    ],
    [
      'Les éducateurs m’écoutent et tiennent compte de mon avis.',
      'The care workers listen to me and take my views into account.',
    ],
    { dim: 'wellbeing_self_esteem' },
  ),
  b.yes(
    'cp-020',
    [
      'Part des jeunes associés à l’élaboration de leur projet pour l’enfant (PPE)',
      'Share of young people involved in drawing up their care plan',
    ],
    [
      'As-tu pu donner ton avis sur ton projet (PPE) ?',
      'Were you able to give your views on your care plan?',
    ],
    { kind: 'output', dim: 'wellbeing_self_esteem' },
  ),
  // Social ties and a resource person
  b.yes(
    'cp-021',
    [
      'Part des jeunes ayant au moins une personne ressource',
      'Share of young people with at least one resource person',
    ],
    [
      'Y a-t-il un adulte sur qui tu peux compter si tu as un problème ?',
      'Is there an adult you can count on if you have a problem?',
    ],
    { dim: 'social_ties_resource_person' },
  ),
  b.agree(
    'cp-022',
    [
      'Part des jeunes qui gardent un lien avec leur famille comme ils le souhaitent',
      'Share of young people who keep in touch with their family as they wish',
    ],
    [
      'Je vois ou j’appelle ma famille autant que je le souhaite.',
      'I see or call my family as much as I want to.',
    ],
    { dim: 'social_ties_resource_person' },
  ),
  b.yes(
    'cp-023',
    ['Part des jeunes qui ont des amis', 'Share of young people who have friends'],
    ['As-tu des amis avec qui tu passes du temps ?', 'Do you have friends you spend time with?'],
    { dim: 'social_ties_resource_person' },
  ),
  b.yes(
    'cp-024',
    [
      'Part des jeunes pratiquant une activité de loisirs, sportive ou culturelle',
      'Share of young people doing a leisure, sports or cultural activity',
    ],
    [
      'Fais-tu une activité régulière (sport, musique, club…) ?',
      'Do you do a regular activity (sport, music, club…)?',
    ],
    { dim: 'social_ties_resource_person' },
  ),
  b.sum(
    'cp-025',
    [
      'Nombre de parrainages ou mentorats engagés',
      'Number of sponsorships or mentoring pairs started',
    ],
    [
      'Combien de parrainages ou mentorats ont démarré sur la période ?',
      'How many sponsorships or mentoring relationships started during the period?',
    ],
    { group: 'volunteers', unit: 'parrainages', dim: 'social_ties_resource_person' },
  ),
  // Autonomy
  b.alone(
    'cp-026',
    [
      'Part des jeunes capables de faire leurs démarches administratives',
      'Share of young people able to handle their paperwork',
    ],
    [
      'Sais-tu faire tes démarches (carte vitale, compte bancaire, CAF…) ?',
      'Can you handle your paperwork (health card, bank account, family benefits…)?',
    ],
    { dim: 'autonomy' },
  ),
  b.alone(
    'cp-027',
    [
      'Part des jeunes capables de gérer un budget',
      'Share of young people able to manage a budget',
    ],
    [
      'Sais-tu gérer ton argent pour tenir jusqu’à la fin du mois ?',
      'Can you manage your money to last until the end of the month?',
    ],
    { dim: 'autonomy' },
  ),
  b.yes(
    'cp-028',
    [
      'Part des jeunes majeurs ayant une solution de logement à la sortie',
      'Share of young adults leaving care with a housing solution',
    ],
    [
      'Sais-tu où tu vas habiter à ta sortie de l’ASE ?',
      'Do you know where you will live when you leave care?',
    ],
    { dim: 'autonomy', sdg: 11 },
  ),
  b.choice(
    'cp-029',
    [
      'Part des jeunes sortants de l’ASE en emploi, en formation ou en études',
      'Share of care leavers in work, training or education',
    ],
    ['Aujourd’hui, que fais-tu ?', 'What are you doing today?'],
    [
      opt('rien', 'Rien pour le moment', 'Nothing for now'),
      opt('recherche', 'Je cherche un emploi ou une formation', 'Looking for work or training'),
      opt('etudes', 'Études ou formation', 'Studying or training'),
      opt('emploi', 'Emploi ou apprentissage', 'Work or apprenticeship'),
    ],
    ['etudes', 'emploi'],
    { kind: 'impact', dim: 'autonomy', sdg: 8 },
  ),
  b.sum(
    'cp-030',
    ['Nombre de contrats jeune majeur signés', 'Number of young-adult care contracts signed'],
    [
      'Combien de contrats jeune majeur ont été signés sur la période ?',
      'How many young-adult care contracts were signed during the period?',
    ],
    { unit: 'contrats', dim: 'autonomy' },
  ),
  b.agree(
    'cp-031',
    [
      'Part des parents qui se sentent soutenus dans leur rôle',
      'Share of parents who feel supported in their role',
    ],
    ['Je me sens soutenu(e) dans mon rôle de parent.', 'I feel supported in my role as a parent.'],
    { dim: 'social_ties_resource_person' },
  ),
];

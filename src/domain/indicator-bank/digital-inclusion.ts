import { opt, sectorBuilders } from './builders.ts';
import type { BankEntry } from './types.ts';

const b = sectorBuilders('digital_inclusion');

/** Digital inclusion: basic skills, online procedures, equipment, confidence, mediation. */
export const DIGITAL_INCLUSION: readonly BankEntry[] = [
  b.sum(
    'di-001',
    [
      'Nombre de séances de médiation numérique réalisées',
      'Number of digital mediation sessions held',
    ],
    [
      'Combien de séances de médiation numérique (individuelles ou collectives) avez-vous animées ?',
      'How many digital mediation sessions (one-to-one or group) did you run?',
    ],
    { group: 'staff', unit: 'séances', sdg: 4 },
  ),
  b.sum(
    'di-002',
    [
      'Nombre de personnes accompagnées au numérique',
      'Number of people supported with digital skills',
    ],
    [
      'Combien de personnes différentes avez-vous accompagnées au numérique ?',
      'How many different people did you support with digital skills?',
    ],
    { unit: 'personnes', sdg: 10 },
  ),
  b.sum(
    'di-003',
    ['Nombre d’ateliers collectifs numériques', 'Number of digital group workshops'],
    [
      'Combien d’ateliers collectifs numériques avez-vous organisés ?',
      'How many digital group workshops did you organise?',
    ],
    { group: 'staff', unit: 'ateliers', sdg: 4 },
  ),
  b.sum(
    'di-004',
    [
      'Nombre de démarches en ligne faites avec une personne',
      'Number of online procedures done with someone',
    ],
    [
      'Combien de démarches en ligne avez-vous faites avec ou pour les personnes (CAF, impôts, ANTS…) ?',
      'How many online procedures did you do with or for people (benefits, tax, ID documents…)?',
    ],
    { group: 'staff', unit: 'démarches' },
  ),
  b.sum(
    'di-005',
    ['Nombre d’heures d’accompagnement numérique', 'Hours of digital support'],
    [
      'Combien d’heures d’accompagnement numérique ont été réalisées ?',
      'How many hours of digital support were provided?',
    ],
    { group: 'staff', unit: 'heures', sdg: 4 },
  ),
  b.alone(
    'di-006',
    [
      'Part des personnes qui font leurs démarches en ligne seules',
      'Share of people who do online procedures on their own',
    ],
    [
      'Pouvez-vous faire vos démarches administratives sur internet ?',
      'Can you do your administrative procedures online?',
    ],
    { sdg: 10 },
  ),
  b.alone(
    'di-007',
    [
      'Part des personnes qui savent envoyer un courriel avec une pièce jointe',
      'Share of people who can send an email with an attachment',
    ],
    [
      'Savez-vous envoyer un courriel avec une pièce jointe ?',
      'Can you send an email with an attachment?',
    ],
    { sdg: 4 },
  ),
  b.alone(
    'di-008',
    [
      'Part des personnes qui savent créer et retenir un mot de passe',
      'Share of people who can create and remember a password',
    ],
    [
      'Savez-vous créer un mot de passe et le retrouver ?',
      'Can you create a password and find it again?',
    ],
    { sdg: 4 },
  ),
  b.alone(
    'di-009',
    [
      'Part des personnes qui savent chercher une information sur internet',
      'Share of people who can look something up online',
    ],
    [
      'Savez-vous chercher une information sur internet ?',
      'Can you look up information on the internet?',
    ],
    { sdg: 4 },
  ),
  b.alone(
    'di-010',
    [
      'Part des personnes qui savent scanner ou photographier un document',
      'Share of people who can scan or photograph a document',
    ],
    [
      'Savez-vous scanner ou prendre en photo un document pour l’envoyer ?',
      'Can you scan or photograph a document to send it?',
    ],
    { sdg: 4 },
  ),
  b.yes(
    'di-011',
    [
      'Part des personnes ayant une adresse électronique active',
      'Share of people with a working email address',
    ],
    [
      'Avez-vous une adresse e-mail que vous consultez ?',
      'Do you have an email address you check?',
    ],
  ),
  b.choice(
    'di-012',
    [
      'Part des personnes équipées d’un ordinateur ou d’une tablette',
      'Share of people with a computer or tablet',
    ],
    ['De quel équipement disposez-vous chez vous ?', 'What equipment do you have at home?'],
    [
      opt('aucun', 'Aucun', 'None'),
      opt('smartphone', 'Un smartphone seulement', 'A smartphone only'),
      opt('tablette', 'Une tablette', 'A tablet'),
      opt('ordinateur', 'Un ordinateur', 'A computer'),
    ],
    ['tablette', 'ordinateur'],
    { sdg: 10 },
  ),
  b.yes(
    'di-013',
    [
      'Part des personnes ayant une connexion internet à domicile',
      'Share of people with internet access at home',
    ],
    [
      'Avez-vous une connexion internet chez vous (box ou forfait suffisant) ?',
      'Do you have internet access at home (broadband or a sufficient mobile plan)?',
    ],
    { sdg: 9 },
  ),
  b.sum(
    'di-014',
    ['Nombre d’équipements reconditionnés remis', 'Number of refurbished devices handed out'],
    [
      'Combien d’ordinateurs, tablettes ou téléphones reconditionnés avez-vous remis ?',
      'How many refurbished computers, tablets or phones did you hand out?',
    ],
    { unit: 'équipements', sdg: 12 },
  ),
  b.agree(
    'di-015',
    [
      'Part des personnes qui se sentent plus à l’aise avec le numérique',
      'Share of people more at ease with digital tools',
    ],
    [
      'Je me sens plus à l’aise avec le numérique qu’avant.',
      'I feel more at ease with digital tools than before.',
    ],
    { sdg: 10 },
  ),
  b.scale(
    'di-016',
    ['Confiance dans l’usage des outils numériques', 'Confidence in using digital tools'],
    [
      'Quand vous utilisez un ordinateur ou un téléphone, vous sentez-vous en confiance ? (1 = pas du tout, 5 = tout à fait)',
      'When you use a computer or phone, do you feel confident? (1 = not at all, 5 = completely)',
    ],
  ),
  b.agree(
    'di-017',
    [
      'Part des personnes qui savent repérer une arnaque en ligne',
      'Share of people who can spot an online scam',
    ],
    [
      'Je sais reconnaître un message ou un site frauduleux.',
      'I can recognise a fraudulent message or website.',
    ],
  ),
  b.often(
    'di-018',
    [
      'Part des personnes qui renoncent à une démarche à cause du numérique',
      'Share of people who give up on a procedure because it is online',
    ],
    [
      'Vous arrive-t-il de renoncer à une démarche parce qu’elle se fait sur internet ?',
      'Do you give up on a procedure because it has to be done online?',
    ],
    { sdg: 10 },
  ),
  b.yes(
    'di-019',
    [
      'Part des personnes ayant un compte sur les principaux services publics en ligne',
      'Share of people with an account on the main public online services',
    ],
    [
      'Avez-vous un compte France Connect, Ameli ou CAF que vous savez utiliser ?',
      'Do you have a France Connect, health insurance or family benefits account you know how to use?',
    ],
  ),
  b.agree(
    'di-020',
    [
      'Part des personnes qui utilisent le numérique pour garder le lien avec leurs proches',
      'Share of people who use digital tools to keep in touch with loved ones',
    ],
    [
      'J’utilise le téléphone ou internet pour garder le contact avec mes proches (messages, visio).',
      'I use my phone or the internet to keep in touch with loved ones (messages, video calls).',
    ],
  ),
  b.agree(
    'di-021',
    [
      'Part des personnes qui utilisent le numérique pour chercher un emploi ou une formation',
      'Share of people using digital tools to look for work or training',
    ],
    [
      'J’utilise internet pour chercher un emploi ou une formation.',
      'I use the internet to look for work or training.',
    ],
    { sdg: 8 },
  ),
  b.sum(
    'di-022',
    [
      'Nombre de Pass numériques distribués',
      'Number of digital vouchers (Pass numérique) distributed',
    ],
    [
      'Combien de Pass numériques avez-vous distribués ou acceptés ?',
      'How many digital vouchers did you distribute or accept?',
    ],
    { unit: 'pass' },
  ),
  b.sum(
    'di-023',
    [
      'Nombre de médiateurs et aidants numériques formés',
      'Number of digital mediators and helpers trained',
    ],
    [
      'Combien de médiateurs, travailleurs sociaux ou aidants ont été formés à l’accompagnement numérique ?',
      'How many mediators, social workers or helpers were trained in digital support?',
    ],
    { group: 'staff', unit: 'personnes', sdg: 4 },
  ),
  b.sum(
    'di-024',
    [
      'Nombre de lieux et permanences de médiation numérique',
      'Number of digital mediation sites and drop-in sessions',
    ],
    [
      'Dans combien de lieux ou de permanences proposez-vous de la médiation numérique ?',
      'In how many places or drop-in sessions do you offer digital mediation?',
    ],
    { group: 'territory', unit: 'lieux' },
  ),
  b.sum(
    'di-025',
    ['Nombre de personnes orientées par un partenaire', 'Number of people referred by a partner'],
    [
      'Combien de personnes vous ont été orientées par un partenaire (CCAS, France services, CAF…) ?',
      'How many people were referred to you by a partner (social services, France services, CAF…)?',
    ],
    { group: 'partners', unit: 'personnes', sdg: 17 },
  ),
  b.better(
    'di-026',
    [
      'Part des personnes dont l’autonomie numérique a progressé',
      'Share of people whose digital independence has improved',
    ],
    [
      'Depuis l’accompagnement, votre aisance avec le numérique est…',
      'Since the support, your ease with digital tools is…',
    ],
    { kind: 'impact', sdg: 10 },
  ),
];

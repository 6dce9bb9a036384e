/**
 * The bank's units are written in French, in the entries; their English forms are here, so the
 * English interface does not show "réunions" or "personnes". Every unit used by an entry must
 * have one (indicator-bank.test.ts checks it).
 */
const UNITS_EN: Readonly<Record<string, string>> = {
  // The builders' defaults.
  '% des répondants': '% of respondents',
  'note sur 5': 'score out of 5',
  moyenne: 'average',
  nombre: 'number',
  personnes: 'people',
  // Units given by entries.
  '%': '%',
  '% des personnes': '% of people',
  actions: 'actions',
  activités: 'activities',
  aidants: 'carers',
  aides: 'grants',
  ans: 'years',
  appels: 'calls',
  ateliers: 'workshops',
  bénévoles: 'volunteers',
  'colis ou repas': 'parcels or meals',
  communes: 'municipalities',
  contrats: 'contracts',
  démarches: 'procedures',
  départs: 'leavers',
  domiciliations: 'postal address registrations',
  dossiers: 'files',
  emplois: 'jobs',
  enfants: 'children',
  entretiens: 'interviews',
  équipements: 'devices',
  ETP: 'FTE',
  euros: 'euros',
  heures: 'hours',
  informations: 'concern reports',
  jeunes: 'young people',
  lieux: 'places',
  logements: 'homes',
  membres: 'members',
  mois: 'months',
  orientations: 'referrals',
  outils: 'tools',
  parrainages: 'mentorships',
  partenariats: 'partnerships',
  pass: 'vouchers',
  projets: 'projects',
  ressources: 'resources',
  réponses: 'responses',
  réunions: 'meetings',
  séances: 'sessions',
  sessions: 'sessions',
  structures: 'organisations',
  témoignages: 'testimonies',
  visites: 'visits',
};

/** The English form of a bank unit written in French; undefined when none is known. */
export function unitInEnglish(unitFr: string): string | undefined {
  const unit = unitFr.trim();
  if (unit === '') return '';
  return Object.hasOwn(UNITS_EN, unit) ? UNITS_EN[unit] : undefined;
}

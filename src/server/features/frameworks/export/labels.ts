import type { Computation } from '../../../../contracts/frameworks.ts';

/** Words of the Word and Excel exports, in French and English (the web app's own wording). */
const words = {
  fr: {
    indicatorKind: { output: 'Réalisation', outcome: 'Résultat', impact: 'Impact' },
    nodeKind: { impact: 'Finalité', outcome: 'Effet attendu', output: 'Réalisation', activity: 'Activité' },
    stakeholder: {
      people_supported: 'Personnes accompagnées',
      staff: 'Salarié·es',
      volunteers: 'Bénévoles',
      partners: 'Partenaires',
      funders: 'Financeurs',
      territory: 'Territoire',
    },
    polarity: { higher_is_better: 'Plus c’est haut, mieux c’est', lower_is_better: 'Plus c’est bas, mieux c’est', neutral: 'Ni l’un ni l’autre' },
    computation: {
      share: (options: string) => `Part des réponses parmi : ${options}`,
      mean: 'Moyenne des réponses à la question liée',
      count: 'Nombre de réponses à la question liée',
      sum: 'Total des chiffres d’activité saisis pour la période',
    },
    status: { draft: 'brouillon', proposed: 'soumise au vote', adopted: 'adoptée', retired: 'retirée' },
    version: (n: number, status: string) => `Version ${n} (${status})`,
    noVersion: 'Aucune version',
    exportedOn: (date: string) => `Exporté le ${date}`,
    theory: 'Théorie du changement',
    theoryEmpty: 'La théorie du changement est vide.',
    unplaced: 'Indicateurs rattachés à aucun élément',
    indicators: 'Indicateurs',
    indicatorsEmpty: 'Aucun indicateur.',
    indicatorLine: (code: string, label: string) => `${code} — ${label}`,
    columns: {
      code: 'Code',
      label: 'Libellé',
      labelFr: 'Libellé (français)',
      labelEn: 'Libellé (anglais)',
      kind: 'Type',
      stakeholder: 'Partie prenante',
      unit: 'Unité',
      computation: 'Calcul',
      computationType: 'Type de calcul',
      options: 'Réponses comptées',
      polarity: 'Sens',
      node: 'Élément de la théorie du changement',
      nodeKey: 'Clé de l’élément',
      key: 'Clé',
      parentKey: 'Clé du parent',
      parent: 'Parent',
      level: 'Niveau',
    },
    sheets: { indicators: 'Indicateurs', theory: 'Théorie du changement' },
  },
  en: {
    indicatorKind: { output: 'Output', outcome: 'Outcome', impact: 'Impact' },
    nodeKind: { impact: 'Impact goal', outcome: 'Expected outcome', output: 'Output', activity: 'Activity' },
    stakeholder: {
      people_supported: 'People supported',
      staff: 'Staff',
      volunteers: 'Volunteers',
      partners: 'Partners',
      funders: 'Funders',
      territory: 'Territory',
    },
    polarity: { higher_is_better: 'Higher is better', lower_is_better: 'Lower is better', neutral: 'Neither' },
    computation: {
      share: (options: string) => `Share of answers among: ${options}`,
      mean: 'Average of the answers to the linked question',
      count: 'Number of answers to the linked question',
      sum: 'Total of the activity figures entered for the period',
    },
    status: { draft: 'draft', proposed: 'under vote', adopted: 'adopted', retired: 'retired' },
    version: (n: number, status: string) => `Version ${n} (${status})`,
    noVersion: 'No version',
    exportedOn: (date: string) => `Exported on ${date}`,
    theory: 'Theory of change',
    theoryEmpty: 'The theory of change is empty.',
    unplaced: 'Indicators tied to no element',
    indicators: 'Indicators',
    indicatorsEmpty: 'No indicator.',
    indicatorLine: (code: string, label: string) => `${code} — ${label}`,
    columns: {
      code: 'Code',
      label: 'Label',
      labelFr: 'Label (French)',
      labelEn: 'Label (English)',
      kind: 'Kind',
      stakeholder: 'Stakeholder group',
      unit: 'Unit',
      computation: 'Computation',
      computationType: 'Computation type',
      options: 'Counted answers',
      polarity: 'Polarity',
      node: 'Theory-of-change element',
      nodeKey: 'Element key',
      key: 'Key',
      parentKey: 'Parent key',
      parent: 'Parent',
      level: 'Level',
    },
    sheets: { indicators: 'Indicators', theory: 'Theory of change' },
  },
} as const;

export type Lang = keyof typeof words;
export type Words = (typeof words)[Lang];

export function wordsFor(lang: Lang): Words {
  return words[lang];
}

export function computationInWords(w: Words, c: Computation): string {
  return c.type === 'share' ? w.computation.share(c.options.join(', ')) : w.computation[c.type];
}

/** The label in the export's language, falling back to French when no English one was given. */
export function labelIn(lang: Lang, item: { labelFr: string; labelEn: string }): string {
  return lang === 'en' && item.labelEn.trim() ? item.labelEn : item.labelFr;
}

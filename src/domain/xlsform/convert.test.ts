import { describe, expect, it } from 'vitest';
import { convertXlsForm } from './convert.ts';
import type { XlsFormQuestion, XlsFormQuestionnaire, XlsFormReportItem, XlsFormSheets } from './types.ts';

const SURVEY = ['type', 'name', 'label::Français (fr)', 'label::English (en)', 'hint::Français (fr)', 'required', 'relevant', 'constraint', 'appearance', 'parameters', 'calculation', 'choice_filter'];

/** A survey row from named cells. */
function row(cells: Partial<Record<'type' | 'name' | 'fr' | 'en' | 'hint' | 'required' | 'relevant' | 'constraint' | 'appearance' | 'parameters' | 'calculation' | 'choice_filter', string>>): string[] {
  return [cells.type ?? '', cells.name ?? '', cells.fr ?? '', cells.en ?? '', cells.hint ?? '', cells.required ?? '', cells.relevant ?? '', cells.constraint ?? '', cells.appearance ?? '', cells.parameters ?? '', cells.calculation ?? '', cells.choice_filter ?? ''];
}

const CHOICES: string[][] = [
  ['list_name', 'name', 'label::Français (fr)', 'label::English (en)'],
  ['oui_non', 'oui', 'Oui', 'Yes'],
  ['oui_non', 'non', 'Non', 'No'],
  ['aides', 'logement', 'Logement', 'Housing'],
  ['aides', 'Emploi', 'Emploi', 'Work'],
  ['aides', 'santé', 'Santé', 'Health'],
  ['accord', '1', 'Pas du tout', 'Not at all'],
  ['accord', '2', 'Un peu', 'A little'],
  ['accord', '3', 'Beaucoup', 'A lot'],
  ['seul', 'x', 'Seul', 'Alone'],
];

function convert(rows: string[][], extra: XlsFormSheets = {}) {
  const result = convertXlsForm({ survey: [SURVEY, ...rows], choices: CHOICES, ...extra });
  if (!result.ok) throw new Error(result.en);
  return result;
}
function one(r: string[], extra: XlsFormSheets = {}): { q: XlsFormQuestion | undefined; report: XlsFormReportItem[]; form: XlsFormQuestionnaire } {
  const { questionnaire, report } = convert([r], extra);
  return { q: questionnaire.questions[0], report, form: questionnaire };
}
const whats = (report: XlsFormReportItem[]) => report.map((r) => r.what);

describe('convertXlsForm: question types', () => {
  it.each<[string, Partial<XlsFormQuestion> | null, string[]]>([
    ['text', { type: 'text', options: [] }, []],
    ['integer', { type: 'number' }, ['integer']],
    ['decimal', { type: 'number' }, []],
    ['date', { type: 'date' }, []],
    ['datetime', { type: 'date' }, ['datetime']],
    ['select_one oui_non', { type: 'single', options: [{ value: 'oui', labelFr: 'Oui', labelEn: 'Yes' }, { value: 'non', labelFr: 'Non', labelEn: 'No' }] }, []],
    ['select one oui_non', { type: 'single' }, []],
    ['select_multiple aides', { type: 'multiple', options: [{ value: 'logement', labelFr: 'Logement', labelEn: 'Housing' }, { value: 'emploi', labelFr: 'Emploi', labelEn: 'Work' }, { value: 'sante', labelFr: 'Santé', labelEn: 'Health' }] }, ['option_renamed']],
    ['rank aides', { type: 'ranking' }, ['option_renamed']],
    ['select_one oui_non or_other', { type: 'single', options: [{ value: 'oui', labelFr: 'Oui', labelEn: 'Yes' }, { value: 'non', labelFr: 'Non', labelEn: 'No' }, { value: 'other', labelFr: 'Autre', labelEn: 'Other' }] }, ['or_other']],
    ['select_one manquante', null, ['missing_list']],
    ['select_one seul', null, ['too_few_options']],
    ['calculate', null, ['unsupported_type']],
    ['geopoint', null, ['unsupported_type']],
    ['image', null, ['unsupported_type']],
    ['audio', null, ['unsupported_type']],
    ['barcode', null, ['unsupported_type']],
    ['time', null, ['unsupported_type']],
    ['select_one_from_file communes.csv', null, ['unsupported_type']],
    ['start', null, ['metadata']],
    ['deviceid', null, ['metadata']],
    ['hologram', null, ['unsupported_type']],
  ])('%s', (type, expected, reported) => {
    const { q, report } = one(row({ type, name: 'q', fr: 'Une question ?' }));
    if (expected === null) expect(q).toBeUndefined();
    else expect(q).toMatchObject(expected);
    expect(whats(report).filter((w) => w !== 'no_questions')).toEqual(reported);
  });

  it('a likert list of 1..n becomes a scale and says the point labels are lost', () => {
    const { q, report } = one(row({ type: 'select_one accord', name: 'q', fr: 'Satisfait ?', appearance: 'likert' }));
    expect(q).toMatchObject({ type: 'scale', min: 1, max: 3, options: [] });
    expect(whats(report)).toEqual(['scale_labels']);
  });
  it('a likert list of words stays a single choice', () => {
    expect(one(row({ type: 'select_one oui_non', name: 'q', fr: 'Satisfait ?', appearance: 'likert' })).q?.type).toBe('single');
  });
  it('a list of 1..n without likert stays a single choice', () => {
    expect(one(row({ type: 'select_one accord', name: 'q', fr: 'Satisfait ?' })).q?.type).toBe('single');
  });
  it.each<[string, Partial<XlsFormQuestion>, string[]]>([
    ['start=1 end=5 step=1', { type: 'scale', min: 1, max: 5 }, []],
    ['start=0;end=10;step=1', { type: 'scale', min: 0, max: 10 }, []],
    ['', { type: 'scale', min: 1, max: 10 }, []],
    ['start=10 end=0', { type: 'scale', min: 0, max: 10 }, []],
    ['start=0 end=100 step=10', { type: 'number', min: 0, max: 100 }, ['range']],
    ['start=0 end=20 step=1', { type: 'number', min: 0, max: 20 }, ['range']],
    ['start=0 end=1 step=0.1', { type: 'number', min: 0, max: 1 }, ['range']],
  ])('range %s', (parameters, expected, reported) => {
    const { q, report } = one(row({ type: 'range', name: 'q', fr: 'Combien ?', parameters }));
    expect(q).toMatchObject(expected);
    expect(whats(report)).toEqual(reported);
  });
  it.each<[string, string, { min?: number; max?: number }, string[]]>([
    ['integer', '. >= 0 and . <= 120', { min: 0, max: 120 }, ['integer']],
    ['decimal', '. > 0', { min: 0 }, ['constraint']],
    ['integer', '. > 0', { min: 1 }, ['integer']],
    ['integer', '. != 3', {}, ['integer', 'constraint']],
    ['text', "regex(., '^[0-9]{5}$')", {}, ['constraint']],
    ['decimal', '. >= 10 and . <= 5', {}, ['constraint']],
  ])('%s with constraint %s', (type, constraint, bounds, reported) => {
    const { q, report } = one(row({ type, name: 'q', fr: 'Combien ?', constraint }));
    expect({ min: q?.min, max: q?.max }).toEqual({ min: bounds.min, max: bounds.max });
    expect(whats(report)).toEqual(reported);
  });
  it('reports a choice filter and a calculation on a question, and keeps the question', () => {
    const { q, report } = one(row({ type: 'select_one oui_non', name: 'q', fr: 'Choix ?', choice_filter: "filtre = ${x}", calculation: '1 + 1' }));
    expect(q?.type).toBe('single');
    expect(whats(report)).toEqual(['choice_filter', 'calculation']);
  });
});

describe('convertXlsForm: required', () => {
  it.each<[string, boolean, string[]]>([
    ['yes', true, []],
    ['TRUE()', true, []],
    ['true', true, []],
    ['1', true, []],
    ['no', false, []],
    ['', false, []],
    ['false()', false, []],
    ["${x} = 'oui'", false, ['required']],
  ])('%s', (required, expected, reported) => {
    const { q, report } = one(row({ type: 'text', name: 'q', fr: 'Nom ?', required }));
    expect(q?.required).toBe(expected);
    expect(whats(report)).toEqual(reported);
  });
});

describe('convertXlsForm: names', () => {
  it('makes valid, distinct keys and reports renames', () => {
    const { questionnaire, report } = convert([row({ type: 'text', name: 'Q1 Nom', fr: 'Nom ?' }), row({ type: 'text', name: 'q1_nom', fr: 'Nom encore ?' }), row({ type: 'text', name: 'ok', fr: 'Bien ?' })]);
    expect(questionnaire.questions.map((q) => q.key)).toEqual(['q1_nom', 'q1_nom_2', 'ok']);
    expect(report.map((r) => [r.row, r.name, r.what])).toEqual([
      [2, 'Q1 Nom', 'renamed'],
      [3, 'q1_nom', 'renamed'],
    ]);
  });
  it('keeps relevant expressions pointing at renamed choices', () => {
    const { questionnaire } = convert([row({ type: 'select_multiple aides', name: 'aides', fr: 'Aides ?' }), row({ type: 'text', name: 'q', fr: 'Lequel ?', relevant: "selected(${aides}, 'santé')" })]);
    expect(questionnaire.questions[1]?.showIf).toEqual({ question: 'aides', op: 'includes', value: 'sante' });
  });
  it('uses the label when the form has no French label and the name when there is no label', () => {
    const { questionnaire, report } = convert([row({ type: 'text', name: 'q', en: 'Only English' }), row({ type: 'text', name: 'sans_libelle' }), row({ type: 'text', name: 'fr', fr: 'En français ?' })]);
    expect(questionnaire.questions.map((q) => q.labelFr)).toEqual(['Only English', 'sans_libelle', 'En français ?']);
    expect(whats(report)).toEqual(['label_missing', 'label_missing']);
  });
  it('shortens labels over 500 characters', () => {
    const { q, report } = one(row({ type: 'text', name: 'q', fr: 'a'.repeat(600) }));
    expect(q?.labelFr.length).toBe(500);
    expect(whats(report)).toEqual(['label_truncated']);
  });
  it('reports answers repeated inside labels', () => {
    expect(whats(convert([row({ type: 'text', name: 'nom', fr: 'Nom ?' }), row({ type: 'integer', name: 'age', fr: 'Quel âge a ${nom} ?' })]).report)).toEqual(['piping', 'integer']);
  });
});

describe('convertXlsForm: languages', () => {
  const survey = (header: string[], ...rows: string[][]) => ({ survey: [header, ...rows], choices: [['list_name', 'name', 'label']] });
  it.each<[string, XlsFormSheets, { languages: string[]; labelFr: string; labelEn: string; translations: object }, string[]]>([
    ['French and English', survey(['type', 'name', 'label::French (fr)', 'label::English (en)'], ['text', 'q', 'Nom ?', 'Name?']), { languages: ['en'], labelFr: 'Nom ?', labelEn: 'Name?', translations: {} }, []],
    ['plain label is French by default', survey(['type', 'name', 'label'], ['text', 'q', 'Nom ?']), { languages: [], labelFr: 'Nom ?', labelEn: '', translations: {} }, []],
    [
      'three languages',
      survey(['type', 'name', 'label::Français (fr)', 'label::English (en)', 'label::Arabic (ar)', 'hint::Arabic (ar)'], ['text', 'q', 'Nom ?', 'Name?', 'الاسم؟', 'مساعدة']),
      { languages: ['en', 'ar'], labelFr: 'Nom ?', labelEn: 'Name?', translations: { ar: { label: 'الاسم؟', help: 'مساعدة' } } },
      [],
    ],
    [
      'default language from the settings',
      { ...survey(['type', 'name', 'label', 'label::French (fr)'], ['text', 'q', 'Name?', 'Nom ?']), settings: [['form_title', 'default_language'], ['Mon titre', 'English (en)']] },
      { languages: ['en'], labelFr: 'Nom ?', labelEn: 'Name?', translations: {} },
      [],
    ],
    [
      'no French: the default language stands in and is reported',
      { ...survey(['type', 'name', 'label::English (en)', 'label::Spanish (es)'], ['text', 'q', 'Name?', '¿Nombre?']) },
      { languages: ['en', 'es'], labelFr: 'Name?', labelEn: 'Name?', translations: { es: { label: '¿Nombre?' } } },
      ['no_french'],
    ],
    [
      'no French, Spanish by default',
      { ...survey(['type', 'name', 'label::English (en)', 'label::Spanish (es)'], ['text', 'q', 'Name?', '¿Nombre?']), settings: [['default_language'], ['Spanish (es)']] },
      { languages: ['en'], labelFr: '¿Nombre?', labelEn: 'Name?', translations: {} },
      ['no_french'],
    ],
    [
      'an unknown language is reported',
      survey(['type', 'name', 'label::Français (fr)', 'label::Klingon'], ['text', 'q', 'Nom ?', 'nuqjatlh']),
      { languages: [], labelFr: 'Nom ?', labelEn: '', translations: {} },
      ['language'],
    ],
    [
      'a language without any text is not offered',
      survey(['type', 'name', 'label::Français (fr)', 'label::English (en)'], ['text', 'q', 'Nom ?', '']),
      { languages: [], labelFr: 'Nom ?', labelEn: '', translations: {} },
      [],
    ],
  ])('%s', (_name, sheets, expected, reported) => {
    const result = convertXlsForm(sheets);
    if (!result.ok) throw new Error(result.en);
    const q = result.questionnaire.questions[0]!;
    expect({ languages: result.questionnaire.languages, labelFr: q.labelFr, labelEn: q.labelEn, translations: q.translations }).toEqual(expected);
    expect(whats(result.report)).toEqual(reported);
  });
  it('keeps ten languages besides French', () => {
    const codes = ['en', 'ar', 'es', 'pt', 'de', 'it', 'nl', 'ru', 'uk', 'tr', 'ro', 'pl'];
    const result = convertXlsForm({ survey: [['type', 'name', 'label::fr', ...codes.map((c) => `label::${c}`)], ['text', 'q', 'Nom ?', ...codes.map((c) => `name ${c}`)]] });
    expect(result.ok && result.questionnaire.languages).toEqual(codes.slice(0, 10));
    expect(result.ok && result.report.map((r) => r.what)).toEqual(['language']);
    expect(result.ok && Object.keys(result.questionnaire.questions[0]!.translations)).toEqual(codes.slice(1, 10));
  });
  it('translates options', () => {
    const result = convertXlsForm({
      survey: [['type', 'name', 'label::French (fr)', 'label::Arabic (ar)'], ['select_one yn', 'q', 'Oui ?', 'نعم؟']],
      choices: [['list_name', 'name', 'label::French (fr)', 'label::Arabic (ar)'], ['yn', 'y', 'Oui', 'نعم'], ['yn', 'n', 'Non', 'لا']],
    });
    expect(result.ok && result.questionnaire.questions[0]?.translations).toEqual({ ar: { label: 'نعم؟', options: { y: 'نعم', n: 'لا' } } });
  });
});

describe('convertXlsForm: groups, notes and conditions', () => {
  const form = [
    row({ type: 'note', name: 'bienvenue', fr: 'Merci de répondre.', en: 'Thank you for answering.' }),
    row({ type: 'select_one oui_non', name: 'accompagne', fr: 'Êtes-vous accompagné ?', required: 'yes' }),
    row({ type: 'begin_group', name: 'suivi', fr: 'Votre suivi', en: 'Your support', relevant: "${accompagne} = 'oui'" }),
    row({ type: 'note', name: 'intro_suivi', fr: 'Quelques questions sur votre suivi.', en: 'A few questions on your support.' }),
    row({ type: 'integer', name: 'mois', fr: 'Depuis combien de mois ?', constraint: '. >= 0 and . <= 120' }),
    row({ type: 'begin group', name: 'detail', fr: 'Détail' }),
    row({ type: 'select_multiple aides', name: 'aides', fr: 'Quelles aides ?', relevant: '${mois} > 3' }),
    row({ type: 'end group' }),
    row({ type: 'note', name: 'milieu', fr: 'Encore un effort.' }),
    row({ type: 'end_group' }),
    row({ type: 'calculate', name: 'score', calculation: '${mois} * 2' }),
    row({ type: 'text', name: 'commentaire', fr: 'Un commentaire ?', relevant: '${score} > 2' }),
    row({ type: 'text', name: 'avant', fr: 'Avant ?', relevant: "${apres} = 'x'" }),
    row({ type: 'text', name: 'apres', fr: 'Après ?' }),
  ];

  it('turns top-level groups into sections and notes into introductions', () => {
    const { questionnaire } = convert(form, { settings: [['form_title'], ['Suivi des personnes']] });
    expect(questionnaire.title).toBe('Suivi des personnes');
    expect(questionnaire.introFr).toBe('Merci de répondre.');
    expect(questionnaire.translations).toEqual({ en: { intro: 'Thank you for answering.' } });
    expect(questionnaire.sections).toEqual([
      { titleFr: '', titleEn: '', introFr: '', translations: {} },
      { titleFr: 'Votre suivi', titleEn: 'Your support', introFr: 'Quelques questions sur votre suivi.', translations: { en: { intro: 'A few questions on your support.' } } },
      { titleFr: '', titleEn: '', introFr: '', translations: {} },
    ]);
    expect(questionnaire.questions.map((q) => [q.key, q.section])).toEqual([
      ['accompagne', 0],
      ['mois', 1],
      ['aides', 1],
      ['commentaire', 2],
      ['avant', 2],
      ['apres', 2],
    ]);
  });

  it('applies group conditions to each question of the group', () => {
    const { questionnaire } = convert(form);
    const byKey = Object.fromEntries(questionnaire.questions.map((q) => [q.key, q]));
    expect(byKey.accompagne?.showIf).toBeNull();
    expect(byKey.mois?.showIf).toEqual({ question: 'accompagne', op: 'equals', value: 'oui' });
    expect(byKey.aides?.showIf).toEqual({ all: [{ question: 'accompagne', op: 'equals', value: 'oui' }, { question: 'mois', op: 'gt', value: 3 }] });
    expect(byKey.commentaire?.showIf).toBeNull();
    expect(byKey.avant?.showIf).toBeNull();
    expect(byKey.mois).toMatchObject({ min: 0, max: 120, required: false });
    expect(byKey.accompagne?.required).toBe(true);
  });

  it('reports what was not carried over, row by row', () => {
    const { report } = convert(form);
    expect(report.map((r) => [r.row, r.name, r.what])).toEqual([
      [6, 'mois', 'integer'],
      [7, 'detail', 'nested_group'],
      [8, 'aides', 'option_renamed'],
      [10, 'milieu', 'note'],
      [12, 'score', 'unsupported_type'],
      [13, 'commentaire', 'relevant'],
      [14, 'avant', 'relevant'],
    ]);
    for (const item of report) {
      expect(item.fr).not.toBe(item.en);
      expect(item.fr.length).toBeGreaterThan(10);
    }
    expect(report.find((r) => r.name === 'commentaire')?.fr).toContain('pas été reprise');
    expect(report.find((r) => r.name === 'avant')?.en).toContain('asked later');
  });

  it('reports repeat groups and keeps their questions once', () => {
    const { questionnaire, report } = convert([
      row({ type: 'begin_repeat', name: 'enfants', fr: 'Vos enfants' }),
      row({ type: 'integer', name: 'age_enfant', fr: 'Âge ?' }),
      row({ type: 'end_repeat' }),
    ]);
    expect(questionnaire.sections[0]?.titleFr).toBe('Vos enfants');
    expect(questionnaire.questions.map((q) => q.key)).toEqual(['age_enfant']);
    expect(whats(report)).toEqual(['repeat', 'integer']);
  });

  it('reports a group condition it cannot read, and keeps the questions unconditioned', () => {
    const { questionnaire, report } = convert([row({ type: 'begin_group', name: 'g', fr: 'Groupe', relevant: 'today() > 3' }), row({ type: 'text', name: 't', fr: 'Texte ?' }), row({ type: 'end_group' })]);
    expect(questionnaire.questions[0]?.showIf).toBeNull();
    expect(report.map((r) => [r.name, r.what])).toEqual([['g', 'relevant']]);
  });

  it('drops sections whose questions were all dropped', () => {
    const { questionnaire } = convert([
      row({ type: 'begin_group', name: 'gps', fr: 'Position' }),
      row({ type: 'geopoint', name: 'ou', fr: 'Où ?' }),
      row({ type: 'end_group' }),
      row({ type: 'text', name: 't', fr: 'Texte ?' }),
    ]);
    expect(questionnaire.sections).toHaveLength(1);
    expect(questionnaire.questions[0]?.section).toBe(0);
  });
});

describe('convertXlsForm: tables become grids', () => {
  const table = (appearance: string, rows: string[][]) => [row({ type: 'begin_group', name: 'Vie_quotidienne', fr: 'Votre vie quotidienne', appearance }), ...rows, row({ type: 'end_group' })];
  it('a table-list group of one list becomes one grid', () => {
    const { questionnaire, report } = convert([
      ...table('table-list', [
        row({ type: 'select_one oui_non', name: 'dormir', fr: 'Je dors bien', en: 'I sleep well', required: 'yes' }),
        row({ type: 'select_one oui_non', name: 'manger', fr: 'Je mange bien', en: 'I eat well', required: 'yes' }),
      ]),
      row({ type: 'text', name: 'apres', fr: 'Autre chose ?', relevant: "${dormir} = 'non'" }),
    ]);
    expect(questionnaire.questions[0]).toMatchObject({
      key: 'vie_quotidienne',
      type: 'grid',
      labelFr: 'Votre vie quotidienne',
      required: true,
      options: [{ value: 'oui', labelFr: 'Oui', labelEn: 'Yes' }, { value: 'non', labelFr: 'Non', labelEn: 'No' }],
      items: [{ value: 'dormir', labelFr: 'Je dors bien', labelEn: 'I sleep well' }, { value: 'manger', labelFr: 'Je mange bien', labelEn: 'I eat well' }],
    });
    expect(questionnaire.questions[1]?.showIf).toBeNull();
    expect(report.map((r) => [r.name, r.what])).toEqual([
      ['Vie_quotidienne', 'grid'],
      ['apres', 'relevant'],
    ]);
    expect(report[1]?.fr).toContain('ligne d’une grille');
  });
  it('a label row followed by list-nolabel rows becomes a grid titled by the label row', () => {
    const { questionnaire } = convert(
      table('field-list', [
        row({ type: 'select_one accord', name: 'entete', fr: 'Êtes-vous d’accord ?', appearance: 'label' }),
        row({ type: 'select_one accord', name: 'a', fr: 'Je suis écouté', appearance: 'list-nolabel' }),
        row({ type: 'select_one accord', name: 'b', fr: 'Je suis aidé', appearance: 'list-nolabel' }),
      ]),
    );
    expect(questionnaire.questions.map((q) => [q.type, q.labelFr, q.items.map((i) => i.value), q.required])).toEqual([['grid', 'Êtes-vous d’accord ?', ['a', 'b'], false]]);
  });
  it.each<[string, string, string[][]]>([
    ['a field-list group stays separate questions', 'field-list', [row({ type: 'select_one oui_non', name: 'a', fr: 'A ?' }), row({ type: 'select_one oui_non', name: 'b', fr: 'B ?' })]],
    ['two lists', 'table-list', [row({ type: 'select_one oui_non', name: 'a', fr: 'A ?' }), row({ type: 'select_one accord', name: 'b', fr: 'B ?' })]],
    ['a row with its own condition', 'table-list', [row({ type: 'select_one oui_non', name: 'a', fr: 'A ?' }), row({ type: 'select_one oui_non', name: 'b', fr: 'B ?', relevant: "${a} = 'oui'" })]],
    ['a single row', 'table-list', [row({ type: 'select_one oui_non', name: 'a', fr: 'A ?' })]],
    ['a multiple choice', 'table-list', [row({ type: 'select_multiple aides', name: 'a', fr: 'A ?' }), row({ type: 'select_multiple aides', name: 'b', fr: 'B ?' })]],
  ])('no grid: %s', (_name, appearance, rows) => {
    const { questionnaire } = convert(table(appearance, rows));
    expect(questionnaire.questions.every((q) => q.type !== 'grid')).toBe(true);
    expect(questionnaire.questions.length).toBe(rows.length);
  });
});

describe('convertXlsForm: the workbook', () => {
  it.each<[string, XlsFormSheets, string]>([
    ['no sheets', {}, 'no_survey_sheet'],
    ['other sheets only', { Feuil1: [['a', 'b']] }, 'no_survey_sheet'],
    ['no type column', { survey: [['name', 'label'], ['q', 'Q ?']] }, 'no_type_column'],
    ['empty survey', { survey: [] }, 'no_type_column'],
  ])('%s', (_name, sheets, code) => {
    const result = convertXlsForm(sheets);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.fr).toMatch(/XLSForm/);
    }
  });
  it('finds sheets whatever their case, skips blank rows and reads a header after blank rows', () => {
    const result = convertXlsForm({ Survey: [[], ['type', 'name', 'label'], [], ['text', 'q', 'Nom ?']], CHOICES: [['list_name', 'name', 'label']] });
    expect(result.ok && result.questionnaire.questions.map((q) => q.key)).toEqual(['q']);
  });
  it('reports a form without any question', () => {
    const result = convertXlsForm({ survey: [['type', 'name'], ['start', 'start'], ['end', 'end']] });
    expect(result.ok && result.report.map((r) => r.what)).toEqual(['no_questions', 'metadata', 'metadata']);
    expect(result.ok && result.questionnaire.questions).toEqual([]);
  });
  it('takes the file name as title when there is no form_title', () => {
    const result = convertXlsForm({ survey: [['type', 'name', 'label'], ['text', 'q', 'Nom ?']] }, { fallbackTitle: 'Enquête 2025' });
    expect(result.ok && result.questionnaire.title).toBe('Enquête 2025');
  });
  it('keeps the first 200 questions', () => {
    const rows = Array.from({ length: 205 }, (_, i) => ['text', `q${i}`, `Question ${i} ?`]);
    const result = convertXlsForm({ survey: [['type', 'name', 'label'], ...rows] });
    expect(result.ok && result.questionnaire.questions.length).toBe(200);
    expect(result.ok && result.report.map((r) => r.what)).toEqual(['too_many_questions']);
  });
  it('keeps the first 50 choices', () => {
    const choices = [['list_name', 'name', 'label'], ...Array.from({ length: 60 }, (_, i) => ['l', `c${i}`, `Choix ${i}`])];
    const result = convertXlsForm({ survey: [['type', 'name', 'label'], ['select_one l', 'q', 'Lequel ?']], choices });
    expect(result.ok && result.questionnaire.questions[0]?.options.length).toBe(50);
    expect(result.ok && result.report.map((r) => r.what)).toEqual(['too_many_options']);
  });
});

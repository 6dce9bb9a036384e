import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../domain/conditions.ts';
import type { Question, Questionnaire } from '../../api/types.ts';
import {
  addLanguage,
  addQuestion,
  addSection,
  bodyOf,
  conditionOfRows,
  conditionProblems,
  conditionWords,
  defaultLeaf,
  emptyState,
  keyProblem,
  languageProblem,
  moveQuestion,
  moveSection,
  nextKey,
  opsFor,
  removeLanguage,
  removeSection,
  renameChoice,
  rowsOf,
  setChoiceTranslation,
  setQuestionSection,
  setTranslated,
  stateOf,
  valueKind,
  withChoices,
  type BuilderState,
} from './builder-model.ts';

const opt = (value: string, labelFr: string, labelEn = '') => ({ value, labelFr, labelEn });

function question(over: Partial<Question> & Pick<Question, 'key' | 'type' | 'labelFr'>): Question {
  return {
    id: `id-${over.key}`,
    position: 0,
    section: 0,
    labelEn: '',
    helpFr: '',
    helpEn: '',
    easyFr: '',
    translations: {},
    required: false,
    options: [],
    items: [],
    showIf: null,
    min: null,
    max: null,
    indicator: null,
    ...over,
  };
}

type Loaded = Pick<
  Questionnaire,
  'title' | 'introFr' | 'languages' | 'translations' | 'sections' | 'questions'
>;

/** What the server was given for a questionnaire it now returns. */
function inputOf(q: Loaded) {
  const ranged = (t: Question['type']) => t === 'number' || t === 'scale' || t === 'faces';
  return {
    title: q.title,
    introFr: q.introFr,
    languages: q.languages,
    translations: q.translations,
    sections: q.sections,
    questions: q.questions.map((x) => ({
      key: x.key,
      section: x.section,
      type: x.type,
      labelFr: x.labelFr,
      labelEn: x.labelEn,
      helpFr: x.helpFr,
      helpEn: x.helpEn,
      easyFr: x.easyFr,
      translations: x.translations,
      required: x.required,
      options: x.options,
      items: x.items,
      showIf: x.showIf,
      ...(ranged(x.type) && x.min !== null ? { min: x.min } : {}),
      ...(ranged(x.type) && x.max !== null ? { max: x.max } : {}),
      indicator: x.indicator,
    })),
  };
}

const plain: Loaded = {
  title: 'Enquête simple',
  introFr: '',
  languages: ['en'],
  translations: {},
  sections: [],
  questions: [question({ key: 'q1', type: 'text', labelFr: 'Un mot ?' })],
};

const full: Loaded = {
  title: 'Parcours',
  introFr: 'Merci de répondre.',
  languages: ['en', 'ar'],
  translations: { en: { title: 'Journey' }, ar: { title: 'المسار', intro: 'شكرا' } },
  sections: [
    {
      titleFr: 'Vous',
      titleEn: 'You',
      introFr: 'Quelques mots sur vous.',
      translations: { ar: { title: 'أنت' } },
    },
    { titleFr: 'Votre avis', titleEn: '', introFr: '', translations: {} },
  ],
  questions: [
    question({
      key: 'emploi',
      type: 'single',
      labelFr: 'Avez-vous un emploi ?',
      labelEn: 'Do you have a job?',
      easyFr: 'Vous avez un travail ?',
      translations: {
        ar: { label: 'هل لديك عمل؟', options: { oui: 'نعم', non: 'لا' } },
        en: { easy: 'Got a job?' },
      },
      required: true,
      options: [opt('oui', 'Oui', 'Yes'), opt('non', 'Non', 'No')],
      indicator: { frameworkId: 'fw', code: 'EMP' },
    }),
    question({ key: 'arrivee', type: 'date', labelFr: 'Date d’arrivée', helpEn: 'Day you came' }),
    question({ key: 'q3', section: 1, type: 'faces', labelFr: 'Comment ça va ?', min: 1, max: 3 }),
    question({
      key: 'q4',
      section: 1,
      type: 'grid',
      labelFr: 'Êtes-vous d’accord ?',
      items: [opt('accueil', 'L’accueil'), opt('horaires', 'Les horaires')],
      options: [opt('1', 'Pas du tout'), opt('2', 'Un peu'), opt('3', 'Tout à fait')],
      translations: { ar: { items: { accueil: 'الاستقبال' } } },
      showIf: { question: 'emploi', op: 'equals', value: 'oui' },
    }),
    question({
      key: 'q5',
      section: 1,
      type: 'ranking',
      labelFr: 'Classez',
      options: [opt('a', 'A'), opt('b', 'B')],
      showIf: {
        any: [
          { question: 'q3', op: 'lte', value: 2 },
          { question: 'q4', op: 'includes', value: 'accueil=1' },
        ],
      },
    }),
    question({
      key: 'q6',
      section: 1,
      type: 'number',
      labelFr: 'Combien ?',
      min: 0,
      max: null,
      showIf: { all: [{ question: 'arrivee', op: 'gte', value: '2024-01-01' }] },
    }),
    question({
      key: 'q7',
      section: 1,
      type: 'scale',
      labelFr: 'Note',
      min: 1,
      max: 5,
      showIf: { not: { question: 'q6', op: 'answered' } },
    }),
  ],
};

describe('round trip: a loaded questionnaire saved without change sends the same data', () => {
  it.each([
    ['one question, no sections', plain],
    ['sections, conditions, translations, every new type', full],
    [
      'one explicit empty section stays one section',
      { ...plain, sections: [{ titleFr: '', titleEn: '', introFr: '', translations: {} }] },
    ],
  ])('%s', (_name, loaded) => {
    expect(bodyOf(stateOf(loaded))).toEqual(inputOf(loaded));
  });

  it('keeps a condition pointing at its question when that question is renamed', () => {
    const state = stateOf(full);
    const renamed: BuilderState = {
      ...state,
      questions: state.questions.map((q) => (q.key === 'emploi' ? { ...q, key: 'travail' } : q)),
    };
    expect(bodyOf(renamed).questions[3]!.showIf).toEqual({
      question: 'travail',
      op: 'equals',
      value: 'oui',
    });
  });
});

describe('a new questionnaire', () => {
  it('starts with one page, English offered and a first question named q1', () => {
    const body = bodyOf({ ...emptyState(), title: ' T ' });
    expect(body.title).toBe('T');
    expect(body.sections).toEqual([]);
    expect(body.languages).toEqual(['en']);
    expect(body.questions.map((q) => [q.key, q.section, q.type, q.options.length])).toEqual([
      ['q1', 0, 'single', 2],
    ]);
  });

  it('sends sections once a second one is added, and the section index of each question', () => {
    let s = addSection(emptyState());
    s = addQuestion(s, s.sections[1]!.uid);
    s = addQuestion(s, s.sections[0]!.uid);
    const body = bodyOf(s);
    expect(body.sections).toHaveLength(2);
    expect(body.questions.map((q) => [q.key, q.section])).toEqual([
      ['q1', 0],
      ['q3', 0],
      ['q2', 1],
    ]);
  });

  it('drops choices and rows a type does not use, and bounds only where they mean something', () => {
    const s = emptyState();
    const q = {
      ...s.questions[0]!,
      type: 'text' as const,
      min: 1 as const,
      max: 3 as const,
      items: [],
    };
    expect(bodyOf({ ...s, questions: [q] }).questions[0]).toMatchObject({ options: [], items: [] });
    expect(bodyOf({ ...s, questions: [q] }).questions[0]).not.toHaveProperty('min');
    expect(bodyOf({ ...s, questions: [{ ...q, type: 'faces' }] }).questions[0]).toMatchObject({
      min: 1,
      max: 3,
    });
  });
});

describe('keys', () => {
  it.each([
    [[], 'q1'],
    [['q1'], 'q2'],
    [['q2'], 'q1'],
    [['q1', 'emploi', 'q2'], 'q3'],
  ])('after %j comes %s', (keys, expected) => {
    expect(nextKey(keys.map((key) => ({ key })))).toBe(expected);
  });

  it.each([
    ['q1', null],
    ['emploi_2', null],
    ['Emploi', 'format'],
    ['1a', 'format'],
    ['', 'format'],
    ['a'.repeat(41), 'format'],
    ['autre', 'duplicate'],
  ] as const)('%s → %s', (key, expected) => {
    const s = stateOf(plain);
    const other = { ...s.questions[0]!, uid: 'other', key: 'autre' };
    expect(keyProblem(key, s.questions[0]!.uid, [s.questions[0]!, other])).toBe(expected);
  });
});

describe('sections and order', () => {
  const base = () => stateOf(full);
  const keys = (s: BuilderState) =>
    s.questions.map((q) => `${q.key}@${s.sections.findIndex((x) => x.uid === q.section)}`);

  it('moving a question to a section puts it at the end of that group', () => {
    const s = base();
    const moved = setQuestionSection(s, s.questions[2]!.uid, s.sections[0]!.uid);
    expect(keys(moved)).toEqual(['emploi@0', 'arrivee@0', 'q3@0', 'q4@1', 'q5@1', 'q6@1', 'q7@1']);
    const back = setQuestionSection(moved, moved.questions[0]!.uid, moved.sections[1]!.uid);
    expect(keys(back)).toEqual(['arrivee@0', 'q3@0', 'q4@1', 'q5@1', 'q6@1', 'q7@1', 'emploi@1']);
  });

  it('moving up or down swaps within a section and crosses into the next at its edge', () => {
    const s = base();
    expect(keys(moveQuestion(s, s.questions[1]!.uid, -1)).slice(0, 2)).toEqual([
      'arrivee@0',
      'emploi@0',
    ]);
    expect(keys(moveQuestion(s, s.questions[1]!.uid, 1)).slice(0, 3)).toEqual([
      'emploi@0',
      'arrivee@1',
      'q3@1',
    ]);
    expect(keys(moveQuestion(s, s.questions[2]!.uid, -1)).slice(0, 3)).toEqual([
      'emploi@0',
      'arrivee@0',
      'q3@0',
    ]);
    expect(moveQuestion(s, s.questions[0]!.uid, -1)).toBe(s);
    expect(moveQuestion(s, s.questions[6]!.uid, 1)).toBe(s);
  });

  it('reordering sections regroups their questions', () => {
    const s = base();
    const swapped = moveSection(s, s.sections[1]!.uid, -1);
    expect(keys(swapped)).toEqual([
      'q3@0',
      'q4@0',
      'q5@0',
      'q6@0',
      'q7@0',
      'emploi@1',
      'arrivee@1',
    ]);
    expect(moveSection(s, s.sections[0]!.uid, -1)).toBe(s);
  });

  it('removing a section hands its questions to the one before, or after for the first', () => {
    const s = base();
    expect(keys(removeSection(s, s.sections[1]!.uid))).toEqual([
      'emploi@0',
      'arrivee@0',
      'q3@0',
      'q4@0',
      'q5@0',
      'q6@0',
      'q7@0',
    ]);
    const first = removeSection(s, s.sections[0]!.uid);
    expect(keys(first)).toEqual(['emploi@0', 'arrivee@0', 'q3@0', 'q4@0', 'q5@0', 'q6@0', 'q7@0']);
    expect(first.sections.map((x) => x.titleFr)).toEqual(['Votre avis']);
    const one = stateOf(plain);
    expect(removeSection(one, one.sections[0]!.uid)).toBe(one);
  });
});

describe('languages and translations', () => {
  it.each([
    ['ar', [], null],
    ['prs', ['en'], null],
    ['AR', [], 'format'],
    ['arab', [], 'format'],
    ['', [], 'format'],
    ['fr', [], 'french'],
    ['en', ['en'], 'duplicate'],
    ['tr', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], 'tooMany'],
  ])('%s with %j → %s', (code, languages, expected) => {
    expect(languageProblem(code, languages)).toBe(expected);
  });

  it('removing a language drops its wording everywhere, keeping the others', () => {
    const s = removeLanguage(stateOf(full), 'ar');
    const body = bodyOf(s);
    expect(body.languages).toEqual(['en']);
    expect(body.translations).toEqual({ en: { title: 'Journey' } });
    expect(body.sections[0]!.translations).toEqual({});
    expect(body.questions[0]!.translations).toEqual({ en: { easy: 'Got a job?' } });
    expect(body.questions[0]!.labelEn).toBe('Do you have a job?');
    expect(addLanguage(s, 'ar').languages).toEqual(['en', 'ar']);
    expect(addLanguage(s, 'en')).toBe(s);
  });

  it('clearing a field removes it, and the language once nothing is left', () => {
    const one = setTranslated({}, 'ar', 'label', 'سؤال');
    expect(one).toEqual({ ar: { label: 'سؤال' } });
    expect(setTranslated(one, 'ar', 'label', '')).toEqual({});
    const withChoice = setChoiceTranslation(one, 'ar', 'options', 'oui', 'نعم');
    expect(withChoice).toEqual({ ar: { label: 'سؤال', options: { oui: 'نعم' } } });
    expect(setChoiceTranslation(withChoice, 'ar', 'options', 'oui', '')).toEqual(one);
  });

  it('a choice whose value changes keeps its translations; a removed one loses them', () => {
    const tr = {
      ar: { options: { oui: 'نعم', non: 'لا' } },
      es: { label: 'x', options: { oui: 'sí' } },
    };
    expect(renameChoice(tr, 'options', 'oui', 'yes')).toEqual({
      ar: { options: { yes: 'نعم', non: 'لا' } },
      es: { label: 'x', options: { yes: 'sí' } },
    });
    expect(renameChoice(tr, 'options', 'oui', null)).toEqual({
      ar: { options: { non: 'لا' } },
      es: { label: 'x' },
    });
    expect(renameChoice(tr, 'items', 'oui', 'yes')).toBe(tr);
  });
});

describe('conditions', () => {
  it.each([
    ['single', ['equals', 'notEquals', 'answered', 'notAnswered']],
    ['multiple', ['includes', 'answered', 'notAnswered']],
    ['ranking', ['answered', 'notAnswered']],
    ['faces', ['equals', 'notEquals', 'gte', 'lte', 'gt', 'lt', 'answered', 'notAnswered']],
    ['date', ['equals', 'gte', 'lte', 'gt', 'lt', 'answered', 'notAnswered']],
  ] as const)('a %s question offers %j', (type, ops) => {
    expect(opsFor(type)).toEqual(ops);
  });

  it.each([
    ['single', 'equals', 'choice'],
    ['grid', 'includes', 'choice'],
    ['scale', 'gte', 'number'],
    ['number', 'lt', 'number'],
    ['date', 'gte', 'date'],
    ['text', 'equals', 'text'],
    ['single', 'answered', 'none'],
  ] as const)('%s %s takes a %s value', (type, op, kind) => {
    expect(valueKind(type, op)).toBe(kind);
  });

  it('a first comparison picks the first choice, the first cell of a grid, the top of a scale', () => {
    const s = stateOf(full);
    const [emploi, arrivee, faces, grid] = s.questions;
    expect(defaultLeaf(emploi!)).toEqual({ question: emploi!.uid, op: 'equals', value: 'oui' });
    expect(defaultLeaf(arrivee!)).toEqual({ question: arrivee!.uid, op: 'equals' });
    expect(defaultLeaf(faces!)).toEqual({ question: faces!.uid, op: 'equals', value: 3 });
    expect(defaultLeaf(grid!)).toEqual({ question: grid!.uid, op: 'includes', value: 'accueil=1' });
  });

  it.each([
    [null, { mode: 'all', rows: [] }],
    [
      { question: 'a', op: 'answered' },
      { mode: 'all', rows: [{ question: 'a', op: 'answered' }] },
    ],
    [
      {
        any: [
          { question: 'a', op: 'answered' },
          { question: 'b', op: 'answered' },
        ],
      },
      {
        mode: 'any',
        rows: [
          { question: 'a', op: 'answered' },
          { question: 'b', op: 'answered' },
        ],
      },
    ],
    [{ not: { question: 'a', op: 'answered' } }, null],
    [{ all: [{ any: [{ question: 'a', op: 'answered' }] }] }, null],
  ] as const)('%j as rows: %j', (c, rows) => {
    expect(rowsOf(c as Condition | null)).toEqual(rows);
  });

  it.each([
    ['all', [], null],
    ['any', [{ question: 'a', op: 'answered' }], { question: 'a', op: 'answered' }],
    [
      'any',
      [
        { question: 'a', op: 'answered' },
        { question: 'b', op: 'notAnswered' },
      ],
      {
        any: [
          { question: 'a', op: 'answered' },
          { question: 'b', op: 'notAnswered' },
        ],
      },
    ],
    [
      'all',
      [
        { question: 'a', op: 'answered' },
        { question: 'b', op: 'notAnswered' },
      ],
      {
        all: [
          { question: 'a', op: 'answered' },
          { question: 'b', op: 'notAnswered' },
        ],
      },
    ],
  ] as const)('%s of %j is %j', (mode, rows, c) => {
    expect(conditionOfRows(mode, [...rows])).toEqual(c);
  });

  it('finds conditions the server would refuse: later or removed questions, missing or unknown values', () => {
    const s = stateOf(full);
    expect(conditionProblems(s.questions).size).toBe(0);
    // Moving the question read below the one reading it.
    const [emploi, ...rest] = s.questions;
    const later = [...rest.slice(0, 3), emploi!, ...rest.slice(3)];
    expect(conditionProblems(later).get(s.questions[3]!.uid)).toEqual(['later_question']);
    // Removing it.
    expect(conditionProblems(rest).get(s.questions[3]!.uid)).toEqual(['unknown_question']);
    const q4 = s.questions[3]!;
    const noValue = { ...q4, showIf: { question: emploi!.uid, op: 'equals' as const } };
    expect(conditionProblems([emploi!, noValue]).get(q4.uid)).toEqual(['missing_value']);
    const badValue = {
      ...q4,
      showIf: { question: emploi!.uid, op: 'equals' as const, value: 'peut_etre' },
    };
    expect(conditionProblems([emploi!, badValue]).get(q4.uid)).toEqual(['unknown_option']);
  });

  it('turns the question a condition reads into its key on saving, in every group', () => {
    const body = bodyOf(stateOf(full));
    expect(body.questions[4]!.showIf).toEqual({
      any: [
        { question: 'q3', op: 'lte', value: 2 },
        { question: 'q4', op: 'includes', value: 'accueil=1' },
      ],
    });
    expect(body.questions[6]!.showIf).toEqual({ not: { question: 'q6', op: 'answered' } });
  });
});

describe('editing choices', () => {
  it('keeps translations with a choice whose value changes, and forgets a removed one', () => {
    const q = stateOf(full).questions[0]!;
    const [oui, non] = q.options;
    const renamed = withChoices(q, 'options', [{ ...oui!, value: 'yes' }]);
    expect(renamed.options.map((o) => o.value)).toEqual(['yes']);
    expect(renamed.translations.ar).toEqual({ label: 'هل لديك عمل؟', options: { yes: 'نعم' } });
    expect(non).toBeDefined();
    expect(withChoices(q, 'options', q.options).translations).toBe(q.translations);
  });
});

describe('conditions in words', () => {
  const s = stateOf(full);
  const list = s.questions.map((q) => ({ ...q, ref: q.key }));
  const name = (n: number | null, label: string) => (n === null ? `? ${label}` : `Q${n} ${label}`);
  it.each([
    [
      { question: 'emploi', op: 'equals', value: 'oui' },
      'fr',
      'Q1 Avez-vous un emploi ? est « Oui »',
    ],
    [{ question: 'emploi', op: 'equals', value: 'oui' }, 'en', 'Q1 Do you have a job? is “Yes”'],
    [
      { question: 'q4', op: 'includes', value: 'accueil=1' },
      'fr',
      'Q4 Êtes-vous d’accord ? comprend « L’accueil : Pas du tout »',
    ],
    [
      {
        any: [
          { question: 'q3', op: 'lte', value: 2 },
          { question: 'q6', op: 'answered' },
        ],
      },
      'fr',
      'Q3 Comment ça va ? est au plus « 2 » ou Q6 Combien ? a une réponse',
    ],
    [{ question: 'gone', op: 'answered' }, 'fr', '? gone a une réponse'],
  ] as const)('%j in %s', (c, lang, words) => {
    expect(conditionWords(c as Condition, list, lang, name)).toBe(words);
  });
});

describe('a question read whose type changed', () => {
  it.each([
    ['date', 'unfit_comparison'],
    ['text', null],
    ['number', 'unfit_comparison'],
    ['single', null],
  ] as const)('from a choice to %s: %s', (type, problem) => {
    const s = stateOf(full);
    const [emploi, arrivee, faces, grid] = s.questions;
    const changed = [{ ...emploi!, type }, arrivee!, faces!, grid!];
    const found = conditionProblems(changed).get(grid!.uid) ?? [];
    expect(found.includes('unfit_comparison')).toBe(problem !== null);
  });

  it('a date compared with something other than a date', () => {
    const s = stateOf(full);
    const [emploi, arrivee] = s.questions;
    const reader = {
      ...s.questions[5]!,
      showIf: { question: arrivee!.uid, op: 'gte' as const, value: 'hier' },
    };
    expect(conditionProblems([emploi!, arrivee!, reader]).get(reader.uid)).toEqual([
      'unfit_comparison',
    ]);
  });
});

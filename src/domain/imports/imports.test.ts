import { describe, expect, it } from 'vitest';
import type { QuestionRule } from '../answers.ts';
import {
  checkActivityLines,
  checkLine,
  decodeBytes,
  detectDelimiter,
  mappingProblems,
  normaliseLabel,
  normalisePeriod,
  parseCsv,
  parseFrenchDate,
  parseFrenchNumber,
  prepareQuestion,
  readCsvBytes,
  splitChoices,
  optionMatcher,
  suggestActivityMapping,
  suggestMapping,
  tableFromRecords,
  type ImportQuestion,
} from './index.ts';

describe('decodeBytes', () => {
  // "Café à l’été" in Windows-1252: é = E9, à = E0, ’ = 92.
  const cp1252 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x92, 0xe9, 0x74, 0xe9]);
  const utf8 = new TextEncoder().encode('Café à l’été');
  it.each([
    ['windows-1252 bytes', cp1252, 'Café à l’été', 'windows-1252'],
    ['utf-8 without BOM', utf8, 'Café à l’été', 'utf-8'],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'Café à l’été', 'utf-8-bom'],
    ['empty', new Uint8Array([]), '', 'utf-8'],
    ['BOM only', new Uint8Array([0xef, 0xbb, 0xbf]), '', 'utf-8-bom'],
    ['plain ASCII', new TextEncoder().encode('a;b'), 'a;b', 'utf-8'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ text, encoding });
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['semicolons', 'a;b;c\n1;2,5;3\n', ';'],
    ['commas', 'a,b,c\n1,2,3\n', ','],
    ['tabs', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['semicolons with comma decimals', 'note;âge\n3,5;40\n4,5;41\n', ';'],
    ['commas with a quoted comma', 'a,b\n"x,y",2\n', ','],
    ['one column', 'a\n1\n', ';'],
    ['empty', '', ';'],
  ])('%s', (_n, text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
});

describe('parseCsv', () => {
  it.each([
    ['simple with LF', 'a;b\n1;2\n', [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }]],
    ['CRLF and no final newline', 'a;b\r\n1;2', [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['1', '2'] }]],
    ['quoted field with delimiter', 'a;b\n"x;y";2\n', [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x;y', '2'] }]],
    ['doubled quotes', 'a\n"il a dit ""oui"""\n', [{ line: 1, cells: ['a'] }, { line: 2, cells: ['il a dit "oui"'] }]],
    [
      'newline inside quotes moves the next line number',
      'a;b\n"deux\r\nlignes";1\nx;2\n',
      [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['deux\r\nlignes', '1'] }, { line: 4, cells: ['x', '2'] }],
    ],
    ['blank lines are skipped but counted', 'a;b\n\n;\n1;2\n', [{ line: 1, cells: ['a', 'b'] }, { line: 4, cells: ['1', '2'] }]],
    ['empty cells kept', 'a;b;c\n1;;3\n', [{ line: 1, cells: ['a', 'b', 'c'] }, { line: 2, cells: ['1', '', '3'] }]],
    ['empty text', '', []],
  ])('%s', (_n, text, records) => {
    expect(parseCsv(text, ';')).toEqual(records);
  });

  it('reports a quote that is never closed, with its line', () => {
    expect(() => parseCsv('a\n1\n"oops\n', ';')).toThrow(/Line 3/);
  });
});

describe('parseFrenchNumber', () => {
  it.each([
    ['3,5', 3.5],
    ['3.5', 3.5],
    [' 42 ', 42],
    ['1 234,5', 1234.5],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234', 1234],
    ['1.234,5', 1234.5],
    ['1,234.5', 1234.5],
    ['-2,25', -2.25],
    [7, 7],
    ['1,2,3', null],
    ['abc', null],
    ['', null],
    [null, null],
    ['3,5 €', null],
  ] as const)('%s → %s', (cell, n) => {
    expect(parseFrenchNumber(cell)).toBe(n);
  });
});

describe('parseFrenchDate', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    ['05-03-2026', '2026-03-05'],
    ['05.03.2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['2026-03-05 00:00:00', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2026', null],
    ['31/02/2026', null],
    ['31/04/2026', null],
    ['13/13/2026', null],
    ['2026-13-01', null],
    ['demain', null],
    ['', null],
    [45000, null],
  ] as const)('%s → %s', (cell, d) => {
    expect(parseFrenchDate(cell)).toBe(d);
  });
});

describe('choices', () => {
  const options = [
    { value: 'tres_satisfait', labelFr: 'Très satisfait', labelEn: 'Very satisfied' },
    { value: 'oui', labelFr: 'Oui, souvent', labelEn: 'Yes, often' },
    { value: 'caf', labelFr: 'CAF', labelEn: '' },
    { value: 'cpam', labelFr: 'CPAM', labelEn: '' },
  ];
  const match = optionMatcher(options);
  it.each([
    ['tres_satisfait', 'tres_satisfait'],
    ['Très satisfait', 'tres_satisfait'],
    ['TRES SATISFAIT', 'tres_satisfait'],
    ['very satisfied', 'tres_satisfait'],
    ['  cpam ', 'cpam'],
    ['nope', null],
  ])('%s → %s', (text, value) => {
    expect(match(text)).toBe(value);
  });
  it.each([
    ['caf; cpam', ['caf', 'cpam']],
    ['caf|CPAM', ['caf', 'cpam']],
    ['CAF, CPAM', ['caf', 'cpam']],
    ['Oui, souvent', ['oui']],
    ['Oui, souvent; caf', ['oui', 'caf']],
    ['caf; inconnu', ['caf', 'inconnu']],
    ['', []],
  ])('splitChoices(%s)', (text, values) => {
    expect(splitChoices(text, match)).toEqual(values);
  });
});

const yesNo = [
  { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
  { value: 'non', labelFr: 'Non', labelEn: 'No' },
];
const questions: ImportQuestion[] = [
  { id: 'q-conf', key: 'confiance', position: 0, type: 'single', labelFr: 'Avez-vous confiance ?', labelEn: 'Are you confident?', required: true, options: yesNo, min: null, max: null },
  { id: 'q-age', key: 'age', position: 1, type: 'number', labelFr: 'Âge', labelEn: 'Age', required: false, options: [], min: 16, max: 110 },
  { id: 'q-note', position: 2, type: 'scale', labelFr: 'Note', labelEn: 'Score', required: false, options: [], min: 1, max: 5 },
  { id: 'q-date', key: 'date_entree', position: 3, type: 'date', labelFr: 'Date d’entrée', labelEn: 'Entry date', required: false, options: [], min: null, max: null },
  { id: 'q-heures', position: 4, type: 'number', labelFr: 'Heures', labelEn: 'Hours', required: false, options: [], min: null, max: null },
];

describe('suggestMapping', () => {
  it.each([
    ['by key', ['confiance', 'age'], ['q-conf', 'q-age']],
    ['by French label, accents and case aside', ['AVEZ-VOUS CONFIANCE', 'age'], ['q-conf', 'q-age']],
    ['by English label', ['Score', 'Entry date'], ['q-note', 'q-date']],
    ['by number', ['Q3', 'q1'], ['q-note', 'q-conf']],
    ['unknown and repeated columns are ignored', ['commentaire', 'Âge', 'age'], [null, 'q-age', null]],
    ['no headers', [], []],
  ])('%s', (_n, headers, mapping) => {
    expect(suggestMapping(headers, questions)).toEqual(mapping);
  });
  it('suggests activity fields', () => {
    expect(suggestActivityMapping(['Code indicateur', 'Période', 'Valeur', 'Note'])).toEqual(['indicator', 'period', 'value', null]);
  });
});

describe('mappingProblems', () => {
  const targets = questions.map((q) => ({ id: q.id, required: q.required, fr: q.labelFr, en: q.labelEn }));
  it.each([
    ['fine', ['q-conf', null], 0],
    ['wrong length', ['q-conf'], 1],
    ['required question without a column', ['q-age', null], 1],
    ['same question twice', ['q-conf', 'q-conf'], 1],
    ['unknown target', ['q-conf', 'zzz'], 1],
  ] as const)('%s', (_n, mapping, count) => {
    expect(mappingProblems([...mapping], 2, targets)).toHaveLength(count);
  });
});

describe('checkLine', () => {
  const headers = ['confiance', 'Âge', 'Note', 'Date d’entrée', 'Heures'];
  const prepared = questions.map(prepareQuestion);
  // Dates have their own cases below.
  const rules = questions.filter((q) => q.type !== 'date') as unknown as QuestionRule[];
  const columns = prepared.map((p) => (p.question.type === 'date' ? null : p));
  it.each([
    ['labels, comma decimals', ['Oui', '40', '4', '', '3,5'], [{ questionId: 'q-conf', options: ['oui'], num: null, text: null }, { questionId: 'q-age', options: null, num: 40, text: null }, { questionId: 'q-note', options: null, num: 4, text: null }, { questionId: 'q-heures', options: null, num: 3.5, text: null }]],
    ['value and empty optional cells', ['non', '', '', '', ''], [{ questionId: 'q-conf', options: ['non'], num: null, text: null }]],
    ['XLSX numbers', ['oui', 40, 5, null, 1.5], [{ questionId: 'q-conf', options: ['oui'], num: null, text: null }, { questionId: 'q-age', options: null, num: 40, text: null }, { questionId: 'q-note', options: null, num: 5, text: null }, { questionId: 'q-heures', options: null, num: 1.5, text: null }]],
  ])('%s', (_n, cells, answers) => {
    expect(checkLine({ line: 2, cells }, headers, columns, rules)).toEqual({ ok: true, line: 2, answers });
  });
  it.each([
    ['missing required answer', ['', '40', '', '', ''], [{ column: 'confiance', code: 'required' }]],
    ['unknown choice', ['peut-être', '', '', '', ''], [{ column: 'confiance', code: 'unknown_option', value: 'peut-être' }]],
    ['out of range and not a number', ['oui', '12', 'beaucoup', '', ''], [{ column: 'Âge', code: 'out_of_range' }, { column: 'Note', code: 'not_a_number' }]],
    ['scale with decimals', ['oui', '', '3,5', '', ''], [{ column: 'Note', code: 'out_of_range' }]],
  ])('%s', (_n, cells, errors) => {
    const r = checkLine({ line: 7, cells }, headers, columns, rules);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(errors.length);
    errors.forEach((e, i) => expect(r.errors[i]).toMatchObject({ line: 7, ...e }));
    for (const e of r.errors) expect(e.fr.length * e.en.length).toBeGreaterThan(0);
  });
});

describe('date questions', () => {
  const date = prepareQuestion(questions[3]!);
  it.each([
    ['ranking', 'b; a', ['b', 'a']],
    ['faces', '4', 4],
    ['grid', 'accueil=oui; délais=Non', { accueil: 'oui', delais: 'non' }],
  ] as const)('%s cells become the raw answer checkAnswers takes', (type, cell, raw) => {
    const q = prepareQuestion({
      id: 'x',
      position: 0,
      type,
      labelFr: 'X',
      labelEn: 'X',
      required: false,
      options: type === 'grid' ? yesNo : [{ value: 'a', labelFr: 'A', labelEn: 'A' }, { value: 'b', labelFr: 'B', labelEn: 'B' }],
      items: [{ value: 'accueil', labelFr: 'Accueil', labelEn: 'Welcome' }, { value: 'delais', labelFr: 'Délais', labelEn: 'Delays' }],
      min: null,
      max: null,
    });
    expect(q.toRaw(cell)).toEqual({ raw });
  });
  it.each([
    ['05/03/2026', { raw: '2026-03-05' }],
    ['2026-03-05', { raw: '2026-03-05' }],
    ['', { raw: undefined }],
    ['31/02/2026', { error: { code: 'not_a_date', fr: 'Cette date n’existe pas.', en: 'This date does not exist.' } }],
    ['bientôt', { error: { code: 'not_a_date', fr: 'Indiquez une date (jj/mm/aaaa).', en: 'Enter a date (dd/mm/yyyy).' } }],
  ])('%s', (cell, out) => {
    expect(date.toRaw(cell)).toEqual(out);
  });
  it('stores a French date as YYYY-MM-DD through checkAnswers', () => {
    const rules = [questions[3]!] as unknown as QuestionRule[];
    expect(checkLine({ line: 2, cells: ['05/03/2026'] }, ['Date d’entrée'], [date], rules)).toEqual({
      ok: true,
      line: 2,
      answers: [{ questionId: 'q-date', options: null, num: null, text: '2026-03-05' }],
    });
  });
  it('reports a bad date once, tied to its line and column', () => {
    const r = checkLine({ line: 3, cells: ['31/02/2026'] }, ['Date d’entrée'], [date], [questions[3]!] as unknown as QuestionRule[]);
    expect(r).toEqual({ ok: false, errors: [{ line: 3, column: 'Date d’entrée', value: '31/02/2026', code: 'not_a_date', fr: 'Cette date n’existe pas.', en: 'This date does not exist.' }] });
  });
});

describe('tableFromRecords and readCsvBytes', () => {
  it('pads short rows and names blank headers', () => {
    expect(tableFromRecords([{ line: 1, cells: ['a', ''] }, { line: 2, cells: ['1'] }, { line: 3, cells: ['1', '2', '3'] }])).toEqual({
      headers: ['a', 'Colonne 2', 'Colonne 3'],
      rows: [{ line: 2, cells: ['1', null, null] }, { line: 3, cells: ['1', '2', '3'] }],
    });
  });
  it('no records, no table', () => {
    expect(tableFromRecords([])).toEqual({ headers: [], rows: [] });
  });
  it('reads an Excel French CSV in Windows-1252 with a BOM-less header', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Pr'), 0xe9, ...new TextEncoder().encode('nom;Note\r\nJos'), 0xe9, ...new TextEncoder().encode(';3,5\r\n')]);
    expect(readCsvBytes(bytes)).toEqual({ encoding: 'windows-1252', delimiter: ';', table: { headers: ['Prénom', 'Note'], rows: [{ line: 2, cells: ['José', '3,5'] }] } });
  });
});

describe('activity lines', () => {
  const indicators = [
    { frameworkId: 'fw-a', code: 'ACCOMP', definitionKey: 'sum:|', entered: true },
    { frameworkId: 'fw-a', code: 'CONF', definitionKey: 'share:oui', entered: false },
    { frameworkId: 'fw-a', code: 'DUO', definitionKey: 'sum:|', entered: true },
    { frameworkId: 'fw-b', code: 'DUO', definitionKey: 'sum:|', entered: true },
  ];
  const table = {
    headers: ['Indicateur', 'Période', 'Valeur'],
    rows: [
      { line: 2, cells: ['accomp', '2026', '1 234,5'] },
      { line: 3, cells: ['ACCOMP', '2026-s1', 12] },
      { line: 4, cells: ['CONF', '2026', '3'] },
      { line: 5, cells: ['NOPE', '2026', '3'] },
      { line: 6, cells: ['DUO', '2026', '3'] },
      { line: 7, cells: ['ACCOMP', 'l’an dernier', 'beaucoup'] },
      { line: 8, cells: ['ACCOMP', '2026', '5'] },
      { line: 9, cells: ['', '03/2026', '5'] },
    ],
  };
  it('keeps good lines and names each bad one', () => {
    const { lines, errors } = checkActivityLines(table, ['indicator', 'period', 'value'], indicators);
    expect(lines).toEqual([
      { line: 2, frameworkId: 'fw-a', indicatorCode: 'ACCOMP', period: '2026', value: 1234.5, definition: 'sum:|' },
      { line: 3, frameworkId: 'fw-a', indicatorCode: 'ACCOMP', period: '2026-S1', value: 12, definition: 'sum:|' },
    ]);
    expect(errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'not_an_activity_indicator'],
      [5, 'unknown_indicator'],
      [6, 'ambiguous_indicator'],
      [7, 'bad_period'],
      [7, 'not_a_number'],
      [8, 'duplicate_line'],
      [9, 'required'],
    ]);
  });
  it.each([
    ['2026', '2026'],
    ['2026-t2', '2026-T2'],
    ['03/2026', '2026-03'],
    ['3/2026', '2026-03'],
    [2026, '2026'],
    ['2026-13', null],
    ['', null],
  ] as const)('period %s', (cell, p) => {
    expect(normalisePeriod(cell)).toBe(p);
  });
});

describe('normaliseLabel', () => {
  it.each([
    ['Âge (ans)', 'age ans'],
    ['L’été', 'l ete'],
    ['  ', ''],
  ])('%s', (a, b) => {
    expect(normaliseLabel(a)).toBe(b);
  });
});

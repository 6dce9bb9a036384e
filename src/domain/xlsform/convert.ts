import { parseBounds } from './expressions.ts';
import { conditionFits, relevantToCondition, type KnownQuestion, type Resolution } from './conditions.ts';
import { languageCode, toKey, toValue } from './names.ts';
import type {
  XlsFormCondition,
  XlsFormOption,
  XlsFormQuestion,
  XlsFormQuestionnaire,
  XlsFormReportItem,
  XlsFormResult,
  XlsFormSection,
  XlsFormSheets,
  XlsFormTranslation,
} from './types.ts';

/** Limits of a Socle questionnaire. */
export const LIMITS = { questions: 200, options: 50, items: 30, sections: 50, languages: 10, label: 500, help: 500, optionLabel: 200, intro: 2000, title: 200 } as const;

interface Column {
  index: number;
  /** Lowercased column name before any `::language`. */
  base: string;
  /** The language part as written ("French (fr)"), if any. */
  language?: string;
}

interface Row {
  /** Row number in the spreadsheet (1 = first row). */
  row: number;
  cells: string[];
}

interface Table {
  columns: Column[];
  rows: Row[];
}

const TRANSLATABLE = new Set(['label', 'hint', 'guidance_hint', 'constraint_message', 'required_message', 'media', 'image', 'audio', 'video']);

function readTable(rows: string[][] | undefined): Table | null {
  if (!rows) return null;
  const headerAt = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) return { columns: [], rows: [] };
  const columns: Column[] = rows[headerAt]!.map((raw, index) => {
    const text = raw.trim();
    const m = /^([^:]+?)\s*::?\s*(.+)$/.exec(text);
    if (m && TRANSLATABLE.has(m[1]!.toLowerCase())) return { index, base: m[1]!.toLowerCase(), language: m[2]!.trim() };
    return { index, base: text.toLowerCase() };
  });
  const body: Row[] = [];
  rows.forEach((cells, i) => {
    if (i <= headerAt || !cells.some((c) => c.trim() !== '')) return;
    body.push({ row: i + 1, cells });
  });
  return { columns, rows: body };
}

function findSheet(sheets: XlsFormSheets, name: string): string[][] | undefined {
  const key = Object.keys(sheets).find((k) => k.trim().toLowerCase() === name);
  return key === undefined ? undefined : sheets[key];
}

function cell(table: Table, row: Row, base: string): string {
  const col = table.columns.find((c) => c.base === base && c.language === undefined);
  return col ? (row.cells[col.index] ?? '').trim() : '';
}

const YES = new Set(['yes', 'true', 'true()', '1', 'oui', 'vrai']);
const NO = new Set(['', 'no', 'false', 'false()', '0', 'non', 'faux']);

const METADATA = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'email', 'audit', 'start-geopoint', 'imei', 'uri:subscriberid', 'uri:deviceid', 'uri:email', 'uri:phonenumber', 'uri:username']);

// Several XLSForm types ask for the same thing, said once here.
const AUDIO = { fr: 'un enregistrement audio', en: 'an audio recording' };
const ACKNOWLEDGE = { fr: 'une case « j’ai lu »', en: 'an "acknowledge" box' };
const EXTERNAL_DATA = { fr: 'des données externes', en: 'external data' };
const EXTERNAL_CHOICE = { fr: 'un choix dans un fichier externe', en: 'a choice from an external file' };

const UNSUPPORTED: Record<string, { fr: string; en: string }> = {
  calculate: { fr: 'un calcul', en: 'a calculation' },
  geopoint: { fr: 'une position GPS', en: 'a GPS position' },
  geotrace: { fr: 'un tracé GPS', en: 'a GPS trace' },
  geoshape: { fr: 'une zone GPS', en: 'a GPS shape' },
  image: { fr: 'une photo', en: 'a photo' },
  audio: AUDIO,
  'background-audio': AUDIO,
  video: { fr: 'une vidéo', en: 'a video' },
  file: { fr: 'un fichier joint', en: 'an attached file' },
  barcode: { fr: 'un code-barres', en: 'a barcode' },
  time: { fr: 'une heure', en: 'a time of day' },
  hidden: { fr: 'un champ caché', en: 'a hidden field' },
  acknowledge: ACKNOWLEDGE,
  trigger: ACKNOWLEDGE,
  'xml-external': EXTERNAL_DATA,
  'csv-external': EXTERNAL_DATA,
  select_one_from_file: EXTERNAL_CHOICE,
  select_multiple_from_file: { fr: 'des choix dans un fichier externe', en: 'choices from an external file' },
  select_one_external: EXTERNAL_CHOICE,
};

interface Choice {
  row: number;
  name: string;
  labels: Map<string, string>;
}

interface GroupFrame {
  kind: 'group' | 'repeat';
  name: string;
  condition: XlsFormCondition | null;
}

function clip(text: string, max: number): [string, boolean] {
  return text.length > max ? [`${text.slice(0, max - 1).trimEnd()}…`, true] : [text, false];
}

function both(a: XlsFormCondition | null, b: XlsFormCondition | null): XlsFormCondition | null {
  if (!a) return b;
  if (!b) return a;
  const parts = [...('all' in a ? a.all : [a]), ...('all' in b ? b.all : [b])];
  return { all: parts };
}

/** Normalises "begin group", "select one x", "select_one x or_other" into tokens. */
function typeTokens(raw: string): string[] {
  const tokens = raw.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const [a, b] = tokens;
  if ((a === 'begin' || a === 'end') && (b === 'group' || b === 'repeat')) return [`${a}_${b}`, ...tokens.slice(2)];
  if (a === 'select' && (b === 'one' || b === 'multiple')) return [`select_${b}`, ...tokens.slice(2)];
  if (a === 'select_one' || a === 'select_multiple' || a === 'rank') {
    // "select_one list or_other" and "select_one list or other" both appear.
    if (tokens[2] === 'or' && tokens[3] === 'other') return [a, tokens[1] ?? '', 'or_other'];
  }
  return tokens;
}

/** Converts the sheets of an XLSForm into a Socle questionnaire and the list of what was lost. */
export function convertXlsForm(sheets: XlsFormSheets, options: { fallbackTitle?: string } = {}): XlsFormResult {
  const survey = readTable(findSheet(sheets, 'survey'));
  if (!survey) {
    return {
      ok: false,
      code: 'no_survey_sheet',
      fr: 'Ce classeur n’a pas de feuille « survey » : ce n’est pas un XLSForm (formulaire Kobo ou ODK).',
      en: 'This workbook has no "survey" sheet: it is not an XLSForm (Kobo or ODK form).',
    };
  }
  if (!survey.columns.some((c) => c.base === 'type' && c.language === undefined)) {
    return {
      ok: false,
      code: 'no_type_column',
      fr: 'La feuille « survey » n’a pas de colonne « type » : ce n’est pas un XLSForm (formulaire Kobo ou ODK).',
      en: 'The "survey" sheet has no "type" column: it is not an XLSForm (Kobo or ODK form).',
    };
  }
  const choicesTable = readTable(findSheet(sheets, 'choices')) ?? { columns: [], rows: [] };
  const settingsTable = readTable(findSheet(sheets, 'settings'));
  const settingsRow = settingsTable?.rows[0];
  const setting = (name: string) => (settingsTable && settingsRow ? cell(settingsTable, settingsRow, name) : '');

  const report: XlsFormReportItem[] = [];
  const note = (row: number, name: string, what: string, fr: string, en: string) => report.push({ row, name, what, fr, en });

  // Languages: each `label::X` column, and the plain `label` column for the default language.
  const defaultLanguageText = setting('default_language');
  const defaultCode = defaultLanguageText && defaultLanguageText.toLowerCase() !== 'default' ? languageCode(defaultLanguageText) : null;
  if (defaultLanguageText && defaultLanguageText.toLowerCase() !== 'default' && !defaultCode) {
    note(0, '', 'language', `La langue par défaut « ${defaultLanguageText} » n’est pas reconnue : la colonne « label » est lue comme du français.`, `The default language "${defaultLanguageText}" is not recognised: the "label" column is read as French.`);
  }
  const plainCode = defaultCode ?? 'fr';
  const codeOf = new Map<string, string | null>();
  for (const table of [survey, choicesTable]) {
    for (const col of table.columns) {
      if (col.language === undefined || codeOf.has(col.language)) continue;
      const code = languageCode(col.language);
      codeOf.set(col.language, code);
      if (!code && (col.base === 'label' || col.base === 'hint')) {
        note(0, '', 'language', `Les textes en « ${col.language} » ne sont pas repris : langue non reconnue.`, `Texts in "${col.language}" are not carried over: language not recognised.`);
      }
    }
  }
  /** Text of a translatable column in one language: its own column first, else the plain one. */
  const textIn = (table: Table, row: Row, base: string, code: string): string => {
    for (const col of table.columns) {
      if (col.base !== base || col.language === undefined || codeOf.get(col.language) !== code) continue;
      const text = (row.cells[col.index] ?? '').trim();
      if (text) return text;
    }
    return code === plainCode ? cell(table, row, base) : '';
  };
  const presentLanguages: string[] = [];
  const addLanguage = (code: string) => {
    if (!presentLanguages.includes(code)) presentLanguages.push(code);
  };
  for (const table of [survey, choicesTable]) {
    for (const col of table.columns) {
      if (col.base !== 'label') continue;
      const code = col.language === undefined ? plainCode : codeOf.get(col.language);
      if (code && table.rows.some((r) => (r.cells[col.index] ?? '').trim() !== '')) addLanguage(code);
    }
  }
  const base = presentLanguages.includes('fr') ? 'fr' : defaultCode && presentLanguages.includes(defaultCode) ? defaultCode : (presentLanguages[0] ?? 'fr');
  if (base !== 'fr') {
    note(0, '', 'no_french', `Le formulaire n’a pas de textes en français : les textes en « ${base} » sont repris comme textes français. Traduisez-les avant d’ouvrir une collecte.`, `The form has no French texts: the "${base}" texts are used as the French ones. Translate them before opening a collection.`);
  }
  const languages = presentLanguages.filter((c) => c !== 'fr' && c !== base);
  if (base === 'en' && !languages.includes('en')) languages.unshift('en');
  if (languages.length > LIMITS.languages) {
    const left = languages.splice(LIMITS.languages);
    note(0, '', 'language', `Le formulaire a ${languages.length + left.length} langues en plus du français : seules les ${LIMITS.languages} premières sont reprises (pas ${left.join(', ')}).`, `The form has ${languages.length + left.length} languages besides French: only the first ${LIMITS.languages} are carried over (not ${left.join(', ')}).`);
  }
  const others = languages.filter((c) => c !== 'en');

  // Choice lists.
  const lists = new Map<string, Choice[]>();
  for (const row of choicesTable.rows) {
    const listName = cell(choicesTable, row, 'list_name') || cell(choicesTable, row, 'list name');
    const name = cell(choicesTable, row, 'name') || cell(choicesTable, row, 'value') || cell(choicesTable, row, '$autovalue');
    if (!listName || !name) continue;
    const labels = new Map<string, string>();
    for (const code of [base, ...languages]) labels.set(code, textIn(choicesTable, row, 'label', code));
    const list = lists.get(listName) ?? [];
    list.push({ row: row.row, name, labels });
    lists.set(listName, list);
  }
  const listValues = new Map<string, Map<string, string>>();
  const reportedLists = new Set<string>();
  const valuesOf = (listName: string, choices: Choice[]) => {
    let map = listValues.get(listName);
    if (!map) {
      const taken = new Set<string>();
      map = new Map();
      for (const [i, c] of choices.entries()) if (!map.has(c.name)) map.set(c.name, toValue(c.name, taken, `choix_${i + 1}`));
      listValues.set(listName, map);
    }
    return map;
  };

  // Every name, to tell "asked later" from "not in the form".
  const allNames = new Set(survey.rows.map((r) => cell(survey, r, 'name')).filter(Boolean));
  const asked = new Map<string, KnownQuestion>();
  const dropped = new Set<string>();
  const resolve = (name: string): Resolution => asked.get(name) ?? (inGrid.has(name) ? 'inGrid' : dropped.has(name) ? 'dropped' : allNames.has(name) ? 'later' : 'unknown');

  const sections: XlsFormSection[] = [];
  const sectionUsed: boolean[] = [];
  const emptySection = (): XlsFormSection => ({ titleFr: '', titleEn: '', introFr: '', translations: {} });
  let current = -1;
  const newSection = (s: XlsFormSection) => {
    if (current >= 0 && !sectionUsed[current] && !sections[current]!.titleFr && !sections[current]!.introFr) sections[current] = s;
    else {
      sections.push(s);
      sectionUsed.push(false);
      current = sections.length - 1;
    }
  };
  newSection(emptySection());
  let afterGroup = false;
  let seenQuestion = false;
  const introParts = new Map<string, string[]>();
  const stack: GroupFrame[] = [];
  const questions: XlsFormQuestion[] = [];
  const takenKeys = new Set<string>();

  const labelsOf = (row: Row, column: string) => {
    const fr = textIn(survey, row, column, base);
    const en = base === 'en' ? fr : textIn(survey, row, column, 'en');
    const translations: Record<string, string> = {};
    for (const code of others) {
      const text = textIn(survey, row, column, code);
      if (text) translations[code] = text;
    }
    return { fr, en, translations };
  };

  const conditionOf = (row: Row, name: string, what: 'question' | 'group'): XlsFormCondition | null => {
    const relevant = cell(survey, row, 'relevant');
    if (!relevant) return null;
    const result = relevantToCondition(relevant, resolve);
    if (result.ok) return result.condition;
    if (what === 'group') {
      note(row.row, name, 'relevant', `Groupe « ${name} » : ${result.fr}. Ses questions sont toujours posées.`, `Group "${name}": ${result.en}. Its questions are always asked.`);
    } else {
      note(row.row, name, 'relevant', `« ${name} » : ${result.fr}. La question est toujours posée.`, `"${name}": ${result.en}. The question is always asked.`);
    }
    return null;
  };

  /** A question's own condition with those of the groups around it, when Socle can hold them together. */
  const withGroups = (rowNumber: number, name: string, own: XlsFormCondition | null): XlsFormCondition | null => {
    let showIf = own;
    for (const frame of [...stack].reverse()) showIf = both(frame.condition, showIf);
    if (!showIf || conditionFits(showIf)) return showIf;
    note(rowNumber, name, 'relevant', `« ${name} » : ses conditions et celles de ses groupes sont trop nombreuses ensemble ; seule la sienne est reprise.`, `"${name}": its conditions and its groups' are too many together; only its own is carried over.`);
    return own;
  };

  /** A choice list's options, their translations, and a report of adapted names (once per list). */
  const optionsOf = (listName: string, choices: Choice[], pending: [string, string, string][]) => {
    const values = valuesOf(listName, choices);
    const options: XlsFormOption[] = [];
    const translations: Record<string, Record<string, string>> = {};
    const seen = new Set<string>();
    for (const c of choices) {
      const value = values.get(c.name)!;
      if (seen.has(value)) continue;
      seen.add(value);
      const [labelFr] = clip(c.labels.get(base) || c.name, LIMITS.optionLabel);
      const [labelEn] = clip(base === 'en' ? labelFr : (c.labels.get('en') ?? ''), LIMITS.optionLabel);
      options.push({ value, labelFr, labelEn });
      for (const code of others) {
        const text = c.labels.get(code);
        if (text) (translations[code] ??= {})[value] = clip(text, LIMITS.optionLabel)[0];
      }
    }
    const renamed = choices.filter((c) => values.get(c.name) !== c.name);
    if (renamed.length > 0 && !reportedLists.has(listName)) {
      reportedLists.add(listName);
      const list = renamed
        .slice(0, 10)
        .map((c) => `${c.name} → ${values.get(c.name)}`)
        .join(', ');
      pending.push(['option_renamed', `Liste « ${listName} » : des noms de choix sont adaptés (${list}${renamed.length > 10 ? '…' : ''}).`, `List "${listName}": some choice names are adapted (${list}${renamed.length > 10 ? '…' : ''}).`]);
    }
    return { options, translations };
  };

  /**
   * A group laid out as a table (appearance `table-list`, or a `label` row followed by
   * `list-nolabel` rows): select_one questions on one list, nothing else. It becomes one grid.
   */
  const gridAt = (start: number): { end: number; header: Row | null; items: Row[]; listName: string } | null => {
    const group = survey.rows[start]!;
    const tableList = cell(survey, group, 'appearance').toLowerCase().includes('table-list');
    const inside: Row[] = [];
    let end = -1;
    for (let i = start + 1; i < survey.rows.length; i++) {
      const kind = typeTokens(cell(survey, survey.rows[i]!, 'type'))[0] ?? '';
      if (kind === 'end_group') {
        end = i;
        break;
      }
      inside.push(survey.rows[i]!);
    }
    if (end < 0 || inside.length < 2) return null;
    const first = inside[0]!;
    const header = cell(survey, first, 'appearance').toLowerCase() === 'label' ? first : null;
    const items = header ? inside.slice(1) : inside;
    if (!tableList && !(header && items.every((r) => cell(survey, r, 'appearance').toLowerCase() === 'list-nolabel'))) return null;
    const listName = typeTokens(cell(survey, first, 'type'))[1] ?? '';
    const simple = (r: Row) => {
      const tokens = typeTokens(cell(survey, r, 'type'));
      return tokens[0] === 'select_one' && tokens[1] === listName && tokens.length === 2 && !['relevant', 'constraint', 'choice_filter', 'calculation', 'default'].some((c) => cell(survey, r, c));
    };
    if (items.length < 2 || items.length > LIMITS.items || !inside.every(simple)) return null;
    const choices = lists.get(listName) ?? [];
    if (choices.length < 2 || choices.length > LIMITS.options) return null;
    return { end, header, items, listName };
  };
  const inGrid = new Map<string, string>();

  const addGrid = (group: Row, groupName: string, grid: NonNullable<ReturnType<typeof gridAt>>) => {
    const pending: [string, string, string][] = [];
    const key = toKey(groupName, takenKeys, `q${questions.length + 1}`);
    const titleRow = grid.header ?? group;
    const label = labelsOf(titleRow, 'label');
    const hint = labelsOf(titleRow, 'hint');
    const labelFr = clip(label.fr || labelsOf(group, 'label').fr || groupName, LIMITS.label)[0];
    const { options, translations: optionTranslations } = optionsOf(grid.listName, lists.get(grid.listName)!, pending);
    const takenItems = new Set<string>();
    const items: XlsFormOption[] = [];
    const itemTranslations: Record<string, Record<string, string>> = {};
    for (const [n, r] of grid.items.entries()) {
      const itemName = cell(survey, r, 'name');
      const value = toValue(itemName, takenItems, `ligne_${n + 1}`);
      const l = labelsOf(r, 'label');
      items.push({ value, labelFr: clip(l.fr || itemName, LIMITS.optionLabel)[0], labelEn: clip(l.en, LIMITS.optionLabel)[0] });
      for (const [code, text] of Object.entries(l.translations)) (itemTranslations[code] ??= {})[value] = clip(text, LIMITS.optionLabel)[0];
      inGrid.set(itemName, key);
    }
    const translations: Record<string, XlsFormTranslation> = {};
    for (const code of others) {
      const t: XlsFormTranslation = {};
      if (label.translations[code]) t.label = clip(label.translations[code], LIMITS.label)[0];
      if (hint.translations[code]) t.help = clip(hint.translations[code], LIMITS.help)[0];
      if (optionTranslations[code]) t.options = optionTranslations[code];
      if (itemTranslations[code]) t.items = itemTranslations[code];
      if (Object.keys(t).length > 0) translations[code] = t;
    }
    const names = grid.items.map((r) => cell(survey, r, 'name')).join(', ');
    note(group.row, groupName, 'grid', `Le tableau « ${groupName} » (${names}) devient une seule question en grille, « ${key} » ; une condition qui porte sur l’une de ses lignes n’est pas reprise.`, `The table "${groupName}" (${names}) becomes one grid question, "${key}"; a condition on one of its rows is not carried over.`);
    for (const [what, f, e] of pending) note(group.row, groupName, what, f, e);
    const showIf = withGroups(group.row, groupName, null);
    questions.push({
      key,
      section: current,
      type: 'grid',
      labelFr: labelFr.length >= 2 ? labelFr : `${labelFr} (${key})`,
      labelEn: clip(label.en, LIMITS.label)[0],
      helpFr: clip(hint.fr, LIMITS.help)[0],
      helpEn: clip(hint.en, LIMITS.help)[0],
      easyFr: '',
      translations,
      required: grid.items.every((r) => YES.has(cell(survey, r, 'required').toLowerCase())),
      options,
      items,
      showIf,
    });
    sectionUsed[current] = true;
    seenQuestion = true;
  };

  for (let index = 0; index < survey.rows.length; index++) {
    const row = survey.rows[index]!;
    const tokens = typeTokens(cell(survey, row, 'type'));
    const kind = tokens[0] ?? '';
    const name = cell(survey, row, 'name') || cell(survey, row, '$autoname');
    if (!kind) {
      if (name || cell(survey, row, 'label')) note(row.row, name, 'no_type', `Ligne ${row.row} : pas de type, ligne ignorée.`, `Row ${row.row}: no type, row skipped.`);
      continue;
    }

    if (kind === 'begin_group' || kind === 'begin_repeat') {
      const labels = labelsOf(row, 'label');
      if (kind === 'begin_repeat') {
        note(row.row, name, 'repeat', `Le groupe répété « ${name} » n’est pas repris comme tel : ses questions sont posées une seule fois.`, `The repeat group "${name}" is not carried over as such: its questions are asked once.`);
      }
      const grid = kind === 'begin_group' ? gridAt(index) : null;
      if (stack.length === 0) {
        const translations: XlsFormSection['translations'] = {};
        for (const [code, title] of Object.entries(labels.translations)) translations[code] = { title: clip(title, LIMITS.optionLabel)[0] };
        newSection({ titleFr: clip(labels.fr || name, LIMITS.optionLabel)[0], titleEn: clip(labels.en, LIMITS.optionLabel)[0], introFr: '', translations });
        afterGroup = false;
      } else if (!grid) {
        note(row.row, name, 'nested_group', `Le groupe « ${name} » est dans un autre groupe : ses questions rejoignent la section « ${sections[current]!.titleFr} ».`, `The group "${name}" is inside another group: its questions join the section "${sections[current]!.titleFr}".`);
      }
      stack.push({ kind: kind === 'begin_group' ? 'group' : 'repeat', name, condition: conditionOf(row, name, 'group') });
      if (grid) {
        addGrid(row, name, grid);
        index = grid.end - 1;
      }
      continue;
    }
    if (kind === 'end_group' || kind === 'end_repeat') {
      stack.pop();
      if (stack.length === 0) afterGroup = true;
      continue;
    }

    if (kind === 'note') {
      const l = labelsOf(row, 'label');
      const text = l.fr;
      if (!text) continue;
      const byLanguage: [string, string][] = [['fr', text], ...(l.en && base !== 'en' ? [['en', l.en] as [string, string]] : []), ...Object.entries(l.translations)];
      if (!seenQuestion && current === 0 && stack.length === 0 && !sectionUsed[0]) {
        for (const [code, t] of byLanguage) introParts.set(code, [...(introParts.get(code) ?? []), t]);
      } else if (stack.length > 0 && !sectionUsed[current]) {
        const s = sections[current]!;
        s.introFr = s.introFr ? `${s.introFr}\n\n${text}` : text;
        for (const [code, t] of byLanguage.slice(1)) {
          const tr = (s.translations[code] ??= {});
          tr.intro = tr.intro ? `${tr.intro}\n\n${t}` : t;
        }
      } else {
        note(row.row, name, 'note', `La note « ${name} » est au milieu des questions : elle n’est pas reprise (« ${clip(text, 80)[0]} »).`, `The note "${name}" sits among the questions: it is not carried over ("${clip(text, 80)[0]}").`);
      }
      continue;
    }

    if (METADATA.has(kind)) {
      note(row.row, name, 'metadata', `« ${name} » (${kind}) : information technique recueillie par Kobo ou ODK, pas une question ; non reprise.`, `"${name}" (${kind}): technical data collected by Kobo or ODK, not a question; not carried over.`);
      dropped.add(name);
      continue;
    }
    const unsupported = UNSUPPORTED[kind];
    if (unsupported) {
      note(row.row, name, 'unsupported_type', `« ${name} » demande ${unsupported.fr} (${kind}) : Socle ne propose pas ce type de question ; non reprise.`, `"${name}" asks for ${unsupported.en} (${kind}): Socle has no such question type; not carried over.`);
      dropped.add(name);
      continue;
    }

    const isChoice = kind === 'select_one' || kind === 'select_multiple' || kind === 'rank';
    const simple = ['integer', 'decimal', 'text', 'date', 'datetime', 'range'];
    if (!isChoice && !simple.includes(kind)) {
      note(row.row, name, 'unsupported_type', `« ${name} » est de type « ${kind} », que Socle ne connaît pas ; non reprise.`, `"${name}" is of type "${kind}", which Socle does not know; not carried over.`);
      dropped.add(name);
      continue;
    }

    const appearance = cell(survey, row, 'appearance').toLowerCase();
    let type: XlsFormQuestion['type'];
    let opts: XlsFormOption[] = [];
    const optionTranslations: Record<string, Record<string, string>> = {};
    let min: number | undefined;
    let max: number | undefined;
    let values: Map<string, string> | undefined;
    let condKind: KnownQuestion['kind'];
    const pending: [string, string, string][] = [];

    if (isChoice) {
      const listName = tokens[1] ?? '';
      const choices = lists.get(listName) ?? [];
      if (choices.length === 0) {
        note(row.row, name, 'missing_list', `« ${name} » : la liste de choix « ${listName} » est absente de la feuille « choices » ; non reprise.`, `"${name}": the choice list "${listName}" is missing from the "choices" sheet; not carried over.`);
        dropped.add(name);
        continue;
      }
      values = valuesOf(listName, choices);
      const numbers = choices.map((c) => (/^-?\d+$/.test(c.name) ? Number(c.name) : NaN));
      const consecutive = numbers.every((n, i) => n === numbers[0]! + i) && (numbers[0] === 0 || numbers[0] === 1) && choices.length >= 2 && choices.length <= 11;
      if (kind === 'select_one' && appearance.includes('likert') && consecutive) {
        type = 'scale';
        min = numbers[0]!;
        max = numbers[numbers.length - 1]!;
        condKind = 'numeric';
        values = undefined;
        if (choices.some((c) => (c.labels.get(base) ?? '') !== c.name)) {
          const words = choices.map((c) => `${c.name} = ${c.labels.get(base) ?? ''}`).join(', ');
          pending.push(['scale_labels', `« ${name} » devient une échelle de ${min} à ${max} ; les libellés des points ne sont pas repris (${clip(words, 200)[0]}).`, `"${name}" becomes a scale from ${min} to ${max}; the labels of its points are not carried over (${clip(words, 200)[0]}).`]);
        }
      } else {
        type = kind === 'select_one' ? 'single' : kind === 'select_multiple' ? 'multiple' : 'ranking';
        condKind = kind === 'select_one' ? 'choice' : 'multiChoice';
        const built = optionsOf(listName, choices, pending);
        opts = built.options;
        Object.assign(optionTranslations, built.translations);
        if (tokens[2] === 'or_other') {
          if (!opts.some((o) => o.value === 'other')) opts.push({ value: 'other', labelFr: 'Autre', labelEn: 'Other' });
          values.set('other', 'other');
          pending.push(['or_other', `« ${name} » : le choix « Autre » est repris, mais pas la case pour préciser.`, `"${name}": the "Other" choice is carried over, but not the box to specify it.`]);
        }
        if (opts.length > LIMITS.options) {
          pending.push(['too_many_options', `« ${name} » a ${opts.length} choix : seuls les ${LIMITS.options} premiers sont repris.`, `"${name}" has ${opts.length} choices: only the first ${LIMITS.options} are carried over.`]);
          opts = opts.slice(0, LIMITS.options);
        }
        if (opts.length < 2) {
          note(row.row, name, 'too_few_options', `« ${name} » n’a qu’un choix : non reprise.`, `"${name}" has only one choice: not carried over.`);
          dropped.add(name);
          continue;
        }
        if (cell(survey, row, 'choice_filter')) {
          pending.push(['choice_filter', `« ${name} » : le filtre des choix (${cell(survey, row, 'choice_filter')}) n’est pas repris ; tous les choix sont proposés.`, `"${name}": the choice filter (${cell(survey, row, 'choice_filter')}) is not carried over; every choice is offered.`]);
        }
      }
    } else if (kind === 'range') {
      const params = Object.fromEntries(
        cell(survey, row, 'parameters')
          .split(/[\s;,]+/)
          .map((p) => p.split('='))
          .filter((p) => p.length === 2)
          .map(([k, v]) => [k!.toLowerCase(), Number(v)]),
      );
      const start = Number.isFinite(params.start) ? (params.start as number) : 1;
      const end = Number.isFinite(params.end) ? (params.end as number) : 10;
      const step = Number.isFinite(params.step) ? (params.step as number) : 1;
      const lo = Math.min(start, end);
      const hi = Math.max(start, end);
      min = lo;
      max = hi;
      condKind = 'numeric';
      if (Number.isInteger(lo) && Number.isInteger(hi) && step === 1 && hi > lo && hi - lo <= 10) type = 'scale';
      else {
        type = 'number';
        pending.push(['range', `« ${name} » : une réglette de ${start} à ${end} par pas de ${step} devient un nombre entre ${lo} et ${hi}.`, `"${name}": a range from ${start} to ${end} in steps of ${step} becomes a number between ${lo} and ${hi}.`]);
      }
    } else if (kind === 'integer' || kind === 'decimal') {
      type = 'number';
      condKind = 'numeric';
      if (kind === 'integer') pending.push(['integer', `« ${name} » : un nombre entier est demandé, mais Socle acceptera aussi un nombre à virgule.`, `"${name}": a whole number is asked for, but Socle will also accept decimals.`]);
    } else if (kind === 'date' || kind === 'datetime') {
      type = 'date';
      condKind = 'date';
      if (kind === 'datetime') pending.push(['datetime', `« ${name} » : seule la date est demandée, pas l’heure.`, `"${name}": only the date is asked for, not the time.`]);
    } else {
      type = 'text';
      condKind = 'text';
    }

    // The question is carried over from here on.
    if (afterGroup) {
      newSection(emptySection());
      afterGroup = false;
    }
    const key = toKey(name, takenKeys, `q${questions.length + 1}`);
    if (key !== name) note(row.row, name, 'renamed', `« ${name} » est renommée « ${key} » (minuscules, chiffres et _ seulement, 40 caractères au plus, sans doublon).`, `"${name}" is renamed "${key}" (lowercase letters, digits and _ only, 40 characters at most, no duplicates).`);

    const label = labelsOf(row, 'label');
    let labelFr = label.fr;
    if (!labelFr) {
      const other = label.en || Object.values(label.translations)[0] || '';
      labelFr = other || name;
      note(row.row, name, 'label_missing', other ? `« ${name} » n’a pas de libellé en « ${base} » : celui d’une autre langue est repris.` : `« ${name} » n’a pas de libellé : son nom est repris comme libellé.`, other ? `"${name}" has no "${base}" label: another language's label is used.` : `"${name}" has no label: its name is used as its label.`);
    }
    if (labelFr.length < 2) labelFr = `${labelFr} (${key})`;
    const [fr, cutFr] = clip(labelFr, LIMITS.label);
    const [en, cutEn] = clip(label.en, LIMITS.label);
    if (cutFr || cutEn) note(row.row, name, 'label_truncated', `Le libellé de « ${name} » dépasse ${LIMITS.label} caractères : il est raccourci.`, `The label of "${name}" is longer than ${LIMITS.label} characters: it is shortened.`);
    if (/\$\{[^}]+\}/.test(label.fr)) {
      note(row.row, name, 'piping', `Le libellé de « ${name} » reprend une réponse précédente (\${…}) : Socle affichera le texte tel quel.`, `The label of "${name}" repeats an earlier answer (\${…}): Socle will show the text as it is.`);
    }
    const hint = labelsOf(row, 'hint');
    const translations: Record<string, XlsFormTranslation> = {};
    for (const code of others) {
      const t: XlsFormTranslation = {};
      if (label.translations[code]) t.label = clip(label.translations[code], LIMITS.label)[0];
      if (hint.translations[code]) t.help = clip(hint.translations[code], LIMITS.help)[0];
      if (optionTranslations[code]) t.options = optionTranslations[code];
      if (Object.keys(t).length > 0) translations[code] = t;
    }

    const requiredText = cell(survey, row, 'required').toLowerCase();
    let required = YES.has(requiredText);
    if (!required && !NO.has(requiredText)) {
      required = false;
      note(row.row, name, 'required', `« ${name} » est obligatoire sous condition (${cell(survey, row, 'required')}) : elle devient facultative.`, `"${name}" is required under a condition (${cell(survey, row, 'required')}): it becomes optional.`);
    }

    const constraint = cell(survey, row, 'constraint');
    if (constraint) {
      const bounds = type === 'number' ? parseBounds(constraint, kind === 'integer') : null;
      if (bounds) {
        if (bounds.min !== undefined) min = min === undefined ? bounds.min : Math.max(min, bounds.min);
        if (bounds.max !== undefined) max = max === undefined ? bounds.max : Math.min(max, bounds.max);
        if (min !== undefined && max !== undefined && min > max) {
          pending.push(['constraint', `« ${name} » : la contrainte « ${constraint} » ne laisse aucune réponse possible ; elle n’est pas reprise.`, `"${name}": the constraint "${constraint}" leaves no possible answer; it is not carried over.`]);
          min = undefined;
          max = undefined;
        } else if (!bounds.exact) pending.push(['constraint', `« ${name} » : la contrainte « ${constraint} » devient des bornes incluses (${min ?? '…'} à ${max ?? '…'}).`, `"${name}": the constraint "${constraint}" becomes inclusive bounds (${min ?? '…'} to ${max ?? '…'}).`]);
      } else {
        pending.push(['constraint', `« ${name} » : la contrainte « ${constraint} » n’est pas reprise.`, `"${name}": the constraint "${constraint}" is not carried over.`]);
      }
    }
    if (cell(survey, row, 'calculation')) pending.push(['calculation', `« ${name} » : le calcul « ${cell(survey, row, 'calculation')} » n’est pas repris.`, `"${name}": the calculation "${cell(survey, row, 'calculation')}" is not carried over.`]);
    if (cell(survey, row, 'default')) pending.push(['default', `« ${name} » : la réponse par défaut « ${cell(survey, row, 'default')} » n’est pas reprise.`, `"${name}": the default answer "${cell(survey, row, 'default')}" is not carried over.`]);
    if (YES.has(cell(survey, row, 'read_only').toLowerCase())) pending.push(['read_only', `« ${name} » est en lecture seule dans le formulaire : dans Socle, elle devient une question à remplir.`, `"${name}" is read-only in the form: in Socle it becomes a question to answer.`]);

    const showIf = withGroups(row.row, name, conditionOf(row, name, 'question'));

    for (const [what, f, e] of pending) note(row.row, name, what, f, e);

    questions.push({
      key,
      section: current,
      type,
      labelFr: fr,
      labelEn: en,
      helpFr: clip(hint.fr, LIMITS.help)[0],
      helpEn: clip(hint.en, LIMITS.help)[0],
      easyFr: '',
      translations,
      required,
      options: opts,
      items: [],
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      showIf,
    });
    sectionUsed[current] = true;
    seenQuestion = true;
    asked.set(name, { key, kind: condKind, ...(values ? { values } : {}) });
  }

  if (questions.length > LIMITS.questions) {
    const first = questions[LIMITS.questions]!;
    note(0, '', 'too_many_questions', `Le formulaire a ${questions.length} questions : seules les ${LIMITS.questions} premières sont reprises (la suite commence à « ${first.key} »).`, `The form has ${questions.length} questions: only the first ${LIMITS.questions} are carried over (the rest starts at "${first.key}").`);
    questions.length = LIMITS.questions;
  }

  // Sections left without a question (all of theirs were dropped) go.
  const kept = sections.map((_, i) => questions.some((q) => q.section === i));
  const newIndex = kept.map((_, i) => kept.slice(0, i).filter(Boolean).length);
  const finalSections = sections.filter((_, i) => kept[i]);
  for (const q of questions) q.section = newIndex[q.section]!;
  if (finalSections.length > LIMITS.sections) {
    const last = LIMITS.sections - 1;
    note(0, '', 'too_many_sections', `Le formulaire a ${finalSections.length} groupes : à partir du ${LIMITS.sections}e, leurs questions sont réunies sur la dernière page.`, `The form has ${finalSections.length} groups: from the ${LIMITS.sections}th on, their questions share the last page.`);
    finalSections.length = LIMITS.sections;
    for (const q of questions) q.section = Math.min(q.section, last);
  }

  const [intro, introCut] = clip((introParts.get('fr') ?? []).join('\n\n'), LIMITS.intro);
  if (introCut) note(0, '', 'intro_truncated', `L’introduction dépasse ${LIMITS.intro} caractères : elle est raccourcie.`, `The introduction is longer than ${LIMITS.intro} characters: it is shortened.`);
  const translations: XlsFormQuestionnaire['translations'] = {};
  for (const [code, parts] of introParts) if (code !== 'fr') translations[code] = { intro: clip(parts.join('\n\n'), LIMITS.intro)[0] };
  for (const s of finalSections) for (const tr of Object.values(s.translations)) if (tr.intro) tr.intro = clip(tr.intro, LIMITS.intro)[0];

  let title = setting('form_title') || options.fallbackTitle?.trim() || 'Questionnaire importé';
  if (title.length < 2) title = `${title} (XLSForm)`;
  title = clip(title, LIMITS.title)[0];

  if (questions.length === 0) {
    note(0, '', 'no_questions', 'Aucune question du formulaire n’a pu être reprise.', 'No question of the form could be carried over.');
  }

  const questionnaire: XlsFormQuestionnaire = {
    title,
    introFr: intro,
    languages,
    translations,
    sections: finalSections.length > 0 ? finalSections : [emptySection()],
    questions,
  };
  report.sort((a, b) => a.row - b.row);
  return { ok: true, questionnaire, report };
}

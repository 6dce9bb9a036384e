import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addMember, createOrganisation, type OrgInfo } from '../support/factories.ts';

interface ReportItem {
  row: number;
  name: string;
  what: string;
  fr: string;
  en: string;
}
interface Imported {
  questionnaire: {
    title: string;
    introFr: string;
    languages: string[];
    sections: { titleFr: string; titleEn: string }[];
    questions: { key: string; section: number; type: string; labelFr: string; labelEn: string; required: boolean; options: { value: string; labelFr: string; labelEn: string }[]; min?: number; max?: number; showIf: unknown }[];
  };
  report: ReportItem[];
  created: { id: string; title: string; questions: { type: string; labelFr: string; labelEn: string; required: boolean; options: { value: string }[]; min: number | null; max: number | null }[] } | null;
}

let t: TestApp;
let alice: Persona;
let victor: Persona;
let org: OrgInfo;

/** A small form as KoboToolbox exports it: French and English, a group, a condition, a calculation. */
async function koboForm(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const survey = wb.addWorksheet('survey');
  survey.addRow(['type', 'name', 'label::Français (fr)', 'label::English (en)', 'required', 'relevant', 'constraint', 'calculation']);
  survey.addRow(['start', 'start']);
  survey.addRow(['select_one oui_non', 'accompagne', 'Êtes-vous accompagné·e ?', 'Are you supported?', 'yes']);
  survey.addRow(['begin_group', 'suivi', 'Votre suivi', 'Your support']);
  survey.addRow(['integer', 'mois', 'Depuis combien de mois ?', 'For how many months?', 'true', "${accompagne} = 'oui'", '. >= 0 and . <= 120']);
  survey.addRow(['calculate', 'annees', '', '', '', '', '', '${mois} div 12']);
  survey.addRow(['text', 'remarque', 'Une remarque ?', 'Any remark?']);
  survey.addRow(['end_group']);
  const choices = wb.addWorksheet('choices');
  choices.addRow(['list_name', 'name', 'label::Français (fr)', 'label::English (en)']);
  choices.addRow(['oui_non', 'oui', 'Oui', 'Yes']);
  choices.addRow(['oui_non', 'non', 'Non', 'No']);
  const settings = wb.addWorksheet('settings');
  settings.addRow(['form_title', 'default_language']);
  settings.addRow(['Suivi Kobo', 'Français (fr)']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const url = (orgId: string, query = '') => `/api/organisations/${orgId}/questionnaires/import-xlsform${query}`;
const upload = (p: Persona, orgId: string, file: Buffer | string, query = '') => p.request('POST', url(orgId, query), file, { 'content-type': 'application/octet-stream' });

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  victor = await signUp(t.app, 'Victor');
  org = await createOrganisation(alice, 'Maison des solidarités');
  await addMember(alice, org.id, victor, 'viewer');
});
afterAll(async () => {
  await t?.close();
});

describe('importing an XLSForm', () => {
  it('previews the questionnaire and what was not carried over, without saving anything', async () => {
    const res = await upload(alice, org.id, await koboForm());
    expect(res.statusCode, res.body).toBe(200);
    const body = json<Imported>(res);
    expect(body.created).toBeNull();
    expect(body.questionnaire.title).toBe('Suivi Kobo');
    expect(body.questionnaire.languages).toEqual(['en']);
    expect(body.questionnaire.sections.map((s) => s.titleFr)).toEqual(['', 'Votre suivi']);
    expect(body.questionnaire.questions.map((q) => [q.key, q.section, q.type, q.required])).toEqual([
      ['accompagne', 0, 'single', true],
      ['mois', 1, 'number', true],
      ['remarque', 1, 'text', false],
    ]);
    const mois = body.questionnaire.questions[1]!;
    expect(mois).toMatchObject({ labelEn: 'For how many months?', min: 0, max: 120, showIf: { question: 'accompagne', op: 'equals', value: 'oui' } });
    expect(body.questionnaire.questions[0]!.options).toEqual([
      { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
      { value: 'non', labelFr: 'Non', labelEn: 'No' },
    ]);
    expect(body.report.map((r) => [r.row, r.name, r.what])).toEqual([
      [2, 'start', 'metadata'],
      [5, 'mois', 'integer'],
      [6, 'annees', 'unsupported_type'],
    ]);
    expect(body.report[2]!.fr).toContain('calcul');
    expect(body.report[2]!.en).toContain('calculation');
    const list = await alice.get(`/api/organisations/${org.id}/questionnaires`);
    expect(json<unknown[]>(list)).toHaveLength(0);
  });

  it('creates the questionnaire with save=true', async () => {
    const res = await upload(alice, org.id, await koboForm(), '?save=true');
    expect(res.statusCode, res.body).toBe(201);
    const body = json<Imported>(res);
    expect(body.created?.title).toBe('Suivi Kobo');
    expect(body.created?.questions.map((q) => [q.type, q.labelFr, q.labelEn, q.options.map((o) => o.value), q.min, q.max])).toEqual([
      ['single', 'Êtes-vous accompagné·e ?', 'Are you supported?', ['oui', 'non'], null, null],
      ['number', 'Depuis combien de mois ?', 'For how many months?', [], 0, 120],
      ['text', 'Une remarque ?', 'Any remark?', [], null, null],
    ]);
    expect(body.report.some((r) => r.what === 'unsupported_type' && r.name === 'annees')).toBe(true);
    const got = await alice.get(`/api/organisations/${org.id}/questionnaires/${body.created!.id}`);
    expect(got.statusCode).toBe(200);
    expect(json<unknown[]>(await alice.get(`/api/organisations/${org.id}/questionnaires`))).toHaveLength(1);
  });

  it('reads the sample Kobo form and reports each loss', async () => {
    const file = await readFile(new URL('../fixtures/xlsform/suivi-accompagnement.xlsx', import.meta.url));
    const res = await upload(alice, org.id, file);
    expect(res.statusCode, res.body).toBe(200);
    const body = json<Imported>(res);
    expect(body.questionnaire.title).toBe('Suivi de l’accompagnement 2025');
    expect(body.questionnaire.languages).toEqual(['en', 'ar']);
    expect(body.questionnaire.questions).toHaveLength(15);
    expect(body.questionnaire.questions.find((q) => q.key === 'vie_quotidienne')?.type).toBe('grid');
    expect(new Set(body.report.map((r) => r.what))).toEqual(
      new Set(['metadata', 'renamed', 'integer', 'option_renamed', 'choice_filter', 'unsupported_type', 'scale_labels', 'relevant', 'repeat', 'grid']),
    );
    expect(body.report.filter((r) => r.what === 'unsupported_type').map((r) => r.name)).toEqual(['position', 'score', 'photo']);
  });

  it('saves the sample Kobo form whole: sections, languages, grid, conditions', async () => {
    const file = await readFile(new URL('../fixtures/xlsform/suivi-accompagnement.xlsx', import.meta.url));
    const res = await upload(alice, org.id, file, '?save=true');
    expect(res.statusCode, res.body).toBe(201);
    const preview = json<Imported>(await upload(alice, org.id, file));
    const created = json<Imported>(res).created as unknown as { id: string; languages: string[]; sections: unknown[]; questions: { key: string; type: string; section: number; showIf: unknown }[] };
    expect(created.languages).toEqual(['en', 'ar']);
    expect(created.sections).toHaveLength(preview.questionnaire.sections.length);
    expect(created.questions.map((q) => [q.key, q.type, q.section])).toEqual(preview.questionnaire.questions.map((q) => [q.key, q.type, q.section]));
    expect(created.questions.map((q) => q.showIf)).toEqual(preview.questionnaire.questions.map((q) => q.showIf));
    expect(created.questions.some((q) => q.type === 'grid')).toBe(true);
    // Its public page opens on the first section.
    const campaign = json<{ publicPath: string }>(await alice.post(`/api/organisations/${org.id}/campaigns`, { name: 'Kobo', questionnaireId: created.id, period: '2026' }));
    expect((await t.app.inject({ method: 'GET', url: campaign.publicPath })).statusCode).toBe(200);
  });

  it('takes the file name as title when the form has none', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('survey').addRow(['type', 'name', 'label']);
    wb.getWorksheet('survey')!.addRow(['text', 'nom', 'Votre nom ?']);
    const res = await upload(alice, org.id, Buffer.from(await wb.xlsx.writeBuffer()), '?filename=enquete_printemps.xlsx');
    expect(json<Imported>(res).questionnaire.title).toBe('enquete printemps');
  });
});

describe('refusing what cannot be imported', () => {
  it.each<[string, () => Promise<Buffer | string>, string]>([
    ['a text file', async () => 'type,name,label\ntext,nom,Nom', 'not_xlsx'],
    ['an old .xls file', async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100)]), 'old_xls'],
    ['a broken zip', async () => Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]), 'not_xlsx'],
    [
      'a workbook without a survey sheet',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Feuil1').addRow(['nom', 'âge']);
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      'no_survey_sheet',
    ],
  ])('%s', async (_name, make, code) => {
    const res = await upload(alice, org.id, await make());
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json<{ code: string; detail: string }>().code).toBe(code);
    expect(res.json<{ detail: string }>().detail.length).toBeGreaterThan(20);
  });

  it('refuses to save a form with no question it can carry over', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('survey');
    s.addRow(['type', 'name', 'label']);
    s.addRow(['geopoint', 'ou', 'Où ?']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await upload(alice, org.id, file);
    expect(preview.statusCode).toBe(200);
    expect(json<Imported>(preview).report.map((r) => r.what)).toEqual(['no_questions', 'unsupported_type']);
    const save = await upload(alice, org.id, file, '?save=true');
    expect(save.statusCode).toBe(400);
    expect(save.json<{ code: string }>().code).toBe('no_questions');
  });

  it('refuses a file over 5 MB', async () => {
    const res = await upload(alice, org.id, Buffer.alloc(5 * 1024 * 1024 + 1));
    expect(res.statusCode).toBe(413);
  });

  it('lets only contributors import', async () => {
    const file = await koboForm();
    expect((await upload(victor, org.id, file)).statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: url(org.id), payload: file, headers: { 'content-type': 'application/octet-stream', origin: 'http://localhost:3000' } });
    expect(anonymous.statusCode).toBe(401);
    const other = await createOrganisation(victor, 'Autre association');
    // Someone else's organisation does not even exist for Alice.
    expect((await upload(alice, other.id, file)).statusCode).toBe(404);
  });

  it('keeps the OpenAPI document valid', async () => {
    const res = await alice.get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json<{ paths: Record<string, unknown> }>().paths)).toContain('/api/organisations/{orgId}/questionnaires/import-xlsform');
  });
});

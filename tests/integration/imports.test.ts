import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestApp, json, Persona, signUp, type TestApp } from '../support/app.ts';
import {
  addIndicator,
  addOrganisationMember,
  adopt,
  createCampaign,
  createOrganisation,
  createQuestionnaire,
  sumIndicator,
  type CampaignInfo,
  type OrgInfo,
  type QuestionnaireInfo,
} from '../support/factories.ts';

interface ImportView {
  id: string;
  state: string;
  processed: number;
  total: number;
  errorCount: number;
  errorLines: number;
  inserted: number;
  skipped: number;
  format: string;
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  preview: { line: number; cells: (string | number | null)[] }[];
  lineCount: number;
  suggestedMapping: (string | null)[];
  mapping: (string | null)[] | null;
  targets: { id: string; labelFr: string; required: boolean }[];
}
interface LineError {
  line: number;
  column: string;
  value: string;
  code: string;
  fr: string;
  en: string;
}

let t: TestApp;
let bob: Persona;
let vera: Persona;
let carl: Persona;
let chelsea: Persona;
let assoc: OrgInfo;
let outsider: OrgInfo;
let q: QuestionnaireInfo;
let campaign: CampaignInfo;

const MAX_BYTES = 300_000;
const MAX_LINES = 5_000;

beforeAll(async () => {
  t = await createTestApp({ importMaxBytes: MAX_BYTES, importMaxLines: MAX_LINES });
  bob = await signUp(t.app, 'Bob');
  vera = await signUp(t.app, 'Vera');
  carl = await signUp(t.app, 'Carl');
  chelsea = await signUp(t.app, 'Chelsea');
  assoc = await createOrganisation(bob, 'Association importatrice');
  outsider = await createOrganisation(chelsea, 'Dehors');
  await addOrganisationMember(bob, assoc.id, vera, 'viewer');
  await addOrganisationMember(bob, assoc.id, carl, 'contributor');
  await addIndicator(bob, assoc.specificFrameworkId, sumIndicator('HEURES'));
  await addIndicator(bob, assoc.specificFrameworkId, sumIndicator('ATELIERS'));
  await adopt(bob, assoc.specificFrameworkId);
  q = await createQuestionnaire(bob, assoc.id, [
    { type: 'single', labelFr: 'Êtes-vous satisfait ?', labelEn: 'Are you satisfied?', required: true, options: [{ value: 'oui', labelFr: 'Oui' }, { value: 'non', labelFr: 'Non' }] },
    { type: 'number', labelFr: 'Heures d’accompagnement', min: 0, max: 10000 },
    { type: 'multiple', labelFr: 'Démarches', options: [{ value: 'caf', labelFr: 'CAF' }, { value: 'cpam', labelFr: 'CPAM' }, { value: 'logement', labelFr: 'Logement' }] },
    { type: 'scale', labelFr: 'Note' },
    { type: 'text', labelFr: 'Commentaire' },
  ]);
  campaign = await createCampaign(bob, assoc.id, q.id, '2026');
});
afterAll(async () => {
  await t?.close();
});

function upload(p: Persona, orgId: string, bytes: Uint8Array | string, query: string): Promise<LightMyRequestResponse> {
  const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return p.request('POST', `/api/organisations/${orgId}/imports?${query}`, body, { 'content-type': 'application/octet-stream' });
}

async function uploadOk(p: Persona, bytes: Uint8Array | string, query = `kind=responses&campaignId=${campaign.id}&fileName=test.csv`): Promise<ImportView> {
  const res = await upload(p, assoc.id, bytes, query);
  expect(res.statusCode, res.body).toBe(201);
  return json<ImportView>(res);
}

/** Polls the status, as the web app does, until the work is done; returns every status seen. */
async function waitFor(p: Persona, importId: string): Promise<ImportView[]> {
  const seen: ImportView[] = [];
  for (let i = 0; i < 600; i += 1) {
    const status = json<ImportView>(await p.get(`/api/organisations/${assoc.id}/imports/${importId}/status`));
    seen.push(status);
    if (status.state !== 'validating' && status.state !== 'loading') return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('import did not finish');
}

async function validate(p: Persona, view: ImportView, mapping = view.suggestedMapping) {
  const res = await p.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping });
  expect(res.statusCode, res.body).toBe(202);
  const seen = await waitFor(p, view.id);
  return seen.at(-1)!;
}

async function commit(p: Persona, view: ImportView) {
  const res = await p.post(`/api/organisations/${assoc.id}/imports/${view.id}/commit`);
  expect(res.statusCode, res.body).toBe(202);
  return (await waitFor(p, view.id)).at(-1)!;
}

async function responseCount(): Promise<number> {
  const list = json<{ id: string; responseCount: number }[]>(await bob.get(`/api/organisations/${assoc.id}/campaigns`));
  return list.find((c) => c.id === campaign.id)!.responseCount;
}

const HEADER = 'Êtes-vous satisfait ?;Heures d’accompagnement;Démarches;Note;Commentaire;Identifiant\r\n';
const GOOD = HEADER + 'Oui;3,5;CAF, CPAM;4;"Très bien; merci";A1\r\nnon;12;;5;;A2\r\nOUI;1 000;logement;;"dit ""bof""";A3\r\n';
const BAD =
  HEADER +
  'Oui;3,5;CAF;4;;A1\r\n' +
  'peut-être;2;;;;A2\r\n' + // line 3: unknown choice
  ';2;;;;A3\r\n' + // line 4: required answer missing
  'non;beaucoup;impôts;9;;A4\r\n' + // line 5: three errors
  '\r\n' +
  'non;1;;;;A5\r\n';

describe('preview', () => {
  it('reads a French Excel CSV (Windows-1252, semicolons) and suggests a column for each question', async () => {
    // Ê = CA, é = E9, ’ = 92 in Windows-1252.
    const bytes = Buffer.concat([Buffer.from('Êtes-vous satisfait ?;Note;Autre\r\nOui;4;l', 'latin1'), Buffer.from([0x92]), Buffer.from('été\r\n', 'latin1')]);
    const view = await uploadOk(bob, bytes);
    expect(view).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', lineCount: 1, headers: ['Êtes-vous satisfait ?', 'Note', 'Autre'], state: 'uploaded' });
    expect(view.preview).toEqual([{ line: 2, cells: ['Oui', '4', 'l’été'] }]);
    expect(view.suggestedMapping).toEqual([q.questions[0]!.id, q.questions[3]!.id, null]);
  });

  it('detects commas and a BOM, and shows the first 20 lines only', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => `oui,${i}`).join('\n');
    const view = await uploadOk(bob, `\ufeffq1,q2\n${lines}\n`);
    expect(view).toMatchObject({ encoding: 'utf-8-bom', delimiter: ',', lineCount: 30, suggestedMapping: [q.questions[0]!.id, q.questions[1]!.id] });
    expect(view.preview).toHaveLength(20);
    expect(view.preview[0]).toEqual({ line: 2, cells: ['oui', '0'] });
  });

  it('reads the first sheet of a workbook, or the one asked for, with numbers and dates as such', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRows([
      ['Êtes-vous satisfait ?', 'Note', 'Date'],
      ['oui', 4, new Date(Date.UTC(2026, 2, 5))],
    ]);
    wb.addWorksheet('Autre').addRows([['Commentaire'], ['bien']]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const first = await uploadOk(bob, bytes);
    expect(first).toMatchObject({ format: 'xlsx', sheet: 'Notes', headers: ['Êtes-vous satisfait ?', 'Note', 'Date'], preview: [{ line: 2, cells: ['oui', 4, '2026-03-05'] }] });
    const other = await uploadOk(bob, bytes, `kind=responses&campaignId=${campaign.id}&sheet=Autre`);
    expect(other).toMatchObject({ sheet: 'Autre', headers: ['Commentaire'], preview: [{ line: 2, cells: ['bien'] }] });
    expect((await upload(bob, assoc.id, bytes, `kind=responses&campaignId=${campaign.id}&sheet=Nope`)).statusCode).toBe(400);
  });

  it.each([
    ['an empty file', '', 400, 'empty_file'],
    ['a header without lines', 'a;b\n', 400, 'no_lines'],
    ['a quote never closed', 'a;b\n"x;1\n', 400, 'unreadable_file'],
  ])('refuses %s in plain words', async (_n, body, status, code) => {
    const res = await upload(bob, assoc.id, body, `kind=responses&campaignId=${campaign.id}`);
    expect(res.statusCode).toBe(status);
    expect(json<{ code: string; detail: string }>(res)).toMatchObject({ code });
  });

  it('needs a campaign of the organisation for responses', async () => {
    expect((await upload(bob, assoc.id, GOOD, 'kind=responses')).statusCode).toBe(400);
    expect((await upload(bob, assoc.id, GOOD, `kind=responses&campaignId=${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('refuses a file too large or with too many lines, saying the limit', async () => {
    const big = await upload(bob, assoc.id, 'a;b\n' + 'x;y\n'.repeat(MAX_BYTES / 4 + 10), `kind=responses&campaignId=${campaign.id}`);
    expect(big.statusCode).toBe(413);
    expect(json<{ code: string }>(big).code).toBe('file_too_large');
    expect(json<{ detail: string }>(big).detail).toContain('Mo au plus');
    const long = await upload(bob, assoc.id, 'a\n' + 'x\n'.repeat(MAX_LINES + 1), `kind=responses&campaignId=${campaign.id}`);
    expect(long.statusCode).toBe(413);
    expect(json<{ code: string }>(long).code).toBe('too_many_lines');
    expect(json<{ detail: string }>(long).detail).toMatch(/5\s000 au plus/);
  });
});

describe('checking and loading responses', () => {
  it('reports every line in error with its column and reason, and loads nothing', async () => {
    const before = await responseCount();
    const view = await uploadOk(bob, BAD);
    expect(view.suggestedMapping.slice(0, 5)).toEqual(q.questions.map((x) => x.id));
    expect(view.suggestedMapping[5]).toBeNull();
    const status = await validate(bob, view);
    expect(status).toMatchObject({ state: 'invalid', errorLines: 3, errorCount: 5, processed: 5, total: 5 });
    const report = json<{ errors: LineError[]; errorCount: number }>(await bob.get(`/api/organisations/${assoc.id}/imports/${view.id}/errors`));
    expect(report.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Êtes-vous satisfait ?', 'unknown_option'],
      [4, 'Êtes-vous satisfait ?', 'required'],
      [5, 'Heures d’accompagnement', 'not_a_number'],
      [5, 'Démarches', 'unknown_option'],
      [5, 'Note', 'out_of_range'],
    ]);
    expect(report.errors[0]!.value).toBe('peut-être');
    expect(report.errors[0]!.fr).toBe('Cette réponse ne fait pas partie des choix.');
    expect(report.errors[0]!.en).toBe('This answer is not one of the choices.');
    const refused = await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/commit`);
    expect(refused.statusCode).toBe(409);
    expect(await responseCount()).toBe(before);
  });

  it('refuses a mapping that leaves out a required question or uses one twice', async () => {
    const view = await uploadOk(bob, GOOD);
    const missing = view.suggestedMapping.map((m, i) => (i === 0 ? null : m));
    expect((await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping: missing })).statusCode).toBe(400);
    const twice = view.suggestedMapping.map((m, i) => (i === 1 ? view.suggestedMapping[0]! : m));
    expect((await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping: twice })).statusCode).toBe(400);
    expect((await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping: [null] })).statusCode).toBe(400);
  });

  it('loads a good file whole, with its answers, and a second import of the same file adds nothing', async () => {
    const before = await responseCount();
    const view = await uploadOk(bob, GOOD);
    expect((await validate(bob, view)).state).toBe('valid');
    const done = await commit(bob, view);
    expect(done).toMatchObject({ state: 'loaded', inserted: 3, skipped: 0, processed: 6, total: 6 });
    expect(await responseCount()).toBe(before + 3);
    const again = await uploadOk(carl, GOOD);
    expect((await validate(carl, again)).state).toBe('valid');
    expect(await commit(carl, again)).toMatchObject({ state: 'loaded', inserted: 0, skipped: 3 });
    expect(await responseCount()).toBe(before + 3);
    expect((await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/commit`)).statusCode).toBe(409);
    // The loaded answers are the file's, read the French way.
    const rows = await t.database.db.execute<{ options: string[] | null; num: number | null; text: string | null; channel: string }>(
      `select a.options, a.num, a.text, r.channel from answers a join responses r on r.id = a.response_id where r.campaign_id = '${campaign.id}' and r.channel = 'import' order by r.submitted_at, a.question_id`,
    );
    const values = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { options: string[] | null; num: number | null; text: string | null; channel: string }[];
    expect(values.map((v) => v.options ?? v.num ?? v.text)).toEqual(expect.arrayContaining([['caf', 'cpam'], 3.5, 'Très bien; merci', 1000, 'dit "bof"', ['logement']]));
  });

  it('after fixing the file, loads all of it', async () => {
    const before = await responseCount();
    const fixed = BAD.replace('peut-être', 'oui').replace('\r\n;2', '\r\nnon;2').replace('non;beaucoup;impôts;9', 'non;8;caf;2');
    const view = await uploadOk(bob, fixed);
    expect((await validate(bob, view)).state).toBe('valid');
    expect(await commit(bob, view)).toMatchObject({ state: 'loaded', inserted: 5 });
    expect(await responseCount()).toBe(before + 5);
  });

  it('shows progress while checking a larger file, and the state survives a new request', async () => {
    const lines = Array.from({ length: 4_500 }, (_, i) => `${i % 2 ? 'oui' : 'non'};${i % 100};caf|cpam;${(i % 5) + 1};`).join('\n');
    const view = await uploadOk(bob, `${HEADER.replace(';Identifiant', '')}${lines}\n`);
    const res = await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping: view.suggestedMapping });
    expect(res.statusCode).toBe(202);
    const seen = await waitFor(bob, view.id);
    expect(seen.at(-1)).toMatchObject({ state: 'valid', processed: 4_500, total: 4_500 });
    const before = await responseCount();
    await bob.post(`/api/organisations/${assoc.id}/imports/${view.id}/commit`);
    const loading = await waitFor(bob, view.id);
    expect(loading.at(-1)).toMatchObject({ state: 'loaded', inserted: 4_500 });
    expect(await responseCount()).toBe(before + 4_500);
    const reread = json<ImportView>(await bob.get(`/api/organisations/${assoc.id}/imports/${view.id}`));
    expect(reread).toMatchObject({ state: 'loaded', inserted: 4_500, mapping: view.suggestedMapping });
  });
});

describe('date questions', () => {
  it('reads dd/mm/yyyy dates, reports dates that do not exist, and stores YYYY-MM-DD', async () => {
    const dq = await createQuestionnaire(bob, assoc.id, [{ type: 'date', labelFr: 'Date d’entrée', required: true }]);
    const dc = await createCampaign(bob, assoc.id, dq.id, '2025');
    const query = `kind=responses&campaignId=${dc.id}`;
    const bad = await uploadOk(bob, 'Date d’entrée\n05/03/2026\n31/02/2026\n2026-04-01\n', query);
    expect(bad.suggestedMapping).toEqual([dq.questions[0]!.id]);
    expect(await validate(bob, bad)).toMatchObject({ state: 'invalid', errorLines: 1 });
    const report = json<{ errors: LineError[] }>(await bob.get(`/api/organisations/${assoc.id}/imports/${bad.id}/errors`));
    expect(report.errors).toEqual([{ line: 3, column: 'Date d’entrée', value: '31/02/2026', code: 'not_a_date', fr: 'Cette date n’existe pas.', en: 'This date does not exist.' }]);
    const good = await uploadOk(bob, 'Date d’entrée\n05/03/2026\n2026-04-01\n', query);
    expect((await validate(bob, good)).state).toBe('valid');
    expect(await commit(bob, good)).toMatchObject({ state: 'loaded', inserted: 2 });
    const result: unknown = await t.database.db.execute(`select a.text from answers a join responses r on r.id = a.response_id where r.campaign_id = '${dc.id}' order by a.text`);
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { text: string }[];
    expect(rows.map((r) => r.text)).toEqual(['2026-03-05', '2026-04-01']);
  });
});

describe('a job stopped by a restart', () => {
  it('is not left in progress: the import goes back a step and says so, nothing loaded', async () => {
    const view = await uploadOk(bob, GOOD);
    expect((await validate(bob, view)).state).toBe('valid');
    // As if the server had stopped in the middle of loading: the state says so, no job runs.
    await t.database.db.execute(`update imports set state = 'loading' where id = '${view.id}'`);
    const status = json<ImportView & { failure: { fr: string; en: string } | null }>(await bob.get(`/api/organisations/${assoc.id}/imports/${view.id}/status`));
    expect(status.state).toBe('valid');
    expect(status.failure?.fr).toContain('interrompu');
    expect(status.failure?.en).toContain('interrupted');
  });
});

describe('activity figures', () => {
  it('imports indicator, period and value lines, and refuses the whole file when one is wrong', async () => {
    const bad = 'Indicateur;Période;Valeur\nHEURES;2025;1 234,5\nATELIERS;2025-s1;12\nINCONNU;2025;3\n';
    const view = await uploadOk(bob, bad, 'kind=activity');
    expect(view.suggestedMapping).toEqual(['indicator', 'period', 'value']);
    const status = await validate(bob, view);
    expect(status).toMatchObject({ state: 'invalid', errorLines: 1 });
    const report = json<{ errors: LineError[] }>(await bob.get(`/api/organisations/${assoc.id}/imports/${view.id}/errors`));
    expect(report.errors).toEqual([expect.objectContaining({ line: 4, column: 'Indicateur', code: 'unknown_indicator' })]);
    const figuresBefore = json<unknown[]>(await bob.get(`/api/organisations/${assoc.id}/activity-figures`));
    expect(figuresBefore).toHaveLength(0);
    const good = await uploadOk(bob, bad.replace('INCONNU;2025;3\n', ''), 'kind=activity');
    expect((await validate(bob, good)).state).toBe('valid');
    expect(await commit(bob, good)).toMatchObject({ state: 'loaded', inserted: 2 });
    const figures = json<{ indicatorCode: string; period: string; value: number }[]>(await bob.get(`/api/organisations/${assoc.id}/activity-figures`));
    expect(figures.map((f) => [f.indicatorCode, f.period, f.value]).sort()).toEqual([
      ['ATELIERS', '2025-S1', 12],
      ['HEURES', '2025', 1234.5],
    ]);
  });
});

describe('access', () => {
  it('lets contributors import, not viewers; outsiders learn nothing', async () => {
    expect((await upload(vera, assoc.id, GOOD, `kind=responses&campaignId=${campaign.id}`)).statusCode).toBe(403);
    expect((await upload(chelsea, assoc.id, GOOD, `kind=responses&campaignId=${campaign.id}`)).statusCode).toBe(404);
    // Another organisation's campaign cannot receive one's import.
    expect((await upload(chelsea, outsider.id, GOOD, `kind=responses&campaignId=${campaign.id}`)).statusCode).toBe(404);
    const view = await uploadOk(carl, GOOD);
    for (const path of ['', '/status', '/errors']) {
      expect((await vera.get(`/api/organisations/${assoc.id}/imports/${view.id}${path}`)).statusCode).toBe(403);
      expect((await chelsea.get(`/api/organisations/${assoc.id}/imports/${view.id}${path}`)).statusCode).toBe(404);
      expect((await chelsea.get(`/api/organisations/${outsider.id}/imports/${view.id}${path}`)).statusCode).toBe(404);
    }
    expect((await vera.post(`/api/organisations/${assoc.id}/imports/${view.id}/validate`, { mapping: view.suggestedMapping })).statusCode).toBe(403);
    expect((await chelsea.post(`/api/organisations/${outsider.id}/imports/${view.id}/commit`)).statusCode).toBe(404);
    const anonymous = await upload(new Persona(t.app, 'Anonyme', 'anonyme@socle.test'), assoc.id, GOOD, `kind=responses&campaignId=${campaign.id}`);
    expect(anonymous.statusCode).toBe(401);
  });
});

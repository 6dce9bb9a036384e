import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import { addIndicator, adopt, createCollective, createOrganisation, meanIndicator, shareIndicator, sumIndicator, type CollectiveInfo } from '../support/factories.ts';

interface Ind {
  code: string;
  labelFr: string;
  labelEn: string;
  unit: string;
  nodeId: string | null;
  computation: { type: string; options?: string[] };
}
interface Fw {
  name: string;
  canEdit: boolean;
  draft: { number: number; nodes: { id: string; labelFr: string }[]; indicators: Ind[] } | null;
  adopted: { id: string; number: number; nodes: { id: string; labelFr: string; parentId: string | null }[]; indicators: Ind[] } | null;
}
interface Doc {
  format: string;
  formatVersion: number;
  name: string;
  scope: string;
  version: { number: number; status: string } | null;
  nodes: { key: string; kind: string; labelFr: string; parentKey: string | null }[];
  indicators: (Ind & { nodeKey: string | null })[];
}

let t: TestApp;
let alice: Persona;
let bob: Persona;
let viewer: Persona;
let outsider: Persona;
let common: CollectiveInfo;
let other: CollectiveInfo;

async function node(p: Persona, fw: string, body: Record<string, unknown>) {
  const res = await p.post(`/api/frameworks/${fw}/nodes`, body);
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

beforeAll(async () => {
  t = await createTestApp();
  alice = await signUp(t.app, 'Alice');
  bob = await signUp(t.app, 'Bob');
  viewer = await signUp(t.app, 'Vera');
  outsider = await signUp(t.app, 'Oscar');
  const head = await createOrganisation(alice, 'Tête de réseau Export');
  common = await createCollective(alice, head.id, 'Réseau Émergence & Export');
  const bobOrg = await createOrganisation(bob, 'Autre réseau');
  other = await createCollective(bob, bobOrg.id, 'Autre collectif');
  await createOrganisation(outsider, 'Dehors');
  const inv = json<{ token: string }>(await alice.post(`/api/organisations/${head.id}/invitations`, { role: 'viewer', email: viewer.email }));
  expect((await viewer.post(`/api/invitations/${inv.token}/accept`)).statusCode).toBe(200);

  const fw = common.commonFrameworkId;
  const impact = await node(alice, fw, { kind: 'impact', labelFr: 'Les personnes vivent dignement', labelEn: 'People live with dignity' });
  const outcome = await node(alice, fw, { kind: 'outcome', labelFr: 'Confiance en soi retrouvée', stakeholderGroup: 'people_supported', parentId: impact });
  const output = await node(alice, fw, { kind: 'output', labelFr: 'Ateliers collectifs tenus', parentId: outcome });
  await node(alice, fw, { kind: 'activity', labelFr: 'Animer des ateliers', parentId: output });
  await node(alice, fw, { kind: 'outcome', labelFr: 'Accès aux droits', parentId: impact });
  await addIndicator(alice, fw, { ...shareIndicator('CONF-1', ['plutot_oui', 'tout_a_fait']), labelFr: 'Part des personnes qui se sentent en confiance', nodeId: outcome });
  await addIndicator(alice, fw, { ...sumIndicator('ATEL-1'), labelFr: 'Nombre d’ateliers tenus', labelEn: 'Workshops held', nodeId: output, polarity: 'neutral' });
  await addIndicator(alice, fw, { ...meanIndicator('SAT-1'), labelFr: 'Satisfaction moyenne des partenaires', stakeholderGroup: 'partners', unit: '/10' });
  await adopt(alice, fw);
});
afterAll(async () => {
  await t?.close();
});

const exportUrl = (fw: string, query: string) => `/api/frameworks/${fw}/export?${query}`;

describe('framework export', () => {
  it('writes a versioned JSON document with local keys instead of ids', async () => {
    const res = await alice.get(exportUrl(common.commonFrameworkId, 'format=json'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBe('attachment; filename="reseau-emergence-export-v1.json"');
    const doc = json<Doc>(res);
    expect(doc).toMatchObject({ format: 'socle-framework', formatVersion: 1, name: 'Réseau Émergence & Export', scope: 'common', version: { number: 1, status: 'adopted' } });
    expect(doc.nodes.map((n) => [n.key, n.kind, n.parentKey])).toEqual([
      ['n1', 'impact', null],
      ['n2', 'outcome', 'n1'],
      ['n3', 'outcome', 'n1'],
      ['n4', 'output', 'n3'],
      ['n5', 'activity', 'n4'],
    ]);
    // Siblings come by level, then label: the outline does not depend on database order.
    expect(doc.nodes.map((n) => n.labelFr).slice(1, 3)).toEqual(['Accès aux droits', 'Confiance en soi retrouvée']);
    expect(doc.indicators.map((i) => [i.code, i.nodeKey])).toEqual([
      ['CONF-1', 'n3'],
      ['ATEL-1', 'n4'],
      ['SAT-1', null],
    ]);
    expect(doc.indicators[0]).toMatchObject({ computation: { type: 'share', options: ['plutot_oui', 'tout_a_fait'] }, stakeholderGroup: 'people_supported', polarity: 'higher_is_better' });
    expect(JSON.stringify(doc)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('exports the version asked for, and refuses a version of another framework', async () => {
    // Editing opens draft 2; the default export stays on adopted version 1.
    await addIndicator(alice, common.commonFrameworkId, shareIndicator('DRAFT-ONLY'));
    const fw = json<Fw>(await alice.get(`/api/frameworks/${common.commonFrameworkId}`));
    const byDefault = json<Doc>(await alice.get(exportUrl(common.commonFrameworkId, 'format=json')));
    expect(byDefault.version).toEqual({ number: 1, status: 'adopted' });
    expect(byDefault.indicators.map((i) => i.code)).not.toContain('DRAFT-ONLY');
    const draftVersion = json<{ draft: { id: string } }>(await alice.get(`/api/frameworks/${common.commonFrameworkId}`)).draft.id;
    const draft = await alice.get(exportUrl(common.commonFrameworkId, `format=json&version=${draftVersion}`));
    expect(json<Doc>(draft).version).toEqual({ number: 2, status: 'draft' });
    expect(json<Doc>(draft).indicators.map((i) => i.code)).toContain('DRAFT-ONLY');
    expect(draft.headers['content-disposition']).toContain('-v2.json');
    const wrong = await alice.get(exportUrl(common.commonFrameworkId, `format=json&version=${crypto.randomUUID()}`));
    expect(wrong.statusCode).toBe(404);
    expect(json<{ code: string }>(wrong).code).toBe('version_not_found');
    // Put the draft back to the adopted content for the next tests.
    const draftInd = fw.draft!.indicators.find((i) => i.code === 'DRAFT-ONLY') as unknown as { id: string };
    expect((await alice.delete(`/api/frameworks/${common.commonFrameworkId}/indicators/${draftInd.id}`)).statusCode).toBe(200);
  });

  it('writes a Word document with the cover, the outline and the table of indicators', async () => {
    const res = await alice.get(exportUrl(common.commonFrameworkId, 'format=docx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe('attachment; filename="reseau-emergence-export-v1.docx"');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(xml).toContain('Réseau Émergence &amp; Export');
    expect(xml).toContain('Version 1 (adoptée)');
    expect(xml).toContain('Théorie du changement');
    for (const label of ['Les personnes vivent dignement', 'Confiance en soi retrouvée', 'Animer des ateliers', 'Part des personnes qui se sentent en confiance', 'Satisfaction moyenne des partenaires']) {
      expect(xml).toContain(label);
    }
    // The outline reads impact → outcome → output → activity, with the indicator under its element.
    const at = (s: string) => xml.indexOf(s);
    expect(at('Les personnes vivent dignement')).toBeLessThan(at('Confiance en soi retrouvée'));
    expect(at('Confiance en soi retrouvée')).toBeLessThan(at('Part des personnes qui se sentent en confiance'));
    expect(at('Part des personnes qui se sentent en confiance')).toBeLessThan(at('Ateliers collectifs tenus'));
    expect(at('Ateliers collectifs tenus')).toBeLessThan(at('Animer des ateliers'));
    // The table: computation in words, stakeholder group and polarity in French.
    expect(xml).toContain('Part des réponses parmi : plutot_oui, tout_a_fait');
    expect(xml).toContain('Partenaires');
    expect(xml).toContain('Ni l’un ni l’autre');
    expect(xml).not.toContain('Workshops held');

    const en = await alice.get(exportUrl(common.commonFrameworkId, 'format=docx&lang=en'));
    const enXml = (await (await JSZip.loadAsync(en.rawPayload)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, ' ');
    expect(enXml).toContain('Theory of change');
    expect(enXml).toContain('People live with dignity');
    expect(enXml).toContain('Workshops held');
    // No English label: the French one stands in.
    expect(enXml).toContain('Animer des ateliers');
    expect(enXml).toContain('Share of answers among: plutot_oui, tout_a_fait');
  });

  it('writes an Excel workbook whose cells match the framework', async () => {
    const res = await alice.get(exportUrl(common.commonFrameworkId, 'format=xlsx'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="reseau-emergence-export-v1.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Indicateurs', 'Théorie du changement']);
    const sheet = workbook.getWorksheet('Indicateurs')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Code');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);

    const fw = json<Fw>(await alice.get(`/api/frameworks/${common.commonFrameworkId}`));
    const api = fw.adopted!.indicators;
    expect(sheet.rowCount).toBe(api.length + 1);
    api.forEach((ind, i) => {
      const row = sheet.getRow(i + 2);
      expect([row.getCell(1).value, row.getCell(2).value, row.getCell(3).value || '', row.getCell(6).value || '', row.getCell(7).value]).toEqual([
        ind.code,
        ind.labelFr,
        ind.labelEn,
        ind.unit,
        ind.computation.type,
      ]);
      expect(row.getCell(8).value || '').toBe(ind.computation.options?.join(', ') ?? '');
      const nodeLabel = fw.adopted!.nodes.find((n) => n.id === ind.nodeId)?.labelFr ?? '';
      expect(row.getCell(12).value || '').toBe(nodeLabel);
    });

    const theory = workbook.getWorksheet('Théorie du changement')!;
    expect(theory.rowCount).toBe(fw.adopted!.nodes.length + 1);
    const rows = Array.from({ length: theory.rowCount - 1 }, (_, i) => theory.getRow(i + 2));
    const activity = rows.find((r) => r.getCell(3).value === 'Animer des ateliers')!;
    expect(activity.getCell(2).value).toBe('Activité');
    expect(activity.getCell(7).value).toBe('Ateliers collectifs tenus');

    const en = new ExcelJS.Workbook();
    await en.xlsx.load((await alice.get(exportUrl(common.commonFrameworkId, 'format=xlsx&lang=en'))).rawPayload as unknown as ArrayBuffer);
    expect(en.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Theory of change']);
  });

  it('lets readers export and hides the framework from outsiders', async () => {
    const seen = await viewer.get(exportUrl(common.commonFrameworkId, 'format=json'));
    expect(seen.statusCode, seen.body).toBe(200);
    expect((await viewer.get(exportUrl(common.commonFrameworkId, 'format=xlsx'))).statusCode).toBe(200);
    for (const format of ['json', 'docx', 'xlsx']) {
      const res = await outsider.get(exportUrl(common.commonFrameworkId, `format=${format}`));
      expect(res.statusCode).toBe(404);
      expect(json<{ code: string }>(res).code).toBe('framework_not_found');
    }
    expect((await alice.get(exportUrl(common.commonFrameworkId, 'format=pdf'))).statusCode).toBe(400);
  });

  it('describes the three bodies in the OpenAPI document: JSON, Word and Excel', async () => {
    const doc = json<{ paths: Record<string, { get: { operationId: string; responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }> } }> }>(
      await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
    );
    const route = doc.paths['/api/frameworks/{frameworkId}/export']!.get;
    expect(route.operationId).toBe('exportFramework');
    const content = route.responses['200']!.content;
    expect(Object.keys(content).sort()).toEqual([
      'application/json',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
    expect(content['application/json']!.schema).toMatchObject({ type: 'object' });
    for (const type of ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']) {
      expect(content[type]!.schema).toMatchObject({ type: 'string', format: 'binary' });
    }
  });
});

describe('framework import', () => {
  it('round-trips: export, import into another framework, export again gives the same document', async () => {
    const first = json<Doc>(await alice.get(exportUrl(common.commonFrameworkId, 'format=json')));
    const res = await bob.post(`/api/frameworks/${other.commonFrameworkId}/import`, first);
    expect(res.statusCode, res.body).toBe(200);
    const imported = json<Fw>(res);
    expect(imported.draft!.indicators.map((i) => i.code)).toEqual(['CONF-1', 'ATEL-1', 'SAT-1']);
    expect(imported.draft!.nodes).toHaveLength(5);
    const strip = ({ name: _n, version: _v, ...rest }: Doc) => rest;
    // Straight away (the draft is what there is to export) …
    const fromDraft = json<Doc>(await bob.get(exportUrl(other.commonFrameworkId, 'format=json')));
    expect(fromDraft.version).toEqual({ number: 1, status: 'draft' });
    expect(strip(fromDraft)).toEqual(strip(first));
    // … and once adopted.
    await adopt(bob, other.commonFrameworkId);
    const second = json<Doc>(await bob.get(exportUrl(other.commonFrameworkId, 'format=json')));
    expect(second.name).toBe('Autre collectif');
    expect(strip(second)).toEqual(strip(first));
    expect(second.version?.status).toBe('adopted');
  });

  it('replaces the draft, opening one from the adopted version, and keeps adopted versions as they were', async () => {
    const doc: Doc = {
      format: 'socle-framework',
      formatVersion: 1,
      name: 'ignored',
      scope: 'specific',
      version: null,
      nodes: [
        { key: 'child', kind: 'outcome', labelFr: 'Un effet', parentKey: 'root' } as Doc['nodes'][number],
        { key: 'root', kind: 'impact', labelFr: 'Une finalité', parentKey: null } as Doc['nodes'][number],
      ].map((n) => ({ ...n, labelEn: '', stakeholderGroup: null })),
      indicators: [{ ...(shareIndicator('NEW-1') as unknown as Ind), nodeKey: 'child' }],
    };
    const res = await bob.post(`/api/frameworks/${other.commonFrameworkId}/import`, doc);
    expect(res.statusCode, res.body).toBe(200);
    const fw = json<Fw>(res);
    expect(fw.draft!.number).toBe(2);
    expect(fw.draft!.indicators.map((i) => i.code)).toEqual(['NEW-1']);
    const child = fw.draft!.nodes.find((n) => n.labelFr === 'Un effet')!;
    expect(fw.draft!.indicators[0]!.nodeId).toBe(child.id);
    expect(fw.adopted!.indicators.map((i) => i.code)).toEqual(['CONF-1', 'ATEL-1', 'SAT-1']);
  });

  it('refuses an invalid document with the fields at fault and leaves the draft untouched', async () => {
    const before = json<Fw>(await bob.get(`/api/frameworks/${other.commonFrameworkId}`)).draft;
    const base = json<Doc>(await alice.get(exportUrl(common.commonFrameworkId, 'format=json')));
    const cases: [string, Doc | Record<string, unknown>, string][] = [
      ['unknown parent', { ...base, nodes: base.nodes.map((n, i) => (i === 1 ? { ...n, parentKey: 'n99' } : n)) }, 'body.nodes.1.parentKey'],
      ['loop of parents', { ...base, nodes: base.nodes.map((n, i) => (i === 0 ? { ...n, parentKey: 'n5' } : n)) }, 'body.nodes.0.parentKey'],
      ['duplicate code', { ...base, indicators: [...base.indicators, base.indicators[0]!] }, 'body.indicators.3.code'],
      ['unknown node of an indicator', { ...base, indicators: base.indicators.map((i) => ({ ...i, nodeKey: 'zz' })) }, 'body.indicators.0.nodeKey'],
    ];
    for (const [label, doc, field] of cases) {
      const res = await bob.post(`/api/frameworks/${other.commonFrameworkId}/import`, doc);
      expect(res.statusCode, label).toBe(400);
      const problem = json<{ code: string; errors: { field: string }[] }>(res);
      expect(problem.code, label).toBe('invalid_framework_document');
      expect(problem.errors.map((e) => e.field), label).toContain(field);
    }
    for (const doc of [{ ...base, format: 'other' }, { ...base, formatVersion: 2 }, { ...base, indicators: base.indicators.map((i, n) => (n === 2 ? { ...i, labelFr: 'Nul\u0000 ici' } : i)) }, { ...base, indicators: [{ ...base.indicators[0], computation: { type: 'median' } }] }, { hello: 'world' }]) {
      expect((await bob.post(`/api/frameworks/${other.commonFrameworkId}/import`, doc)).statusCode).toBe(400);
    }
    expect(json<Fw>(await bob.get(`/api/frameworks/${other.commonFrameworkId}`)).draft).toEqual(before);
  });

  it('needs the right to edit the draft: viewer 403, outsider 404', async () => {
    const doc = json<Doc>(await alice.get(exportUrl(common.commonFrameworkId, 'format=json')));
    const before = json<Fw>(await alice.get(`/api/frameworks/${common.commonFrameworkId}`));
    const asViewer = await viewer.post(`/api/frameworks/${common.commonFrameworkId}/import`, { ...doc, indicators: [] });
    expect(asViewer.statusCode).toBe(403);
    expect(json<{ code: string }>(asViewer).code).toBe('framework_read_only');
    expect((await outsider.post(`/api/frameworks/${common.commonFrameworkId}/import`, doc)).statusCode).toBe(404);
    expect((await alice.post(`/api/frameworks/${other.commonFrameworkId}/import`, doc)).statusCode).toBe(404);
    expect(json<Fw>(await alice.get(`/api/frameworks/${common.commonFrameworkId}`))).toEqual(before);
  });
});

import { inflateSync } from 'node:zlib';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, signUp, type Persona, type TestApp } from '../support/app.ts';
import {
  addOrganisationMember,
  createCampaign,
  createOrganisation,
  createQuestionnaire,
  submit,
  type CampaignInfo,
  type QuestionnaireInfo,
} from '../support/factories.ts';

let t: TestApp;
let admin: Persona;
let viewer: Persona;
let outsider: Persona;
let orgId: string;
let otherOrgId: string;
let q: QuestionnaireInfo;
let campaign: CampaignInfo;
let unknownPopulation: CampaignInfo;

const base = (c: { id: string }, org = orgId) => `/api/organisations/${org}/campaigns/${c.id}`;

// The standard fonts' encoding: Latin-1 plus ’ œ Œ … – — and a few more in 0x80–0x9F.
const WIN_ANSI_HIGH: Record<number, string> = {
  0x85: '…',
  0x8c: 'Œ',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x96: '–',
  0x97: '—',
  0x9c: 'œ',
};
const winAnsi = {
  decode: (bytes: Buffer) =>
    [...bytes].map((b) => WIN_ANSI_HIGH[b] ?? String.fromCharCode(b)).join(''),
};

/** The text a PDF draws: content streams inflated, then the hex strings of its TJ operators, one line each. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /<<([^]*?)>>\s*stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const length = Number(/\/Length (\d+)/.exec(m[1]!)?.[1]);
    const start = m.index + m[0].length;
    const bytes = pdf.subarray(start, start + length);
    let content: string;
    try {
      content = (m[1]!.includes('FlateDecode') ? inflateSync(bytes) : bytes).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\] TJ/g)) {
      lines.push(
        [...tj[1]!.matchAll(/<([0-9a-f]*)>/gi)]
          .map((h) => winAnsi.decode(Buffer.from(h[1]!, 'hex')))
          .join(''),
      );
    }
  }
  return lines.join('\n');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await signUp(t.app, 'Alice');
  viewer = await signUp(t.app, 'Vera');
  outsider = await signUp(t.app, 'Oscar');
  orgId = (await createOrganisation(admin, 'Les Passerelles de l’Ouest')).id;
  otherOrgId = (await createOrganisation(outsider, 'Ailleurs')).id;
  await addOrganisationMember(admin, orgId, viewer, 'viewer');
  q = await createQuestionnaire(
    admin,
    orgId,
    [
      {
        type: 'single',
        labelFr: 'Vous sentez-vous écouté·e ?',
        labelEn: 'Do you feel listened to?',
        options: [
          { value: 'oui', labelFr: 'Oui', labelEn: 'Yes' },
          { value: 'non', labelFr: 'Non', labelEn: 'No' },
        ],
      },
      {
        type: 'multiple',
        labelFr: 'Quels ateliers avez-vous suivis ?',
        options: [
          { value: 'cuisine', labelFr: 'Cuisine' },
          { value: 'numerique', labelFr: 'Numérique' },
        ],
      },
      { type: 'scale', labelFr: 'Votre moral aujourd’hui', min: 1, max: 5 },
      { type: 'number', labelFr: 'Combien de rendez-vous ?', min: 0, max: 50 },
      { type: 'text', labelFr: 'Un mot pour l’équipe', helpFr: 'Sans nom ni adresse.' },
    ],
    'Satisfaction « Œuvres » 2026',
  );
  campaign = await createCampaign(admin, orgId, q.id, '2026', 500);
  unknownPopulation = await createCampaign(admin, orgId, q.id, '2026-S2', null);
});
afterAll(async () => {
  await t?.close();
});

describe('campaign QR code', () => {
  it('is an SVG of the public link, built from the address used, as a download', async () => {
    const res = await viewer.get(`${base(campaign)}/qr.svg`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('image/svg+xml');
    expect(res.headers['content-disposition']).toBe('attachment; filename="campagne-2026-qr.svg"');
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="[\d ]+"/);
    expect(res.body).toMatch(/<path[^>]+d="M[^"]+"/);
    expect(res.body).not.toMatch(/<script/i);
    // app.inject reaches the server as localhost:80: the code encodes exactly that link.
    expect(res.body).toBe(
      await QRCode.toString(`http://localhost:80/r/${campaign.slug}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
      }),
    );
    const elsewhere = await viewer.request('GET', `${base(campaign)}/qr.svg`, undefined, {
      host: 'socle.example.org',
    });
    expect(elsewhere.body).toBe(
      await QRCode.toString(`http://socle.example.org/r/${campaign.slug}`, {
        type: 'svg',
        errorCorrectionLevel: 'M',
        margin: 4,
      }),
    );
  });

  it('is a PNG too', async () => {
    const res = await viewer.get(`${base(campaign)}/qr.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toBe('attachment; filename="campagne-2026-qr.png"');
    expect([...res.rawPayload.subarray(0, 8)]).toEqual([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a,
    ]);
    // IHDR: 1024 × 1024 pixels.
    expect(res.rawPayload.readUInt32BE(16)).toBe(1024);
    expect(res.rawPayload.readUInt32BE(20)).toBe(1024);
  });
});

describe('paper version', () => {
  it('is a PDF with the title, organisation, link and every question with its number', async () => {
    const res = await viewer.get(`${base(campaign)}/paper.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="campagne-2026-papier.pdf"',
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Satisfaction « Œuvres » 2026');
    expect(text).toContain('Les Passerelles de l’Ouest');
    expect(text).toContain(`/r/${campaign.slug}`);
    for (const [i, label] of [
      'Vous sentez-vous écouté·e ?',
      'Quels ateliers avez-vous suivis ?',
      'Votre moral aujourd’hui',
      'Combien de rendez-vous ?',
      'Un mot pour l’équipe',
    ].entries()) {
      expect(text).toContain(`${i + 1}.`);
      expect(text).toContain(label);
    }
    expect(text).toContain('Cochez une seule réponse.');
    expect(text).toContain('Sans nom ni adresse.');
    expect(text).toContain('Numérique');
  });

  it('uses the English labels with lang=en, French where there is none', async () => {
    const res = await viewer.get(`${base(campaign)}/paper.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="campagne-2026-paper.pdf"',
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Do you feel listened to?');
    expect(text).toContain('Yes');
    expect(text).toContain('Tick one answer.');
    expect(text).toContain('Quels ateliers avez-vous suivis ?');
    expect(text).not.toContain('Vous sentez-vous');
  });

  it('refuses an unknown language', async () => {
    expect((await viewer.get(`${base(campaign)}/paper.pdf?lang=xx`)).statusCode).toBe(400);
  });
});

describe('live counter', () => {
  it('counts answers against the population, with the margin of error and what is still needed', async () => {
    const empty = json<Record<string, unknown>>(await viewer.get(`${base(campaign)}/counter`));
    expect(empty).toMatchObject({
      campaignId: campaign.id,
      status: 'open',
      answers: 0,
      population: 500,
      responseRate: 0,
      margin: null,
      marginPoints: null,
    });
    // ±5 points among 500 people: 500 × 384.15 / (384.15 + 499) → 218
    expect(empty.targets).toContainEqual({ points: 5, needed: 218, remaining: 218 });

    for (let i = 0; i < 3; i += 1)
      expect((await submit(admin, campaign.slug, { [q.questions[0]!.id]: 'oui' })).statusCode).toBe(
        201,
      );
    const after = json<{
      answers: number;
      responseRate: number;
      margin: number;
      marginPoints: number;
      targets: { points: number; remaining: number }[];
      representative: boolean;
      reasons: { code: string }[];
      rule: { fr: string };
    }>(await viewer.get(`${base(campaign)}/counter`));
    expect(after.answers).toBe(3);
    // Three answers, ±56 points: not representative, and the page can say why.
    expect(after.representative).toBe(false);
    expect(after.reasons.map((r) => r.code)).toEqual(['few_answers', 'wide_margin']);
    expect(after.rule.fr).toContain('au moins 30 réponses');
    expect(after.responseRate).toBeCloseTo(3 / 500, 10);
    // 0.98 / √3 × √(497 / 499) = 0.5647
    expect(after.margin).toBeCloseTo(0.5647, 3);
    expect(after.marginPoints).toBe(56);
    expect(after.targets.find((x) => x.points === 5)?.remaining).toBe(215);
  });

  it('works without a known population', async () => {
    const c = json<Record<string, unknown>>(await viewer.get(`${base(unknownPopulation)}/counter`));
    expect(c).toMatchObject({ answers: 0, population: null, responseRate: null, margin: null });
    expect(c.targets).toContainEqual({ points: 5, needed: 385, remaining: 385 });
  });
});

describe('access', () => {
  const paths = ['qr.svg', 'qr.png', 'paper.pdf', 'counter'];

  it('hides an organisation’s campaigns from outsiders (404)', async () => {
    for (const p of paths) {
      const res = await outsider.get(`${base(campaign)}/${p}`);
      expect(res.statusCode, p).toBe(404);
      expect(json<{ code: string }>(res).code).toBe('organisation_not_found');
    }
  });

  it('does not find a campaign through another organisation, nor a campaign that does not exist', async () => {
    for (const p of paths) {
      expect((await outsider.get(`${base(campaign, otherOrgId)}/${p}`)).statusCode, p).toBe(404);
      const missing = await admin.get(`${base({ id: crypto.randomUUID() })}/${p}`);
      expect(missing.statusCode, p).toBe(404);
      expect(json<{ code: string }>(missing).code).toBe('campaign_not_found');
    }
  });

  it('asks to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base(campaign)}/qr.png` });
    expect(res.statusCode).toBe(401);
  });

  it('documents the downloads as binary files in OpenAPI', async () => {
    const doc = json<{
      paths: Record<
        string,
        {
          get: {
            responses: Record<
              string,
              { content: Record<string, { schema: { type: string; format?: string } }> }
            >;
          };
        }
      >;
    }>(await t.app.inject({ method: 'GET', url: '/api/openapi.json' }));
    const at = (p: string) =>
      doc.paths[`/api/organisations/{orgId}/campaigns/{campaignId}/${p}`]!.get.responses['200']!
        .content;
    expect(at('qr.svg')['image/svg+xml']!.schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(at('qr.png')['image/png']!.schema).toMatchObject({ type: 'string', format: 'binary' });
    expect(at('paper.pdf')['application/pdf']!.schema).toMatchObject({
      type: 'string',
      format: 'binary',
    });
    expect(at('counter')['application/json']!.schema).toBeTruthy();
  });
});
